"""Figures for evaluation/false_positives_negatives.md, drawn from the snippet's own objects."""

import matplotlib.pyplot as plt
import numpy as np
from scipy.special import logit
from scipy.stats import norm

from scripts.figures import figure, snippet_namespace


@figure(
    "false_positives_negatives_densities",
    alt="Two panels, each with the score distributions of negatives and positives, two "
    "overlapping bell curves, and a threshold line. Negatives to the right of the line are "
    "false positives and positives to the left are false negatives, both shaded. The low "
    "threshold of the screening test leaves a large false-positive area and a small "
    "false-negative one; the high threshold of the spam filter does the opposite.",
)
def densities():
    ns = snippet_namespace("false_positives_negatives")
    model, shift = ns["model"], ns["SHIFT"]
    s = np.linspace(-3.5, 5.5, 400)
    neg, pos = norm.pdf(s), norm.pdf(s, loc=shift)
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 3.6), sharey=True)
    for ax, name in zip(axes, ("medical screening", "spam filter")):
        c_fp, c_fn = ns["scenarios"][name]
        t_star = c_fp / (c_fp + c_fn)
        # The score at which the model's probability crosses t*.
        cut = (logit(t_star) - model.intercept_[0]) / model.coef_[0, 0]
        ax.plot(s, neg, color="C0", lw=2, label="negatives")
        ax.plot(s, pos, color="C1", lw=2, ls="--", label="positives")
        ax.fill_between(s, neg, where=s >= cut, color="C0", alpha=0.35, lw=0, label="FP area")
        ax.fill_between(s, pos, where=s < cut, color="C1", alpha=0.35, lw=0, hatch="//", label="FN area")
        ax.axvline(cut, color=plt.rcParams["text.color"], lw=1.2)
        fpr, fnr = norm.sf(cut), norm.cdf(cut, loc=shift)
        ax.set_title(f"{name}: P(y=1) >= {t_star:.2f}", fontsize=10)
        ax.text(0.02, 0.97, f"FPR {fpr:.2f}\nFNR {fnr:.2f}", transform=ax.transAxes, va="top", fontsize=9)
        ax.set(xlabel="score", ylim=(0, 0.45))
    axes[0].set_ylabel("density within each class")
    axes[1].legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return fig


@figure(
    "false_positives_negatives_cost",
    alt="Total misclassification cost on the test set against the decision threshold for the "
    "spam filter and for the medical screening test. Each curve has its minimum close to the "
    "dashed line at the Bayes threshold c_FP / (c_FP + c_FN): high for the spam filter, low "
    "for screening, and far from the default 0.5 in both cases.",
)
def cost():
    ns = snippet_namespace("false_positives_negatives")
    grid, errors = ns["grid"], ns["errors"]
    fig, ax = plt.subplots()
    for i, (name, (c_fp, c_fn)) in enumerate(ns["scenarios"].items()):
        total = c_fp * errors[:, 0] + c_fn * errors[:, 1]
        t_star = c_fp / (c_fp + c_fn)
        ax.plot(grid, total / 1000, color=f"C{i}", lw=2, label=f"{name} (c_FP={c_fp:g}, c_FN={c_fn:g})")
        ax.axvline(t_star, color=f"C{i}", lw=1.2, ls="--")
        ax.plot(grid[total.argmin()], total.min() / 1000, "o", color=f"C{i}")
    ax.axvline(0.5, color="0.5", lw=1, ls=":")
    ax.annotate(
        "default 0.5",
        (0.5, 0.97),
        xycoords=("data", "axes fraction"),
        xytext=(4, 0),
        textcoords="offset points",
        va="top",
        fontsize=9,
    )
    ax.set(
        xlabel="decision threshold on P(y=1)",
        ylabel="total cost on the test set (thousands)",
        xlim=(0, 1),
        ylim=(0, None),
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=1, fontsize=9)
    fig.tight_layout()
    return fig
