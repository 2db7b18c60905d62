"""Claims of fundamentals/overfitting.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from sklearn.datasets import make_friedman1
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from sklearn.tree import DecisionTreeRegressor
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_thread():
    """Small arrays: one BLAS/OpenMP thread is faster, and steadier on a busy machine, than several."""
    with threadpool_limits(limits=1):
        yield


def friedman(seed):
    X, y = make_friedman1(n_samples=2200, noise=1.0, random_state=seed)
    return X[:200], y[:200], X[200:], y[200:]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_deeper_trees_fit_training_data_better_but_validation_error_turns_up(seed):
    X, y, Xv, yv = friedman(seed)
    depths = [1, 2, 3, 4, 5, 6, 8, 10, None]
    trees = [DecisionTreeRegressor(max_depth=d, random_state=0).fit(X, y) for d in depths]
    train = [mean_squared_error(y, t.predict(X)) for t in trees]
    val = [mean_squared_error(yv, t.predict(Xv)) for t in trees]
    assert all(a >= b for a, b in zip(train, train[1:])) and train[-1] == 0
    best = int(np.argmin(val))
    assert 0 < best < len(depths) - 1 and val[-1] > 1.05 * val[best]
    # Overfitting without a perfect training score: one level past the best depth, where validation error is
    # already worse, the training MSE is still above the noise variance (1.0).
    assert val[best + 1] > val[best] and train[best + 1] > 1.0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_tree_and_polynomial_remedy_lowers_validation_error(seed):
    X, y, Xv, yv = friedman(seed)

    def val(model, cols=slice(None)):
        return mean_squared_error(yv, model.fit(X[:, cols], y).predict(Xv[:, cols]))

    full_tree = val(DecisionTreeRegressor(random_state=0))
    assert val(DecisionTreeRegressor(ccp_alpha=0.5, random_state=0)) < full_tree
    assert val(RandomForestRegressor(n_estimators=30, random_state=0)) < 0.7 * full_tree

    def poly(degree, reg):
        return make_pipeline(PolynomialFeatures(degree), StandardScaler(), reg)

    cubic = val(poly(3, LinearRegression()))
    assert val(poly(2, LinearRegression())) < 0.7 * cubic
    assert val(poly(3, Ridge(alpha=1.0))) < 0.7 * cubic


@pytest.mark.parametrize("seed", [1, 2])
def test_more_data_helps_the_same_unconstrained_tree(seed):
    X, y = make_friedman1(n_samples=4000, noise=1.0, random_state=seed)
    Xv, yv = X[2000:], y[2000:]
    small = DecisionTreeRegressor(random_state=0).fit(X[:200], y[:200])
    large = DecisionTreeRegressor(random_state=0).fit(X[:2000], y[:2000])
    assert mean_squared_error(yv, large.predict(Xv)) < 0.75 * mean_squared_error(yv, small.predict(Xv))


def test_cross_validation_measures_the_full_tree_it_does_not_change_it():
    X, y, Xv, yv = friedman(4)
    tree = DecisionTreeRegressor(random_state=0)
    cv_mse = -cross_val_score(tree, X, y, cv=5, scoring="neg_mean_squared_error").mean()
    val_mse = mean_squared_error(yv, tree.fit(X, y).predict(Xv))
    assert cv_mse == pytest.approx(val_mse, rel=0.25)


def gradient_descent_path(seed, steps=2000, lr=0.05):
    rng = np.random.default_rng(seed)
    p = 50
    beta = rng.normal(scale=np.sqrt(2 / p), size=p)
    X = rng.standard_normal((2100, p))
    y = X @ beta + rng.standard_normal(2100)
    w, path, stop_err = np.zeros(p), [], []
    for _ in range(steps):
        w = w - lr * 2 * X[:80].T @ (X[:80] @ w - y[:80]) / 80
        path.append(w.copy())
        stop_err.append(np.mean((X[80:100] @ w - y[80:100]) ** 2))
    val = np.mean((X[100:] @ np.array(path).T - y[100:, None]) ** 2, axis=0)
    return X, y, w, int(np.argmin(stop_err)), val


def test_gradient_descent_run_to_the_end_is_least_squares_and_early_stopping_beats_it_on_average():
    ratios = []
    for seed in range(1, 7):
        X, y, w, stop, val = gradient_descent_path(seed)
        assert np.allclose(w, np.linalg.lstsq(X[:80], y[:80], rcond=None)[0], atol=1e-3)
        ratios.append(val[stop] / val[-1])
    # The stopping step is chosen on only 20 rows, so it is noisy; on average it clearly pays.
    assert np.mean(ratios) < 0.85 and sum(r < 1 for r in ratios) >= 4


@pytest.mark.parametrize("seed", range(3))
def test_feature_selection_outside_cross_validation_leaks(seed):
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((60, 1000)), np.repeat([0, 1], 30)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    leaky = cross_val_score(LogisticRegression(), SelectKBest(f_classif, k=20).fit_transform(X, y), y, cv=folds)
    honest = cross_val_score(make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression()), X, y, cv=folds)
    assert leaky.mean() > 0.75 and honest.mean() < 0.7 and leaky.mean() > honest.mean() + 0.2


def test_the_winner_of_many_cross_validated_candidates_has_an_optimistic_score():
    # Pure noise, 40 candidate models (naive Bayes on random feature subsets). The best cross-validation score
    # is above chance; the same model on fresh data is not.
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((60, 300)), np.repeat([0, 1], 30)
    X_new, y_new = rng.standard_normal((4000, 300)), rng.integers(0, 2, 4000)
    subsets = [rng.choice(300, size=3, replace=False) for _ in range(40)]
    scores = [cross_val_score(GaussianNB(), X[:, s], y, cv=5).mean() for s in subsets]
    winner = subsets[int(np.argmax(scores))]
    fresh = GaussianNB().fit(X[:, winner], y).score(X_new[:, winner], y_new)
    assert abs(fresh - 0.5) < 0.05 and max(scores) > fresh + 0.08


def test_expected_training_mse_of_least_squares_is_sigma2_times_1_minus_p_over_n():
    rng = np.random.default_rng(0)
    n, p, sigma, reps = 40, 10, 0.7, 4000
    X = rng.standard_normal((n, p))  # fixed design, correctly specified linear model
    hat = X @ np.linalg.pinv(X)
    noise = sigma * rng.standard_normal((reps, n))
    y = noise + X @ rng.standard_normal(p)
    train_mse = np.mean((y - y @ hat.T) ** 2, axis=1)
    assert train_mse.mean() == pytest.approx(sigma**2 * (1 - p / n), rel=0.02)


@pytest.mark.parametrize("rho", [0.0, 0.3, 0.8])
def test_variance_of_an_average_of_correlated_models(rho):
    rng = np.random.default_rng(0)
    B, v = 10, 2.0
    cov = v * (rho * np.ones((B, B)) + (1 - rho) * np.eye(B))
    preds = rng.multivariate_normal(np.zeros(B), cov, size=200_000)
    assert preds.mean(axis=1).var() == pytest.approx(rho * v + (1 - rho) * v / B, rel=0.02)


def test_random_forest_defaults_bagged_regressor_trees_and_sqrt_features_for_classifiers():
    assert RandomForestRegressor().max_features == 1.0
    assert RandomForestClassifier().max_features == "sqrt"
    # max_features=1.0 means every split sees all features: the forest equals bagging of full trees.
    X, y, _, _ = friedman(0)
    forest = RandomForestRegressor(n_estimators=5, random_state=0).fit(X, y)
    assert all(est.max_features_ == X.shape[1] for est in forest.estimators_)


def test_ridge_objective_is_a_sum_without_1_over_n_and_lasso_divides_by_2n():
    # Duplicating every row doubles a sum of squared errors. For Ridge that is the same as halving alpha;
    # Lasso's (1 / 2n) * ||y - Xw||^2 is an average, so duplication changes nothing.
    X, y, _, _ = friedman(5)
    X2, y2 = np.vstack([X, X]), np.concatenate([y, y])
    np.testing.assert_allclose(Ridge(alpha=10.0).fit(X2, y2).coef_, Ridge(alpha=5.0).fit(X, y).coef_, rtol=1e-8)
    assert not np.allclose(Ridge(alpha=10.0).fit(X2, y2).coef_, Ridge(alpha=10.0).fit(X, y).coef_)
    # The closed form of ||y - Xw||^2 + alpha ||w||^2 on centred data (the intercept is not penalized).
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    closed = np.linalg.solve(Xc.T @ Xc + 7.0 * np.eye(X.shape[1]), Xc.T @ yc)
    np.testing.assert_allclose(Ridge(alpha=7.0).fit(X, y).coef_, closed, rtol=1e-8)
    from sklearn.linear_model import Lasso

    np.testing.assert_allclose(
        Lasso(alpha=0.05, tol=1e-10, max_iter=100_000).fit(X2, y2).coef_,
        Lasso(alpha=0.05, tol=1e-10, max_iter=100_000).fit(X, y).coef_,
        atol=1e-6,
    )


def test_weight_decay_equals_an_l2_penalty_for_sgd_but_not_for_adam():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((50, 5)), rng.standard_normal(50)
    lam, lr = 0.1, 0.05

    def grad(w):
        return 2 * X.T @ (X @ w - y) / len(y)

    def adam(w, coupled, steps=200, b1=0.9, b2=0.999, eps=1e-8):
        m = v = np.zeros_like(w)
        for t in range(1, steps + 1):
            g = grad(w) + (lam * w if coupled else 0)  # coupled: the penalty's gradient goes into Adam
            m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g**2
            step = lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
            w = w - step - (0 if coupled else lr * lam * w)  # decoupled (AdamW): decay applied directly
        return w

    w_sgd_l2 = w_sgd_decay = np.zeros(5)
    for _ in range(200):
        w_sgd_l2 = w_sgd_l2 - lr * (grad(w_sgd_l2) + lam * w_sgd_l2)  # gradient of loss + lam/2 ||w||^2
        w_sgd_decay = (1 - lr * lam) * w_sgd_decay - lr * grad(w_sgd_decay)  # shrink, then step
    np.testing.assert_allclose(w_sgd_l2, w_sgd_decay, rtol=1e-12)
    assert not np.allclose(adam(np.zeros(5), coupled=True), adam(np.zeros(5), coupled=False), atol=1e-3)


def test_learning_curves_of_a_full_and_a_shallow_tree():
    # Full tree: CV error keeps falling with more rows. Depth 3: it levels off near its training error.
    from sklearn.model_selection import KFold, learning_curve

    X, y = make_friedman1(n_samples=2000, noise=1.0, random_state=7)
    result = {}
    for depth in (None, 3):
        _, tr, cv = learning_curve(
            DecisionTreeRegressor(max_depth=depth, random_state=0),
            X,
            y,
            train_sizes=[100, 800, 1600],
            cv=KFold(5, shuffle=True, random_state=0),
            scoring="neg_mean_squared_error",
        )
        result[depth] = (-tr.mean(axis=1), -cv.mean(axis=1))
    full_train, full_cv = result[None]
    shallow_train, shallow_cv = result[3]
    assert full_cv[0] > full_cv[1] > full_cv[2] and full_cv[2] - full_train[2] > 4
    assert shallow_cv[2] - shallow_train[2] < 2.5 and abs(shallow_cv[2] - shallow_cv[1]) < 0.75
