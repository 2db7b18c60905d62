"""Figures for evaluation/precision_recall.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import precision_score, recall_score

from scripts.figures import figure, snippet_namespace


@figure(
    "precision_recall_threshold",
    alt="Line chart of precision and recall on the test set as the decision threshold moves from 0 to 1: "
    "recall falls steadily as the threshold rises while precision mostly climbs, so the two trade off.",
)
def threshold():
    ns = snippet_namespace("precision_recall")
    y, scores = ns["y_test"], ns["scores"]
    grid = np.linspace(0.02, 0.98, 97)
    prec = [precision_score(y, (scores >= t).astype(int), zero_division=np.nan) for t in grid]
    rec = [recall_score(y, (scores >= t).astype(int)) for t in grid]
    fig, ax = plt.subplots()
    ax.plot(grid, prec, label="precision", lw=2)
    ax.plot(grid, rec, label="recall", lw=2, ls="--")
    ax.axvline(0.5, color="0.5", lw=1, ls=":")
    ax.annotate("predict() uses 0.5", (0.5, 0.05), xytext=(6, 0), textcoords="offset points")
    ax.set(xlabel="decision threshold on P(positive)", ylabel="score", xlim=(0, 1), ylim=(0, 1.02))
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig


@figure(
    "precision_recall_pr_curve",
    alt="Precision-recall curve of the logistic regression: precision stays high while recall grows, then "
    "falls steeply near full recall towards the positive rate, drawn as a dashed random-classifier baseline.",
)
def pr_curve():
    ns = snippet_namespace("precision_recall")
    fig, ax = plt.subplots()
    ax.step(ns["rec"], ns["prec"], where="post", lw=2, label=f"logistic regression (AP = {ns['ap']:.2f})")
    ax.axhline(ns["y_test"].mean(), ls="--", lw=1.5, color="C1", label="random classifier (positive rate)")
    ax.set(xlabel="recall", ylabel="precision", xlim=(0, 1), ylim=(0, 1.02))
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig
