"""Claims of classical/svm.md checked beyond the data sets its snippet uses."""

import numpy as np
import pytest
from sklearn.calibration import CalibratedClassifierCV
from sklearn.datasets import load_wine, make_blobs, make_classification, make_moons
from sklearn.metrics.pairwise import polynomial_kernel
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, LinearSVC
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny problems: extra OpenMP/BLAS threads only add overhead."""
    with threadpool_limits(limits=1):
        yield


def overlapping(seed, n=200):
    X, y = make_blobs(n_samples=n, centers=2, cluster_std=1.6, random_state=seed)
    return X, np.where(y == 1, 1, -1)


def hinge_objective(X, y, w, b, C):
    return 0.5 * w @ w + C * np.maximum(0, 1 - y * (X @ w + b)).sum()


@pytest.mark.parametrize("seed", range(4))
def test_hard_margin_width_is_two_over_norm_w_and_support_vectors_sit_on_it(seed):
    X, y = make_blobs(n_samples=60, centers=2, cluster_std=0.6, random_state=seed)
    y = np.where(y == 1, 1, -1)
    model = SVC(kernel="linear", C=1e6, tol=1e-8).fit(X, y)
    w, b = model.coef_[0], model.intercept_[0]
    f = X @ w + b
    assert np.all(y * f >= 1 - 1e-3)  # the data are separable: no slack used
    assert 2 / np.linalg.norm(w) == pytest.approx(2 * np.abs(f).min() / np.linalg.norm(w), rel=1e-3)
    assert np.allclose(y[model.support_] * f[model.support_], 1, atol=1e-3)


@pytest.mark.parametrize("seed", range(4))
def test_svc_minimises_the_soft_margin_objective_the_page_writes(seed):
    X, y = overlapping(seed)
    model = SVC(kernel="linear", C=0.5, tol=1e-8).fit(X, y)
    w, b = model.coef_[0], model.intercept_[0]
    best = hinge_objective(X, y, w, b, 0.5)
    rng = np.random.default_rng(seed)
    for _ in range(200):
        dw, db = rng.normal(scale=1e-2, size=2), rng.normal(scale=1e-2)
        assert hinge_objective(X, y, w + dw, b + db, 0.5) >= best - 1e-9
    # and the dual objective from dual_coef_ meets the primal: no duality gap
    ya, S = model.dual_coef_[0], model.support_vectors_
    dual = np.abs(ya).sum() - 0.5 * ya @ (S @ S.T) @ ya
    assert dual == pytest.approx(best, rel=1e-5)


@pytest.mark.parametrize("seed", range(4))
def test_alphas_fall_into_the_three_cases(seed):
    X, y = overlapping(seed)
    C = 2.0
    model = SVC(kernel="linear", C=C, tol=1e-8).fit(X, y)
    margin = y * model.decision_function(X)
    alpha = np.zeros(len(y))
    alpha[model.support_] = np.abs(model.dual_coef_[0])
    assert np.all(alpha[margin > 1 + 1e-4] == 0)
    assert np.allclose(alpha[margin < 1 - 1e-4], C)
    free = (alpha > 1e-8) & (alpha < C - 1e-8)
    assert np.allclose(margin[free], 1, atol=1e-4)


@pytest.mark.parametrize("seed", range(4))
def test_larger_c_gives_a_narrower_margin_and_fewer_support_vectors(seed):
    X, y = overlapping(seed)
    Cs = np.logspace(-3, 2, 8)
    models = [SVC(kernel="linear", C=C, tol=1e-8).fit(X, y) for C in Cs]
    widths = [2 / np.linalg.norm(m.coef_[0]) for m in models]
    assert np.all(np.diff(widths) <= 1e-3 * np.array(widths[1:]))  # up to solver precision
    assert len(models[0].support_) > 2 * len(models[-1].support_)


@pytest.mark.parametrize("kernel", ["linear", "rbf", "poly"])
@pytest.mark.parametrize("seed", range(3))
def test_refitting_on_the_support_vectors_alone_gives_the_same_model(seed, kernel):
    X, y = make_moons(n_samples=200, noise=0.3, random_state=seed)
    params = dict(kernel=kernel, C=1.0, gamma=1.0, tol=1e-8)
    full = SVC(**params).fit(X, y)
    sv = full.support_
    assert len(sv) < len(y)
    refit = SVC(**params).fit(X[sv], y[sv])
    grid = np.random.default_rng(seed).uniform(-2, 3, size=(300, 2))
    assert np.allclose(full.decision_function(grid), refit.decision_function(grid), atol=1e-5)


@pytest.mark.parametrize("seed", range(3))
def test_dropping_a_support_vector_on_the_margin_changes_the_model(seed):
    X, y = make_moons(n_samples=200, noise=0.3, random_state=seed)
    full = SVC(C=1.0, gamma=1.0, tol=1e-8).fit(X, y)
    free = full.support_[np.abs(full.dual_coef_[0]) < 1 - 1e-6]
    rows = np.delete(np.arange(len(y)), free[0])
    refit = SVC(C=1.0, gamma=1.0, tol=1e-8).fit(X[rows], y[rows])
    assert np.abs(full.decision_function(X) - refit.decision_function(X)).max() > 1e-3


def explicit_degree2_map(X):
    """phi with phi(x).phi(z) = (x.z + 1)^2 for any number of features."""
    n, p = X.shape
    i, j = np.triu_indices(p, k=1)
    return np.column_stack([np.ones(n), np.sqrt(2) * X, X**2, np.sqrt(2) * X[:, i] * X[:, j]])


@pytest.mark.parametrize("p", [1, 2, 3, 7])
def test_degree_two_polynomial_kernel_is_a_dot_product_of_an_explicit_map(p):
    rng = np.random.default_rng(p)
    A, B = rng.normal(size=(10, p)), rng.normal(size=(6, p))
    phi_a = explicit_degree2_map(A)
    assert phi_a.shape[1] == (p + 2) * (p + 1) // 2  # binom(p + 2, 2) monomials up to degree 2
    K = polynomial_kernel(A, B, degree=2, gamma=1, coef0=1)
    assert np.allclose(K, phi_a @ explicit_degree2_map(B).T)


@pytest.mark.parametrize("seed", range(3))
def test_poly_kernel_svm_equals_a_linear_svm_on_the_explicit_features(seed):
    X, y = make_classification(n_samples=150, n_features=3, n_informative=3, n_redundant=0, random_state=seed)
    X = StandardScaler().fit_transform(X)
    poly = SVC(kernel="poly", degree=2, gamma=1, coef0=1, C=0.5, tol=1e-8).fit(X, y)
    lin = SVC(kernel="linear", C=0.5, tol=1e-8).fit(explicit_degree2_map(X), y)
    assert np.allclose(poly.decision_function(X), lin.decision_function(explicit_degree2_map(X)), atol=1e-4)


@pytest.mark.parametrize("seed", range(4))
def test_a_large_gamma_fits_the_training_set_and_loses_on_the_test_set(seed):
    X, y = make_moons(n_samples=400, noise=0.3, random_state=seed)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, random_state=seed)
    scores = {g: SVC(C=100, gamma=g).fit(X_tr, y_tr) for g in (0.1, 1, 100)}
    train = {g: m.score(X_tr, y_tr) for g, m in scores.items()}
    test = {g: m.score(X_te, y_te) for g, m in scores.items()}
    assert train[100] > 0.98 and train[100] > train[1]
    assert test[100] < test[1] - 0.03


def test_gamma_scale_is_one_over_p_times_the_variance_of_x():
    X, y = make_moons(n_samples=100, noise=0.2, random_state=0)
    X = X * [3.0, 0.5]
    gamma = 1 / (X.shape[1] * X.var())
    auto = SVC(gamma="scale").fit(X, y)
    manual = SVC(gamma=gamma).fit(X, y)
    assert np.allclose(auto.decision_function(X), manual.decision_function(X))


def test_scaling_helps_an_rbf_svm_on_features_in_different_units():
    X, y = load_wine(return_X_y=True)
    raw = cross_val_score(SVC(), X, y, cv=5).mean()
    scaled = cross_val_score(make_pipeline(StandardScaler(), SVC()), X, y, cv=5).mean()
    assert scaled > raw + 0.2


def test_linear_svc_is_not_svc_with_a_linear_kernel():
    X, y = overlapping(0)
    a = LinearSVC(C=1.0, max_iter=100_000, tol=1e-8).fit(X, y)  # squared hinge, penalised intercept
    b = SVC(kernel="linear", C=1.0, tol=1e-8).fit(X, y)
    assert not np.allclose(a.coef_, b.coef_, rtol=1e-2)
    c = LinearSVC(C=1.0, loss="hinge", intercept_scaling=100, max_iter=1_000_000, tol=1e-6).fit(X, y)
    assert np.allclose(c.coef_, b.coef_, rtol=1e-3)  # the same problem once those two are undone


@pytest.mark.parametrize("seed", range(4))
def test_calibrating_without_ensemble_is_one_svc_fitted_on_all_rows_under_a_sigmoid(seed):
    X, y = make_moons(n_samples=300, noise=0.35, random_state=seed)
    model = CalibratedClassifierCV(SVC(C=1, gamma=1), ensemble=False, cv=5).fit(X, y)
    (pair,) = model.calibrated_classifiers_
    f = SVC(C=1, gamma=1).fit(X, y).decision_function(X)
    assert np.allclose(pair.estimator.decision_function(X), f)
    p = model.predict_proba(X)[:, 1]
    assert np.all(np.diff(p[np.argsort(f)]) >= -1e-12)  # an increasing sigmoid of f, nothing else
    default = CalibratedClassifierCV(SVC(C=1, gamma=1), cv=5).fit(X, y)
    assert len(default.calibrated_classifiers_) == 5  # the default ensemble: one SVC per fold


def test_platt_probabilities_can_disagree_with_the_sign_of_the_score():
    disagreements = 0
    for seed in range(6):
        X, y = make_moons(n_samples=300, noise=0.35, random_state=seed)
        model = CalibratedClassifierCV(SVC(C=1, gamma=1), ensemble=False, cv=5).fit(X, y)
        f = model.calibrated_classifiers_[0].estimator.decision_function(X)
        disagreements += np.sum((model.predict_proba(X)[:, 1] > 0.5) != (f > 0))
    assert disagreements > 0


@pytest.mark.parametrize("value", [True, False])
def test_setting_the_deprecated_probability_parameter_at_all_warns(value):
    """The page's claim about scikit-learn 1.9; this fails (TypeError) once 1.11 removes the parameter."""
    X, y = make_moons(n_samples=100, noise=0.3, random_state=0)
    with pytest.warns(FutureWarning, match="removed in version 1.11"):
        SVC(probability=value).fit(X, y)
    assert not hasattr(SVC().fit(X, y), "predict_proba")  # without it, an SVC gives scores only
