"""Figures for classical/naive_bayes.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.calibration import calibration_curve

from scripts.figures import figure, snippet_namespace


@figure(
    "naive_bayes_duplicated",
    alt="Left: histograms of the predicted probability of class 1 for Gaussian naive Bayes on the "
    "original features and on every feature duplicated; the duplicated model piles its predictions "
    "up near 0 and 1. Right: reliability curves; the original model follows the diagonal, the "
    "duplicated one bends away from it, too sure of itself at both ends.",
)
def duplicated():
    ns = snippet_namespace("naive_bayes")
    y, p, p_dup = ns["y_test"], ns["p"], ns["p_dup"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 4.0))
    bins = np.linspace(0, 1, 21)
    left.hist(p, bins=bins, histtype="stepfilled", alpha=0.35, color="C0", label="original features")
    left.hist(p_dup, bins=bins, histtype="step", lw=2, color="C1", label="every feature twice")
    left.set(xlabel="predicted P(y = 1)", ylabel="test rows", xlim=(0, 1))
    left.legend(loc="upper center")

    right.plot([0, 1], [0, 1], color="0.5", lw=1, ls=":", label="perfect calibration")
    for probs, style, color, label in (
        (p, "o-", "C0", "original features"),
        (p_dup, "s--", "C1", "every feature twice"),
    ):
        frac_pos, mean_pred = calibration_curve(y, probs, n_bins=10, strategy="quantile")
        right.plot(mean_pred, frac_pos, style, color=color, lw=2, ms=5, label=label)
    right.set(xlabel="mean predicted P(y = 1) in bin", ylabel="observed share of class 1", xlim=(0, 1), ylim=(0, 1))
    right.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig
