"""Tests for "Implement a two-layer MLP with backpropagation".

Run them with `pytest` (they test solution.py beside this file) or `pytest --solution mine.py`.
They need only numpy, scipy and pytest, and take about a second. The references are
scipy.special.softmax and log_softmax of the logits, and centred finite differences of
your own loss.
"""

import numpy as np
import pytest
from scipy.special import log_softmax, softmax

# Batch, inputs, hidden units, classes: all different, so a transposed gradient or a bias
# gradient summed over the wrong axis shows up in its shape.
N, D, H, C = 7, 5, 4, 3
SEEDS = [0, 1, 2, 3]
NAMES = ("W1", "b1", "W2", "b2")


def make_problem(seed, n=N, logit_scale=1.0):
    """Random float64 parameters, inputs and labels. No pre-activation lies within 1e-3 of 0,
    so the finite differences below never straddle the ReLU kink."""
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.normal(0, 1, (D, H)),
        "b1": rng.normal(0, 0.5, H),
        "W2": rng.normal(0, 1, (H, C)) * logit_scale,
        "b2": rng.normal(0, 0.5, C) * logit_scale,
    }
    X = rng.normal(size=(n, D))
    y = rng.integers(0, C, n)
    assert np.abs(X @ params["W1"] + params["b1"]).min() > 1e-3, "test data near a kink"
    return params, X, y


def reference_logits(params, X):
    return np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]


def copy(params):
    return {k: v.copy() for k, v in params.items()}


def loss_of(solution, params, X, y):
    return float(solution.loss_and_grads(params, X, y)[0])


def numerical_gradient(solution, params, X, y, step=1e-6):
    """Centred finite differences of your loss, one parameter entry at a time."""
    params = copy(params)
    num = {}
    for name in NAMES:
        g = np.zeros_like(params[name])
        for i in np.ndindex(g.shape):
            old = params[name][i]
            params[name][i] = old + step
            plus = loss_of(solution, params, X, y)
            params[name][i] = old - step
            minus = loss_of(solution, params, X, y)
            params[name][i] = old
            g[i] = (plus - minus) / (2 * step)
        num[name] = g
    return num


def checked_grads(solution, params, X, y):
    """Your gradients, after checking that every key is there with the parameter's shape."""
    _, grads = solution.loss_and_grads(params, X, y)
    missing = [k for k in NAMES if k not in grads]
    assert not missing, (
        f"grads has no {missing}: return a dict with keys W1, b1, W2, b2"
    )
    for k in NAMES:
        got = np.shape(grads[k])
        assert got == params[k].shape, (
            f"grads['{k}'] has shape {got} but {k} has {params[k].shape}: see "
            f"test_{'bias' if k[0] == 'b' else 'weight'}_gradient_shapes"
        )
    return grads


def diagnosis(analytic, numeric):
    """A guess at the mistake from how the two gradients compare."""
    ratio = np.sum(analytic * numeric) / max(np.sum(numeric * numeric), 1e-300)
    if abs(ratio - N) < 0.05 * N:
        return (
            f" It is {N} times the finite-difference one, and {N} is the batch size: "
            "the loss is a mean, so divide the gradient by the batch size too."
        )
    if abs(ratio - 1 / N) < 0.05 / N:
        return " It is 1/(batch size) times too small: did you divide by n twice?"
    if abs(ratio + 1) < 0.05:
        return " It has the wrong sign: the logits' gradient is probs - onehot(y)."
    return ""


def assert_matches(name, analytic, numeric, extra=""):
    np.testing.assert_allclose(
        analytic,
        numeric,
        rtol=1e-5,
        atol=1e-8,
        err_msg=f"grads['{name}'] does not match centred finite differences of your loss."
        + diagnosis(analytic, numeric)
        + extra,
    )


# ---------------------------------------------------------------- forward pass


@pytest.mark.parametrize("seed", SEEDS)
def test_forward_returns_probabilities(solution, seed):
    params, X, _ = make_problem(seed)
    probs, _ = solution.forward(params, X)
    probs = np.asarray(probs)
    assert probs.shape == (N, C), (
        f"probs has shape {probs.shape}, expected (n, c) = {(N, C)}"
    )
    assert probs.dtype == np.float64, f"probs has dtype {probs.dtype}, expected float64"
    assert np.isfinite(probs).all() and (probs >= 0).all(), (
        "probs must be finite and >= 0"
    )
    sums = probs.sum(axis=1)
    np.testing.assert_allclose(
        sums,
        1.0,
        rtol=0,
        atol=1e-10,
        err_msg="each row of probs must sum to 1: normalise the softmax over each row "
        "(axis=1, the classes), not over the batch",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_forward_matches_scipy_softmax(solution, seed):
    params, X, _ = make_problem(seed)
    probs, _ = solution.forward(params, X)
    np.testing.assert_allclose(
        probs,
        softmax(reference_logits(params, X), axis=1),
        rtol=1e-9,
        atol=1e-12,
        err_msg="forward(params, X) differs from scipy.special.softmax of the logits "
        "relu(X @ W1 + b1) @ W2 + b2, taken over each row (axis=1)",
    )


# ---------------------------------------------------------------- loss


@pytest.mark.parametrize("seed", SEEDS)
def test_loss_matches_scipy_log_softmax(solution, seed):
    params, X, y = make_problem(seed)
    loss, _ = solution.loss_and_grads(params, X, y)
    assert np.ndim(loss) == 0, f"loss must be one number, got shape {np.shape(loss)}"
    log_probs = log_softmax(reference_logits(params, X), axis=1)
    expected = -np.mean(log_probs[np.arange(N), y])
    hint = ""
    if np.isclose(loss, N * expected, rtol=1e-6):
        hint = (
            f" Yours is {N} times too large: take the mean over the batch, not the sum."
        )
    np.testing.assert_allclose(
        float(loss),
        expected,
        rtol=1e-9,
        err_msg="loss differs from the mean over rows of -log_softmax(logits)[i, y[i]] "
        "(scipy.special.log_softmax)." + hint,
    )


# ---------------------------------------------------------------- gradient shapes


def test_weight_gradient_shapes(solution):
    params, X, y = make_problem(0)
    _, grads = solution.loss_and_grads(params, X, y)
    for name in ("W1", "W2"):
        assert name in grads, f"grads has no key '{name}': return a dict like params"
        got, want = np.shape(grads[name]), params[name].shape
        assert got == want, (
            f"grads['{name}'] has shape {got} but {name} has shape {want}: a weight's "
            "gradient is its layer's input transposed times the error signal "
            "(X.T @ dZ1 for W1, A1.T @ dZ2 for W2), not the other way round"
        )


def test_bias_gradient_shapes(solution):
    params, X, y = make_problem(0)
    _, grads = solution.loss_and_grads(params, X, y)
    for name in ("b1", "b2"):
        assert name in grads, f"grads has no key '{name}': return a dict like params"
        got, want = np.shape(grads[name]), params[name].shape
        assert got == want, (
            f"grads['{name}'] has shape {got} but {name} has shape {want}: a bias is added "
            "to every row, so sum its error signal over the batch axis (axis=0)"
        )


# ---------------------------------------------------------------- gradient values


@pytest.mark.parametrize("seed", SEEDS)
def test_output_layer_gradients_match_finite_differences(solution, seed):
    params, X, y = make_problem(seed)
    grads = checked_grads(solution, params, X, y)
    num = numerical_gradient(solution, params, X, y)
    for name in ("W2", "b2"):
        assert_matches(name, grads[name], num[name])


@pytest.mark.parametrize("seed", SEEDS)
def test_hidden_layer_gradients_match_finite_differences(solution, seed):
    params, X, y = make_problem(seed)
    grads = checked_grads(solution, params, X, y)
    num = numerical_gradient(solution, params, X, y)
    output_ok = all(
        np.allclose(grads[k], num[k], rtol=1e-5, atol=1e-8) for k in ("W2", "b2")
    )
    extra = ""
    if output_ok:
        extra = (
            " grads['W2'] and grads['b2'] are right, so the mistake lies between the logits "
            "and the hidden pre-activations Z1: multiply dA1 elementwise by the ReLU "
            "derivative (Z1 > 0)."
        )
    for name in ("W1", "b1"):
        assert_matches(name, grads[name], num[name], extra)


def test_gradients_are_of_the_mean_loss(solution):
    # Every row twice: the mean loss and its gradient stay the same; a sum would double.
    params, X, y = make_problem(0)
    loss, grads = solution.loss_and_grads(params, X, y)
    loss2, grads2 = solution.loss_and_grads(
        params, np.vstack([X, X]), np.concatenate([y, y])
    )
    np.testing.assert_allclose(
        loss2,
        loss,
        rtol=1e-9,
        err_msg="repeating every row of the batch changed the loss: it must be the mean "
        "over the batch, not the sum",
    )
    for name in NAMES:
        factor = np.sum(grads2[name] * grads[name]) / np.sum(grads[name] ** 2)
        np.testing.assert_allclose(
            grads2[name],
            grads[name],
            rtol=1e-9,
            atol=1e-12,
            err_msg=f"repeating every row of the batch multiplied grads['{name}'] by "
            f"{factor:.2f}: the gradient of a mean loss does not grow with the batch; "
            "divide by the batch size (the mean's 1/n)",
        )


def test_a_single_example(solution):
    params, X, y = make_problem(4, n=1)
    probs, _ = solution.forward(params, X)
    assert np.shape(probs) == (1, C), (
        f"for one row, probs must have shape (1, c), got {np.shape(probs)}"
    )
    grads = checked_grads(solution, params, X, y)
    num = numerical_gradient(solution, params, X, y)
    for name in NAMES:
        assert_matches(name, grads[name], num[name], " (a batch of one example)")


# ---------------------------------------------------------------- numerical stability


def test_huge_logits_give_no_nan(solution):
    params, X, y = make_problem(5, logit_scale=1e4)  # logits of order 1e4
    probs, _ = solution.forward(params, X)
    assert np.isfinite(probs).all(), (
        "probs contain nan or inf for logits of order 1e4: subtract each row's maximum "
        "(logits.max(axis=1, keepdims=True)) before np.exp; the softmax does not change. "
        "Without the shift np.exp overflows; with one maximum for the whole batch, a row "
        "far below it underflows to 0/0"
    )
    np.testing.assert_allclose(
        probs.sum(axis=1), 1.0, atol=1e-10, err_msg="rows must sum to 1"
    )
    loss, grads = solution.loss_and_grads(params, X, y)
    expected = -np.mean(
        log_softmax(reference_logits(params, X), axis=1)[np.arange(N), y]
    )
    assert np.isfinite(loss), (
        f"the loss is {loss} for logits of order 1e4: a true-class probability underflows "
        "to 0; compute log-probabilities as the shifted logits minus their log-sum-exp"
    )
    np.testing.assert_allclose(
        loss,
        expected,
        rtol=1e-9,
        err_msg="the loss for huge logits must be exact (clipping probabilities is not): "
        "use the log-softmax, shifted logits minus their log-sum-exp",
    )
    for name in NAMES:
        assert np.isfinite(grads[name]).all(), f"grads['{name}'] contains nan or inf"


# ---------------------------------------------------------------- SGD step


def test_sgd_step_moves_against_the_gradient(solution):
    params, X, y = make_problem(0)
    _, grads = solution.loss_and_grads(params, X, y)
    new = solution.sgd_step(params, grads, 0.1)
    assert set(new) == set(NAMES), f"sgd_step must return a dict with keys {NAMES}"
    for name in NAMES:
        np.testing.assert_allclose(
            new[name],
            params[name] - 0.1 * grads[name],
            rtol=1e-12,
            atol=1e-15,
            err_msg=f"new['{name}'] must be params['{name}'] - lr * grads['{name}']",
        )


def test_sgd_step_leaves_its_inputs_unchanged(solution):
    params, X, y = make_problem(0)
    _, grads = solution.loss_and_grads(params, X, y)
    before_p, before_g = copy(params), copy(grads)
    new = solution.sgd_step(params, grads, 0.1)
    for name in NAMES:
        np.testing.assert_array_equal(
            params[name],
            before_p[name],
            err_msg=f"sgd_step changed params['{name}'] in place: return new arrays "
            "(params[name] - lr * grads[name]) and leave the inputs as they were",
        )
        np.testing.assert_array_equal(
            grads[name], before_g[name], err_msg=f"sgd_step changed grads['{name}']"
        )
        assert not np.shares_memory(new[name], params[name]), (
            f"sgd_step returned params['{name}'] itself: return a new array"
        )


@pytest.mark.parametrize("seed", SEEDS)
def test_one_step_decreases_the_loss(solution, seed):
    params, X, y = make_problem(seed)
    loss, grads = solution.loss_and_grads(params, X, y)
    after = loss_of(solution, solution.sgd_step(params, grads, 0.05), X, y)
    assert after < loss, (
        f"one SGD step with lr=0.05 raised the loss from {loss:.6f} to {after:.6f}: "
        "step against the gradient (params - lr * grads)"
    )


def test_training_fits_a_small_problem(solution):
    # Three well-separated blobs in 2-D: 200 full-batch steps should fit them.
    rng = np.random.default_rng(0)
    centres = np.array([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
    y = np.repeat(np.arange(3), 20)
    X = centres[y] + rng.normal(0, 0.7, (60, 2))
    params = {
        "W1": rng.normal(0, 0.7, (2, 16)),
        "b1": np.zeros(16),
        "W2": rng.normal(0, 0.25, (16, 3)),
        "b2": np.zeros(3),
    }
    first = loss_of(solution, params, X, y)
    for _ in range(200):
        _, grads = solution.loss_and_grads(params, X, y)
        params = solution.sgd_step(params, grads, 0.5)
    last = loss_of(solution, params, X, y)
    probs, _ = solution.forward(params, X)
    accuracy = np.mean(np.argmax(probs, axis=1) == y)
    assert last < 0.2 * first and accuracy >= 0.95, (
        f"after 200 steps with lr=0.5 the loss went from {first:.3f} to {last:.3f} and the "
        f"training accuracy is {accuracy:.2f}; a correct network gets below 20% of the "
        "start and above 0.95"
    )


def test_inputs_are_not_modified(solution):
    params, X, y = make_problem(0)
    before, X0, y0 = copy(params), X.copy(), y.copy()
    solution.forward(params, X)
    solution.loss_and_grads(params, X, y)
    for name in NAMES:
        np.testing.assert_array_equal(
            params[name], before[name], err_msg=f"{name} was modified"
        )
    np.testing.assert_array_equal(X, X0, err_msg="X was modified")
    np.testing.assert_array_equal(y, y0, err_msg="y was modified")
