"""K-nearest neighbors (KNN) from scratch in NumPy, checked against scikit-learn.

Also: why feature scaling changes the answer, how k trades flexibility for stability,
KNN regression with and without distance weighting, and the curse of dimensionality.

Run on its own: python snippets/knn.py
"""

import numpy as np
from sklearn.datasets import load_wine, make_moons
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

# Tiny data: one thread is fastest; extra BLAS/OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# 178 wines, 3 cultivars, 13 chemical measurements in very different units.
X, y = load_wine(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=0
)


# --8<-- [start:scratch]
def knn_predict(X_train, y_train, X_query, k):
    """Predict by majority vote among the k training points nearest to each query.

    Euclidean distance. A tied vote goes to the smallest class label (as in sklearn).
    """
    classes = np.unique(y_train)  # sorted
    # Squared distance from every query to every training point: (n_query, n_train).
    d2 = ((X_query[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(d2, axis=1, kind="stable")[:, :k]  # (n_query, k) indices
    # votes[q, c]: how many of query q's neighbors belong to class c.
    votes = (y_train[nearest][:, :, None] == classes).sum(axis=1)
    return classes[np.argmax(votes, axis=1)]  # argmax takes the first of tied maxima


# --8<-- [end:scratch]

# --8<-- [start:scaling]
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

spread = X_train.std(axis=0)
print(f"feature std devs: smallest {spread.min():.3f}, largest {spread.max():.3f}")

# Share of each squared test-to-train distance that comes from proline alone.
diff2 = (X_test[:, None, :] - X_train[None, :, :]) ** 2
proline_share = np.median(diff2[:, :, -1] / diff2.sum(axis=2))
print(f"median share of the squared distance due to proline: {proline_share:.3f}")

raw = KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train)
scaled = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5))
scaled.fit(X_train, y_train)  # the scaler learns means and std devs from training rows
acc_raw, acc_scaled = raw.score(X_test, y_test), scaled.score(X_test, y_test)
print(f"5-NN test accuracy: raw features {acc_raw:.3f}, standardized {acc_scaled:.3f}")
assert spread.argmax() == 12  # column 12 of the wine data is proline
assert proline_share > 0.9 and acc_scaled > acc_raw + 0.15
# --8<-- [end:scaling]

# --8<-- [start:compare]
scaler = StandardScaler().fit(X_train)
Z_train, Z_test = scaler.transform(X_train), scaler.transform(X_test)

k = 5
ours = knn_predict(Z_train, y_train, Z_test, k)
sk = KNeighborsClassifier(n_neighbors=k).fit(Z_train, y_train)
theirs = sk.predict(Z_test)

# Count test points with a tied vote (e.g. 2-2-1), where only the tie rule decides.
_, idx = sk.kneighbors(Z_test)
counts = np.sort([np.bincount(y_train[i], minlength=3) for i in idx], axis=1)
n_tied = int(np.sum(counts[:, -1] == counts[:, -2]))
agree = np.array_equal(ours, theirs)
print(f"test points: {len(Z_test)}, tied votes among their {k} neighbors: {n_tied}")
print(f"from-scratch and scikit-learn predictions identical: {agree}")
assert n_tied == 0 and agree
# --8<-- [end:compare]

# --8<-- [start:choose_k]
# Two noisy half-moons in 2-D, to see what k does to the decision boundary.
X2, y2 = make_moons(n_samples=300, noise=0.3, random_state=0)
X2_train, X2_test, y2_train, y2_test = train_test_split(
    X2, y2, test_size=0.5, stratify=y2, random_state=0
)
fits = {}
for k in (1, 5, 15, 51, 101):
    fits[k] = KNeighborsClassifier(n_neighbors=k).fit(X2_train, y2_train)
    train_acc = fits[k].score(X2_train, y2_train)
    test_acc = fits[k].score(X2_test, y2_test)
    print(f"k={k:3d}: train accuracy {train_acc:.3f}, test accuracy {test_acc:.3f}")

# k=1 memorizes the training set (each point is its own nearest neighbor) ...
assert fits[1].score(X2_train, y2_train) == 1.0
# ... and generalizes worse than a moderate k; a very large k underfits.
assert fits[15].score(X2_test, y2_test) > fits[1].score(X2_test, y2_test)
assert fits[101].score(X2_test, y2_test) < fits[15].score(X2_test, y2_test)
# --8<-- [end:choose_k]

# --8<-- [start:regression]
from sklearn.neighbors import KNeighborsRegressor

rng = np.random.default_rng(0)
x_r = np.sort(rng.uniform(0, 6, 40))[:, None]
t_r = np.sin(x_r[:, 0]) + rng.normal(0, 0.2, 40)
queries = np.array([[1.0], [2.5], [4.0]])

uniform = KNeighborsRegressor(n_neighbors=5).fit(x_r, t_r)
weighted = KNeighborsRegressor(n_neighbors=5, weights="distance").fit(x_r, t_r)
dist, nb = uniform.kneighbors(queries)
mean_by_hand = t_r[nb].mean(axis=1)  # plain average of the 5 neighbors' targets
w = 1 / dist  # weights="distance": closer neighbors count more
weighted_by_hand = (w * t_r[nb]).sum(axis=1) / w.sum(axis=1)

assert np.allclose(mean_by_hand, uniform.predict(queries))
assert np.allclose(weighted_by_hand, weighted.predict(queries))
for q, m, wm in zip(queries[:, 0], mean_by_hand, weighted_by_hand):
    print(f"x={q:.1f}: mean of 5 neighbors {m:+.3f}, distance-weighted {wm:+.3f}")
# --8<-- [end:regression]

# --8<-- [start:curse]
# 500 uniform random points in the unit cube: is the nearest nearer than the farthest?
rng = np.random.default_rng(0)
ratios = []
for d in (2, 10, 100, 1000):
    points, query = rng.random((500, d)), rng.random(d)
    dist = np.linalg.norm(points - query, axis=1)
    ratios.append(dist.min() / dist.max())
    print(f"d={d:4d}: nearest / farthest distance = {ratios[-1]:.3f}")
assert all(a < b for a, b in zip(ratios, ratios[1:]))  # contrast fades as d grows
# --8<-- [end:curse]

# --8<-- [start:bayes_error]
from scipy.integrate import quad
from scipy.special import expit
from scipy.stats import norm

# Two classes, equal priors, x ~ N(-1, 1) or N(+1, 1): the best possible error
# (the Bayes error) is known, and so is 1-NN's error when n grows without limit.
rng = np.random.default_rng(0)


def draw(n):
    labels = rng.integers(0, 2, n)
    return (2 * labels - 1 + rng.normal(size=n))[:, None], labels


def eta(x):  # P(y = 1 | x)
    return expit(2 * x)


def density(x):
    return 0.5 * norm.pdf(x, -1) + 0.5 * norm.pdf(x, 1)


bayes = norm.cdf(-1)  # the Bayes rule predicts sign(x) and errs with prob. Phi(-1)
one_nn_limit = quad(lambda x: 2 * eta(x) * (1 - eta(x)) * density(x), -10, 10)[0]
print(f"Bayes error {bayes:.3f}; 1-NN error as n grows {one_nn_limit:.3f}; ", end="")
print(f"Cover-Hart bound 2R(1-R) = {2 * bayes * (1 - bayes):.3f}")

X_big, y_big = draw(10_000)
X_new, y_new = draw(10_000)
knn_error = {}
for k in (1, 101):
    clf = KNeighborsClassifier(n_neighbors=k).fit(X_big, y_big)
    knn_error[k] = 1 - clf.score(X_new, y_new)
    print(f"k={k:3d}, n=10000: test error {knn_error[k]:.3f}")
# --8<-- [end:bayes_error]

assert bayes < one_nn_limit < 2 * bayes * (1 - bayes) < 2 * bayes
assert abs(knn_error[1] - one_nn_limit) < 0.015  # 1-NN is near its limit already
assert abs(knn_error[101] - bayes) < 0.01  # a larger k gets close to the best possible

_one_thread.restore_original_limits()
