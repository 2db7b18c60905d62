"""Figure for coding/kmeans_from_scratch.md, drawn with the page's reference solution."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace

MARKERS = ("o", "^", "s", "D")


def _data():
    """Four overlapping groups in 2-D, so Lloyd's algorithm needs several steps."""
    rng = np.random.default_rng(3)
    means = np.array([[0.0, 0.0], [4.0, 0.5], [1.0, 4.0], [5.0, 4.5]])
    return means[rng.integers(4, size=240)] + rng.normal(0.0, 1.1, size=(240, 2))


@figure(
    "kmeans_from_scratch_iterations",
    alt="Two panels. Left: 240 points in four overlapping groups, coloured by the cluster k-means assigns "
    "them at the end; four crosses mark the k-means++ seeds, which are data points, and a line from each "
    "seed traces its centroid through the iterations of Lloyd's algorithm to a large final marker. Two seeds "
    "start in the lower-left group, and one of their centroids travels up into the upper-left group. Right: "
    "the inertia of the seeds and after each iteration falls steadily and levels off after about seven "
    "iterations, on a dashed line at the inertia scikit-learn's KMeans reaches from the same seeds.",
)
def iterations():
    from sklearn.cluster import KMeans

    ns = snippet_namespace("kmeans_from_scratch")
    kmeans, kmeans_plusplus = ns["kmeans"], ns["kmeans_plusplus"]
    X = _data()
    start = kmeans_plusplus(X, 4, seed=0)
    final, labels, _ = kmeans(X, 4, init=start)
    # Centroids and inertia after t iterations: the same run stopped by max_iter=t.
    seeds_inertia = ((X[:, None, :] - start[None, :, :]) ** 2).sum(axis=2).min(axis=1).sum()
    path, inertia = [start], [seeds_inertia]
    for t in range(1, 13):
        centroids, _, value = kmeans(X, 4, init=start, max_iter=t)
        path.append(centroids)
        inertia.append(value)
    path = np.array(path)  # (iterations + 1, k, 2)
    reference = KMeans(n_clusters=4, init=start, n_init=1, algorithm="lloyd").fit(X).inertia_

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": [1.2, 1]})
    for j in range(4):
        pts = X[labels == j]
        left.scatter(pts[:, 0], pts[:, 1], s=10, color=f"C{j}", marker=MARKERS[j], alpha=0.45)
        left.plot(path[:, j, 0], path[:, j, 1], color="C4", linewidth=1.4, marker=".", markersize=5)
    left.scatter(start[:, 0], start[:, 1], s=90, marker="X", color="C5", edgecolors="C4", label="k-means++ seed")
    left.scatter(final[:, 0], final[:, 1], s=140, marker="o", color="C4", edgecolors="C5", label="final centroid")
    left.set(xlabel="x1", ylabel="x2", title="Centroid paths from the k-means++ seeds")
    left.legend(loc="lower right", fontsize=9)

    steps = np.arange(len(inertia))
    right.plot(steps, inertia, marker="o", color="C0", label="kmeans(..., max_iter=t); t = 0: the seeds")
    right.axhline(reference, color="C1", linestyle="--", label="scikit-learn KMeans, same seeds")
    right.set(xlabel="iteration t", ylabel="inertia", title="Inertia never increases")
    right.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig
