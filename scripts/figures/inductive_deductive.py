"""Figures for fundamentals/inductive_deductive.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Rectangle

from scripts.figures import figure, snippet_namespace


@figure(
    "inductive_deductive_regions",
    alt="Two maps of income against debt. Left, the decision tree learned from examples: rectangular "
    "approve and reject regions that follow the diagonal policy boundary inside the box of training data "
    "and extend as flat blocks beyond it, so two of the four distant applicants are approved wrongly. Right, "
    "the written policy: one straight boundary, income equals twice the debt, valid everywhere.",
)
def regions():
    ns = snippet_namespace("inductive_deductive")
    tree, policy, X_train, y_train, far = ns["tree"], ns["policy"], ns["X_train"], ns["y_train"], ns["far"]
    income, debt = np.meshgrid(np.linspace(0, 32, 321), np.linspace(0, 21, 211))
    grid = np.column_stack([income.ravel(), debt.ravel()])
    panels = {
        "induced: decision tree (depth 3)": tree.predict(grid).reshape(income.shape),
        "deduced: income > 2 x debt": policy(income, debt),
    }
    cmap = ListedColormap(["C1", "C0"])  # reject, approve
    fig, axes = plt.subplots(1, 2, figsize=(8.0, 3.9), sharey=True)
    for ax, (title, z) in zip(axes, panels.items()):
        # One image, not a mesh: pcolormesh wrote each of the 67,731 cells as its own SVG path (28 MB a file).
        ax.imshow(
            z,
            cmap=cmap,
            alpha=0.25,
            vmin=0,
            vmax=1,
            origin="lower",
            extent=(0, 32, 0, 21),
            aspect="auto",
            interpolation="nearest",
        )
        ax.plot([0, 32], [0, 16], color="C2", lw=1.5, ls="--", label="policy boundary")
        ax.add_patch(Rectangle((0, 0), 10, 5, fill=False, lw=1.5, ec="C4", label="training data range"))
        for label, marker, name in ((1, "o", "approve"), (0, "x", "reject")):
            pts = X_train[y_train == label]
            ax.scatter(
                pts[:, 0], pts[:, 1], s=6, marker=marker, color=f"C{1 - label}", lw=0.8, label=f"training: {name}"
            )
        truth = policy(far[:, 0], far[:, 1])
        ax.scatter(
            far[:, 0],
            far[:, 1],
            s=90,
            marker="*",
            c=[f"C{1 - t}" for t in truth],
            edgecolors=plt.rcParams["text.color"],
            linewidths=0.8,
            zorder=3,
            label="far applicants (true class)",
        )
        ax.set(title=title, xlabel="income", xlim=(0, 32), ylim=(0, 21))
        ax.title.set_fontsize(11)
        ax.grid(False)
    axes[0].set_ylabel("debt")
    axes[0].legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig
