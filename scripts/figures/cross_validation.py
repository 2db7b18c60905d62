"""Figures for evaluation/cross_validation.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from scripts.figures import figure, snippet_namespace

STEM = "cross_validation"


def runs(values):
    """(start, length, value) for each run of equal consecutive values."""
    values = np.asarray(values)
    edges = np.flatnonzero(np.diff(values)) + 1
    starts = np.r_[0, edges]
    ends = np.r_[edges, len(values)]
    return [(s, e - s, values[s]) for s, e in zip(starts, ends)]


@figure(
    f"{STEM}_splitters",
    alt="Four fold diagrams of 30 rows split five ways, one per scikit-learn splitter: KFold "
    "with shuffling scatters each test fold over the rows, StratifiedKFold does the same while "
    "spreading the positive rows evenly, GroupKFold keeps every group of rows whole in one test "
    "fold, and TimeSeriesSplit trains on a growing prefix and tests on the block right after it.",
)
def splitters():
    ns = snippet_namespace(STEM)
    folds, y, groups = ns["folds"], ns["y_toy"], ns["groups_toy"]
    n = len(y)
    fig, axes = plt.subplots(2, 2, figsize=(10, 6.2), sharex=True)
    for ax, (name, splits) in zip(axes.flat, folds.items()):
        k = len(splits)
        for i, (train, test) in enumerate(splits):
            status = np.zeros(n, int)  # 0 unused, 1 train, 2 test
            status[train], status[test] = 1, 2
            for start, length, s in runs(status):
                if s == 0:
                    ax.broken_barh([(start, length)], (i - 0.4, 0.8), facecolors="none", edgecolors="0.6", lw=0.6)
                else:
                    ax.broken_barh([(start, length)], (i - 0.4, 0.8), facecolors="C0" if s == 1 else "C1")
        # Two strips under the folds: the label and the group of each row.
        for start, length, label in runs(y):
            if label:
                ax.broken_barh([(start, length)], (k + 0.1, 0.8), facecolors="C3")
        for start, length, g in runs(groups):
            ax.broken_barh([(start, length)], (k + 1.1, 0.8), facecolors="C2" if g % 2 == 0 else "C4")
        ax.set_yticks(range(k + 2), [f"split {i + 1}" for i in range(k)] + ["class", "group"])
        ax.set_ylim(k + 2, -0.6)
        ax.set_xlim(0, n)
        ax.set_title(name, fontsize=11)
        ax.grid(False)
    for ax in axes[1]:
        ax.set_xlabel("row (in storage order)")
    handles = [
        Patch(facecolor="C0", label="train"),
        Patch(facecolor="C1", label="test"),
        Patch(facecolor="none", edgecolor="0.6", label="not used"),
        Patch(facecolor="C3", label="positive row"),
        Patch(facecolor="C2", label="group (alternating colors)"),
    ]
    fig.legend(handles=handles, loc="upper center", ncol=5, fontsize=9)
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return fig


@figure(
    f"{STEM}_spread",
    alt="Dot plot of accuracy estimates for the same model and data, one per repetition with a "
    "new random cut: single 80/20 train-test splits scatter over a wide range, while the means of "
    "5-fold cross-validation cluster in a much narrower band.",
)
def spread():
    ns = snippet_namespace(STEM)
    estimates = {"single 80/20 split": ns["single"], "5-fold CV mean": ns["cross_validated"]}
    fig, ax = plt.subplots(figsize=(7, 3))
    offsets = np.linspace(-0.15, 0.15, len(ns["single"]))  # spread the dots, no randomness
    for row, (color, values) in enumerate(zip(("C1", "C0"), estimates.values())):
        ax.scatter(values, row + offsets, color=color, s=28, alpha=0.8)
        ax.plot([values.min(), values.max()], [row + 0.3, row + 0.3], color=color, lw=2)
    ax.set_yticks([0, 1], list(estimates))
    ax.set_ylim(1.5, -0.5)
    ax.set_xlabel("estimated accuracy (one dot per repetition; bar: range)")
    fig.tight_layout()
    return fig
