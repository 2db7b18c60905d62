"""Claims of deep-learning/activation_functions.md checked beyond the one data set its snippet uses."""

import numpy as np
import pytest
from scipy.special import expit, softmax
from scipy.stats import norm
from sklearn.datasets import make_classification, make_moons
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from threadpoolctl import threadpool_limits

from scripts.figures import snippet_namespace


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny fits: extra BLAS/OpenMP threads only add overhead, badly so on a loaded machine."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("activation_functions")


@pytest.mark.parametrize("seed", range(5))
def test_any_stack_of_affine_layers_is_one_affine_map(seed):
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 12, size=rng.integers(3, 8))  # 2 to 6 layers of random widths
    Ws = [rng.normal(size=(m, n)) for m, n in zip(sizes, sizes[1:])]
    bs = [rng.normal(size=n) for n in sizes[1:]]
    X = rng.normal(size=(50, sizes[0]))
    h = X
    for W, b in zip(Ws, bs):
        h = h @ W + b
    W, b = Ws[0], bs[0]
    for Wn, bn in zip(Ws[1:], bs[1:]):
        W, b = W @ Wn, b @ Wn + bn
    np.testing.assert_allclose(h, X @ W + b, rtol=1e-9, atol=1e-9 * np.abs(h).max())


@pytest.mark.parametrize("seed", range(3))
def test_a_trained_identity_mlp_is_a_logistic_regression(seed):
    X, y = make_classification(n_samples=300, n_features=5, n_informative=3, random_state=seed)
    net = MLPClassifier((10, 7), activation="identity", solver="lbfgs", max_iter=2000, random_state=seed)
    net.fit(X, y)
    W, b = net.coefs_[0], net.intercepts_[0]
    for Wn, bn in zip(net.coefs_[1:], net.intercepts_[1:]):
        W, b = W @ Wn, b @ Wn + bn
    np.testing.assert_allclose(expit(X @ W + b).ravel(), net.predict_proba(X)[:, 1], rtol=1e-9, atol=1e-12)
    # Its logit is affine: along any line through input space the second differences vanish.
    t = np.linspace(-3, 3, 21)[:, None]
    line = X[0] + t * (X[1] - X[0])
    logit = np.log(net.predict_proba(line)[:, 1]) - np.log(net.predict_proba(line)[:, 0])
    assert np.abs(np.diff(logit, 2)).max() < 1e-6 * max(1.0, np.abs(logit).max())


@pytest.mark.parametrize("seed", range(4))
def test_relu_network_beats_identity_network_on_moons_for_other_seeds(seed):
    X, y = make_moons(n_samples=400, noise=0.15, random_state=seed + 10)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)

    def mlp(activation):
        net = MLPClassifier((16, 16, 16), activation=activation, solver="lbfgs", max_iter=2000, random_state=0)
        return net.fit(X_train, y_train).score(X_test, y_test)

    linear, relu = mlp("identity"), mlp("relu")
    logreg = LogisticRegression().fit(X_train, y_train).score(X_test, y_test)
    assert abs(linear - logreg) <= 0.03  # both are linear classifiers
    assert relu > max(linear, logreg) + 0.05


def test_sigmoid_and_tanh_derivatives_peak_at_zero_and_vanish_in_the_tails():
    z = np.linspace(-30, 30, 60_001)
    ds = expit(z) * (1 - expit(z))
    dt = 1 - np.tanh(z) ** 2
    assert ds.max() == pytest.approx(0.25) and z[ds.argmax()] == pytest.approx(0, abs=1e-9)
    assert dt.max() == pytest.approx(1.0) and z[dt.argmax()] == pytest.approx(0, abs=1e-9)
    assert ds[np.abs(z) > 10].max() < 5e-5 and dt[np.abs(z) > 5].max() < 2e-4
    np.testing.assert_allclose(np.tanh(z), 2 * expit(2 * z) - 1, atol=1e-12)
    # A product of L sigmoid derivatives is at most 0.25**L, whatever the inputs.
    rng = np.random.default_rng(0)
    zs = rng.normal(0, 2, size=(1000, 10))
    prod = np.prod(expit(zs) * (1 - expit(zs)), axis=1)
    assert prod.max() <= 0.25**10


def test_gelu_is_x_times_the_normal_cdf_and_its_tanh_approximation_is_close():
    ns = snippet_namespace("activation_functions")
    z = np.linspace(-10, 10, 20_001)
    np.testing.assert_allclose(ns["gelu"](z), z * norm.cdf(z), atol=1e-12)
    approx = 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))
    assert np.abs(approx - ns["gelu"](z)).max() < 5e-4
    # GELU is smooth but not monotone: negative slope left of its minimum near -0.75.
    d = ns["activations"]["GELU"][1](z)
    assert d.min() < -0.1 and (d[(z > -0.7) & (z < 0)] > 0).all()


@pytest.mark.parametrize("seed", range(5))
def test_a_relu_unit_negative_on_every_row_gets_exactly_zero_gradient_and_a_leaky_one_does_not(seed):
    rng = np.random.default_rng(seed)
    X, t = rng.normal(size=(64, 3)), rng.integers(0, 2, 64).astype(float)
    W1, b1, w2 = rng.normal(size=(3, 6)), rng.normal(size=6), rng.normal(size=6)
    b1[0] = -10 - np.abs(X @ W1[:, 0]).max()  # unit 0 is below zero on every row

    def grads(alpha):
        Z1 = X @ W1 + b1
        A1 = np.where(Z1 > 0, Z1, alpha * Z1)
        d2 = (expit(A1 @ w2) - t) / len(t)
        dZ1 = np.outer(d2, w2) * np.where(Z1 > 0, 1.0, alpha)
        return X.T @ dZ1, dZ1.sum(axis=0)

    dW, db = grads(0.0)
    assert np.all(dW[:, 0] == 0) and db[0] == 0  # exactly zero: it can never move
    assert np.abs(dW[:, 1:]).max() > 0
    dW_leaky, db_leaky = grads(0.01)
    assert np.abs(dW_leaky[:, 0]).max() > 0 and db_leaky[0] != 0


@pytest.mark.parametrize("seed", range(4))
def test_a_learning_rate_too_high_kills_relu_units_and_a_sane_one_does_not(ns, seed):
    rng = np.random.default_rng(seed)
    start = (rng.normal(size=(2, 16)), np.zeros(16), rng.normal(0, 0.25, 16), np.array(0.0))
    fit, dead_units = ns["fit"], ns["dead_units"]
    calm = dead_units(fit(start, alpha=0.0, lr=1.0, n_steps=200))
    wild = dead_units(fit(start, alpha=0.0, lr=10.0, n_steps=200))
    wilder = dead_units(fit(start, alpha=0.0, lr=20.0, n_steps=200))
    assert len(calm) == 0 < len(wild) < len(wilder)


@pytest.mark.parametrize("seed", range(5))
def test_softmax_sums_to_one_ignores_shifts_and_reduces_to_a_sigmoid_for_two_classes(ns, seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(0, 5, size=(20, 4))
    p = ns["softmax"](z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(ns["softmax"](z + rng.normal(0, 100, size=(20, 1))), p, atol=1e-12)
    np.testing.assert_allclose(p, softmax(z, axis=1), atol=1e-12)
    big = ns["softmax"](z * 1000)  # logits in the thousands: the stable form still works
    assert np.isfinite(big).all()
    pair = z[:, :2]
    np.testing.assert_allclose(ns["softmax"](pair)[:, 0], expit(pair[:, 0] - pair[:, 1]), atol=1e-12)


def test_scikit_learn_output_activations_by_task():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    multilabel = (rng.random((60, 3)) < 0.5).astype(int)  # each row may have several labels
    clf = MLPClassifier(hidden_layer_sizes=(4,), random_state=0).partial_fit(X, multilabel, classes=[0, 1, 2])
    assert clf.out_activation_ == "logistic"  # one independent sigmoid per label
    reg = MLPRegressor(hidden_layer_sizes=(4,), random_state=0).partial_fit(X, rng.normal(size=60))
    assert reg.out_activation_ == "identity"
