"""Claims of classical/pca.md checked beyond the data sets its snippet uses."""

import numpy as np
import pytest
from sklearn.datasets import make_circles
from sklearn.decomposition import PCA, KernelPCA, TruncatedSVD
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny problems: extra OpenMP/BLAS threads only add overhead."""
    with threadpool_limits(limits=1):
        yield


def correlated(seed, n=300, p=6):
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(p, p)) * rng.uniform(0.2, 3.0, size=p)  # unequal variances, correlated
    return rng.normal(size=(n, p)) @ A + rng.normal(size=p)  # and a nonzero mean


def eigen(X):
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return vals[::-1], vecs[:, ::-1]


@pytest.mark.parametrize("seed", range(5))
def test_no_unit_direction_has_more_variance_than_the_top_eigenvector(seed):
    X = correlated(seed)
    vals, vecs = eigen(X)
    Xc = X - X.mean(axis=0)
    U = np.random.default_rng(seed).normal(size=(5000, X.shape[1]))
    U /= np.linalg.norm(U, axis=1, keepdims=True)
    assert np.var(Xc @ U.T, axis=0, ddof=1).max() <= vals[0] + 1e-12
    assert np.var(Xc @ vecs[:, 0], ddof=1) == pytest.approx(vals[0])


@pytest.mark.parametrize("solver", ["full", "covariance_eigh", "arpack"])
@pytest.mark.parametrize("shape", [(300, 6), (40, 8), (10, 25)], ids=["tall", "square-ish", "wide"])
def test_sklearn_pca_matches_the_covariance_eigenvectors_up_to_sign(shape, solver):
    n, p = shape
    X = np.random.default_rng(n + p).normal(size=(n, p)) @ np.diag(np.linspace(3, 0.5, p))
    k = min(n, p) - 1  # arpack needs fewer than min(n, p) components
    pca = PCA(n_components=k, svd_solver=solver).fit(X)
    vals, vecs = eigen(X)
    assert np.allclose(pca.explained_variance_, vals[:k])
    cosines = np.abs(np.sum(pca.components_ * vecs[:, :k].T, axis=1))
    assert np.allclose(cosines, 1)


@pytest.mark.parametrize("seed", range(4))
def test_eigenvalues_are_squared_singular_values_over_n_minus_one_and_scores_are_u_sigma(seed):
    X = correlated(seed)
    Xc = X - X.mean(axis=0)
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    vals, _ = eigen(X)
    assert np.allclose(s**2 / (len(X) - 1), vals)
    scores = PCA().fit_transform(X)
    assert np.allclose(np.abs(scores), np.abs(U * s))


@pytest.mark.parametrize("seed", range(4))
def test_the_scores_are_uncorrelated_with_decreasing_variances(seed):
    scores = PCA().fit_transform(correlated(seed))
    C = np.cov(scores, rowvar=False)
    assert np.allclose(C - np.diag(np.diag(C)), 0, atol=1e-8)
    assert np.all(np.diff(np.diag(C)) <= 0)


@pytest.mark.parametrize("k", [1, 2, 4])
@pytest.mark.parametrize("seed", range(3))
def test_reconstruction_error_is_the_discarded_variance_and_beats_any_other_subspace(seed, k):
    X = correlated(seed)
    n, p = X.shape
    vals, _ = eigen(X)
    pca = PCA(n_components=k).fit(X)
    error = np.sum((X - pca.inverse_transform(pca.transform(X))) ** 2)
    assert error == pytest.approx((n - 1) * vals[k:].sum())
    Xc = X - X.mean(axis=0)
    rng = np.random.default_rng(seed)
    for _ in range(50):
        W, _ = np.linalg.qr(rng.normal(size=(p, k)))  # a random orthonormal basis
        assert np.sum((Xc - Xc @ W @ W.T) ** 2) >= error - 1e-9


@pytest.mark.parametrize("column", [0, 3])
def test_one_feature_in_large_units_takes_the_first_component_unless_standardised(column):
    X = correlated(7)
    X_units = X.copy()
    X_units[:, column] *= 1000.0
    raw = PCA().fit(X_units)
    assert abs(raw.components_[0, column]) > 0.999 and raw.explained_variance_ratio_[0] > 0.99
    pipe_a = make_pipeline(StandardScaler(), PCA()).fit(X)
    pipe_b = make_pipeline(StandardScaler(), PCA()).fit(X_units)
    assert np.allclose(np.abs(pipe_a.transform(X)), np.abs(pipe_b.transform(X_units)))


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9, 0.95, 0.99])
def test_a_float_n_components_keeps_the_fewest_components_that_reach_it(threshold):
    X = correlated(3, p=10)
    cumulative = np.cumsum(PCA().fit(X).explained_variance_ratio_)
    k = PCA(n_components=threshold, svd_solver="full").fit(X).n_components_
    assert cumulative[k - 1] >= threshold
    assert k == 1 or cumulative[k - 2] < threshold


def test_fit_ignores_the_target():
    X = correlated(0)
    rng = np.random.default_rng(0)
    a = PCA().fit(X, rng.integers(0, 2, len(X))).components_
    b = PCA().fit(X, rng.normal(size=len(X))).components_
    assert np.array_equal(a, b)


@pytest.mark.parametrize("seed", range(5))
def test_a_low_variance_class_signal_is_what_the_first_component_drops(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=400)
    X = np.column_stack(
        [rng.normal(scale=5.0, size=400), np.where(y == 1, 1.0, -1.0) + rng.normal(scale=0.5, size=400)]
    )
    on_pc1 = make_pipeline(PCA(n_components=1), LogisticRegression())
    on_both = LogisticRegression()
    assert cross_val_score(on_pc1, X, y, cv=5).mean() < 0.62
    assert cross_val_score(on_both, X, y, cv=5).mean() > 0.95


@pytest.mark.parametrize("seed", range(3))
def test_linear_pca_cannot_separate_rings_and_rbf_kernel_pca_can(seed):
    X, y = make_circles(n_samples=400, factor=0.3, noise=0.05, random_state=seed)
    linear = make_pipeline(PCA(n_components=2), LogisticRegression())
    kernel = make_pipeline(KernelPCA(n_components=1, kernel="rbf", gamma=2), LogisticRegression())
    assert cross_val_score(linear, X, y, cv=5).mean() < 0.6
    assert cross_val_score(kernel, X, y, cv=5).mean() > 0.98


def test_truncated_svd_does_not_centre_so_its_first_component_follows_the_mean():
    rng = np.random.default_rng(0)
    mean = np.array([10.0, -5.0, 8.0, 3.0])
    X = rng.normal(size=(500, 4)) @ np.diag([3.0, 1.0, 0.5, 0.2]) + mean
    first = TruncatedSVD(n_components=1, algorithm="arpack").fit(X).components_[0]
    assert abs(first @ mean) / np.linalg.norm(mean) > 0.99
    pca_first = PCA(n_components=1).fit(X).components_[0]
    assert abs(pca_first[0]) > 0.99  # PCA centres: it finds the high-variance axis instead


@pytest.mark.parametrize("seed", range(4))
def test_sklearn_makes_the_largest_entry_of_each_component_positive(seed):
    components = PCA().fit(correlated(seed)).components_
    top = np.abs(components).argmax(axis=1)
    assert np.all(components[np.arange(len(components)), top] > 0)


@pytest.mark.parametrize(
    ("shape", "k", "solver"),
    [((2000, 20), 5, "covariance_eigh"), ((600, 550), 10, "randomized"), ((300, 200), 10, "full")],
    ids=["tall and narrow", "large, few components", "otherwise"],
)
def test_the_default_solver_is_chosen_by_shape(shape, k, solver):
    X = np.random.default_rng(0).normal(size=shape) @ np.diag(np.linspace(3, 0.5, shape[1]))
    auto = PCA(n_components=k, random_state=0).fit(X)
    chosen = PCA(n_components=k, svd_solver=solver, random_state=0).fit(X)
    assert np.array_equal(auto.components_, chosen.components_)
    assert np.array_equal(auto.explained_variance_, chosen.explained_variance_)


def test_tsne_has_no_transform_for_new_points():
    from sklearn.manifold import TSNE

    assert hasattr(TSNE(), "fit_transform") and not hasattr(TSNE(), "transform")
    assert hasattr(KernelPCA(), "transform")  # kernel PCA, like PCA, maps new points
