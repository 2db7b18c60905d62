"""Figures for the page categorical_encoding.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "categorical_encoding_leak",
    alt="Grouped bars of train and test ROC AUC for a logistic regression on target-encoded features. With a "
    "random user ID column encoded naively (fit, then transform the same rows), train AUC is near 1 and test "
    "AUC is at chance, 0.5. Cross-fitted encoding of the same column scores 0.5 on both. With the informative "
    "city column added, naive encoding still gives a near-perfect train score but a poor test score, while "
    "cross-fitted encoding gives train and test scores that agree, at the level one-hot encoding of city "
    "alone reaches.",
)
def leak():
    ns = snippet_namespace("categorical_encoding")
    scores = ns["scores"]
    labels = [f"{cols}\n{how}" for cols, how in scores]
    train = np.array([v[0] for v in scores.values()])
    test = np.array([v[1] for v in scores.values()])
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(8.0, 4.2))
    for offset, values, name, colour in ((-0.2, train, "train", "C0"), (0.2, test, "test", "C1")):
        bars = ax.bar(x + offset, values, width=0.38, color=colour, label=name)
        ax.bar_label(bars, fmt="%.2f", fontsize=9, padding=2, bbox={"fc": "none", "ec": "none"})
    ax.axhline(0.5, color="0.45", ls=":", lw=1.2, label="chance")
    ax.axhline(ns["auc"]["logistic, one-hot"], color="C2", ls="--", lw=1.2, label="city alone, one-hot")
    ax.set_xticks(x, labels)
    ax.set(ylabel="ROC AUC", ylim=(0.4, 1.12))
    ax.legend(loc="upper right", ncols=2, fontsize=9, bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig
