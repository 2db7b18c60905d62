"""Claims of coding/vectorised_knn.md checked beyond the candidate's tests."""

import importlib.util
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from scipy.spatial.distance import cdist
from sklearn.metrics.pairwise import euclidean_distances
from sklearn.neighbors import KNeighborsClassifier
from threadpoolctl import threadpool_limits

from scripts.figures import snippet_namespace


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Small problems: extra OpenMP/BLAS threads only add overhead, badly so on a loaded machine."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("vectorised_knn")


@pytest.mark.parametrize("seed", range(3))
def test_the_expansion_agrees_with_broadcasting_cdist_and_scikit_learn(ns, seed):
    rng = np.random.default_rng(seed)
    A, B = rng.normal(size=(40, 6)), rng.normal(size=(70, 6))
    broadcast = np.sqrt(((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2))
    D = ns["pairwise_distances"](A, B)
    np.testing.assert_allclose(D, broadcast, rtol=1e-9)
    np.testing.assert_allclose(D, cdist(A, B), rtol=1e-9)
    np.testing.assert_allclose(D, euclidean_distances(A, B), rtol=1e-9)


def test_broadcasting_needs_d_times_the_memory_of_the_expansion(ns):
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(200, 32)), rng.normal(size=(300, 32))

    def peak(f):
        tracemalloc.start()
        f()
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    broadcast = peak(lambda: np.sqrt(((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)))
    expansion = peak(lambda: ns["pairwise_distances"](A, B))
    matrix = 200 * 300 * 8  # one (n_a, n_b) float64 matrix
    assert broadcast >= 32 * matrix  # the (n_a, n_b, d) difference array
    assert expansion <= 4 * matrix


@pytest.mark.parametrize("seed", range(3))
def test_argpartition_picks_the_same_neighbours_as_a_full_sort(seed):
    D = np.random.default_rng(seed).random((50, 400))
    for k in (1, 7, 400):
        part = np.sort(np.argpartition(D, k - 1, axis=1)[:, :k], axis=1)
        full = np.sort(np.argsort(D, axis=1)[:, :k], axis=1)
        np.testing.assert_array_equal(part, full)


def test_predicting_in_chunks_of_queries_gives_the_same_answer(ns):
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(500, 8)), rng.integers(0, 4, size=500)
    Q = rng.normal(size=(333, 8))
    whole = ns["knn_predict"](X, y, Q, 9)
    chunks = np.concatenate([ns["knn_predict"](X, y, Q[i : i + 100], 9) for i in range(0, 333, 100)])
    np.testing.assert_array_equal(whole, chunks)


def test_far_from_the_origin_the_expansion_loses_digits_and_centring_restores_them(ns):
    rng = np.random.default_rng(2)
    near = rng.normal(size=(30, 3))
    others = near + 1e-3 * rng.normal(size=(30, 3))  # pairs 0.001 or so apart
    true = np.linalg.norm(near - others, axis=1)
    offset = 1e4  # squared norms near 3e8: rounding of about eps * 3e8 = 7e-8 per entry
    far_a, far_b = near + offset, others + offset
    shifted = np.diag(ns["pairwise_distances"](far_a, far_b))
    mean = far_b.mean(axis=0)
    centred = np.diag(ns["pairwise_distances"](far_a - mean, far_b - mean))
    assert np.max(np.abs(shifted - true) / true) > 0.01  # over 1 % wrong somewhere
    broadcast = np.linalg.norm(far_a - far_b, axis=1)  # differences first: more precise
    np.testing.assert_allclose(broadcast, true, rtol=1e-6)
    np.testing.assert_allclose(centred, true, rtol=1e-6)  # centring the data fixes it


def test_distance_weighting_breaks_the_pages_tie_towards_the_closer_class():
    X = np.array([[0.0], [1.0], [-1.5], [2.5], [10.0]])
    y = np.array([2, 2, 0, 0, 1])
    q = np.array([[0.1]])
    assert KNeighborsClassifier(n_neighbors=4).fit(X, y).predict(q)[0] == 0
    assert KNeighborsClassifier(n_neighbors=4, weights="distance").fit(X, y).predict(q)[0] == 2


def test_the_example_queries_have_no_distance_tie_at_the_k_th_place(ns):
    D = np.sort(ns["pairwise_distances"](ns["X_query"], ns["X_train"]), axis=1)
    for k in (1, 3, 4):
        assert np.all(D[:, k] - D[:, k - 1] > 1e-9)
    for k in (1, 3, 4):
        sk = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(ns["X_train"], ns["y_train"])
        np.testing.assert_array_equal(
            ns["knn_predict"](ns["X_train"], ns["y_train"], ns["X_query"], k), sk.predict(ns["X_query"])
        )


def test_the_candidates_comparisons_with_scikit_learn_contain_19_tied_votes():
    # The candidate's own data, loaded from their test file under another module name.
    path = Path(__file__).parents[2] / "snippets" / "coding" / "vectorised_knn" / "test_vectorised_knn.py"
    spec = importlib.util.spec_from_file_location("candidate_tests_vectorised_knn", path)
    candidate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(candidate)
    labelled_data = candidate.labelled_data
    tied = 0
    for seed in range(4):
        X_train, y_train, X_query = labelled_data(seed)
        order = np.argsort(cdist(X_query, X_train), axis=1)
        for k in (1, 3, 5, 8):
            votes = np.stack([(y_train[order[:, :k]] == c).sum(axis=1) for c in (2, 5, 9)], axis=1)
            top2 = np.sort(votes, axis=1)[:, -2:]
            tied += int((top2[:, 0] == top2[:, 1]).sum())
    assert tied == 19
