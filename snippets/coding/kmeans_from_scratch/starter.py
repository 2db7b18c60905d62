"""k-means with k-means++ seeding: write kmeans_plusplus and kmeans below.

Test it: pytest (runs test_kmeans_from_scratch.py on this file, solution.py).
"""

import numpy as np  # noqa: F401 (you will need it)


def kmeans_plusplus(X, k, *, seed=0):
    """k-means++ seeding: choose k rows of X as starting centroids, spread out.

    X: (n, d) array of numbers (any real dtype) with at least k distinct rows.
    k: int, 1 <= k <= n; otherwise raise ValueError.
    seed: seeds np.random.default_rng, so the same seed gives the same rows.
    The first centroid is a row drawn uniformly at random; every next one is a row
    drawn with probability proportional to D(x)^2, its squared distance to the
    nearest centroid chosen so far. Returns a (k, d) float64 array of k distinct
    rows of X.
    """
    raise NotImplementedError("write your solution here")


def kmeans(X, k, *, init=None, max_iter=300, tol=1e-4, seed=0):
    """Lloyd's algorithm from `init`, or from k-means++ seeds when init is None.

    X: (n, d) array of numbers (any real dtype); it is not modified.
    k: int, 1 <= k <= n; otherwise raise ValueError.
    init: (k, d) starting centroids (not modified), or None: kmeans_plusplus(X, k,
        seed=seed). A wrong shape raises ValueError.
    Each iteration (at most max_iter >= 1 of them):
      1. assign every point to its nearest centroid (a tie goes to the lower index);
         if no label changed since the previous iteration, stop;
      2. move every centroid to the mean of its points; a centroid with no points
         (an empty cluster) keeps its previous position;
      3. stop if the total squared shift, the sum over centroids of
         ||new - old||^2, is <= tol * (mean over the d columns of X's variance).
    Returns (centroids, labels, inertia): centroids (k, d) float64, row j being the
    cluster that started at init[j]; labels (n,) integers in [0, k), each point's
    nearest returned centroid; inertia, a float: the sum of squared distances from
    the points to their labelled centroids.
    """
    raise NotImplementedError("write your solution here")
