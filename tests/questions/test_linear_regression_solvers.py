"""Claims of coding/linear_regression_solvers.md checked beyond the candidate's tests."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from threadpoolctl import threadpool_limits

from scripts.figures import snippet_namespace


@pytest.fixture(autouse=True)
def one_thread():
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("linear_regression_solvers")


@pytest.mark.parametrize("seed", range(3))
def test_the_normal_equation_squares_the_condition_number(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(80, 5)) * np.logspace(0, 3, 5)  # columns on very different scales
    assert np.linalg.cond(X.T @ X) == pytest.approx(np.linalg.cond(X) ** 2, rel=1e-4)


def test_solving_the_normal_equation_loses_digits_that_lstsq_keeps():
    # Polynomial features of degree 7 on [0, 1]: cond(X) is about 1e5, so
    # cond(X.T @ X) is about 1e10; the target is exactly linear in the features.
    t = np.linspace(0, 1, 50)
    X = np.vander(t, 8, increasing=True)
    w_true = np.random.default_rng(0).normal(size=8)
    y = X @ w_true
    assert 1e4 < np.linalg.cond(X) < 1e6
    normal = np.linalg.solve(X.T @ X, X.T @ y)
    lstsq = np.linalg.lstsq(X, y, rcond=None)[0]
    err_normal = np.linalg.norm(normal - w_true) / np.linalg.norm(w_true)
    err_lstsq = np.linalg.norm(lstsq - w_true) / np.linalg.norm(w_true)
    assert err_lstsq < 1e-10 and err_normal > 1e3 * err_lstsq


def test_linear_regression_centres_then_takes_the_minimum_norm_w(ns):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 3))
    X = np.column_stack([X, X[:, 0] + X[:, 1]])
    y = X[:, :3] @ [1.0, -1.0, 2.0] + 3 + rng.normal(0, 0.1, 40)
    sk = LinearRegression().fit(X, y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    np.testing.assert_allclose(sk.coef_, np.linalg.pinv(Xc) @ yc, atol=1e-10)
    np.testing.assert_allclose(sk.intercept_, y.mean() - X.mean(axis=0) @ sk.coef_)
    w, b = ns["fit_least_squares"](X, y)
    np.testing.assert_allclose(w, sk.coef_, atol=1e-10)


def test_one_hot_columns_minimum_norm_with_and_without_the_intercept_in_the_norm(ns):
    rng = np.random.default_rng(2)
    level = rng.integers(0, 3, 60)
    X = np.eye(3)[level]  # the three columns sum to the intercept's column of ones
    y = np.array([1.0, 2.0, 6.0])[level] + rng.normal(0, 0.1, 60)
    w, b = ns["fit_least_squares"](X, y)
    coef = np.linalg.lstsq(np.column_stack([X, np.ones(60)]), y, rcond=None)[0]
    np.testing.assert_allclose(X @ w + b, X @ coef[:3] + coef[3], atol=1e-10)  # same fit
    assert abs(b - coef[3]) > 0.1  # but another intercept ...
    assert np.linalg.norm(w) < np.linalg.norm(coef[:3])  # ... and the smaller ||w|| is ours
    np.testing.assert_allclose(w.sum(), 0, atol=1e-10)  # w sums to 0: b is the mean of the level means
    group_means = np.array([y[level == k].mean() for k in range(3)])
    assert b == pytest.approx(group_means.mean())


def test_sklearn_1_9_drops_directions_below_tol_times_the_largest_singular_value():
    # LinearRegression(tol=1e-6) passes tol to scipy.linalg.lstsq as cond on dense X
    # (new in 1.9); np.linalg.lstsq's default cutoff is eps * max(n, d).
    rng = np.random.default_rng(0)
    x1 = rng.normal(size=100)
    X = np.column_stack([x1, x1 + 1e-8 * rng.normal(size=100)])  # nearly, not exactly, collinear
    y = X @ [1.0, 2.0] + rng.normal(0, 0.1, 100)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    s = np.linalg.svd(Xc, compute_uv=False)
    assert 1e-15 < s[-1] / s[0] < 1e-6
    sk = LinearRegression().fit(X, y).coef_
    np.testing.assert_allclose(sk, np.linalg.lstsq(Xc, yc, rcond=1e-6)[0], rtol=1e-8)
    assert abs(sk[0] - sk[1]) < 1e-6  # the weak direction dropped: an equal split
    default = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    assert np.abs(default).max() > 1e5 and default[0] * default[1] < 0  # kept: huge, opposite signs


def test_gradient_descent_converges_below_two_over_l_and_diverges_above(ns):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(100, 3)) + 0.5
    y = X @ [1.0, -2.0, 0.5] + 1 + rng.normal(0, 0.1, 100)
    X1 = np.column_stack([X, np.ones(100)])
    L = np.linalg.eigvalsh(2 * X1.T @ X1 / 100).max()  # the Hessian of the mean squared error
    w, b = ns["fit_least_squares"](X, y)
    w_gd, b_gd = ns["fit_gradient_descent"](X, y, lr=0.95 * 2 / L, n_iter=3_000)
    np.testing.assert_allclose(np.append(w_gd, b_gd), np.append(w, b), atol=1e-8)
    with np.errstate(over="ignore", invalid="ignore"):
        w_bad, _ = ns["fit_gradient_descent"](X, y, lr=1.05 * 2 / L, n_iter=3_000)
    assert not np.all(np.isfinite(w_bad)) or np.abs(w_bad).max() > 1e10


def test_gradient_descent_from_zero_finds_the_minimum_norm_solution_of_w_and_b(ns):
    # More columns than rows: infinitely many exact fits. The iterates stay in the
    # row space of [X, 1], so gradient descent from 0 lands on the fit of smallest
    # ||(w, b)||: lstsq on [X, 1]. Here the ones column is in the span of X's
    # columns, so that is not LinearRegression's (smallest ||w||, b free).
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(6, 10)), rng.normal(size=6)
    w, b = ns["fit_gradient_descent"](X, y, lr=0.1, n_iter=5_000)
    np.testing.assert_allclose(X @ w + b, y, atol=1e-8)
    joint = np.linalg.lstsq(np.column_stack([X, np.ones(6)]), y, rcond=None)[0]
    np.testing.assert_allclose(np.append(w, b), joint, atol=1e-6)
    w_ls, b_ls = ns["fit_least_squares"](X, y)
    assert np.linalg.norm(w_ls) < np.linalg.norm(w) - 0.01 and abs(b - b_ls) > 0.01
    # With a repeated column (ones not in the span) the two rules agree.
    X, y = rng.normal(size=(50, 2)), rng.normal(size=50)
    X = np.column_stack([X, X[:, 0]])
    w, b = ns["fit_gradient_descent"](X, y, lr=0.1, n_iter=5_000)
    np.testing.assert_allclose(w, ns["fit_least_squares"](X, y)[0], atol=1e-8)
    # A start off the row space converges to another exact fit of the 6 rows.
    X, y = rng.normal(size=(6, 10)), rng.normal(size=6)
    w2, b2 = rng.normal(size=10), 0.0
    for _ in range(5_000):
        r = X @ w2 + b2 - y
        w2, b2 = w2 - 0.1 * 2 / 6 * X.T @ r, b2 - 0.1 * 2 * r.mean()
    np.testing.assert_allclose(X @ w2 + b2, y, atol=1e-8)
    w0, b0 = ns["fit_gradient_descent"](X, y, lr=0.1, n_iter=5_000)
    assert np.linalg.norm(np.append(w2, b2)) > np.linalg.norm(np.append(w0, b0)) + 0.1


def test_the_inverse_of_a_singular_gram_matrix_fails(ns):
    X = np.column_stack([np.arange(6.0), np.full(6, 3.0)])  # a constant column
    Xc = X - X.mean(axis=0)
    with pytest.raises(np.linalg.LinAlgError):
        np.linalg.inv(Xc.T @ Xc)
    w, _ = ns["fit_least_squares"](X, 2 * X[:, 0] + 1)
    np.testing.assert_allclose(w, [2.0, 0.0], atol=1e-12)


def test_qr_updated_chunk_by_chunk_gives_the_least_squares_solution(ns):
    # Stack the R of the rows so far on the next chunk and factor again: the final R and Q.T y solve the
    # whole problem, without forming X.T @ X (Golub and Van Loan, section 6.5).
    rng = np.random.default_rng(5)
    X = rng.normal(size=(300, 4)) + 3.0
    y = X @ [1.0, -2.0, 0.5, 3.0] + 4.0 + rng.normal(0, 0.1, 300)
    X1 = np.column_stack([X, np.ones(300)])  # the intercept as a column: full rank here
    R, qty = np.zeros((0, 5)), np.zeros(0)
    for rows in np.array_split(np.arange(300), 6):
        Q, R = np.linalg.qr(np.vstack([R, X1[rows]]))
        qty = Q.T @ np.concatenate([qty, y[rows]])
    coef = np.linalg.solve(R, qty)
    w, b = ns["fit_least_squares"](X, y)
    np.testing.assert_allclose(coef, np.append(w, b), rtol=1e-10)


def test_the_polynomial_features_of_the_tests_are_ill_conditioned_but_kept_by_sklearn():
    # The graded tests' ill-conditioned case: t, ..., t^8 on 60 points in [0, 1].
    X = np.vander(np.linspace(0, 1, 60), 9, increasing=True)[:, 1:]
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    assert s[0] / s[-1] == pytest.approx(3.5e5, rel=0.05)  # "about 3.5 x 10^5"
    assert s[-1] / s[0] > 1e-6  # above LinearRegression's cutoff: sklearn keeps every direction
    y = X @ np.random.default_rng(0).normal(size=8) + 2.0
    w_sk = LinearRegression().fit(X, y).coef_
    gram = np.linalg.solve(Xc.T @ Xc, Xc.T @ (y - y.mean()))
    pinv_gram = np.linalg.pinv(Xc.T @ Xc) @ Xc.T @ (y - y.mean())
    svd = np.linalg.lstsq(Xc, y - y.mean(), rcond=None)[0]
    q, r = np.linalg.qr(Xc)
    qr = np.linalg.solve(r, q.T @ (y - y.mean()))
    scale = np.abs(w_sk).max()
    assert np.abs(svd - w_sk).max() / scale < 1e-10 and np.abs(qr - w_sk).max() / scale < 1e-10
    for normal in (gram, pinv_gram):  # the normal equation: "misses by 1e-8 or more"
        assert np.abs(normal - w_sk).max() / scale > 1e-8
