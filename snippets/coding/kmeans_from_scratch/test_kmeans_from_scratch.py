"""Tests for kmeans_from_scratch: your kmeans and kmeans_plusplus.

Run: pytest (tests solution.py beside this file), or pytest --solution FILE.
Lloyd's algorithm is checked against scikit-learn's KMeans started from the same
centroids (init=that array, n_init=1, algorithm="lloyd").
"""

import numpy as np
import pytest
from sklearn.cluster import KMeans


def blobs(seed, n=250, d=3, centers=4, spread=2.0, scale=1.0):
    """Overlapping Gaussian groups: Lloyd's algorithm needs several iterations."""
    rng = np.random.default_rng(seed)
    means = rng.normal(0.0, spread, (centers, d))
    X = means[rng.integers(centers, size=n)] + rng.normal(size=(n, d))
    return scale * X, rng


def sklearn_kmeans(X, init, **kwargs):
    k = len(init)
    return KMeans(n_clusters=k, init=init, n_init=1, algorithm="lloyd", **kwargs).fit(X)


def run(solution, X, k, **kwargs):
    result = solution.kmeans(X, k, **kwargs)
    assert isinstance(result, tuple) and len(result) == 3, (
        f"kmeans must return a tuple (centroids, labels, inertia), got {type(result)}"
    )
    return np.asarray(result[0]), np.asarray(result[1]), result[2]


def compare(solution, X, init, what, **kwargs):
    centroids, labels, inertia = run(solution, X, len(init), init=init.copy(), **kwargs)
    ref = sklearn_kmeans(X, init, **kwargs)
    np.testing.assert_allclose(
        inertia,
        ref.inertia_,
        rtol=1e-6,
        err_msg=f"{what}: your inertia differs from KMeans(...).inertia_ from the same "
        "start: did you iterate until no label changes (or the total squared shift "
        "is <= tol * mean column variance), and sum the SQUARED distances?",
    )
    np.testing.assert_allclose(
        centroids,
        ref.cluster_centers_,
        rtol=1e-6,
        atol=1e-8,
        err_msg=f"{what}: your centroids differ from KMeans(...).cluster_centers_; "
        "row j must be the cluster that started at init[j]",
    )
    assert np.array_equal(labels, ref.labels_), (
        f"{what}: {np.sum(labels != ref.labels_)} labels differ from KMeans(...).labels_"
    )


@pytest.mark.parametrize("k", [3, 5])
@pytest.mark.parametrize("seed", range(4))
def test_matches_sklearn_from_the_same_start(solution, seed, k):
    X, rng = blobs(seed)
    init = X[rng.choice(len(X), k, replace=False)]
    compare(solution, X, init, f"seed {seed}, k={k}")


@pytest.mark.parametrize("seed", [100, 102, 103])
def test_tol_stops_like_sklearn(solution, seed):
    # Data in large units (variance about 500 per column): tol is relative to it.
    X, rng = blobs(seed, d=2, scale=10.0)
    init = X[rng.choice(len(X), 5, replace=False)]
    early = sklearn_kmeans(X, init, tol=1e-2).cluster_centers_
    late = sklearn_kmeans(X, init, tol=0).cluster_centers_
    assert not np.allclose(early, late), "test data check: tol should stop KMeans early"
    compare(
        solution,
        X,
        init,
        f"tol=1e-2, seed {seed} (the threshold is tol * np.var(X, axis=0).mean())",
        tol=1e-2,
    )


@pytest.mark.parametrize("max_iter", [1, 2, 3])
def test_max_iter_counts_update_steps(solution, max_iter):
    X, rng = blobs(7)
    init = X[rng.choice(len(X), 4, replace=False)]
    compare(solution, X, init, f"max_iter={max_iter}", max_iter=max_iter)


def test_labels_and_inertia_belong_to_the_returned_centroids(solution):
    X, rng = blobs(1)
    init = X[rng.choice(len(X), 5, replace=False)]
    centroids, labels, inertia = run(solution, X, 5, init=init, max_iter=1)
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    nearest = d2.argmin(axis=1)
    assert np.array_equal(labels, nearest), (
        f"after max_iter=1, {np.sum(labels != nearest)} points are not labelled with "
        "their nearest RETURNED centroid: assign the points again after the last move"
    )
    np.testing.assert_allclose(
        inertia,
        d2.min(axis=1).sum(),
        rtol=1e-9,
        err_msg="inertia must be computed from the returned centroids and labels",
    )


def test_inertia_is_the_sum_of_squared_distances(solution):
    X = np.array([[0.0], [4.0]])
    centroids, labels, inertia = run(solution, X, 1, init=np.array([[1.0]]))
    np.testing.assert_allclose(centroids, [[2.0]], err_msg="one cluster: the mean")
    assert np.isclose(inertia, 8.0), (
        f"points 0 and 4, centroid 2: inertia is 2**2 + 2**2 = 8, got {inertia}; "
        "it is the sum of SQUARED distances (4 would be the plain distances)"
    )


def test_empty_cluster_keeps_its_centroid(solution):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0], [9.0, 0.0]])
    init = np.array([[0.0, 0.5], [7.0, 3.0], [100.0, 100.0]])  # no point is near 3
    centroids, labels, inertia = run(solution, X, 3, init=init)
    bad = np.flatnonzero(np.isnan(centroids).any(axis=1))
    assert bad.size == 0 and not np.isnan(inertia), (
        f"centroid rows {bad.tolist()} are NaN: an empty cluster has no mean "
        "(np.mean of no points is NaN); keep the previous centroid of an empty cluster"
    )
    expected = [[0.0, 0.5], [19 / 3, 11 / 3], [100.0, 100.0]]
    np.testing.assert_allclose(
        centroids,
        expected,
        atol=1e-9,
        err_msg="cluster 2 never gets a point, so it must stay at init[2] = "
        "[100, 100]; clusters 0 and 1 are the means of their points",
    )
    assert np.array_equal(labels, [0, 0, 1, 1, 1]), f"labels {labels}, want [0 0 1 1 1]"
    assert np.isclose(inertia, 0.5 + 282 / 9), (
        f"inertia {inertia}, want {0.5 + 282 / 9}"
    )


def test_k_equal_to_n_gives_every_point_its_own_cluster(solution):
    X = np.random.default_rng(0).normal(size=(6, 2))
    centroids, labels, inertia = run(solution, X, 6)
    assert np.isclose(inertia, 0.0, atol=1e-12), (
        f"k = n: every point is its own centroid and the inertia is 0, got {inertia}"
    )
    assert sorted(labels.tolist()) == list(range(6)), (
        f"k = n: each of the 6 points needs its own label, got {labels}"
    )
    np.testing.assert_allclose(centroids[labels], X, atol=1e-12, err_msg="k = n")


def test_one_cluster_is_the_mean(solution):
    X, _ = blobs(3, n=50)
    centroids, labels, inertia = run(solution, X, 1)
    np.testing.assert_allclose(
        centroids,
        X.mean(axis=0, keepdims=True),
        err_msg="k=1: the centroid is the mean",
    )
    assert np.all(labels == 0), "k=1: every label is 0"
    np.testing.assert_allclose(
        inertia, ((X - X.mean(axis=0)) ** 2).sum(), rtol=1e-9, err_msg="k=1: inertia"
    )


def test_shapes_and_dtypes(solution):
    X, _ = blobs(0, n=40, d=3)
    centroids, labels, inertia = run(solution, X, 4)
    assert centroids.shape == (4, 3), (
        f"centroids must be (k, d) = (4, 3), got {centroids.shape}"
    )
    assert centroids.dtype == np.float64, (
        f"centroids must be float64, got {centroids.dtype}"
    )
    assert labels.shape == (40,), f"labels must be (n,) = (40,), got {labels.shape}"
    assert np.issubdtype(labels.dtype, np.integer), (
        f"labels must be integers, got {labels.dtype}"
    )
    assert labels.min() >= 0 and labels.max() < 4, "labels must lie in [0, k)"
    assert isinstance(inertia, (float, np.floating)), (
        f"inertia must be a float, got {type(inertia).__name__}"
    )


def test_integer_input_gives_the_float_answer(solution):
    X = np.random.default_rng(5).integers(0, 50, size=(60, 2))
    init = X[:3]
    got = run(solution, X, 3, init=init)
    want = run(solution, X.astype(np.float64), 3, init=init.astype(np.float64))
    np.testing.assert_allclose(
        got[0],
        want[0],
        err_msg="integer X must give the same centroids as float X "
        "(convert to float64 before averaging)",
    )
    np.testing.assert_allclose(got[2], want[2], err_msg="integer X: inertia")


def test_inputs_are_not_modified(solution):
    X, rng = blobs(2)
    init = X[rng.choice(len(X), 4, replace=False)]
    X_before, init_before = X.copy(), init.copy()
    run(solution, X, 4, init=init)
    assert np.array_equal(init, init_before), (
        "kmeans changed the caller's init array: copy it (np.array(init, dtype=float)) "
        "before moving the centroids"
    )
    assert np.array_equal(X, X_before), "kmeans changed the caller's X"


def test_same_seed_same_result(solution):
    X, _ = blobs(4)
    first, second = run(solution, X, 4, seed=3), run(solution, X, 4, seed=3)
    np.testing.assert_array_equal(
        first[0], second[0], err_msg="the same seed must give the same centroids"
    )
    np.testing.assert_array_equal(
        solution.kmeans_plusplus(X, 4, seed=3),
        solution.kmeans_plusplus(X, 4, seed=3),
        err_msg="kmeans_plusplus: the same seed must give the same rows",
    )


@pytest.mark.parametrize("seed", range(4))
def test_kmeans_plusplus_returns_k_distinct_rows_of_X(solution, seed):
    X, _ = blobs(seed, n=100)
    seeds = np.asarray(solution.kmeans_plusplus(X, 6, seed=seed))
    assert seeds.shape == (6, 3), (
        f"kmeans_plusplus must return (k, d) = (6, 3), got {seeds.shape}"
    )
    rows = [np.flatnonzero((X == s).all(axis=1)) for s in seeds]
    missing = [j for j, r in enumerate(rows) if r.size == 0]
    assert not missing, f"seed rows {missing} are not rows of X: seeds are data points"
    indices = [int(r[0]) for r in rows]
    assert len(set(indices)) == 6, (
        f"kmeans_plusplus chose rows {indices}: a row was chosen twice (D(x)^2 of a "
        "chosen row is 0, so it cannot be drawn again)"
    )


def test_kmeans_plusplus_picks_the_far_outlier(solution):
    # 200 points near the origin and one far away: after the first centroid, the
    # outlier carries almost all of the D(x)^2 mass, so k-means++ draws it.
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0.0, 0.1, size=(200, 2)), [[1e4, 1e4]]])
    missed = [
        s
        for s in range(10)
        if not (np.asarray(solution.kmeans_plusplus(X, 2, seed=s)) == X[-1])
        .all(1)
        .any()
    ]
    assert not missed, (
        f"with seeds {missed} the 2 k-means++ centroids miss the far outlier: draw each "
        "next centroid with probability D(x)^2 / sum D^2, not uniformly"
    )


def test_kmeans_plusplus_draws_with_probability_d_squared(solution):
    # 200 points at (0, 0), 50 at (1, 0), one at (10, 0), all with 1e-3 jitter; k=2.
    # After a first centroid at (0, 0), D^2 gives the far point 100 / (100 + 50) = 2/3
    # of the mass, D gives it 10 / 60 = 1/6, and the farthest-point rule takes it
    # always. Over the first centroids, D^2 draws it in about 60 % of the seeds.
    rng = np.random.default_rng(0)
    X = np.vstack(
        [
            rng.normal(0.0, 1e-3, (200, 2)),
            [1.0, 0.0] + rng.normal(0.0, 1e-3, (50, 2)),
            [[10.0, 0.0]],
        ]
    )
    hits = sum(
        bool((np.asarray(solution.kmeans_plusplus(X, 2, seed=s)) == X[-1]).all(1).any())
        for s in range(200)
    )
    assert 80 <= hits <= 160, (
        f"the far point (10, 0) was among the 2 k-means++ centroids in {hits} of 200 "
        "seeds; drawing with probability D(x)^2 / sum D^2 gives about 120 (between 80 "
        "and 160). Far fewer: did you weight by D(x) instead of D(x)^2? All 200: did you "
        "take the farthest point instead of drawing one?"
    )


@pytest.mark.parametrize("seed", range(4))
def test_default_start_finds_well_separated_clusters(solution, seed):
    rng = np.random.default_rng(seed)
    corners = np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 100.0], [100.0, 100.0]])
    X = np.repeat(corners, 50, axis=0) + rng.normal(0.0, 0.1, size=(200, 2))
    centroids, labels, inertia = run(solution, X, 4, seed=seed)
    best = KMeans(n_clusters=4, n_init=10, random_state=0).fit(X)
    np.testing.assert_allclose(
        inertia,
        best.inertia_,
        rtol=1e-6,
        err_msg=f"seed {seed}: from k-means++ seeds, 4 far-apart groups should be found "
        "exactly (one seed per group)",
    )
    order = np.argsort(centroids[:, 0] * 1000 + centroids[:, 1])
    ref_order = np.argsort(
        best.cluster_centers_[:, 0] * 1000 + best.cluster_centers_[:, 1]
    )
    np.testing.assert_allclose(
        centroids[order],
        best.cluster_centers_[ref_order],
        atol=1e-8,
        err_msg="centroids (up to order)",
    )


def test_bad_arguments_raise_value_error(solution):
    X = np.zeros((5, 2))
    X[:, 0] = np.arange(5)
    for k in (0, 6):
        with pytest.raises(ValueError):
            solution.raw.kmeans(X, k)
        with pytest.raises(ValueError):
            solution.raw.kmeans_plusplus(X, k)
    with pytest.raises(ValueError):
        solution.raw.kmeans(X, 2, init=np.zeros((3, 2)))  # 3 rows for k=2
