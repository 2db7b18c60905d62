"""K-means (unsupervised: finds groups) next to KNN (supervised: predicts labels).

Lloyd's algorithm from scratch against scikit-learn, choosing K with inertia and the
silhouette, what depends on the initialization, and the two algorithms side by side.

Run on its own: python snippets/kmeans_vs_knn.py
"""

import numpy as np
from sklearn.datasets import make_blobs
from threadpoolctl import threadpool_limits

# Tiny data: one thread is fastest; extra BLAS/OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# Four well-separated groups in 2-D. The labels y exist, but K-means never sees them.
X, y = make_blobs(n_samples=400, centers=4, cluster_std=0.8, random_state=0)

# --8<-- [start:lloyd]
from sklearn.cluster import KMeans, kmeans_plusplus


def lloyd(X, centroids, max_iter=100):
    """Lloyd's algorithm: alternate assignment and update steps until nothing moves."""
    objective = []
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)  # (n, K)
        labels = d2.argmin(axis=1)  # assignment: each point to its nearest centroid
        objective.append(d2[np.arange(len(X)), labels].sum())  # the objective J
        # update: move each centroid to the mean of its cluster
        new = np.array([X[labels == j].mean(axis=0) for j in range(len(centroids))])
        if np.allclose(new, centroids):
            break
        centroids = new
    return centroids, labels, objective


start, _ = kmeans_plusplus(X, n_clusters=4, random_state=0)  # k-means++ seeding
centroids, labels, objective = lloyd(X, start)
print("objective per iteration:", " ".join(f"{v:.1f}" for v in objective))

km = KMeans(n_clusters=4, init=start, n_init=1).fit(X)  # same start, scikit-learn
print(f"scikit-learn inertia_: {km.inertia_:.1f} after {km.n_iter_} iterations")
assert all(a >= b for a, b in zip(objective, objective[1:]))  # never increases
assert np.isclose(objective[-1], km.inertia_) and np.array_equal(labels, km.labels_)
# --8<-- [end:lloyd]

# --8<-- [start:choose_k]
from sklearn.metrics import silhouette_score

ks = range(2, 9)
inertias, silhouettes = [], []
for K in ks:
    model = KMeans(n_clusters=K, n_init=5, random_state=0).fit(X)
    inertias.append(model.inertia_)
    silhouettes.append(silhouette_score(X, model.labels_))
    print(f"K={K}: inertia {inertias[-1]:8.1f}   silhouette {silhouettes[-1]:.3f}")

best_K = ks[int(np.argmax(silhouettes))]
print(f"K with the highest silhouette: {best_K}")
assert all(a > b for a, b in zip(inertias, inertias[1:]))  # more clusters, lower J
assert best_K == 4  # the number of blobs that generated the data
# The elbow: going from 3 to 4 clusters gains far more than going from 4 to 5.
assert inertias[1] - inertias[2] > 5 * (inertias[2] - inertias[3])
# --8<-- [end:choose_k]

# --8<-- [start:init]
# Eight groups make bad starts likely. One run per seed, no restarts (n_init=1).
X8, _ = make_blobs(n_samples=400, centers=8, cluster_std=0.6, random_state=0)
best = KMeans(n_clusters=8, n_init=10, random_state=0).fit(X8).inertia_
stuck = {}
for init in ("random", "k-means++"):
    runs = [
        KMeans(n_clusters=8, init=init, n_init=1, random_state=seed).fit(X8).inertia_
        for seed in range(10)
    ]
    stuck[init] = sum(r > 1.01 * best for r in runs)  # over 1 % worse than the best
    print(f"init={init!r:12}: {stuck[init]} of 10 single runs stuck in a worse minimum")
# k-means++ helps a lot, but guarantees nothing: restarts (n_init) are still needed.
assert stuck["random"] > stuck["k-means++"] > 0
# --8<-- [end:init]

# --8<-- [start:contrast]
from sklearn.metrics import adjusted_rand_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=0
)
kmeans = KMeans(n_clusters=4, n_init=5, random_state=0).fit(X_train)  # no labels
knn = KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train)  # fit(X, y): labels

clusters = kmeans.predict(X_test)  # nearest centroid: an arbitrary cluster number
print("K-means cluster of 8 test points:", clusters[:8])
print("their true labels:               ", y_test[:8])
print("KNN predicted labels:            ", knn.predict(X_test[:8]))
ari = adjusted_rand_score(y_test, clusters)  # ignores how the clusters are numbered
acc = knn.score(X_test, y_test)
print(f"K-means vs true groups, adjusted Rand index: {ari:.3f}")
print(f"KNN test accuracy:                           {acc:.3f}")
assert ari > 0.8 and acc > 0.9
# --8<-- [end:contrast]

# --8<-- [start:gmm]
from sklearn.mixture import GaussianMixture

# Three groups, then the same groups stretched by a linear map (elongated, tilted).
# Seed and map (cut to one decimal) from scikit-learn's "Demonstration of k-means
# assumptions".
X3, y3 = make_blobs(n_samples=600, centers=3, random_state=170)
X3_stretched = X3 @ np.array([[0.6, -0.6], [-0.4, 0.8]])
scores = {}
for shape, data in (("round", X3), ("stretched", X3_stretched)):
    models = {
        "K-means": KMeans(n_clusters=3, n_init=5, random_state=0),
        "GMM spherical": GaussianMixture(3, covariance_type="spherical"),
        "GMM full": GaussianMixture(3, covariance_type="full", n_init=3),
    }
    scores[shape] = {}
    for name, model in models.items():
        model.set_params(random_state=0)
        scores[shape][name] = adjusted_rand_score(y3, model.fit(data).predict(data))
    cells = "  ".join(f"{name} {ari:.3f}" for name, ari in scores[shape].items())
    print(f"{shape:>9}, ARI: {cells}")
# --8<-- [end:gmm]

assert all(v > 0.99 for v in scores["round"].values())  # round groups: all agree
assert scores["stretched"]["K-means"] < 0.7  # stretched: K-means cuts across them,
assert abs(scores["stretched"]["GMM spherical"] - scores["stretched"]["K-means"]) < 0.05
assert scores["stretched"]["GMM full"] > 0.99  # a full covariance follows the shape
# and the spherical mixture's partition is close to K-means' own, not only as good.
spherical = models["GMM spherical"].predict(X3_stretched)
assert adjusted_rand_score(models["K-means"].labels_, spherical) > 0.9

_one_thread.restore_original_limits()
