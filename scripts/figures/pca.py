"""Figures for classical/pca.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


def _scree(ax, ratio, title):
    k = np.arange(1, len(ratio) + 1)
    cumulative = np.cumsum(ratio)
    ax.bar(k, ratio, color="C0", label="explained variance ratio")
    ax.plot(k, cumulative, "o-", color="C1", ms=4, label="cumulative")
    ax.axhline(0.9, color="0.55", ls="--", lw=1)
    ax.annotate("90 %", (len(ratio) + 0.4, 0.9), xytext=(0, 3), textcoords="offset points", ha="right")
    ax.set(title=title, xlabel="principal component", xticks=k, ylim=(0, 1.05))


@figure(
    "pca_scree",
    alt="Two scree plots of the 13 wine features, bars for each component's share of the variance and a line "
    "for the running total. Left, on the raw features, the first component alone explains almost all the "
    "variance, because it is the proline column measured in large units. Right, on standardised features, "
    "the first component explains about a third, the shares fall off gradually, and the running total "
    "crosses 90 percent at the eighth component.",
)
def scree():
    ns = snippet_namespace("pca")
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 4.2), sharey=True)
    _scree(left, ns["raw"].explained_variance_ratio_, "raw features")
    _scree(right, ns["ratio"], "standardised features")
    k90 = ns["k90"]
    right.axvline(k90, color="C2", ls=":", lw=1.5)
    right.annotate(f"k = {k90}", (k90, 0.3), xytext=(5, 0), textcoords="offset points", color="C2")
    left.set_ylabel("share of total variance")
    right.legend(loc="center left", bbox_to_anchor=(0.12, 0.42), fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "pca_labels",
    alt="Scatter plot of two classes that differ only in the vertical coordinate, with much more spread along "
    "the horizontal one. The first principal component, drawn as an arrow, points along the horizontal "
    "axis, where the classes overlap completely; the direction found by linear discriminant analysis points "
    "vertically, where the two classes form separate bands.",
)
def labels():
    ns = snippet_namespace("pca")
    X, y = ns["X_lab"], ns["y"]
    centre = X.mean(axis=0)
    fig, ax = plt.subplots(figsize=(9.0, 3.8))
    for cls, marker in ((0, "o"), (1, "^")):
        pts = X[y == cls]
        ax.scatter(pts[:, 0], pts[:, 1], s=10, marker=marker, color=f"C{cls}", alpha=0.7, label=f"class {cls}")
    arrows = (
        (ns["pca1"].components_[0], 10.0, "C2", f"PC1 ({ns['pca1'].explained_variance_ratio_[0]:.0%} of the variance)"),
        (ns["lda_dir"], 2.2, "C3", "LDA direction (uses the labels)"),
    )
    for direction, length, color, label in arrows:
        d = direction * np.sign(direction[np.abs(direction).argmax()])  # point right or up
        ax.annotate("", centre + length * d, centre, arrowprops=dict(arrowstyle="-|>", color=color, lw=2.2))
        ax.plot([], [], color=color, lw=2.2, label=label)
    ax.set(xlabel="x1 (large variance, no class information)", ylabel="x2 (small variance)")
    ax.legend(loc="upper left", fontsize=9, ncol=2)
    ax.set_ylim(X[:, 1].min() - 0.5, X[:, 1].max() + 1.8)
    fig.tight_layout()
    return fig
