"""Figures for classical/kmeans_vs_knn.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace

MARKERS = ("o", "^", "s", "D")


@figure(
    "kmeans_vs_knn_side_by_side",
    alt="Two panels of the same four groups of points. Left, K-means: the points are colored by the cluster "
    "K-means found without seeing any labels, with a large cross at each cluster's centroid. Right, KNN: the "
    "points are colored by their true labels and the background by the class KNN would predict there, so "
    "the plane is split into four labeled regions with boundaries between the groups. The colors of the two "
    "panels need not match, because K-means numbers its clusters arbitrarily.",
)
def side_by_side():
    ns = snippet_namespace("kmeans_vs_knn")
    X, y, kmeans, knn = ns["X_train"], ns["y_train"], ns["kmeans"], ns["knn"]
    lo, hi = X.min(axis=0) - 1, X.max(axis=0) + 1
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], 250), np.linspace(lo[1], hi[1], 250))
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.4), sharex=True, sharey=True)

    # K-means: colors are cluster numbers it invented; the labels play no part.
    for j in range(kmeans.n_clusters):
        pts = X[kmeans.labels_ == j]
        left.scatter(pts[:, 0], pts[:, 1], s=12, color=f"C{j}", marker=MARKERS[j], alpha=0.8)
    c = kmeans.cluster_centers_
    left.scatter(
        c[:, 0], c[:, 1], s=220, marker="X", color="C4", edgecolors="C5", linewidths=1.5, label="centroid", zorder=3
    )
    left.set_title("K-means: clusters found without labels", fontsize=10)
    left.legend(loc="upper right")

    # KNN: the labels are given; the background is the predicted class.
    pred = knn.predict(grid).reshape(xx.shape)
    right.contourf(xx, yy, pred, levels=np.arange(-0.5, 4), colors=["C0", "C1", "C2", "C3"], alpha=0.18)
    right.contour(xx, yy, pred, levels=np.arange(0.5, 3), colors="0.5", linewidths=1)
    for cls in range(4):
        pts = X[y == cls]
        right.scatter(pts[:, 0], pts[:, 1], s=12, color=f"C{cls}", marker=MARKERS[cls], alpha=0.8)
    right.set_title("KNN (k = 5): decision regions learned from labels", fontsize=10)

    for ax in (left, right):
        ax.set(xlabel="x1", xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
    left.set_ylabel("x2")
    fig.tight_layout()
    return fig


@figure(
    "kmeans_vs_knn_choose_k",
    alt="Two line charts against the number of clusters K from 2 to 8. Left: inertia falls steeply up to "
    "K equal to 4 and only slowly afterwards, an elbow at the true number of groups. Right: the silhouette "
    "score peaks at K equal to 4 and declines on either side.",
)
def choose_k():
    ns = snippet_namespace("kmeans_vs_knn")
    ks, best = list(ns["ks"]), ns["best_K"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6), sharex=True)
    left.plot(ks, ns["inertias"], marker="o", lw=2)
    left.set(xlabel="number of clusters K", ylabel="inertia", title="elbow")
    right.plot(ks, ns["silhouettes"], marker="o", lw=2, color="C1")
    right.set(xlabel="number of clusters K", ylabel="mean silhouette", title="silhouette")
    for ax in (left, right):
        ax.axvline(best, color="C2", ls="--", lw=1.5)
        ax.title.set_fontsize(10)
    right.annotate(f"highest at K = {best}", (best, min(ns["silhouettes"])), xytext=(6, 0), textcoords="offset points")
    fig.tight_layout()
    return fig
