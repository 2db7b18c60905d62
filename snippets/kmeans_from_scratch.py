"""Reference solution: k-means (Lloyd's algorithm) with k-means++ seeding in NumPy.

The coding problem docs/coding/kmeans_from_scratch.md; its tests compare this with
scikit-learn's KMeans started from the same centroids.

Run on its own: python snippets/kmeans_from_scratch.py
"""

import numpy as np


# --8<-- [start:solution]
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
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and n={n}, got {k}")
    rng = np.random.default_rng(seed)
    centroids = np.empty((k, X.shape[1]))
    centroids[0] = X[rng.integers(n)]
    d2 = ((X - centroids[0]) ** 2).sum(axis=1)  # D(x)^2 to the nearest chosen so far
    for j in range(1, k):
        centroids[j] = X[rng.choice(n, p=d2 / d2.sum())]  # chosen rows have D = 0
        d2 = np.minimum(d2, ((X - centroids[j]) ** 2).sum(axis=1))
    return centroids


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
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    if not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and n={n}, got {k}")
    if init is None:
        centroids = kmeans_plusplus(X, k, seed=seed)
    else:
        centroids = np.array(init, dtype=np.float64)  # a copy: the caller's stays
        if centroids.shape != (k, d):
            raise ValueError(f"init must have shape {(k, d)}, got {centroids.shape}")
    threshold = tol * X.var(axis=0).mean()
    labels = None
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)  # (n, k)
        new_labels = d2.argmin(axis=1)  # argmin takes the first of tied minima
        if labels is not None and np.array_equal(new_labels, labels):
            break  # converged: the centroids are already the means of this partition
        labels = new_labels
        onehot = labels[:, None] == np.arange(k)  # (n, k) membership
        counts = onehot.sum(axis=0)
        new = centroids.copy()  # an empty cluster keeps its previous centroid
        full = counts > 0
        new[full] = (onehot.T @ X)[full] / counts[full, None]
        shift = ((new - centroids) ** 2).sum()
        centroids = new
        if shift <= threshold:
            break
    # Labels and inertia for the centroids returned (they may have just moved).
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = d2.argmin(axis=1)
    inertia = float(d2[np.arange(n), labels].sum())
    return centroids, labels, inertia


# --8<-- [end:solution]

# --8<-- [start:examples]
X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0], [9.0, 0.0]])

centroids, labels, inertia = kmeans(X, 2, init=X[[0, 4]])
print("from rows 0 and 4:", np.round(centroids, 3).tolist(), labels, round(inertia, 3))

# The third starting centroid is far from every point: its cluster stays empty.
start = np.array([[0.0, 0.5], [7.0, 3.0], [100.0, 100.0]])
centroids, labels, inertia = kmeans(X, 3, init=start)
print("empty cluster:", np.round(centroids, 3).tolist(), labels, round(inertia, 3))

print("k-means++ seeds:", kmeans_plusplus(X, 3, seed=0).tolist())
# --8<-- [end:examples]
