"""Figures for classical/knn.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "knn_boundaries",
    alt="Three panels of the same two noisy half-moons with the decision regions of k-nearest neighbors: "
    "with k equal to 1 the boundary is jagged and wraps small islands around single training points; "
    "with k equal to 15 it is a gently winding curve between the classes; with k equal to 101 it is almost a "
    "straight diagonal line that ignores the curved shape of the moons.",
)
def boundaries():
    ns = snippet_namespace("knn")
    X, y, fits = ns["X2_train"], ns["y2_train"], ns["fits"]
    lo, hi = X.min(axis=0) - 0.4, X.max(axis=0) + 0.4
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], 260), np.linspace(lo[1], hi[1], 200))
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    fig, axes = plt.subplots(1, 3, figsize=(10.5, 3.9), sharex=True, sharey=True)
    for ax, k in zip(axes, (1, 15, 101)):
        model = fits[k]
        pred = model.predict(grid).reshape(xx.shape)
        ax.contourf(xx, yy, pred, levels=[-0.5, 0.5, 1.5], colors=["C0", "C1"], alpha=0.18)
        ax.contour(xx, yy, pred, levels=[0.5], colors="C2", linewidths=1.5)
        for cls, marker in ((0, "o"), (1, "^")):
            pts = X[y == cls]
            ax.scatter(pts[:, 0], pts[:, 1], s=12, color=f"C{cls}", marker=marker, label=f"class {cls} (training)")
        test_acc = model.score(ns["X2_test"], ns["y2_test"])
        ax.set_title(f"k = {k}: test accuracy {test_acc:.3f}", fontsize=10)
        ax.set(xlabel="x1", xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
    axes[0].set_ylabel("x2")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig
