"""Claims of classical/feature_scaling.md checked beyond the snippet's one split, seed and data set."""

import warnings

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import StratifiedKFold, cross_val_score, cross_validate
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, RobustScaler, StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

DATA = {"breast_cancer": load_breast_cancer(return_X_y=True), "wine": load_wine(return_X_y=True)}


def cv_accuracy(model, X, y, seed=0):
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return cross_val_score(model, X, y, cv=cv).mean()


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("model", [KNeighborsClassifier(), SVC()], ids=["knn", "svm"])
def test_distance_and_kernel_models_gain_from_standardising_on_other_data_too(data, model):
    X, y = DATA[data]
    assert cv_accuracy(make_pipeline(StandardScaler(), model), X, y) > cv_accuracy(model, X, y) + 0.02


def test_svc_gamma_scale_divides_by_the_variance_of_all_values_pooled():
    # It fixes the overall size of the distances, not the imbalance between features.
    X, y = DATA["wine"]
    gamma = SVC().fit(X, y)._gamma
    assert np.isclose(gamma, 1 / (X.shape[1] * X.var()))
    share = gamma * X.var(axis=0)  # each feature's typical contribution to gamma * ||x - x'||^2 / 2
    assert share.max() / share.min() > 1e6


@pytest.mark.parametrize("seed", range(4))
def test_a_tree_learns_the_same_partition_under_any_strictly_increasing_transform(seed):
    # Not only rescaling: a nonlinear monotone map (here a cube root after a shift) leaves the order of the
    # training values, and so every split's partition of the training rows, unchanged.
    X, y = DATA["breast_cancer"]
    rng = np.random.default_rng(seed)
    a = 10.0 ** rng.uniform(-2, 2, size=X.shape[1])
    moved = np.cbrt(a * X + 1.0)
    t_raw = DecisionTreeClassifier(random_state=seed).fit(X, y)
    t_moved = DecisionTreeClassifier(random_state=seed).fit(moved, y)
    assert np.array_equal(t_raw.apply(X), t_moved.apply(moved))
    assert np.array_equal(t_raw.tree_.feature, t_moved.tree_.feature)


def test_power_of_two_rescaling_is_exact_in_floating_point_so_trees_do_not_change_at_all():
    # The page's caveat: scikit-learn trees work in float32, so a general rescaling can round values
    # differently. Multiplying by a power of two is exact, and the fitted tree is then bit for bit the same.
    X, y = DATA["breast_cancer"]
    t_raw = DecisionTreeRegressor(random_state=0).fit(X, y.astype(float))
    t_pow = DecisionTreeRegressor(random_state=0).fit(X * 1024.0, y.astype(float))
    inner = t_raw.tree_.feature >= 0  # leaves store the placeholder threshold -2
    assert np.array_equal(t_raw.tree_.threshold[inner] * 1024.0, t_pow.tree_.threshold[inner])
    assert np.array_equal(t_raw.predict(X), t_pow.predict(X * 1024.0))


def test_histogram_gradient_boosting_does_not_care_about_standardising():
    # It bins each feature by its quantiles, which any increasing transformation preserves.
    X, y = DATA["breast_cancer"]
    hgb = HistGradientBoostingClassifier(max_iter=30, random_state=0)
    assert cv_accuracy(hgb, X, y) == cv_accuracy(make_pipeline(StandardScaler(), hgb), X, y)


def test_unpenalised_least_squares_predicts_the_same_with_or_without_scaling_ridge_does_not():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3)) * [1.0, 1e-3, 1e3]
    y = X @ [1.0, 1e3, 1e-3] + rng.normal(size=200)
    ols_raw = LinearRegression().fit(X, y).predict(X)
    ols_std = make_pipeline(StandardScaler(), LinearRegression()).fit(X, y).predict(X)
    assert np.allclose(ols_raw, ols_std)
    ridge_raw = Ridge(alpha=10.0).fit(X, y).predict(X)
    ridge_std = make_pipeline(StandardScaler(), Ridge(alpha=10.0)).fit(X, y).predict(X)
    assert not np.allclose(ridge_raw, ridge_std, atol=0.1)


def test_logistic_regression_needs_many_more_lbfgs_iterations_on_raw_features():
    X, y = DATA["breast_cancer"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        raw = LogisticRegression(max_iter=100).fit(X, y).n_iter_[0]
    std = make_pipeline(StandardScaler(), LogisticRegression(max_iter=100)).fit(X, y)[-1].n_iter_[0]
    assert raw == 100 and std < 40


@pytest.mark.parametrize("seed", range(3))
def test_kmeans_clusters_follow_the_large_unit_feature_without_scaling(seed):
    rng = np.random.default_rng(seed)
    groups = rng.integers(0, 2, size=300)
    informative = groups * 4.0 + rng.normal(size=300)  # two clear groups, in small units
    noise = rng.normal(scale=100.0, size=300)  # no structure, in large units
    X = np.column_stack([informative, noise])

    def agreement(labels):
        return max(np.mean(labels == groups), np.mean(labels != groups))

    raw = KMeans(n_clusters=2, n_init=5, random_state=seed).fit_predict(X)
    std = KMeans(n_clusters=2, n_init=5, random_state=seed).fit_predict(StandardScaler().fit_transform(X))
    assert agreement(raw) < 0.7 and agreement(std) > 0.95


def test_the_scalers_formulas_as_the_page_writes_them():
    rng = np.random.default_rng(0)
    x = rng.lognormal(size=(101, 1))
    assert np.allclose(StandardScaler().fit_transform(x), (x - x.mean()) / x.std())  # ddof = 0
    assert np.allclose(MinMaxScaler().fit_transform(x), (x - x.min()) / (x.max() - x.min()))
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    assert np.allclose(RobustScaler().fit_transform(x), (x - med) / (q3 - q1))
    assert np.allclose(MaxAbsScaler().fit_transform(x), x / np.abs(x).max())


@pytest.mark.parametrize("outlier", [200.0, 1e3, 1e5])
def test_one_outlier_squeezes_the_inliers_under_standard_and_min_max_scaling_but_not_robust(outlier):
    inliers = np.random.default_rng(1).normal(50, 10, size=99)[:, None]
    dirty = np.r_[inliers, [[outlier]]]

    def inlier_span(scaler):
        return np.ptp(scaler.fit(dirty).transform(inliers)) / np.ptp(scaler.fit(inliers).transform(inliers))

    # min-max: the inliers keep only their share of the new range, ptp / (outlier - min)
    assert inlier_span(MinMaxScaler()) == pytest.approx(np.ptp(inliers) / (outlier - inliers.min()))
    assert inlier_span(StandardScaler()) < 0.6
    assert 0.9 < inlier_span(RobustScaler()) < 1.1
    # and no scaler removes the outlier: robust scaling leaves it the farthest from the rest
    robust = RobustScaler().fit_transform(dirty).ravel()
    assert robust[-1] > 5 * np.abs(robust[:-1]).max()


def test_a_scaler_fitted_on_training_rows_maps_unseen_extremes_outside_zero_one():
    train = np.arange(10.0)[:, None]
    assert MinMaxScaler().fit(train).transform([[12.0]])[0, 0] > 1  # clip=False by default
    assert MinMaxScaler(clip=True).fit(train).transform([[12.0]])[0, 0] == 1


def test_a_pipeline_refits_the_scaler_on_each_training_fold():
    X, y = DATA["wine"]
    cv = StratifiedKFold(n_splits=4, shuffle=True, random_state=0)
    res = cross_validate(
        make_pipeline(StandardScaler(), SVC()), X, y, cv=cv, return_estimator=True, return_indices=True
    )
    for fitted, train in zip(res["estimator"], res["indices"]["train"]):
        assert np.allclose(fitted[0].mean_, X[train].mean(axis=0))
        assert np.allclose(fitted[0].scale_, X[train].std(axis=0))
    assert not np.allclose(res["estimator"][0][0].mean_, X.mean(axis=0))


def test_refitting_a_standard_scaler_on_one_row_maps_it_to_zeros():
    row = DATA["wine"][0][:1]
    assert np.all(StandardScaler().fit_transform(row) == 0)


def test_unpenalised_logistic_regression_predicts_the_same_only_the_solver_needs_more_steps():
    from sklearn.datasets import make_classification

    X, y = make_classification(n_samples=400, n_features=5, flip_y=0.2, random_state=0)
    X = X * [1.0, 100.0, 0.01, 1.0, 10.0]
    raw = LogisticRegression(C=np.inf, max_iter=10_000).fit(X, y)
    std = make_pipeline(StandardScaler(), LogisticRegression(C=np.inf, max_iter=10_000)).fit(X, y)
    assert np.abs(raw.predict_proba(X) - std.predict_proba(X)).max() < 1e-3
    assert raw.n_iter_[0] > 3 * std[-1].n_iter_[0]


def test_gaussian_naive_bayes_is_scale_invariant_apart_from_var_smoothing():
    from sklearn.naive_bayes import GaussianNB

    X, y = DATA["breast_cancer"]
    Z = StandardScaler().fit_transform(X)
    exact = GaussianNB(var_smoothing=0.0)
    assert np.allclose(exact.fit(X, y).predict_proba(X), exact.fit(Z, y).predict_proba(Z), atol=1e-6)
    smoothed = GaussianNB()  # adds 1e-9 times the largest variance to every variance
    assert not np.allclose(smoothed.fit(X, y).predict_proba(X), smoothed.fit(Z, y).predict_proba(Z), atol=1e-6)


def test_standardising_a_rare_one_hot_column_divides_it_by_sqrt_p_one_minus_p():
    col = np.r_[np.ones(5), np.zeros(95)][:, None]
    z = StandardScaler().fit_transform(col)
    assert np.isclose(z[0, 0] - z[-1, 0], 1 / np.sqrt(0.05 * 0.95))


def test_ridge_on_rescaled_features_is_ridge_with_penalty_divided_by_the_squared_factor():
    # The derivation: Ridge on X D penalises the original coefficient w_j by alpha * w_j^2 / d_j^2.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 3))
    y = X @ [1.0, 1.0, 1.0] + rng.normal(size=100)
    d, alpha = np.array([1.0, 0.01, 10.0]), 5.0
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w_rescaled = Ridge(alpha=alpha).fit(X * d, y).coef_ * d  # back on the original features
    w_weighted = np.linalg.solve(Xc.T @ Xc + alpha * np.diag(1 / d**2), Xc.T @ yc)
    assert np.allclose(w_rescaled, w_weighted)
