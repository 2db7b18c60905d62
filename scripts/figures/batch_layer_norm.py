"""Figures for deep-learning/batch_layer_norm.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from scripts.figures import figure, snippet_namespace


@figure(
    "batch_layer_norm_axes",
    alt="Two copies of the same six-by-four batch after normalization, rows are examples and columns are "
    "features: under batch norm each column is shaded as one group that shares a mean and standard deviation, "
    "under layer norm each row is, and the cells show the normalized values.",
)
def axes():
    ns = snippet_namespace("batch_layer_norm")
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    fig, panels = plt.subplots(1, 2, figsize=(8.0, 4.0))
    for ax, values, axis, title in (
        (panels[0], ns["bn"], 0, "batch norm: statistics per feature"),
        (panels[1], ns["ln"], 1, "layer norm: statistics per example"),
    ):
        n_rows, n_cols = values.shape
        for r in range(n_rows):
            for c in range(n_cols):
                group = c if axis == 0 else r
                ax.add_patch(Rectangle((c, r), 1, 1, facecolor=cycle[group % len(cycle)], alpha=0.3, edgecolor="none"))
                ax.text(c + 0.5, r + 0.5, f"{values[r, c]:+.2f}", ha="center", va="center", fontsize=9)
        ax.set(xlim=(0, n_cols), ylim=(n_rows, 0), title=title, aspect="equal")
        ax.set_xticks(np.arange(n_cols) + 0.5, [f"f{c + 1}" for c in range(n_cols)])
        ax.set_yticks(np.arange(n_rows) + 0.5, [f"x{r + 1}" for r in range(n_rows)])
        ax.set_xlabel("feature")
        ax.set_ylabel("example in the batch")
        ax.grid(False)
        ax.tick_params(length=0)
    fig.tight_layout()
    return fig


@figure(
    "batch_layer_norm_batch_size",
    alt="Log-log plot of how much one example's training-mode batch norm output varies with its batch-mates, "
    "against batch size from 2 to 256: the spread falls roughly as one over the square root of the batch size, "
    "while layer norm and inference-mode batch norm do not vary at all.",
)
def batch_size():
    ns = snippet_namespace("batch_layer_norm")
    sizes, spread = np.array(ns["sizes"]), ns["spread"]
    fig, ax = plt.subplots()
    ax.loglog(sizes, spread, "o-", lw=2, label="batch norm, training mode")
    ref = spread[3] * np.sqrt(sizes[3] / sizes)
    ax.loglog(sizes, ref, ls="--", lw=1.5, color="C1", label=r"$\propto 1/\sqrt{B}$")
    ax.text(
        sizes[0],
        spread[-1] * 0.75,
        "layer norm and inference-mode batch norm: 0 at every batch size",
        fontsize=9,
        va="top",
    )
    ax.set(
        xlabel="batch size B",
        ylabel="sd of one example's output",
        xticks=sizes,
        xticklabels=[str(s) for s in sizes],
        ylim=(spread[-1] * 0.4, 1.2),
    )
    ax.minorticks_off()
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig
