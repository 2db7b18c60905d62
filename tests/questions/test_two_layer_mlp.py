"""Claims of coding/two_layer_mlp.md checked against the reference solution."""

import numpy as np
import pytest
from scipy.special import log_softmax
from sklearn.metrics import log_loss

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("two_layer_mlp")


def problem(seed, n=7, d=5, h=4, c=3):
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.normal(0, 1, (d, h)),
        "b1": rng.normal(0, 0.5, h),
        "W2": rng.normal(0, 1, (h, c)),
        "b2": rng.normal(0, 0.5, c),
    }
    return params, rng.normal(size=(n, d)), rng.integers(0, c, n)


def numerical_gradient(loss, params, step=1e-6):
    num = {}
    for name, p in params.items():
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + step
            plus = loss(params)
            p[i] = old - step
            minus = loss(params)
            p[i] = old
            g[i] = (plus - minus) / (2 * step)
        num[name] = g
    return num


def test_the_tests_network_has_39_parameters():
    params, _, _ = problem(0)
    assert sum(p.size for p in params.values()) == 39  # 78 loss evaluations per check


@pytest.mark.parametrize("seed", range(5))
def test_reference_gradients_pass_a_much_tighter_check_than_the_tests_use(ns, seed):
    params, X, y = problem(seed)
    _, grads = ns["loss_and_grads"](params, X, y)
    num = numerical_gradient(lambda p: ns["loss_and_grads"](p, X, y)[0], params)
    for name in params:
        err = np.linalg.norm(grads[name] - num[name]) / np.linalg.norm(grads[name] + num[name])
        assert err < 1e-7, name  # the tests allow a relative 1e-5


def test_relu_derivative_at_zero_is_zero(ns):
    # A pre-activation exactly at 0: its unit passes no gradient back to W1 and b1.
    params, X, y = problem(0, n=1)
    params["b1"][0] = -(X @ params["W1"])[0, 0]
    assert (X @ params["W1"] + params["b1"])[0, 0] == 0.0
    _, grads = ns["loss_and_grads"](params, X, y)
    assert grads["b1"][0] == 0.0 and np.all(grads["W1"][:, 0] == 0.0)


@pytest.mark.parametrize("seed", range(3))
def test_mask_from_post_activation_equals_mask_from_pre_activation(seed):
    z = np.random.default_rng(seed).normal(size=(50, 20))
    np.testing.assert_array_equal(np.maximum(z, 0) > 0, z > 0)


def test_log_loss_clips_at_machine_epsilon_but_the_log_softmax_does_not(ns):
    eps = np.finfo(np.float64).eps
    assert eps == 2.0**-52
    assert round(-np.log(eps)) == 36
    # A certain, wrong prediction: log_loss caps the cost near 36, the log-softmax gives it all.
    logits = np.array([[0.0, -5000.0]])
    probs = np.exp(log_softmax(logits, axis=1))
    assert probs[0, 1] == 0.0
    assert log_loss([1], probs, labels=[0, 1]) == pytest.approx(-np.log(eps), rel=1e-6)
    assert -log_softmax(logits, axis=1)[0, 1] == pytest.approx(5000.0)


def test_the_example_huge_logit_loss_is_finite_and_comes_from_row_four(ns):
    huge, X, y = ns["huge"], ns["X"], ns["y"]
    probs, _ = ns["forward"](ns["params"], X)
    wrong = np.flatnonzero(probs.argmax(axis=1) != y)
    assert list(wrong) == [3] and y[3] == 2 and probs[3].argmax() == 0
    assert ns["loss_huge"] == pytest.approx(round(ns["loss_huge"], 1), abs=0.05)
    assert f"{ns['loss_huge']:.1f}" == "3828.2"
    logits = np.maximum(X @ huge["W1"] + huge["b1"], 0) @ huge["W2"] + huge["b2"]
    assert ns["loss_huge"] == pytest.approx((logits[3, 0] - logits[3, 2]) / 4, rel=1e-9)


@pytest.mark.parametrize("lam", [0.0, 0.1, 1.0])
def test_l2_weight_decay_adds_lambda_w_to_each_weight_gradient(ns, lam):
    params, X, y = problem(1)

    def loss(p):
        data = ns["loss_and_grads"](p, X, y)[0]
        return data + lam / 2 * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

    _, grads = ns["loss_and_grads"](params, X, y)
    grads = dict(grads, W1=grads["W1"] + lam * params["W1"], W2=grads["W2"] + lam * params["W2"])
    num = numerical_gradient(loss, params)
    for name in params:
        np.testing.assert_allclose(grads[name], num[name], rtol=1e-5, atol=1e-8)
    if lam > 0:  # the check, run without the penalty, rejects the correct penalised gradient
        plain = numerical_gradient(lambda p: ns["loss_and_grads"](p, X, y)[0], params)
        assert not np.allclose(grads["W1"], plain["W1"], rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("split", [1, 3, 10])
def test_full_gradient_is_the_size_weighted_average_of_batch_gradients(ns, split):
    params, X, y = problem(2, n=13)
    _, full = ns["loss_and_grads"](params, X, y)
    _, g1 = ns["loss_and_grads"](params, X[:split], y[:split])
    _, g2 = ns["loss_and_grads"](params, X[split:], y[split:])
    for name in params:
        mixed = (split * g1[name] + (13 - split) * g2[name]) / 13
        np.testing.assert_allclose(mixed, full[name], rtol=1e-10, atol=1e-14)


def test_random_batch_gradients_average_to_the_full_gradient(ns):
    # Unbiased: over every batch of 3 rows out of 6, the mean batch gradient is the full one.
    from itertools import combinations

    params, X, y = problem(3, n=6)
    _, full = ns["loss_and_grads"](params, X, y)
    batches = [ns["loss_and_grads"](params, X[list(b)], y[list(b)])[1] for b in combinations(range(6), 3)]
    for name in params:
        np.testing.assert_allclose(np.mean([g[name] for g in batches], axis=0), full[name], atol=1e-12)


def test_the_spirals_figure_fits_what_a_linear_model_cannot():
    from sklearn.linear_model import LogisticRegression

    from scripts.figures.two_layer_mlp import trained_on_spirals

    X, y, _, losses = trained_on_spirals()
    assert losses[0] == pytest.approx(np.log(3), abs=0.1)
    assert 0.01 < losses[-1] < 0.03  # the alt text: "to about 0.02"
    linear = LogisticRegression(max_iter=1000).fit(X, y).score(X, y)
    assert linear < 0.7


@pytest.mark.parametrize("seed", range(3))
def test_the_network_is_mlpclassifier_and_the_loss_is_log_loss(ns, seed):
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    params, X, y = problem(seed)
    clf = MLPClassifier(hidden_layer_sizes=(4,), activation="relu", max_iter=1)
    with warnings.catch_warnings():  # fitted only to create its attributes
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(np.zeros((3, 5)), np.arange(3))
    clf.coefs_ = [params["W1"], params["W2"]]
    clf.intercepts_ = [params["b1"], params["b2"]]
    probs, _ = ns["forward"](params, X)
    np.testing.assert_allclose(probs, clf.predict_proba(X), rtol=1e-9, atol=1e-12)
    loss = ns["loss_and_grads"](params, X, y)[0]
    assert loss == pytest.approx(log_loss(y, probs, labels=[0, 1, 2]), rel=1e-9)


def test_zero_weights_leave_only_the_output_bias_moving(ns):
    params, X, y = problem(0)
    params = {k: np.zeros_like(v) for k, v in params.items()}
    for _ in range(5):
        _, grads = ns["loss_and_grads"](params, X, y)
        assert all(np.all(grads[k] == 0) for k in ("W1", "b1", "W2"))
        assert np.any(grads["b2"] != 0)
        params = ns["sgd_step"](params, grads, 0.5)
    assert np.any(params["b2"] != 0) and np.all(params["W2"] == 0)
