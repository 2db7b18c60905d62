"""Claims of coding/kmeans_from_scratch.md checked beyond the candidate's tests."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from sklearn.cluster import KMeans, MiniBatchKMeans
from threadpoolctl import threadpool_limits

from scripts.figures import snippet_namespace


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Tiny problems: extra OpenMP/BLAS threads only add overhead, badly so on a loaded machine."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("kmeans_from_scratch")


def _candidate_tests():
    """The candidate's test file, loaded under another module name, for its data."""
    path = Path(__file__).parents[2] / "snippets" / "coding" / "kmeans_from_scratch" / "test_kmeans_from_scratch.py"
    spec = importlib.util.spec_from_file_location("candidate_tests_kmeans_from_scratch", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


blobs = _candidate_tests().blobs  # the same data as the candidate's tests


def cases():
    """(X, init, kwargs) of every comparison with scikit-learn in the candidate's tests."""
    for seed in range(4):
        for k in (3, 5):
            X, rng = blobs(seed)
            yield X, X[rng.choice(len(X), k, replace=False)], {}
    for seed in (100, 102, 103):
        X, rng = blobs(seed, d=2, scale=10.0)
        yield X, X[rng.choice(len(X), 5, replace=False)], {"tol": 1e-2}
    X, rng = blobs(7)
    yield X, X[rng.choice(len(X), 4, replace=False)], {}


def test_no_cluster_empties_in_the_comparisons_with_scikit_learn(ns):
    # The two libraries treat an empty cluster differently, so the candidate's
    # comparisons must never meet one: after every update step, every cluster has a point.
    for X, init, kwargs in cases():
        final = ns["kmeans"](X, len(init), init=init, **kwargs)[0]
        for t in range(1, 30):
            centroids, labels, _ = ns["kmeans"](X, len(init), init=init, max_iter=t, **kwargs)
            assert np.bincount(labels, minlength=len(init)).min() > 0
            if np.array_equal(centroids, final):
                break


def test_scikit_learn_relocates_an_empty_cluster_where_the_reference_keeps_it(ns):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0], [9.0, 0.0]])
    init = np.array([[0.0, 0.5], [7.0, 3.0], [100.0, 100.0]])
    ours, _, ours_inertia = ns["kmeans"](X, 3, init=init)
    sk = KMeans(n_clusters=3, init=init, n_init=1, algorithm="lloyd").fit(X)
    np.testing.assert_array_equal(ours[2], [100.0, 100.0])  # kept, far from every point
    assert np.bincount(sk.labels_, minlength=3).min() > 0  # scikit-learn gave it a point
    assert not np.isclose(sk.cluster_centers_, [100.0, 100.0]).all(axis=1).any()
    assert sk.inertia_ < ours_inertia  # an extra occupied cluster lowers the inertia


@pytest.mark.parametrize("seed", range(5))
def test_inertia_never_increases_from_one_iteration_to_the_next(ns, seed):
    X, rng = blobs(seed)
    init = X[rng.choice(len(X), 5, replace=False)]
    values = [ns["kmeans"](X, 5, init=init, max_iter=t)[2] for t in range(1, 25)]
    assert all(b <= a + 1e-9 for a, b in zip(values, values[1:]))


@pytest.mark.parametrize("seed", range(3))
def test_the_expanded_distance_formula_gives_the_same_assignment(ns, seed):
    # Follow-up: ||x||^2 - 2 x.c + ||c||^2 needs O(nk) memory instead of O(nkd).
    X, rng = blobs(seed, n=500, d=8)
    centroids = ns["kmeans"](X, 6, seed=seed)[0]
    direct = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    expanded = (X**2).sum(1)[:, None] - 2 * X @ centroids.T + (centroids**2).sum(1)
    np.testing.assert_array_equal(direct.argmin(axis=1), expanded.argmin(axis=1))
    np.testing.assert_allclose(np.maximum(expanded, 0), direct, atol=1e-9)


def test_restarts_help_because_single_runs_stop_in_different_local_minima(ns):
    rng = np.random.default_rng(0)
    means = rng.uniform(0, 20, size=(8, 2))
    X = means[rng.integers(8, size=400)] + rng.normal(0.0, 0.8, size=(400, 2))
    inertias = [ns["kmeans"](X, 8, seed=s)[2] for s in range(10)]
    assert max(inertias) > 1.01 * min(inertias)  # some runs end clearly worse
    best = KMeans(n_clusters=8, n_init=10, random_state=0).fit(X).inertia_
    assert min(inertias) < 1.01 * best  # the best of ten restarts is near scikit-learn's


def test_mini_batch_k_means_pays_a_little_inertia_for_reading_batches():
    X, _ = blobs(0, n=3000)
    full = KMeans(n_clusters=4, n_init=3, random_state=0).fit(X).inertia_
    mini = MiniBatchKMeans(n_clusters=4, batch_size=1024, n_init=3, random_state=0).fit(X)
    assert full <= mini.inertia_ < 1.1 * full


def test_kmeans_plusplus_is_the_vanilla_algorithm_and_scikit_learn_the_greedy_one(ns):
    # One draw per new centroid: the seeds come from a single Generator stream, so the
    # same seed reproduces them; scikit-learn's greedy variant draws 2 + log(k)
    # candidates per step (n_local_trials) and is a different function of the seed.
    from sklearn.cluster import kmeans_plusplus

    X, _ = blobs(1, n=200)
    ours = ns["kmeans_plusplus"](X, 5, seed=0)
    np.testing.assert_array_equal(ours, ns["kmeans_plusplus"](X, 5, seed=0))
    theirs, idx = kmeans_plusplus(X, 5, random_state=0)
    assert len(set(idx.tolist())) == 5
    np.testing.assert_array_equal(theirs, X[idx])  # the greedy seeds are data points too


@pytest.mark.parametrize("scale", [1e-3, 1e3])
def test_the_relative_tolerance_makes_the_result_independent_of_the_units(ns, scale):
    X, rng = blobs(100, d=2, scale=10.0)  # a case where tol=1e-2 stops the run early
    init = X[rng.choice(len(X), 5, replace=False)]
    base = ns["kmeans"](X, 5, init=init, tol=1e-2)[0]
    scaled = ns["kmeans"](scale * X, 5, init=scale * init, tol=1e-2)[0]
    np.testing.assert_allclose(scaled, scale * base, rtol=1e-9)
    assert not np.allclose(base, ns["kmeans"](X, 5, init=init, tol=0)[0])  # it did stop early


def _wrong(name):
    folder = Path(__file__).parents[2] / "snippets" / "coding" / "kmeans_from_scratch"
    spec = importlib.util.spec_from_file_location(f"kmeans_wrong_{name}", folder / f"wrong_{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_d_squared_frequency_test_separates_the_three_seeding_rules(ns):
    # The page: about 120 of 200 seeds for D^2, about 30 for D, 200 for farthest-first.
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0.0, 1e-3, (200, 2)), [1.0, 0.0] + rng.normal(0.0, 1e-3, (50, 2)), [[10.0, 0.0]]])

    def hits(seeding):
        return sum(bool((seeding(X, 2, seed=s) == X[-1]).all(1).any()) for s in range(200))

    assert 100 <= hits(ns["kmeans_plusplus"]) <= 140
    assert 20 <= hits(_wrong("d_not_squared").kmeans_plusplus) <= 40
    assert hits(_wrong("farthest_first").kmeans_plusplus) == 200


def test_scikit_learn_runs_each_lloyd_step_on_one_chunk_in_the_candidates_tests():
    # KMeans splits the rows into chunks of CHUNK_SIZE = 256 and uses at most one thread
    # per chunk (min(n_threads, n_chunks) in lloyd_iter_chunked_dense), so on n <= 256
    # rows its labels do not depend on the number of threads; only the inertia is summed
    # in parallel, which the candidate's tests compare with rtol=1e-6.
    from sklearn.cluster._k_means_common import CHUNK_SIZE

    assert CHUNK_SIZE == 256
    sizes = [len(X) for X, _, _ in cases()] + [201, 200, 50, 40, 60, 6, 5, 2]
    assert max(sizes) <= CHUNK_SIZE
