"""Claims of the page bagging_boosting.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
import xgboost as xgb
from sklearn.datasets import make_classification
from sklearn.ensemble import (
    BaggingClassifier,
    GradientBoostingRegressor,
    HistGradientBoostingClassifier,
    RandomForestClassifier,
)
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def data(seed, n=2000):
    X, y = make_classification(
        n_samples=n, n_features=20, n_informative=6, n_redundant=4, flip_y=0.05, class_sep=0.8, random_state=seed
    )
    return train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)


def error(model, X, y):
    return 1 - model.score(X, y)


@pytest.mark.parametrize("rho", [0.0, 0.3, 0.8])
def test_variance_of_an_average_of_correlated_models_is_rho_sigma2_plus_the_rest_over_b(rho):
    rng = np.random.default_rng(0)
    B, sigma2, draws = 25, 4.0, 200_000
    cov = sigma2 * (rho * np.ones((B, B)) + (1 - rho) * np.eye(B))
    mean = rng.multivariate_normal(np.zeros(B), cov, size=draws).mean(axis=1)
    assert mean.var() == pytest.approx(rho * sigma2 + (1 - rho) * sigma2 / B, rel=0.02)


def test_a_bootstrap_sample_misses_about_e_to_the_minus_one_of_the_rows():
    assert pytest.approx(np.exp(-1), rel=1e-3) == (1 - 1 / 1000) ** 1000
    rng = np.random.default_rng(1)
    missed = [1 - len(np.unique(rng.integers(0, 500, 500))) / 500 for _ in range(400)]
    assert np.mean(missed) == pytest.approx(np.exp(-1), abs=0.005)


@pytest.mark.parametrize("seed", range(1, 4))
def test_bagging_leaves_a_stumps_bias_boosting_removes_it_and_bagging_deep_trees_cuts_variance(seed):
    X_train, X_test, y_train, y_test = data(seed)
    stump = DecisionTreeClassifier(max_depth=1).fit(X_train, y_train)
    bagged_stumps = BaggingClassifier(DecisionTreeClassifier(max_depth=1), n_estimators=50, random_state=0)
    boosted = HistGradientBoostingClassifier(max_depth=1, max_iter=200, early_stopping=False, random_state=0)
    deep = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
    bagged_deep = RandomForestClassifier(n_estimators=50, max_features=None, random_state=0, n_jobs=1)
    e_stump = error(stump, X_test, y_test)
    bagging_gain = e_stump - error(bagged_stumps.fit(X_train, y_train), X_test, y_test)
    boosting_gain = e_stump - error(boosted.fit(X_train, y_train), X_test, y_test)
    assert boosting_gain > 0.05 and bagging_gain < boosting_gain / 2  # bagging does little for a stump
    assert error(bagged_deep.fit(X_train, y_train), X_test, y_test) < error(deep, X_test, y_test) - 0.02


@pytest.mark.parametrize("seed", range(1, 4))
def test_fewer_features_per_split_lowers_both_correlation_and_strength(seed):
    X_train, X_test, y_train, y_test = data(seed)
    stats = []
    for max_features in (None, "sqrt", 1):
        forest = RandomForestClassifier(n_estimators=30, max_features=max_features, random_state=0, n_jobs=1)
        forest.fit(X_train, y_train)
        P = np.array([t.predict_proba(X_test)[:, 1] for t in forest.estimators_])
        rho = np.corrcoef(P)[np.triu_indices(len(P), k=1)].mean()
        tree_error = np.mean((P > 0.5) != y_test, axis=1).mean()
        stats.append((rho, tree_error))
    rhos, tree_errors = zip(*stats)
    assert rhos[0] > rhos[1] > rhos[2]
    assert tree_errors[0] < tree_errors[1] < tree_errors[2]


def test_neither_the_sqrt_forest_nor_plain_bagging_wins_on_every_draw_of_the_pages_data():
    gaps = []  # bagging's test error minus the forest's, same number of trees
    for seed in range(1, 9):
        X_train, X_test, y_train, y_test = data(seed)
        bagging, forest = (
            RandomForestClassifier(n_estimators=40, max_features=m, random_state=0, n_jobs=1).fit(X_train, y_train)
            for m in (None, "sqrt")
        )
        gaps.append(error(bagging, X_test, y_test) - error(forest, X_test, y_test))
    gaps = np.array(gaps)
    assert (gaps > 0).sum() >= 3 and (gaps < 0).sum() >= 3  # each wins about half the time
    assert abs(gaps.mean()) < 0.01


@pytest.mark.parametrize("seed", range(1, 3))
def test_a_forests_test_error_settles_and_its_oob_estimate_agrees_with_cross_validation(seed):
    from sklearn.model_selection import cross_val_score

    X_train, X_test, y_train, y_test = data(seed)
    forest = RandomForestClassifier(n_estimators=200, oob_score=True, random_state=0, n_jobs=1).fit(X_train, y_train)
    P = np.array([t.predict_proba(X_test)[:, 1] for t in forest.estimators_])
    running = np.cumsum(P, axis=0) / np.arange(1, len(P) + 1)[:, None]
    err = np.mean((running > 0.5) != y_test, axis=1)
    assert np.ptp(err[100:]) < 0.02
    assert err[:5].mean() > err[-1] + 0.02
    # OOB and 5-fold CV estimate the same thing on the training rows; a held-out set adds its own noise.
    cv = cross_val_score(RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1), X_train, y_train, cv=5)
    assert abs(forest.oob_score_ - cv.mean()) < 0.02


@pytest.mark.parametrize("depth,nu", [(1, 0.5), (3, 0.05)])
def test_gradient_boosting_for_squared_loss_is_trees_fitted_to_residuals(depth, nu):
    rng = np.random.default_rng(depth)
    X = rng.uniform(-2, 2, size=(150, 3))
    t = X[:, 0] ** 2 - X[:, 1] + rng.normal(scale=0.2, size=150)
    F = np.full(len(t), t.mean())
    for _ in range(40):
        F += nu * DecisionTreeRegressor(max_depth=depth, random_state=0).fit(X, t - F).predict(X)
    gbr = GradientBoostingRegressor(n_estimators=40, learning_rate=nu, max_depth=depth, random_state=0).fit(X, t)
    assert np.allclose(F, gbr.predict(X), atol=1e-10)


def test_log_loss_gradient_and_hessian_in_the_log_odds_are_p_minus_y_and_p_one_minus_p():
    F, eps = np.linspace(-3, 3, 13), 1e-5
    for y in (0, 1):

        def loss(f, y=y):
            p = 1 / (1 + np.exp(-f))
            return -(y * np.log(p) + (1 - y) * np.log(1 - p))

        p = 1 / (1 + np.exp(-F))
        grad = (loss(F + eps) - loss(F - eps)) / (2 * eps)
        hess = (loss(F + eps) - 2 * loss(F) + loss(F - eps)) / eps**2
        assert np.allclose(grad, p - y, atol=1e-6)
        assert np.allclose(hess, p * (1 - p), atol=1e-4)


def _leaf_groups(margin):
    values = np.unique(np.round(margin, 10))
    return [(v, np.isclose(margin, v, atol=1e-8)) for v in values]


@pytest.mark.parametrize("l2", [0.0, 5.0])
def test_hgb_leaf_value_is_the_newton_step_minus_lr_g_over_h_plus_l2(l2):
    X, y = make_classification(n_samples=600, random_state=0)
    lr = 0.3
    hgb = HistGradientBoostingClassifier(
        max_iter=1, max_depth=1, learning_rate=lr, l2_regularization=l2, early_stopping=False
    ).fit(X, y)
    base = np.log(y.mean() / (1 - y.mean()))  # the starting log-odds
    p0 = y.mean()
    groups = _leaf_groups(hgb.decision_function(X))
    assert len(groups) == 2
    for value, rows in groups:
        G, H = np.sum(p0 - y[rows]), rows.sum() * p0 * (1 - p0)
        assert value - base == pytest.approx(-lr * G / (H + l2), rel=1e-5)


@pytest.mark.parametrize("reg_lambda", [0.0, 1.0, 10.0])
def test_xgboost_leaf_weight_is_minus_eta_g_over_h_plus_lambda(reg_lambda):
    X, y = make_classification(n_samples=600, random_state=1)
    eta = 0.3
    model = xgb.XGBClassifier(
        n_estimators=1,
        max_depth=1,
        learning_rate=eta,
        reg_lambda=reg_lambda,
        base_score=0.5,
        tree_method="hist",
        n_jobs=1,
    ).fit(X, y)
    groups = _leaf_groups(model.predict(X, output_margin=True))  # base_score 0.5: margin 0
    assert len(groups) == 2
    for value, rows in groups:
        G, H = np.sum(0.5 - y[rows]), 0.25 * rows.sum()
        assert value == pytest.approx(-eta * G / (H + reg_lambda), rel=1e-5)


def _loss_curves(seed, matched):
    X_train, X_test, y_train, y_test = data(seed)
    shape = {"max_depth": 3} if matched else {}
    hgb = HistGradientBoostingClassifier(
        max_iter=150,
        learning_rate=0.1,
        early_stopping=False,
        random_state=0,
        **({"max_leaf_nodes": None, "min_samples_leaf": 1, "l2_regularization": 0.0} | shape if matched else {}),
    ).fit(X_train, y_train)
    model = xgb.XGBClassifier(
        n_estimators=150,
        learning_rate=0.1,
        tree_method="hist",
        n_jobs=1,
        eval_metric="logloss",
        random_state=0,
        **({"reg_lambda": 0.0, "min_child_weight": 0.0} | shape if matched else {}),
    ).fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)
    hgb_ll = np.array([log_loss(y_test, p) for p in hgb.staged_predict_proba(X_test)])
    return hgb_ll, np.array(model.evals_result()["validation_0"]["logloss"])


@pytest.mark.parametrize("seed", range(2))
def test_hgb_and_xgboost_nearly_coincide_given_the_same_tree_shape_and_penalty(seed):
    matched = np.abs(np.subtract(*_loss_curves(seed, matched=True))).max()
    defaults = np.abs(np.subtract(*_loss_curves(seed, matched=False))).max()
    assert matched < 0.03
    assert defaults > 3 * matched


@pytest.mark.parametrize("seed", range(1, 3))
def test_a_large_learning_rate_overfits_sooner_and_reaches_a_worse_minimum(seed):
    X_train, X_test, y_train, y_test = data(seed)
    curves = {}
    for lr in (1.0, 0.1):
        model = xgb.XGBClassifier(
            n_estimators=150, learning_rate=lr, tree_method="hist", n_jobs=1, eval_metric="logloss", random_state=0
        ).fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)
        curves[lr] = np.array(model.evals_result()["validation_0"]["logloss"])
    assert curves[1.0].min() > curves[0.1].min() + 0.02
    assert curves[1.0].argmin() < curves[0.1].argmin()
    assert curves[1.0][-1] > curves[1.0].min() + 0.05  # too many trees: the loss climbs again


def test_hgb_early_stopping_auto_switches_on_above_10000_rows():
    X, y = make_classification(n_samples=10_001, n_features=5, random_state=0)
    on = HistGradientBoostingClassifier(max_iter=3, random_state=0).fit(X, y)
    off = HistGradientBoostingClassifier(max_iter=3, random_state=0).fit(X[:10_000], y[:10_000])
    assert len(on.validation_score_) > 0 and len(off.validation_score_) == 0


def test_library_defaults_the_page_quotes():
    hgb = HistGradientBoostingClassifier()
    assert (hgb.learning_rate, hgb.max_leaf_nodes, hgb.l2_regularization, hgb.early_stopping) == (0.1, 31, 0.0, "auto")
    assert hgb.max_bins == 255  # plus one bin for missing values
    import json

    X, y = make_classification(n_samples=100, random_state=0)
    booster = xgb.XGBClassifier(n_estimators=1, tree_method="hist", n_jobs=1).fit(X, y).get_booster()
    params = json.loads(booster.save_config())["learner"]["gradient_booster"]["tree_train_param"]
    assert float(params["eta"]) == pytest.approx(0.3) and params["max_depth"] == "6"
    assert params["lambda"] == "1" and params["max_bin"] == "256" and params["grow_policy"] == "depthwise"
    assert RandomForestClassifier().max_features == "sqrt"
    from sklearn.ensemble import RandomForestRegressor

    assert RandomForestRegressor().max_features == 1.0
