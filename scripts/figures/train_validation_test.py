"""Figures for evaluation/train_validation_test.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace

STEM = "train_validation_test"


@figure(
    f"{STEM}_candidates",
    alt="Scatter plot of the 100 candidate models, test score against accuracy on new rows: "
    "the candidate with the highest test score sits well below the diagonal, so its test score "
    "overstates it, while the candidate chosen on the validation set lies close to the diagonal.",
)
def candidates():
    ns = snippet_namespace(STEM)
    test_acc, future_acc = ns["test_acc"], ns["future_acc"]
    honest, cheat = ns["honest"], ns["tuned_on_test"]
    fig, ax = plt.subplots()
    ax.scatter(test_acc, future_acc, s=18, alpha=0.6, color="C0", label="candidate model")
    lo = min(test_acc.min(), future_acc.min()) - 0.01
    hi = max(test_acc.max(), future_acc.max()) + 0.01
    ax.plot([lo, hi], [lo, hi], ls="--", lw=1, color="0.5", label="test score = future accuracy")
    ax.scatter(
        test_acc[cheat],
        future_acc[cheat],
        s=110,
        marker="X",
        color="C1",
        zorder=3,
        label="chosen on the test set",
    )
    ax.scatter(
        test_acc[honest],
        future_acc[honest],
        s=90,
        marker="o",
        facecolor="none",
        edgecolor="C2",
        lw=2,
        zorder=3,
        label="chosen on the validation set",
    )
    ax.set(
        xlabel="score on the 200-row test set",
        ylabel="accuracy on 50,000 new rows",
        xlim=(lo, hi),
        ylim=(lo, hi),
    )
    ax.set_aspect("equal")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    f"{STEM}_optimism",
    alt="Histograms over 1,000 repetitions of the reported test score minus the accuracy on new "
    "rows: when the model is chosen on the validation set the gap is centered on zero, when it is "
    "chosen on the test set the whole distribution shifts to the right, an optimistic bias.",
)
def optimism():
    ns = snippet_namespace(STEM)
    gaps = {name: np.array(g) for name, g in ns["gaps"].items()}
    lo = min(g.min() for g in gaps.values())
    hi = max(g.max() for g in gaps.values())
    bins = np.arange(lo - 0.0025, hi + 0.0075, 0.005)
    fig, ax = plt.subplots()
    for color, (name, gap) in zip(("C0", "C1"), gaps.items()):
        ax.hist(gap, bins=bins, alpha=0.55, color=color, label=name)
        ax.axvline(gap.mean(), color=color, lw=2, ls="--")
    ax.axvline(0, color="0.5", lw=1)
    ax.set(
        xlabel="reported test score minus accuracy on new rows",
        ylabel="repetitions",
    )
    ax.legend(loc="upper left")
    ax.annotate(
        "dashed lines: means",
        (0.98, 0.95),
        xycoords="axes fraction",
        ha="right",
        va="top",
        fontsize=9,
    )
    fig.tight_layout()
    return fig
