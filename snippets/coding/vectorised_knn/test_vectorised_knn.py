"""Tests for vectorised_knn: your pairwise_distances and knn_predict.

Run: pytest (tests solution.py beside this file), or pytest --solution FILE.
Predictions are checked against scikit-learn's
KNeighborsClassifier(n_neighbors=k, algorithm="brute"), distances against
scipy.spatial.distance.cdist.
"""

import numpy as np
import pytest
from scipy.spatial.distance import cdist
from sklearn.neighbors import KNeighborsClassifier


def sklearn_predict(X_train, y_train, X_query, k):
    model = KNeighborsClassifier(n_neighbors=k, algorithm="brute")
    return model.fit(X_train, y_train).predict(X_query)


def check_no_distance_tie_at_k(X_train, X_query, k):
    """Test data check: the k-th and (k+1)-th nearest differ, so the answer is unique."""
    if k < len(X_train):
        d = np.sort(
            cdist(np.asarray(X_query, float), np.asarray(X_train, float)), axis=1
        )
        assert np.all(d[:, k] - d[:, k - 1] > 1e-9), "test data check: a distance tie"


def labelled_data(seed, n_train=200, n_query=60, d=4, labels=(2, 5, 9)):
    """Three overlapping classes with labels that are not 0..C-1."""
    rng = np.random.default_rng(seed)
    y = rng.choice(labels, size=n_train + n_query)
    means = {c: rng.normal(0.0, 1.5, d) for c in labels}
    X = np.array([means[c] for c in y]) + rng.normal(size=(len(y), d))
    return X[:n_train], y[:n_train], X[n_train:]


def predict(solution, X_train, y_train, X_query, k):
    pred = np.asarray(solution.knn_predict(X_train, y_train, X_query, k))
    assert pred.shape == (len(X_query),), (
        f"knn_predict must return one label per query, shape ({len(X_query)},), "
        f"got {pred.shape}"
    )
    return pred


def assert_same_predictions(pred, want, what):
    wrong = np.flatnonzero(pred != want)
    assert wrong.size == 0, (
        f"{what}: {wrong.size} of {len(want)} predictions differ from "
        f"KNeighborsClassifier(algorithm='brute'); first at query {wrong[0]}: you "
        f"predicted {pred[wrong[0]]}, scikit-learn {want[wrong[0]]}. Check the number of "
        "neighbours (exactly k) and the tie rule (a tied vote goes to the smallest label)"
    )


@pytest.mark.parametrize("seed", range(4))
def test_distances_match_scipy_cdist(solution, seed):
    rng = np.random.default_rng(seed)
    A, B = rng.normal(size=(30, 5)), rng.normal(2.0, 3.0, size=(45, 5))
    D = np.asarray(solution.pairwise_distances(A, B))
    assert D.shape == (30, 45), (
        f"pairwise_distances(A, B) must be (n_a, n_b) = (30, 45), got {D.shape}"
    )
    assert D.dtype == np.float64, f"distances must be float64, got {D.dtype}"
    np.testing.assert_allclose(
        D,
        cdist(A, B),
        rtol=1e-9,
        atol=1e-7,
        err_msg="pairwise_distances must equal scipy.spatial.distance.cdist(A, B), the "
        "Euclidean distance (the square root of ||a||^2 + ||b||^2 - 2 a.b)",
    )


def test_distances_to_identical_points_are_zero_not_nan(solution):
    # Points far from the origin: ||a||^2 + ||a||^2 - 2 a.a cancels to about +-1e-9.
    X = 1000.0 + np.random.default_rng(0).random((50, 3))
    raw = (X**2).sum(1)[:, None] + (X**2).sum(1)[None, :] - 2 * X @ X.T
    assert (raw < 0).any(), "test data check: rounding should go negative here"
    D = np.asarray(solution.pairwise_distances(X, X))
    bad = np.argwhere(np.isnan(D))
    assert bad.size == 0, (
        f"the distance matrix has {len(bad)} NaN entries, the first at {tuple(bad[0])}: "
        "rounding makes ||a||^2 + ||b||^2 - 2 a.b slightly negative for close points; "
        "clip it at 0 (np.maximum(..., 0)) before np.sqrt"
    )
    assert (D >= 0).all(), "distances must never be negative"
    np.testing.assert_allclose(
        np.diag(D), 0.0, atol=1e-4, err_msg="the distance of a point to itself is 0"
    )


@pytest.mark.parametrize("k", [1, 3, 5, 8])
@pytest.mark.parametrize("seed", range(4))
def test_matches_sklearn_brute(solution, seed, k):
    X_train, y_train, X_query = labelled_data(seed)
    check_no_distance_tie_at_k(X_train, X_query, k)
    pred = predict(solution, X_train, y_train, X_query, k)
    want = sklearn_predict(X_train, y_train, X_query, k)
    assert_same_predictions(pred, want, f"seed {seed}, k={k}")


def test_tied_vote_goes_to_the_smallest_label(solution):
    # k=4: two neighbours of class 2 (the closer ones) and two of class 0.
    X = np.array([[0.0], [1.0], [-1.5], [2.5], [10.0]])
    y = np.array([2, 2, 0, 0, 1])
    pred = predict(solution, X, y, np.array([[0.1]]), 4)
    assert pred[0] == 0, (
        f"votes 2-2 between classes 2 and 0 must go to the smaller label 0, got "
        f"{pred[0]}: break ties by the smallest label, not by the nearest neighbour"
    )
    # k=3: one vote each for 9 (nearest), 4 and 6.
    X3, y3 = np.array([[0.0], [1.0], [2.0]]), np.array([9, 4, 6])
    pred = predict(solution, X3, y3, np.array([[0.1]]), 3)
    assert pred[0] == 4, (
        f"votes 1-1-1 between 9, 4 and 6 must go to the smallest label 4, got {pred[0]}"
    )
    for Xt, yt, k in ((X, y, 4), (X3, y3, 3)):
        assert sklearn_predict(Xt, yt, np.array([[0.1]]), k)[0] == yt.min()


def test_k_equal_to_n_votes_the_training_majority(solution):
    X = np.random.default_rng(1).normal(size=(5, 2))
    y = np.array([5, 5, 3, 3, 9])  # 5 and 3 tie with two votes each
    queries = np.random.default_rng(2).normal(size=(7, 2))
    pred = predict(solution, X, y, queries, 5)
    assert np.all(pred == 3), (
        f"k = n_train: every training point votes, 5 and 3 tie 2-2, so every query "
        f"gets 3; got {pred}"
    )
    assert_same_predictions(pred, sklearn_predict(X, y, queries, 5), "k = n_train")


def test_k_1_returns_the_label_of_the_nearest_point(solution):
    X_train, y_train, _ = labelled_data(5, n_train=80)
    pred = predict(solution, X_train, y_train, X_train, 1)
    wrong = np.flatnonzero(pred != y_train)
    assert wrong.size == 0, (
        f"k=1 with the training points as queries: each point is its own nearest "
        f"neighbour, yet {wrong.size} of 80 predictions are not its own label; do you "
        "take exactly k neighbours (argpartition(D, k - 1)[:, :k])?"
    )


def test_a_single_query(solution):
    X_train, y_train, X_query = labelled_data(6)
    one = X_query[:1]
    pred = predict(solution, X_train, y_train, one, 5)
    assert_same_predictions(
        pred, sklearn_predict(X_train, y_train, one, 5), "one query"
    )


@pytest.mark.parametrize("dtype", [np.int64, np.uint8])
def test_integer_features_give_the_float_answer(solution, dtype):
    # Pixel-like features in 0..255, 16 of them.
    rng = np.random.default_rng(3)
    X = rng.integers(0, 256, size=(150, 16)).astype(dtype)
    y = rng.integers(0, 3, size=150)
    X_train, y_train, X_query = X[:120], y[:120], X[120:]
    check_no_distance_tie_at_k(X_train, X_query, 5)
    D = np.asarray(solution.pairwise_distances(X_query, X_train))
    np.testing.assert_allclose(
        D,
        cdist(X_query.astype(float), X_train.astype(float)),
        rtol=1e-9,
        err_msg=f"{np.dtype(dtype).name} input gives wrong distances: convert to float64 "
        "first (uint8 arithmetic wraps around at 256, so 200**2 is not 40000)",
    )
    pred = predict(solution, X_train, y_train, X_query, 5)
    want = sklearn_predict(X_train.astype(float), y_train, X_query.astype(float), 5)
    assert_same_predictions(pred, want, f"{np.dtype(dtype).name} features")


def test_labels_keep_their_values_and_dtype(solution):
    X_train, y_train, X_query = labelled_data(2, labels=(-4, 10, 42))
    pred = predict(solution, X_train, y_train, X_query, 3)
    assert np.issubdtype(pred.dtype, np.integer), (
        f"labels must stay integers, got {pred.dtype}"
    )
    assert set(pred.tolist()) <= {-4, 10, 42}, (
        f"predictions must be labels from y_train (-4, 10, 42), got {sorted(set(pred.tolist()))}"
    )
    assert_same_predictions(
        pred, sklearn_predict(X_train, y_train, X_query, 3), "labels -4, 10, 42"
    )


def test_inputs_are_not_modified(solution):
    X_train, y_train, X_query = labelled_data(4)
    copies = [a.copy() for a in (X_train, y_train, X_query)]
    predict(solution, X_train, y_train, X_query, 3)
    solution.pairwise_distances(X_query, X_train)
    for name, before, after in zip(
        ("X_train", "y_train", "X_query"), copies, (X_train, y_train, X_query)
    ):
        assert np.array_equal(before, after), f"knn_predict changed {name}"


def test_bad_k_raises_value_error(solution):
    X_train, y_train, X_query = labelled_data(0, n_train=10, n_query=2)
    for k in (0, 11):
        with pytest.raises(ValueError):
            solution.raw.knn_predict(X_train, y_train, X_query, k)
