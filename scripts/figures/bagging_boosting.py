"""Figures for classical/bagging_boosting.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "bagging_boosting_curves",
    alt="Test error against the number of trees, from 1 to 150, for a random forest, scikit-learn's "
    "HistGradientBoostingClassifier and XGBoost on the same data. All three fall steeply over the first "
    "twenty trees. The forest then levels off and stays flat; the two boosted models fall further, below "
    "the forest, and flatten out or creep up slightly. A dashed line marks the error of one deep tree, "
    "above all three curves after the first few trees.",
)
def curves():
    ns = snippet_namespace("bagging_boosting")
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    k = np.arange(1, ns["n_trees"] + 1)
    for name, err in ns["curves"].items():
        ax.plot(k, err, lw=2, label=name)
    ax.axhline(ns["test_err"]["one deep tree"], color="0.55", ls="--", lw=1.2)
    ax.annotate(
        "one deep tree",
        (ns["n_trees"], ns["test_err"]["one deep tree"]),
        xytext=(0, 4),
        textcoords="offset points",
        ha="right",
    )
    ax.set(xlabel="number of trees", ylabel="test error", xlim=(1, ns["n_trees"]), ylim=(0.08, 0.28))
    ax.set_yticks(np.arange(0.08, 0.281, 0.04))
    ax.legend(loc="upper right", bbox_to_anchor=(1.0, 0.92))
    fig.tight_layout()
    return fig


@figure(
    "bagging_boosting_shrinkage",
    alt="XGBoost's test log loss against the number of trees for learning rates 1.0, 0.3 and 0.1. With 1.0 "
    "the loss reaches its lowest point after a handful of trees and then climbs steeply; with 0.3 the low "
    "point is lower, later and the climb slower; with 0.1 the curve descends slowly, reaches about the "
    "same low point after about fifty trees and rises least afterwards.",
)
def shrinkage():
    ns = snippet_namespace("bagging_boosting")
    fig, ax = plt.subplots(figsize=(7.5, 4.0))
    for lr in (1.0, 0.3, 0.1):
        ll = np.asarray(ns["loss_curves"][lr])
        k = int(np.argmin(ll))
        (line,) = ax.plot(np.arange(1, len(ll) + 1), ll, lw=2, label=f"learning_rate = {lr}")
        ax.plot(k + 1, ll[k], "o", color=line.get_color())
    ax.set(xlabel="number of trees", ylabel="test log loss", xlim=(1, ns["n_trees"]), ylim=(0.28, 0.62))
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig
