"""Figures for fundamentals/supervised_unsupervised.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt

from scripts.figures import figure, snippet_namespace


@figure(
    "supervised_unsupervised_labels_vs_clusters",
    alt="Two scatter plots of the iris flowers by petal length and petal width. Left: colored by the true "
    "species. Right: colored by the k-means cluster, each cluster drawn in the color of the species it best "
    "matches; setosa forms its own cluster exactly, while ringed points where versicolor and virginica meet "
    "are grouped differently from their species.",
)
def labels_vs_clusters():
    ns = snippet_namespace("supervised_unsupervised")
    X, y, matched, species = ns["X"], ns["y"], ns["matched"], ns["species"]
    petal = X[:, 2:4]  # petal length, petal width
    markers = ["o", "s", "^"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), sharex=True, sharey=True)
    for s in range(3):
        left.scatter(*petal[y == s].T, s=16, color=f"C{s}", marker=markers[s], label=species[s])
    left.set(title="true species (labels)", xlabel="petal length (cm)", ylabel="petal width (cm)")
    left.legend(loc="upper left", fontsize=9)

    name_of = ns["name_of"]
    for c in range(3):
        s = name_of[c]
        right.scatter(
            *petal[ns["clusters"] == c].T,
            s=16,
            color=f"C{s}",
            marker=markers[s],
            label=f"cluster {c} (best match: {species[s]})",
        )
    wrong = matched != y
    right.scatter(
        *petal[wrong].T, s=90, facecolors="none", edgecolors="C3", lw=1.3, label="cluster disagrees with species"
    )
    centers = ns["kmeans"].cluster_centers_[:, 2:4]
    right.scatter(*centers.T, s=120, marker="X", color="C4", edgecolors="none", label="cluster center")
    right.set(title="k-means clusters (no labels)", xlabel="petal length (cm)")
    right.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig
