"""Figures for evaluation/roc_auc_pr_auc.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import precision_recall_curve, roc_curve

from scripts.figures import figure, snippet_namespace


@figure(
    "roc_auc_pr_auc_prevalence",
    alt="Line chart against the share of positives, from 50 % down to 1 %, on a log axis: the ROC-AUC of the "
    "same scores stays flat near 0.79 while average precision falls from about 0.83 to about 0.12, staying "
    "above its chance level, the prevalence, drawn as a dashed line.",
)
def prevalence():
    ns = snippet_namespace("roc_auc_pr_auc")
    prev, auc, ap = np.array(ns["rows"]).T
    fig, ax = plt.subplots()
    ax.plot(prev, auc, marker="o", lw=2, label="ROC-AUC")
    ax.plot(prev, ap, marker="s", lw=2, label="average precision (PR-AUC)")
    ax.axhline(0.5, color="C0", lw=1, ls=":", label="ROC-AUC of random scores")
    ax.plot(prev, prev, color="C1", lw=1, ls="--", label="AP of random scores (= prevalence)")
    ax.set_xscale("log")
    ax.set_xticks(prev, [f"{p:.0%}" for p in prev])
    ax.minorticks_off()
    ax.invert_xaxis()
    ax.set(xlabel="share of positives in the test set (same scores, fewer positives)", ylabel="score", ylim=(0, 1.2))
    ax.set_yticks(np.arange(0, 1.01, 0.2))
    ax.legend(loc="upper center", ncol=2)
    fig.tight_layout()
    return fig


@figure(
    "roc_auc_pr_auc_two_models",
    alt="Two panels for models A and B on data with 0.5 % positives. Left, ROC curves: A's curve sits above B's "
    "almost everywhere, so A has the larger ROC-AUC. Right, precision-recall curves: B keeps precision near 1 "
    "up to recall 0.5 while A's precision drops below 0.4 before recall 0.2, so B has the larger average "
    "precision.",
)
def two_models():
    ns = snippet_namespace("roc_auc_pr_auc")
    y = ns["y_rare"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 4.0))
    for name, key, style in (("A", "s_a", "-"), ("B", "s_b", "--")):
        auc, ap = ns["summary"][name][:2]
        fpr, tpr, _ = roc_curve(y, ns[key])
        left.plot(fpr, tpr, lw=2, ls=style, label=f"{name}: ROC-AUC {auc:.2f}")
        prec, rec, _ = precision_recall_curve(y, ns[key])
        right.step(rec, prec, where="post", lw=2, ls=style, label=f"{name}: AP {ap:.2f}")
    left.plot([0, 1], [0, 1], color="0.5", lw=1, ls=":")
    right.axhline(y.mean(), color="0.5", lw=1, ls=":", label="random")
    left.set(xlabel="false positive rate", ylabel="true positive rate (recall)", title="ROC curve")
    right.set(xlabel="recall", ylabel="precision", title="precision-recall curve", ylim=(0, 1.02))
    left.legend(loc="lower right")
    right.legend(loc="upper right", bbox_to_anchor=(1.0, 0.85))
    fig.tight_layout()
    return fig
