"""Tests for "Implement logistic regression with gradient descent".

Run them on your file: pytest --solution solution.py (needs numpy, scipy,
scikit-learn and pytest). The reference is scikit-learn's LogisticRegression,
which minimises C * sum(log losses) + ||w||^2 / 2 with the intercept unpenalised:
the same minimiser as mean log loss + (lam / 2) * ||w||^2 when C = 1 / (n * lam),
and C = inf when lam = 0.
"""

import warnings

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

SEEDS = [0, 1, 2]
LAMS = [0.0, 0.01, 0.1]
# A tight fit: gradient descent stops within about 1e-6 of the optimum, well inside
# the tolerances below. The data are standardised-like, so lr=1 is a safe step.
TIGHT = {"lr": 1.0, "n_iter": 5_000, "tol": 1e-9}


def make_data(seed, n=200, d=3):
    """Features near N(0, 1), labels drawn from a logistic model: not separable."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) + rng.normal(0, 0.5, size=d)
    w_true = rng.normal(size=d)
    p = 1 / (1 + np.exp(-(X @ w_true + 0.5)))
    y = (rng.random(n) < p).astype(int)
    return X, y


def sklearn_fit(X, y, lam):
    C = np.inf if lam == 0 else 1 / (len(y) * lam)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a ConvergenceWarning at tol=1e-12 is harmless
        model = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)
    return model.coef_[0], float(model.intercept_[0]), model


def objective(X, y, w, b, lam):
    """The objective of the statement, computed stably (not with your code)."""
    z = X @ w + b
    return float(np.mean(np.logaddexp(0, z) - y * z) + 0.5 * lam * (w @ w))


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def call_recording_warnings(function, *args, **kwargs):
    """Call one of your functions; return its result and the warnings it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(*args, **kwargs)
    return result, sorted({str(w.message) for w in caught})


def expect_value_error(solution, name, *args, what):
    try:
        getattr(solution.raw, name)(*args)
    except ValueError:
        return
    except NotImplementedError:
        pytest.fail(
            f"{solution.path}: `{name}` is not written yet (it raises NotImplementedError)"
        )
    except Exception as exc:
        pytest.fail(f"{what}: expected ValueError, got {type(exc).__name__}: {exc}")
    pytest.fail(f"{what}: expected ValueError, but nothing was raised")


@pytest.mark.parametrize("lam", LAMS)
@pytest.mark.parametrize("seed", SEEDS)
def test_coefficients_match_sklearn(solution, seed, lam):
    X, y = make_data(seed)
    w, b = solution.fit_logistic(X, y, lam=lam, **TIGHT)
    w_sk, b_sk, _ = sklearn_fit(X, y, lam)
    np.testing.assert_allclose(
        w,
        w_sk,
        rtol=1e-4,
        atol=1e-5,
        err_msg=f"weights differ from sklearn's LogisticRegression(C=1/(n*lam)) "
        f"(lam={lam}, seed={seed}): check your gradient X.T @ (p - y) / n + lam * w "
        "(the 1/n, the sign of the step, labels 0/1 rather than -1/+1, and the "
        "penalty's term: the derivative of lam/2 * ||w||^2 is lam * w, not 2 * lam * w)",
    )
    assert b == pytest.approx(b_sk, rel=1e-4, abs=1e-5), (
        f"intercept {b:.6f}, sklearn's is {b_sk:.6f} (lam={lam}, seed={seed}): "
        "the intercept's gradient is mean(p - y), with no penalty term"
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_probabilities_match_sklearn(solution, seed):
    X, y = make_data(seed)
    w_sk, b_sk, model = sklearn_fit(X, y, 0.01)
    p = solution.predict_proba(X, w_sk, b_sk)
    np.testing.assert_allclose(
        p,
        model.predict_proba(X)[:, 1],
        rtol=1e-9,
        atol=1e-12,
        err_msg="predict_proba(X, w, b) with sklearn's w and b should equal "
        "sklearn's predict_proba(X)[:, 1], the sigmoid of X @ w + b",
    )
    w, b = solution.fit_logistic(X, y, lam=0.01, **TIGHT)
    np.testing.assert_allclose(
        solution.predict_proba(X, w, b),
        model.predict_proba(X)[:, 1],
        atol=1e-5,
        err_msg="the probabilities of your fitted model differ from sklearn's "
        "(lam=0.01, C=1/(n*lam))",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_loss_matches_sklearn_log_loss(solution, seed):
    X, y = make_data(seed)
    rng = np.random.default_rng(seed + 100)
    w, b, lam = rng.normal(size=X.shape[1]), float(rng.normal()), 0.3
    expected = log_loss(y, sigmoid(X @ w + b)) + 0.5 * lam * (w @ w)
    loss = solution.logistic_loss(X, y, w, b, lam=lam)
    assert np.ndim(loss) == 0, (
        f"logistic_loss should return one number, got shape {np.shape(loss)}"
    )
    assert loss == pytest.approx(expected, rel=1e-9), (
        f"logistic_loss = {loss:.8f}, expected {expected:.8f} = sklearn.metrics."
        "log_loss(y, p) + lam / 2 * ||w||^2 (the mean over rows, not the sum; b not penalised)"
    )


def test_loss_is_exact_and_finite_for_huge_scores(solution):
    X = np.array([[1000.0], [-1000.0], [1000.0], [-1000.0], [40.0]])
    y = np.array([0, 1, 1, 0, 0])
    w, b = np.array([1.0]), 0.0
    z = X @ w
    expected = float(
        np.mean(np.logaddexp(0, z) - y * z)
    )  # (1000 + 1000 + 0 + 0 + 40) / 5
    loss, caught = call_recording_warnings(solution.logistic_loss, X, y, w, b)
    assert not caught and np.isfinite(loss), (
        f"logistic_loss returned {loss} with warnings {caught} for scores of +-1000: "
        "compute the loss from z, log(1 + e^z) - y * z = np.logaddexp(0, z) - y * z, "
        "not from log(p) (p rounds to exactly 0 or 1), and not with "
        "np.log1p(np.exp(z)), whose np.exp(z) overflows for z above about 709"
    )
    assert loss == pytest.approx(expected, rel=1e-9), (
        f"logistic_loss = {loss}, expected {expected}: a row with y = 0 and z = 1000 "
        "costs 1000. Clipping p before the log caps it near 34.5; compute the loss "
        "from z with np.logaddexp(0, z) - y * z"
    )


def test_predict_proba_is_stable_for_huge_scores(solution):
    z = np.array(
        [-1e4, -1000.0, -745.0, -40.0, -1.0, 0.0, 1.0, 40.0, 745.0, 1000.0, 1e4]
    )
    p, caught = call_recording_warnings(
        solution.predict_proba, z[:, None], np.array([1.0]), 0.0
    )
    assert not caught, (
        f"predict_proba warned {caught} for scores from -1e4 to 1e4: never take np.exp "
        "of a large positive number (use exp(-|z|) in both halves); note that "
        "np.where(z >= 0, a, b) computes both a and b on every element, so an "
        "np.exp(z) or np.exp(-z) in either branch still overflows"
    )
    assert np.shape(p) == (len(z),), (
        f"predict_proba should return shape (n,), got {np.shape(p)}"
    )
    assert np.all(np.isfinite(p)), f"predict_proba returned non-finite values: {p}"
    np.testing.assert_allclose(
        p,
        sigmoid(z),
        rtol=1e-9,
        atol=1e-15,
        err_msg="predict_proba(X, w, b) should be sigmoid(X @ w + b): 0 and 1 for "
        "scores of -1e4 and 1e4, 0.5 at 0",
    )


def test_fit_on_unscaled_features_stays_finite_without_warnings(solution):
    # Features in the thousands (grams, say) and separable classes: the scores of
    # the first steps are in the tens of thousands.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2)) * 1000
    y = (X[:, 0] + 0.5 * X[:, 1] > 0).astype(int)
    (w, b), caught = call_recording_warnings(
        solution.fit_logistic, X, y, lr=0.1, n_iter=200
    )
    assert not caught, (
        f"fit_logistic warned {caught} on features of size 1000: the scores are huge, so "
        "the sigmoid must not compute np.exp of a large positive number"
    )
    assert np.all(np.isfinite(w)) and np.isfinite(b), (
        f"fit_logistic returned w={w}, b={b} on features of size 1000: NaN or inf "
        "usually comes from an unstable sigmoid or loss"
    )
    p = solution.predict_proba(X, w, b)
    accuracy = np.mean((p > 0.5) == y)
    assert accuracy >= 0.95, (
        f"on separable data your fit classifies only {accuracy:.0%} right"
    )


def test_loss_decreases_at_every_step(solution):
    X, y = make_data(0)
    lam = 0.05
    X1 = np.column_stack([X, np.ones(len(X))])
    smoothness = np.linalg.eigvalsh(X1.T @ X1 / len(X)).max() / 4 + lam
    lr = 1 / smoothness  # below 2 / L: each step of gradient descent lowers the loss
    steps = [0, 1, 2, 3, 5, 10, 20, 50]
    losses = []
    for k in steps:
        w, b = solution.fit_logistic(X, y, lam=lam, lr=lr, n_iter=k, tol=0.0)
        losses.append(objective(X, y, w, b, lam))
    assert losses[0] == pytest.approx(np.log(2)), (
        f"after 0 steps the loss should be log 2 = 0.6931 (w = 0, b = 0), got {losses[0]:.4f}"
    )
    shown = ", ".join(f"{k}: {loss:.4f}" for k, loss in zip(steps, losses))
    assert all(b <= a + 1e-12 for a, b in zip(losses, losses[1:])), (
        f"the loss went up with more steps (n_iter: loss = {shown}) at lr = 1/L = {lr:.3f}: "
        "is the gradient averaged over the rows (X.T @ (p - y) / n) and is the step "
        "w - lr * grad?"
    )
    assert losses[-1] < losses[0] - 0.05, f"50 steps barely lowered the loss: {shown}"


def test_intercept_is_not_penalised(solution):
    # 80% positives and a strong penalty: the weights shrink to about 0, but the
    # intercept should stay near the log-odds of the positive share.
    rng = np.random.default_rng(3)
    X = rng.normal(size=(300, 2))
    y = (rng.random(300) < 0.8).astype(int)
    lam = 10.0
    w, b = solution.fit_logistic(X, y, lam=lam, lr=0.15, n_iter=5_000, tol=1e-9)
    w_sk, b_sk, _ = sklearn_fit(X, y, lam)
    assert b == pytest.approx(b_sk, abs=1e-5), (
        f"with lam={lam} your intercept is {b:.4f}, sklearn's is {b_sk:.4f} (near the "
        f"log-odds of the positive share, {np.log(y.mean() / (1 - y.mean())):.4f}): the "
        "penalty is on w only, so leave lam * b out of the intercept's gradient"
    )
    np.testing.assert_allclose(
        w, w_sk, atol=1e-5, err_msg=f"weights differ from sklearn's at lam={lam}"
    )


def test_a_feature_that_is_always_zero(solution):
    # A column of zeros (a category never seen in training, say): its gradient is 0
    # from the first step, but the intercept's is not. Stopping when only w's
    # gradient is small returns b = 0.
    X = np.zeros((10, 1))
    y = np.array([1, 1, 1, 1, 1, 1, 1, 0, 0, 0])
    w, b = solution.fit_logistic(X, y, **TIGHT)
    w_sk, b_sk, _ = sklearn_fit(X, y, 0.0)
    np.testing.assert_allclose(
        w, w_sk, atol=1e-9, err_msg="the weight of an all-zero column should stay 0"
    )
    assert b == pytest.approx(b_sk, abs=1e-6), (
        f"on an all-zero feature with 70% positives the intercept should reach the "
        f"log-odds log(0.7 / 0.3) = {b_sk:.4f}, as in sklearn; got {b:.4f}. Stop only "
        "when every entry of the gradient, the intercept's mean(p - y) included, is below tol"
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_repeated_column_shares_its_weight(solution, seed):
    # Collinear features: with lam > 0 the objective has one minimiser, which splits
    # the weight equally between the two copies.
    X, y = make_data(seed, d=2)
    X = np.column_stack([X, X[:, 0]])
    w, b = solution.fit_logistic(X, y, lam=0.01, **TIGHT)
    w_sk, b_sk, _ = sklearn_fit(X, y, 0.01)
    np.testing.assert_allclose(
        w,
        w_sk,
        rtol=1e-4,
        atol=1e-5,
        err_msg=f"on a repeated column (seed={seed}, lam=0.01) the weights differ from "
        "sklearn's, which give both copies the same weight",
    )
    assert b == pytest.approx(b_sk, rel=1e-4, abs=1e-5), (
        f"intercept {b:.6f}, sklearn's {b_sk:.6f} on a repeated column"
    )


def test_bad_input_raises_value_error(solution):
    X, y = make_data(0, n=20)
    expect_value_error(
        solution,
        "fit_logistic",
        X,
        2 * y - 1,
        what="labels in {-1, +1} (y must hold only 0 and 1)",
    )
    expect_value_error(solution, "fit_logistic", X, y[:-1], what="len(y) != len(X)")
    expect_value_error(solution, "fit_logistic", X[:, 0], y, what="a 1-D X")


def test_shapes_and_types(solution):
    X, y = make_data(1, n=50, d=4)
    w, b = solution.fit_logistic(X, y, lam=0.1, n_iter=100)
    assert isinstance(w, np.ndarray) and w.shape == (4,), (
        f"w should be an array of shape (d,) = (4,), got {type(w).__name__} of shape {np.shape(w)}"
    )
    assert np.issubdtype(w.dtype, np.floating), f"w should hold floats, got {w.dtype}"
    assert np.ndim(b) == 0, f"b should be a single float, got shape {np.shape(b)}"
    p = solution.predict_proba(X, w, b)
    assert np.shape(p) == (50,), (
        f"predict_proba should return shape (n,) = (50,), got {np.shape(p)}"
    )
    assert np.all((p >= 0) & (p <= 1)), "probabilities must lie in [0, 1]"
    assert np.ndim(solution.logistic_loss(X, y, w, b)) == 0, (
        "logistic_loss should return one number"
    )
    # Integer features (counts, say): the weights are still floats, and the same.
    counts = np.round(X * 3).astype(int)
    w_int, b_int = solution.fit_logistic(counts, y, lam=0.1, n_iter=100)
    assert np.issubdtype(np.asarray(w_int).dtype, np.floating), (
        f"with an integer X, w should still hold floats, got {np.asarray(w_int).dtype} "
        "(np.zeros_like(X[0]) makes integer weights)"
    )
    w_float, b_float = solution.fit_logistic(
        counts.astype(float), y, lam=0.1, n_iter=100
    )
    np.testing.assert_allclose(
        w_int,
        w_float,
        rtol=1e-10,
        atol=1e-12,
        err_msg="an integer X should give the same fit as the same X as floats",
    )


def test_inputs_are_not_modified(solution):
    X, y = make_data(2, n=50)
    X_copy, y_copy = X.copy(), y.copy()
    w, b = solution.fit_logistic(X, y, lam=0.1, n_iter=50)
    w_copy = w.copy()
    solution.predict_proba(X, w, b)
    solution.logistic_loss(X, y, w, b, lam=0.1)
    np.testing.assert_array_equal(
        X, X_copy, err_msg="your functions changed X in place"
    )
    np.testing.assert_array_equal(
        y, y_copy, err_msg="your functions changed y in place"
    )
    np.testing.assert_array_equal(
        w, w_copy, err_msg="predict_proba or logistic_loss changed w"
    )
