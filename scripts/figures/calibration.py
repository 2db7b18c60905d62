"""Figures for evaluation/calibration.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.calibration import calibration_curve

from scripts.figures import figure, snippet_namespace


def reliability(ax, y, curves, n_bins=10):
    ax.plot([0, 1], [0, 1], color="0.5", ls=":", lw=1.5, label="perfectly calibrated")
    for (label, p), marker in zip(curves.items(), "osD^"):
        observed, predicted = calibration_curve(y, p, n_bins=n_bins)
        ax.plot(predicted, observed, marker=marker, ms=5, lw=1.8, label=label)
    ax.set(xlabel="mean predicted probability (10 bins)", ylabel="observed positive rate")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.legend(loc="upper left", fontsize=9)


@figure(
    "calibration_reliability",
    alt="Reliability diagram and histogram on the test set. Logistic regression and naive Bayes "
    "recalibrated with isotonic regression follow the diagonal; raw naive Bayes lies far below it "
    "between 0.2 and 1, an over-confident S shape, and the histogram shows that most of its "
    "predictions are piled up at 0 and 1.",
)
def reliability_diagram():
    ns = snippet_namespace("calibration")
    y = ns["y_test"]
    curves = {
        "logistic regression": ns["proba"]["logistic"],
        "naive Bayes": ns["proba"]["naive Bayes"],
        "naive Bayes + isotonic": ns["recalibrated"]["isotonic"],
    }
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7.0, 6.0), height_ratios=[3, 1.4], sharex=True)
    reliability(top, y, curves)
    top.set_xlabel("")
    bins = np.linspace(0, 1, 21)
    for label in ("logistic regression", "naive Bayes"):
        bottom.hist(curves[label], bins=bins, histtype="step", lw=1.8, label=label)
    bottom.set_yscale("log")
    bottom.set(xlabel="predicted probability", ylabel="test rows")
    bottom.legend(loc="upper center", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "calibration_weights",
    alt="Reliability diagram of three logistic regressions on the same test set: the unweighted "
    "model follows the diagonal, the model trained with balanced class weights lies below it at "
    "every probability because it over-predicts the positive class, and the same model after "
    "dividing its odds by the class ratio is back on the diagonal.",
)
def weights():
    ns = snippet_namespace("calibration")
    curves = {
        "unweighted": ns["rebalanced"]["no correction"],
        "class_weight='balanced'": ns["rebalanced"]["class_weight='balanced'"],
        "balanced, odds corrected": ns["corrected"],
    }
    fig, ax = plt.subplots(figsize=(6.0, 4.6))
    reliability(ax, ns["y_test"], curves)
    fig.tight_layout()
    return fig
