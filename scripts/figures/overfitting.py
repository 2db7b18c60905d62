"""Figures for fundamentals/overfitting.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "overfitting_depth_curve",
    alt="Training and validation error of a decision tree against its maximum depth: training error falls to "
    "zero as the tree deepens, while validation error is lowest at a shallow depth and then climbs again.",
)
def depth_curve():
    ns = snippet_namespace("overfitting")
    labels = [str(d) if d is not None else "full" for d in ns["depths"]]
    pos = np.arange(len(labels))
    best = ns["best"]
    fig, ax = plt.subplots()
    ax.plot(pos, ns["train_err"], "-o", lw=2, ms=5, label="training MSE")
    ax.plot(pos, ns["val_err"], "--s", lw=2, ms=5, label="validation MSE")
    ax.axhline(1.0, color="C2", lw=1.5, ls=":", label="noise level (best possible)")
    ax.annotate(
        "lowest validation error",
        (pos[best], ns["val_err"][best]),
        xytext=(pos[0], 3.5),
        ha="left",
        arrowprops={"arrowstyle": "->", "color": "C1"},
    )
    ax.axvspan(pos[best] + 0.5, pos[-1] + 0.5, color="C1", alpha=0.08, lw=0)
    ax.text(pos[-1], max(ns["val_err"]) * 0.98, "overfitting", ha="right", va="top", color="C1")
    ax.set(
        xticks=pos,
        xticklabels=labels,
        xlim=(-0.5, pos[-1] + 0.5),
        ylim=(0, None),
        xlabel="max_depth of the tree (model complexity)",
        ylabel="mean squared error",
    )
    ax.legend(loc="upper center")
    fig.tight_layout()
    return fig


@figure(
    "overfitting_early_stopping",
    alt="Error against gradient-descent step on a logarithmic axis: the error on held-out training rows and "
    "on validation data both fall at first, reach a minimum after a few steps, then rise towards the "
    "least-squares fit; a marker shows the step early stopping keeps.",
)
def early_stopping():
    ns = snippet_namespace("overfitting")
    steps = np.arange(1, len(ns["stop_err"]) + 1)
    stop = ns["stop"]
    fig, ax = plt.subplots()
    ax.plot(steps, ns["stop_err"], lw=1.5, label="held-out training rows (used to stop)")
    ax.plot(steps, ns["lval_err"], lw=2.5, ls="--", label="validation rows (reporting only)")
    ax.axvline(steps[stop], color="C2", lw=1.5, ls=":")
    ax.annotate(
        "early stopping keeps this step",
        (steps[stop], ns["lval_err"][stop]),
        xytext=(steps[stop] * 2, 0.6),
        arrowprops={"arrowstyle": "->", "color": "C2"},
    )
    ax.set(xscale="log", xlabel="gradient-descent step", ylabel="mean squared error", ylim=(0, None))
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


@figure(
    "overfitting_remedies",
    alt="Paired horizontal bars of validation error for each remedy, the overfit starting model next to the "
    "model with the remedy applied: for every remedy the second bar is clearly shorter than the first.",
)
def remedies():
    ns = snippet_namespace("overfitting")
    names = list(ns["remedies"])[::-1]
    before = np.array([ns["remedies"][n][0] for n in names])
    after = np.array([ns["remedies"][n][1] for n in names])
    pos = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(7.0, 4.4))
    ax.barh(pos + 0.2, before, height=0.38, color="C1", label="overfit model")
    ax.barh(pos - 0.2, after, height=0.38, color="C0", label="with the remedy")
    ax.axvline(1.0, color="C2", lw=1.5, ls=":", label="noise level")
    ax.set(yticks=pos, yticklabels=names, xlabel="validation MSE (lower is better)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig
