"""Vectorised k-nearest neighbours: write pairwise_distances and knn_predict below.

Test it: pytest (runs test_vectorised_knn.py on this file, solution.py).
"""

import numpy as np  # noqa: F401 (you will need it)


def pairwise_distances(A, B):
    """Euclidean distances between every row of A and every row of B, no Python loop.

    A: (n_a, d), B: (n_b, d), any real dtype (integers, uint8 included).
    Returns D, (n_a, n_b) float64 with D[i, j] = ||A[i] - B[j]||, computed from
    ||a||^2 + ||b||^2 - 2 a.b; rounding can make that slightly negative, so it is
    clipped at 0 before the square root: D is never NaN or negative.
    """
    raise NotImplementedError("write your solution here")


def knn_predict(X_train, y_train, X_query, k):
    """Predict each query's class by majority vote of its k nearest training points.

    X_train: (n_train, d), X_query: (n_query, d), any real dtype; neither is modified.
    y_train: (n_train,) integer labels, not necessarily 0..C-1 (e.g. 3, 7, 42).
    k: int, 1 <= k <= n_train; otherwise raise ValueError.
    Euclidean distance. A tied vote goes to the smallest label among the tied ones
    (as scikit-learn does). Training points at exactly the same distance across the
    k-th place may be taken in any order. Returns (n_query,) labels from y_train.
    """
    raise NotImplementedError("write your solution here")
