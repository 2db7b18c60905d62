"""Figures for classical/decision_trees.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "decision_trees_impurity",
    alt="Three impurity measures of a two-class node against the share p of one class. Gini, 2p(1-p), and "
    "entropy in bits, halved so that it also peaks at 0.5, are smooth curves that are zero for a pure node "
    "and largest at p = 0.5; the misclassification rate, min(p, 1-p), is a tent with straight sides.",
)
def impurity():
    p = np.linspace(0, 1, 401)
    q = np.clip(p, 1e-12, 1 - 1e-12)
    entropy = -(q * np.log2(q) + (1 - q) * np.log2(1 - q))
    fig, ax = plt.subplots(figsize=(7.0, 3.8))
    ax.plot(p, 2 * p * (1 - p), lw=2, label="Gini: 2p(1 − p)")
    ax.plot(p, entropy / 2, lw=2, label="entropy / 2 (bits)")
    ax.plot(p, np.minimum(p, 1 - p), lw=2, ls="--", label="misclassification: min(p, 1 − p)")
    ax.set(xlabel="share of class 1 in the node, p", ylabel="impurity", xlim=(0, 1), ylim=(0, 0.56))
    ax.legend(loc="lower center")
    fig.tight_layout()
    return fig


@figure(
    "decision_trees_pruning",
    alt="Accuracy of the pruned trees against the pruning strength ccp_alpha. Training accuracy starts at 1 "
    "for the unpruned tree and falls as alpha grows; cross-validated and test accuracy start lower, rise to "
    "a plateau at moderate alpha, where the chosen alpha is marked, and fall again when the tree is pruned "
    "down to a few leaves.",
)
def pruning():
    ns = snippet_namespace("decision_trees")
    alphas = ns["alphas"]
    fig, ax = plt.subplots(figsize=(7.5, 4.0))
    ax.step(alphas, ns["train_acc"], where="post", lw=2, label="training")
    ax.step(alphas, ns["cv_acc"], where="post", lw=2, label="5-fold CV (training set)")
    ax.step(alphas, ns["test_acc"], where="post", lw=2, ls="--", label="test")
    best = ns["best_alpha"]
    ax.axvline(best, color="0.55", ls=":", lw=1.2)
    ax.annotate(
        f"chosen alpha, {ns['pruned'].get_n_leaves()} leaves",
        (best, 0.94),
        xytext=(6, 0),
        textcoords="offset points",
        va="center",
    )
    ax.annotate(
        f"unpruned: {ns['full'].get_n_leaves()} leaves",
        (0, 1.0),
        xytext=(0.012, 0.985),
        arrowprops={"arrowstyle": "->", "color": "0.55"},
        va="center",
    )
    ax.set(xlabel="ccp_alpha", ylabel="accuracy", ylim=(0.7, 1.02))
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.62))
    fig.tight_layout()
    return fig
