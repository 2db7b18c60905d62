"""Claims of classical/lasso_ridge.md checked beyond the one dataset its snippet uses."""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def sparse_problem(seed, n=200, p=10):
    rng = np.random.default_rng(seed)
    X = StandardScaler().fit_transform(rng.normal(size=(n, p)))
    w = np.r_[3.0, -2.0, 1.5, np.zeros(p - 3)]
    return X, X @ w + rng.normal(size=n), w


def pair_problem(seed, n=200, noise=0.05):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=n)
    X = np.column_stack([z + noise * rng.normal(size=n), z + noise * rng.normal(size=n), rng.normal(size=n)])
    y = 2.0 * z + X[:, 2] + rng.normal(size=n)
    return StandardScaler().fit_transform(X), y


def lasso_objective(X, y, w, b, alpha):
    return np.sum((y - X @ w - b) ** 2) / (2 * len(y)) + alpha * np.abs(w).sum()


def ridge_objective(X, y, w, b, alpha):
    return np.sum((y - X @ w - b) ** 2) + alpha * np.sum(w**2)


@pytest.mark.parametrize("seed", range(3))
def test_each_model_minimizes_the_objective_the_page_writes(seed):
    X, y, _ = sparse_problem(seed)
    rng = np.random.default_rng(100 + seed)
    lasso = Lasso(alpha=0.2, tol=1e-10, max_iter=100_000).fit(X, y)
    ridge = Ridge(alpha=10.0).fit(X, y)
    best_l = lasso_objective(X, y, lasso.coef_, lasso.intercept_, 0.2)
    best_r = ridge_objective(X, y, ridge.coef_, ridge.intercept_, 10.0)
    for _ in range(50):
        step = rng.normal(scale=1e-3, size=X.shape[1])
        assert lasso_objective(X, y, lasso.coef_ + step, lasso.intercept_, 0.2) >= best_l
        assert ridge_objective(X, y, ridge.coef_ + step, ridge.intercept_, 10.0) >= best_r


def test_alpha_means_different_things_duplicating_rows_changes_ridge_not_lasso():
    # Lasso averages the squared error (1/(2n)), Ridge sums it: stacking the data twice doubles Ridge's
    # error term, which is the same as halving its alpha, and leaves Lasso's solution unchanged.
    X, y, _ = sparse_problem(0)
    X2, y2 = np.vstack([X, X]), np.r_[y, y]
    lasso1 = Lasso(alpha=0.2, tol=1e-10).fit(X, y).coef_
    lasso2 = Lasso(alpha=0.2, tol=1e-10).fit(X2, y2).coef_
    assert np.allclose(lasso1, lasso2, atol=1e-8)
    ridge2 = Ridge(alpha=10.0).fit(X2, y2).coef_
    assert np.allclose(ridge2, Ridge(alpha=5.0).fit(X, y).coef_)
    assert not np.allclose(ridge2, Ridge(alpha=10.0).fit(X, y).coef_)


def test_textbook_mse_plus_lambda_form_of_ridge_is_alpha_equals_n_lambda():
    X, y, _ = sparse_problem(1)
    n, lam = len(y), 0.05
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    # minimizer of (1/n)||y - Xw||^2 + lam ||w||^2: set the gradient to zero
    w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(X.shape[1]), Xc.T @ yc / n)
    assert np.allclose(Ridge(alpha=n * lam).fit(X, y).coef_, w)


def test_textbook_mse_plus_lambda_form_of_lasso_is_alpha_equals_lambda_over_two():
    X, y, _ = sparse_problem(1)
    lam = 0.4
    lasso = Lasso(alpha=lam / 2, tol=1e-12, max_iter=100_000).fit(X, y)

    def objective(w):  # MSE + lam ||w||_1
        return np.mean((y - X @ w - lasso.intercept_) ** 2) + lam * np.abs(w).sum()

    rng = np.random.default_rng(0)
    best = objective(lasso.coef_)
    assert all(objective(lasso.coef_ + rng.normal(scale=1e-3, size=X.shape[1])) >= best for _ in range(50))
    # and with alpha = lam instead, the textbook objective is not at its minimum
    assert objective(Lasso(alpha=lam, tol=1e-12).fit(X, y).coef_) > best + 1e-3


@pytest.mark.parametrize("seed", range(6))
def test_lasso_zeroes_exactly_the_irrelevant_features_and_ridge_zeroes_none(seed):
    X, y, w = sparse_problem(seed)
    lasso = Lasso(alpha=0.3).fit(X, y).coef_
    ridge = Ridge(alpha=10.0).fit(X, y).coef_
    assert np.array_equal(lasso == 0, w == 0)
    assert np.count_nonzero(ridge) == len(ridge)


@pytest.mark.parametrize("seed", range(4))
def test_alpha_max_is_where_lasso_keeps_nothing(seed):
    X, y, _ = sparse_problem(seed)
    alpha_max = np.abs((X - X.mean(axis=0)).T @ (y - y.mean())).max() / len(y)
    # A tight tol: near alpha_max the all-zero start already has a tiny duality gap.
    assert np.all(Lasso(alpha=alpha_max * 1.0001, tol=1e-12).fit(X, y).coef_ == 0)
    assert np.count_nonzero(Lasso(alpha=alpha_max * 0.99, tol=1e-12).fit(X, y).coef_) == 1


def test_lasso_keeps_at_most_n_minus_one_features_when_p_exceeds_n():
    rng = np.random.default_rng(0)
    n, p = 20, 100
    X = rng.normal(size=(n, p))
    y = X[:, :5].sum(axis=1) + rng.normal(size=n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        coef = Lasso(alpha=0.01, max_iter=50_000).fit(X, y).coef_
    assert 5 <= np.count_nonzero(coef) <= n - 1  # the fitted intercept uses up one degree of freedom


def test_exact_duplicates_ridge_splits_equally_lasso_gives_one_column_everything():
    X, y = pair_problem(0)
    X[:, 1] = X[:, 0]
    ridge = Ridge(alpha=10.0).fit(X, y).coef_
    lasso = Lasso(alpha=0.1).fit(X, y).coef_
    enet = ElasticNet(alpha=0.1, l1_ratio=0.5, tol=1e-10, max_iter=100_000).fit(X, y).coef_
    assert ridge[0] == pytest.approx(ridge[1], rel=1e-10)
    assert abs(lasso[1]) < 1e-8 * abs(lasso[0])  # the Lasso's optimum is not unique; CD puts it all on one
    assert enet[0] == pytest.approx(enet[1], rel=1e-4)  # Elastic Net's L2 part restores the even split


@pytest.mark.parametrize("seed", range(5))
def test_near_duplicates_ridge_split_is_stable_lasso_split_is_not(seed):
    X, y = pair_problem(seed)
    rng = np.random.default_rng(seed)
    ridge_share, lasso_share = [], []
    for _ in range(20):
        rows = rng.integers(0, len(y), len(y))
        w_r = Ridge(alpha=10.0).fit(X[rows], y[rows]).coef_
        w_l = Lasso(alpha=0.1).fit(X[rows], y[rows]).coef_
        ridge_share.append(w_r[0] / (w_r[0] + w_r[1]))
        lasso_share.append(w_l[0] / (w_l[0] + w_l[1]))
    assert np.all(np.abs(np.array(ridge_share) - 0.5) < 0.15)
    assert np.std(lasso_share) > 3 * np.std(ridge_share)
    assert np.any(np.isin(lasso_share, [0.0, 1.0]))  # some fits drop one of the pair entirely


@pytest.mark.parametrize("alpha", [0.1, 3.0, 100.0])
@pytest.mark.parametrize("seed", range(3))
def test_ridge_shrinks_principal_directions_by_d2_over_d2_plus_alpha(seed, alpha):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(60, 4)) @ rng.normal(size=(4, 4))  # correlated columns, unequal variances
    y = X @ rng.normal(size=4) + rng.normal(size=60)
    Xc = X - X.mean(axis=0)
    _, d, Vt = np.linalg.svd(Xc, full_matrices=False)
    w_ols = LinearRegression().fit(X, y).coef_
    w_ridge = Ridge(alpha=alpha).fit(X, y).coef_
    assert np.allclose(Vt @ w_ridge, d**2 / (d**2 + alpha) * (Vt @ w_ols))
    ratio = w_ridge / w_ols  # not one common factor: the coefficient-wise ratios differ
    assert np.ptp(ratio) > 1e-3


def test_ridge_shrinks_the_norm_but_not_necessarily_every_coefficient():
    X, y = pair_problem(0)
    w_ols = LinearRegression().fit(X, y).coef_
    norms = [np.linalg.norm(Ridge(alpha=a).fit(X, y).coef_) for a in np.logspace(-2, 4, 30)]
    assert np.linalg.norm(w_ols) > norms[0] and np.all(np.diff(norms) < 0)
    grown = [
        np.any(
            np.abs(Ridge(alpha=10.0).fit(*pair_problem(s)).coef_)
            > np.abs(LinearRegression().fit(*pair_problem(s)).coef_)
        )
        for s in range(10)
    ]
    assert any(grown)


@pytest.mark.parametrize("column", [0, 3])
@pytest.mark.parametrize("model", [Lasso(alpha=0.2), Ridge(alpha=10.0)], ids=["lasso", "ridge"])
def test_standardizing_makes_the_fit_independent_of_units(model, column):
    X, y, _ = sparse_problem(2)
    X_units = X.copy()
    X_units[:, column] *= 100.0
    pipe = make_pipeline(StandardScaler(), model)
    before = pipe.fit(X, y).predict(X)
    assert np.allclose(pipe.fit(X_units, y).predict(X_units), before)
    raw_before = model.fit(X, y).predict(X)
    assert not np.allclose(model.fit(X_units, y).predict(X_units), raw_before, atol=1e-6)


def _active_sets_along_lars(X, y):
    """Active sets at each knot of the exact Lasso path (LARS with the Lasso modification)."""
    from sklearn.linear_model import lars_path

    _, _, coefs = lars_path(X, y - y.mean(), method="lasso")
    return [frozenset(np.flatnonzero(c)) for c in coefs.T]


@pytest.mark.parametrize("seed", range(4))
def test_the_pages_sparse_design_gives_nested_lasso_sets_in_other_samples_too(seed):
    X, y, _ = sparse_problem(seed)
    sets = _active_sets_along_lars(X, y)
    assert all(a <= b for a, b in zip(sets, sets[1:]))  # once in, never out


def test_a_correlated_feature_can_leave_the_lasso_active_set():
    left = 0
    for seed in range(8):
        rng = np.random.default_rng(seed)
        a, b, e, u = rng.normal(size=(4, 100))
        X = StandardScaler().fit_transform(np.column_stack([a, b, 0.6 * (a + b) + 0.5 * u]))
        sets = _active_sets_along_lars(X, 2 * a + 2 * b - X[:, 2] + e)
        left += any(not s <= t for s, t in zip(sets, sets[1:]))
    assert left >= 4  # in most samples x3 enters first and is later dropped


def _test_mse_lasso_and_ridge(effects, seed, n=100, p=60):
    """Held-out mean squared error of LassoCV and RidgeCV, fitted on n rows of p standard-normal features."""
    from sklearn.linear_model import LassoCV, RidgeCV

    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n + 1000, p))
    w = np.r_[3.0, 3.0, 3.0, np.zeros(p - 3)] if effects == "few large" else rng.normal(scale=0.5, size=p)
    y = X @ w + rng.normal(scale=2.0, size=n + 1000)
    lasso = LassoCV(cv=5).fit(X[:n], y[:n])
    ridge = RidgeCV(alphas=np.logspace(-2, 4, 40)).fit(X[:n], y[:n])
    return [np.mean((y[n:] - m.predict(X[n:])) ** 2) for m in (lasso, ridge)]


@pytest.mark.parametrize("seed", range(3))
def test_lasso_predicts_better_with_few_large_effects_ridge_with_many_small_ones(seed):
    lasso_few, ridge_few = _test_mse_lasso_and_ridge("few large", seed)
    lasso_many, ridge_many = _test_mse_lasso_and_ridge("many small", seed)
    assert lasso_few < ridge_few  # 3 of 60 features matter: the zeros pay off
    assert ridge_many < lasso_many  # all 60 matter a little: zeroing any of them costs
