"""Claims of classical/knn.md checked beyond the one data set its snippet uses."""

import numpy as np
import pytest
from sklearn.datasets import load_wine, make_classification
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from scripts.figures import snippet_namespace


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny problems: extra OpenMP/BLAS threads only add overhead, badly so on a loaded machine."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def knn_predict():
    return snippet_namespace("knn")["knn_predict"]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("k", [1, 3, 7, 15])
def test_from_scratch_knn_matches_scikit_learn_without_ties(knn_predict, seed, k):
    # Binary labels and odd k: a vote can never be tied, so the two must agree exactly.
    X, y = make_classification(n_samples=300, n_features=5, random_state=seed)
    ours = knn_predict(X[:200], y[:200], X[200:], k)
    theirs = KNeighborsClassifier(n_neighbors=k).fit(X[:200], y[:200]).predict(X[200:])
    np.testing.assert_array_equal(ours, theirs)


def test_a_tied_vote_goes_to_the_smallest_label_in_both(knn_predict):
    # The query's 4 nearest neighbors: two of class 2 (closer) and two of class 0 (farther).
    X = np.array([[0.0], [1.0], [-1.5], [2.5], [10.0]])
    y = np.array([2, 2, 0, 0, 1])
    query = np.array([[0.1]])
    assert knn_predict(X, y, query, 4)[0] == 0
    assert KNeighborsClassifier(n_neighbors=4).fit(X, y).predict(query)[0] == 0


def test_rescaling_one_feature_changes_raw_knn_but_not_the_scaled_pipeline():
    X, y = load_wine(return_X_y=True)
    train, test = np.arange(len(y)) % 3 != 0, np.arange(len(y)) % 3 == 0
    X_big = X.copy()
    X_big[:, 0] *= 1000  # alcohol in different units: same information, bigger numbers
    raw = [KNeighborsClassifier(n_neighbors=5).fit(A[train], y[train]).predict(A[test]) for A in (X, X_big)]
    pipe = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5))
    scaled = [pipe.fit(A[train], y[train]).predict(A[test]) for A in (X, X_big)]
    assert not np.array_equal(raw[0], raw[1])
    np.testing.assert_array_equal(scaled[0], scaled[1])


@pytest.mark.parametrize("seed", range(3))
def test_knn_regression_averages_the_neighbors_targets(seed):
    rng = np.random.default_rng(seed)
    X, t = rng.random((80, 3)), rng.normal(size=80)
    queries = rng.random((10, 3))
    # Brute force: the k smallest Euclidean distances, targets averaged (plain and 1/distance-weighted).
    d = np.linalg.norm(queries[:, None, :] - X[None, :, :], axis=2)
    nb = np.argsort(d, axis=1)[:, :6]
    dist = np.take_along_axis(d, nb, axis=1)
    plain = t[nb].mean(axis=1)
    weighted = (t[nb] / dist).sum(axis=1) / (1 / dist).sum(axis=1)
    np.testing.assert_allclose(KNeighborsRegressor(n_neighbors=6).fit(X, t).predict(queries), plain)
    np.testing.assert_allclose(
        KNeighborsRegressor(n_neighbors=6, weights="distance").fit(X, t).predict(queries), weighted
    )


@pytest.mark.parametrize("algorithm", ["kd_tree", "ball_tree"])
def test_tree_indexes_change_the_cost_not_the_answer(algorithm):
    X, y = make_classification(n_samples=500, n_features=4, random_state=0)
    brute = KNeighborsClassifier(n_neighbors=7, algorithm="brute").fit(X[:400], y[:400])
    tree = KNeighborsClassifier(n_neighbors=7, algorithm=algorithm).fit(X[:400], y[:400])
    np.testing.assert_array_equal(brute.predict(X[400:]), tree.predict(X[400:]))
    np.testing.assert_array_equal(brute.kneighbors(X[400:])[1], tree.kneighbors(X[400:])[1])


@pytest.mark.parametrize("seed", range(4))
def test_one_nearest_neighbor_memorizes_the_training_set(seed):
    X, y = make_classification(n_samples=200, n_features=3, n_redundant=0, flip_y=0.2, random_state=seed)
    assert KNeighborsClassifier(n_neighbors=1).fit(X, y).score(X, y) == 1.0
    assert KNeighborsClassifier(n_neighbors=15).fit(X, y).score(X, y) < 1.0  # label noise: larger k cannot


@pytest.mark.parametrize("seed", range(3))
def test_distances_concentrate_as_the_dimension_grows(seed):
    rng = np.random.default_rng(seed)
    ratios = []
    for d in (2, 20, 200, 2000):
        dist = np.linalg.norm(rng.random((300, d)) - rng.random(d), axis=1)
        ratios.append(dist.min() / dist.max())
    assert all(a < b for a, b in zip(ratios, ratios[1:]))
    assert ratios[0] < 0.2 and ratios[-1] > 0.8


def test_distance_weighting_gives_a_coinciding_training_point_all_the_weight():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    t = np.array([10.0, -5.0, 7.0, 1.0])
    reg = KNeighborsRegressor(n_neighbors=3, weights="distance").fit(X, t)
    assert reg.predict([[1.0]])[0] == pytest.approx(-5.0)  # distance 0: the others get weight 0
    assert reg.predict([[1.5]])[0] == pytest.approx((-5.0 / 0.5 + 7.0 / 0.5 + 10.0 / 1.5) / (2 / 0.5 + 1 / 1.5))
