"""Tests for "Implement linear regression with the normal equation and gradient descent".

Run them on your file: pytest --solution solution.py (needs numpy, scipy,
scikit-learn and pytest). The reference is scikit-learn's LinearRegression: it
centres X and y, solves least squares with an SVD (scipy.linalg.lstsq), which
gives the minimum-norm w when the columns are collinear, and sets
b = mean(y) - mean(X, axis=0) @ w.
"""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

SEEDS = [0, 1, 2, 3]


def make_data(seed, n=60, d=4):
    """Well-conditioned features near N(0, 1) and a noisy linear target with b near 2."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) + rng.normal(0, 0.5, size=d)
    y = X @ rng.normal(size=d) + 2 + rng.normal() + rng.normal(0, 0.3, n)
    return X, y


def sklearn_fit(X, y):
    model = LinearRegression().fit(X, y)
    return model.coef_, float(model.intercept_)


def least_squares(solution, X, y, case):
    """Call your fit_least_squares; a singular-matrix error becomes a clear failure."""
    w, b, error = None, None, None
    try:
        w, b = solution.raw.fit_least_squares(X, y)
    except np.linalg.LinAlgError as exc:
        error = (
            f"fit_least_squares raised LinAlgError ({exc}) on {case}: X^T X is singular "
            "here, so np.linalg.inv or np.linalg.solve on it cannot work; use "
            "np.linalg.lstsq (or np.linalg.pinv) on the centred X"
        )
    except NotImplementedError:
        error = f"{solution.path}: `fit_least_squares` is not written yet (it raises NotImplementedError)"
    except Exception as exc:
        error = f"fit_least_squares raised {type(exc).__name__}: {exc} on {case}"
    if error:
        pytest.fail(error, pytrace=False)
    w = np.asarray(w)
    assert np.all(np.isfinite(w)) and np.isfinite(b), (
        f"fit_least_squares returned w={w}, b={b} on {case}: NaN or inf"
    )
    return w, b


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


@pytest.mark.parametrize("seed", SEEDS)
def test_least_squares_matches_sklearn(solution, seed):
    X, y = make_data(seed)
    w, b = least_squares(solution, X, y, f"full-rank data (seed {seed})")
    w_sk, b_sk = sklearn_fit(X, y)
    np.testing.assert_allclose(
        w,
        w_sk,
        rtol=1e-7,
        atol=1e-9,
        err_msg=f"w differs from sklearn's LinearRegression().coef_ (seed {seed}): "
        "did you fit the intercept (the data have b near 2)?",
    )
    assert b == pytest.approx(b_sk, rel=1e-7, abs=1e-9), (
        f"intercept {b:.6f}, sklearn's is {b_sk:.6f} (seed {seed}): fit an intercept, "
        "b = mean(y) - mean(X, axis=0) @ w"
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_collinear_columns_give_the_minimum_norm_solution(solution, seed):
    X, y = make_data(seed)
    X = np.column_stack([X, X[:, 0], X[:, 1] - 2 * X[:, 2]])  # two exact collinearities
    w, b = least_squares(
        solution, X, y, "X with a repeated column and a linear combination"
    )
    w_sk, b_sk = sklearn_fit(X, y)
    np.testing.assert_allclose(
        X @ w + b,
        X @ w_sk + b_sk,
        rtol=1e-7,
        atol=1e-7,
        err_msg="your predictions on collinear X differ from sklearn's: every "
        "least-squares solution gives the same predictions, so yours is not one",
    )
    np.testing.assert_allclose(
        w,
        w_sk,
        rtol=1e-6,
        atol=1e-7,
        err_msg=f"on collinear X, return the least-squares w of smallest norm, as "
        f"LinearRegression does (||w|| = {np.linalg.norm(w):.4f}, sklearn's "
        f"{np.linalg.norm(w_sk):.4f}): np.linalg.lstsq gives it, inv(X.T @ X) does not",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_ill_conditioned_columns_keep_their_digits(solution, seed):
    # Full rank but badly conditioned: the powers t, t^2, ..., t^8 of 60 points in
    # [0, 1], cond(X_c) about 3.5e5, and a target exactly linear in them. A solver
    # that works on X (SVD or QR) loses about cond * eps, 1e-11 here; one that forms
    # X.T @ X squares the condition number and misses by 1e-8 or more.
    t = np.linspace(0, 1, 60)
    X = np.vander(t, 9, increasing=True)[:, 1:]
    y = X @ np.random.default_rng(seed).normal(size=8) + 2.0
    w, b = least_squares(solution, X, y, "ill-conditioned polynomial features")
    w_sk, _ = sklearn_fit(X, y)
    error = np.abs(w - w_sk).max() / np.abs(w_sk).max()
    assert error < 1e-9, (
        f"on polynomial features with cond(X) about 3.5e5 your w is {error:.1e} away from "
        "LinearRegression's (relative to its largest weight; an SVD or QR of X gets within "
        "1e-11): forming X.T @ X squares the condition number, whether you then use inv, "
        "solve or pinv. Solve on X itself: np.linalg.lstsq(Xc, yc, rcond=None)"
    )


def test_a_constant_column_gets_weight_zero(solution):
    X, y = make_data(4, d=3)
    X = np.column_stack(
        [X[:, :2], np.full(len(X), 3.0), X[:, 2]]
    )  # column 2 never varies
    w, b = least_squares(solution, X, y, "X with a constant column")
    w_sk, b_sk = sklearn_fit(X, y)
    assert abs(w[2]) < 1e-9, (
        f"a constant column cannot explain anything the intercept does not: its weight "
        f"should be 0 (as in LinearRegression), got {w[2]:.6g}. Centre X and y, solve for "
        "w, then b = mean(y) - mean(X, axis=0) @ w"
    )
    np.testing.assert_allclose(
        w, w_sk, atol=1e-9, err_msg="w differs from LinearRegression's"
    )
    assert b == pytest.approx(b_sk, abs=1e-9), f"intercept {b}, sklearn's {b_sk}"


def test_one_hot_columns_and_an_intercept(solution):
    # The dummy-variable trap: the one-hot columns of a 3-level category sum to 1,
    # the intercept's column. sklearn's rule: smallest ||w||, b not counted.
    rng = np.random.default_rng(5)
    level = rng.integers(0, 3, 90)
    x = rng.normal(size=90)
    X = np.column_stack([np.eye(3)[level], x])
    y = np.array([1.0, -2.0, 4.0])[level] + 0.7 * x + 5 + rng.normal(0, 0.2, 90)
    w, b = least_squares(solution, X, y, "one-hot columns that sum to 1")
    w_sk, b_sk = sklearn_fit(X, y)
    np.testing.assert_allclose(
        X @ w + b,
        X @ w_sk + b_sk,
        atol=1e-7,
        err_msg="predictions differ from sklearn's",
    )
    assert b == pytest.approx(b_sk, abs=1e-7), (
        f"intercept {b:.4f}, sklearn's {b_sk:.4f}, with weights {np.round(w, 4)} against "
        f"{np.round(w_sk, 4)}: the minimum-norm rule is on w alone. Solving lstsq on "
        "[X, 1] also shrinks b; centre X and y instead, solve for w, then "
        "b = mean(y) - mean(X, axis=0) @ w"
    )
    np.testing.assert_allclose(
        w, w_sk, atol=1e-7, err_msg="w differs from LinearRegression's"
    )


def test_more_columns_than_rows(solution):
    rng = np.random.default_rng(6)
    X, y = rng.normal(size=(5, 8)), rng.normal(size=5)
    w, b = least_squares(solution, X, y, "X with 5 rows and 8 columns")
    np.testing.assert_allclose(
        X @ w + b,
        y,
        atol=1e-9,
        err_msg="with more columns than rows the fit should be exact",
    )
    w_sk, b_sk = sklearn_fit(X, y)
    np.testing.assert_allclose(
        w,
        w_sk,
        atol=1e-9,
        err_msg="of the many exact fits, return the one with the smallest ||w|| (as sklearn)",
    )


def test_a_single_row(solution):
    w, b = least_squares(
        solution, np.array([[1.0, -2.0, 0.5]]), np.array([4.0]), "a single row"
    )
    np.testing.assert_allclose(
        w, np.zeros(3), atol=1e-12, err_msg="one row: w should be 0"
    )
    assert b == pytest.approx(4.0), (
        f"one row: the intercept alone fits it, b = y[0] = 4, got {b}"
    )


def test_one_step_of_gradient_descent(solution):
    X, y = make_data(0, n=40, d=3)
    n, lr = len(y), 0.1
    w1, b1 = solution.fit_gradient_descent(X, y, lr=lr, n_iter=1)
    # From w = 0, b = 0 the residual is -y, and the gradient of mean((Xw + b - y)^2)
    # is (2/n) X.T @ r for w and 2 mean(r) for b.
    np.testing.assert_allclose(
        w1,
        lr * 2 / n * X.T @ y,
        rtol=1e-10,
        err_msg="one step from w = 0, b = 0 should give w = lr * (2/n) * X.T @ y: the "
        "gradient of the mean squared error is (2/n) X.T @ (X @ w + b - y) (the MSE here "
        "has no 1/2 in front, so keep the 2), and the step goes against it",
    )
    assert b1 == pytest.approx(lr * 2 * y.mean(), rel=1e-10), (
        f"one step should give b = lr * 2 * mean(y) = {lr * 2 * y.mean():.6f}, got {b1:.6f}"
    )
    w0, b0 = solution.fit_gradient_descent(X, y, lr=lr, n_iter=0)
    np.testing.assert_allclose(w0, 0, err_msg="n_iter=0 should return the start, w = 0")
    assert b0 == 0, f"n_iter=0 should return the start, b = 0, got {b0}"


@pytest.mark.parametrize("seed", SEEDS)
def test_gradient_descent_matches_least_squares(solution, seed):
    X, y = make_data(seed)
    w, b = solution.fit_gradient_descent(X, y, lr=0.1, n_iter=3000)
    w, b = np.asarray(w), float(b)
    assert np.all(np.isfinite(w)) and np.isfinite(b), (
        f"gradient descent diverged (w = {w}, b = {b}) at lr=0.1, a step that is safe "
        "here: check the sign (w = w - lr * grad) and the 2/n in the gradient"
    )
    w_sk, b_sk = sklearn_fit(X, y)
    np.testing.assert_allclose(
        w,
        w_sk,
        atol=1e-6,
        err_msg=f"after 3000 steps at lr=0.1, gradient descent should reach the "
        f"least-squares solution (seed {seed})",
    )
    assert b == pytest.approx(b_sk, abs=1e-6), (
        f"intercept {b:.6f}, least squares gives {b_sk:.6f}"
    )


def test_gradient_descent_from_zero_finds_the_minimum_norm_solution(solution):
    # Started at w = 0, every step lies in the row space of X, so on collinear
    # columns gradient descent converges to the minimum-norm solution too.
    X, y = make_data(1)
    X = np.column_stack([X, X[:, 0]])
    w, b = solution.fit_gradient_descent(X, y, lr=0.05, n_iter=4000)
    assert np.all(np.isfinite(w)), (
        f"gradient descent diverged on a repeated column: w = {w}"
    )
    w_sk, b_sk = sklearn_fit(X, y)
    np.testing.assert_allclose(
        w,
        w_sk,
        atol=1e-6,
        err_msg="from w = 0 on a repeated column, gradient descent should split the "
        "weight equally between the copies (the minimum-norm solution)",
    )


def test_bad_input_raises_value_error(solution):
    X, y = make_data(0, n=10)
    for name in ("fit_least_squares", "fit_gradient_descent"):
        expect_value_error(
            solution, name, X, y[:-1], what=f"{name} with len(y) != len(X)"
        )
        expect_value_error(solution, name, X[:, 0], y, what=f"{name} with a 1-D X")


def test_shapes_and_types(solution):
    X, y = make_data(2, n=30, d=5)
    for name, kwargs in (
        ("fit_least_squares", {}),
        ("fit_gradient_descent", {"n_iter": 10}),
    ):
        w, b = getattr(solution, name)(X, y, **kwargs)
        assert isinstance(w, np.ndarray) and w.shape == (5,), (
            f"{name}: w should be an array of shape (d,) = (5,), got {type(w).__name__} "
            f"of shape {np.shape(w)}"
        )
        assert np.issubdtype(w.dtype, np.floating), (
            f"{name}: w should hold floats, got {w.dtype}"
        )
        assert np.ndim(b) == 0, (
            f"{name}: b should be a single float, got shape {np.shape(b)}"
        )


def test_integer_inputs(solution):
    # Integer features and targets (counts, ratings): the same fit as with floats.
    rng = np.random.default_rng(7)
    X = rng.integers(0, 10, size=(40, 3))
    y = X @ np.array([2, -1, 3]) + rng.integers(-2, 3, size=40)
    for name, kwargs in (
        ("fit_least_squares", {}),
        ("fit_gradient_descent", {"lr": 0.002, "n_iter": 50}),
    ):
        w, b = getattr(solution, name)(X, y, **kwargs)
        w_float, b_float = getattr(solution, name)(
            X.astype(float), y.astype(float), **kwargs
        )
        assert np.issubdtype(np.asarray(w).dtype, np.floating), (
            f"{name}: with integer X and y, w should still hold floats, got "
            f"{np.asarray(w).dtype} (convert with np.asarray(X, dtype=float))"
        )
        np.testing.assert_allclose(
            w,
            w_float,
            rtol=1e-10,
            atol=1e-12,
            err_msg=f"{name}: integer X and y should give the same fit as the same values as floats",
        )
        assert b == pytest.approx(b_float, rel=1e-10, abs=1e-12), (
            f"{name}: intercept {b} with integer inputs, {b_float} with floats"
        )


def test_inputs_are_not_modified(solution):
    X, y = make_data(3, n=30)
    X_copy, y_copy = X.copy(), y.copy()
    solution.fit_least_squares(X, y)
    solution.fit_gradient_descent(X, y, n_iter=10)
    np.testing.assert_array_equal(
        X, X_copy, err_msg="your functions changed X in place (X -= ...?)"
    )
    np.testing.assert_array_equal(
        y, y_copy, err_msg="your functions changed y in place"
    )
