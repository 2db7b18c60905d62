"""Wrong: takes the square root without clipping negative squared distances.

For nearly identical points ||a||^2 + ||b||^2 - 2 a.b rounds to a tiny negative
number, and np.sqrt of it is NaN.
"""

import numpy as np

CAUGHT_BY = "test_distances_to_identical_points_are_zero_not_nan"
MESSAGE = "clip it at 0"


def pairwise_distances(A, B):
    """Euclidean distances between every row of A and every row of B, no Python loop.

    A: (n_a, d), B: (n_b, d), any real dtype (integers, uint8 included).
    Returns D, (n_a, n_b) float64 with D[i, j] = ||A[i] - B[j]||, computed from
    ||a||^2 + ||b||^2 - 2 a.b; rounding can make that slightly negative, so it is
    clipped at 0 before the square root: D is never NaN or negative.
    """
    A = np.asarray(A, dtype=np.float64)  # float64 first: uint8 would wrap around
    B = np.asarray(B, dtype=np.float64)
    sq = (A**2).sum(axis=1)[:, None] + (B**2).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
    return np.sqrt(sq)


def knn_predict(X_train, y_train, X_query, k):
    """Predict each query's class by majority vote of its k nearest training points.

    X_train: (n_train, d), X_query: (n_query, d), any real dtype; neither is modified.
    y_train: (n_train,) integer labels, not necessarily 0..C-1 (e.g. 3, 7, 42).
    k: int, 1 <= k <= n_train; otherwise raise ValueError.
    Euclidean distance. A tied vote goes to the smallest label among the tied ones
    (as scikit-learn does). Training points at exactly the same distance across the
    k-th place may be taken in any order. Returns (n_query,) labels from y_train.
    """
    y_train = np.asarray(y_train)
    n_train = y_train.shape[0]
    if not 1 <= k <= n_train:
        raise ValueError(f"k must be between 1 and n_train={n_train}, got {k}")
    D = pairwise_distances(X_query, X_train)  # (n_query, n_train)
    # The k smallest per row, in no particular order: O(n_train) instead of a sort.
    nearest = np.argpartition(D, k - 1, axis=1)[:, :k]  # (n_query, k) indices
    classes, code = np.unique(y_train, return_inverse=True)  # classes sorted
    n_query, n_classes = D.shape[0], classes.shape[0]
    # votes[q, c]: neighbours of query q in class c, counted with one bincount.
    flat = np.arange(n_query)[:, None] * n_classes + code[nearest]
    votes = np.bincount(flat.ravel(), minlength=n_query * n_classes)
    votes = votes.reshape(n_query, n_classes)
    return classes[votes.argmax(axis=1)]  # argmax: the first, smallest, of tied maxima
