"""Figures for evaluation/f1_vs_accuracy.md, drawn from the snippet's own objects."""

import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "f1_vs_accuracy_ratio",
    alt="Accuracy, F1 and balanced accuracy of one fixed classifier, and the accuracy of always "
    "predicting negative, against the share of positives on a log scale. As positives get rarer "
    "the classifier's accuracy creeps up while its F1 falls steeply, balanced accuracy stays "
    "flat, and in the shaded region of rare positives the always-negative model has the higher "
    "accuracy.",
)
def ratio():
    ns = snippet_namespace("f1_vs_accuracy")
    tpr, fpr = ns["TPR"], ns["FPR"]
    rate = np.geomspace(0.001, 0.5, 300)
    tp, fn, fp, tn = rate * tpr, rate * (1 - tpr), (1 - rate) * fpr, (1 - rate) * (1 - fpr)
    fig, ax = plt.subplots()
    ax.plot(rate, tp + tn, lw=2, color="C0", label="accuracy")
    ax.plot(rate, 2 * tp / (2 * tp + fp + fn), lw=2, color="C1", ls="--", label="F1")
    ax.plot(rate, np.full_like(rate, (tpr + 1 - fpr) / 2), lw=1.5, color="C2", ls="-.", label="balanced accuracy")
    ax.plot(rate, 1 - rate, lw=1.5, color="C3", ls=":", label="accuracy of always-negative")
    crossover = fpr / (fpr + tpr)  # below it FP > TP and always-negative is more accurate
    ax.axvspan(rate[0], crossover, color="C3", alpha=0.12, lw=0)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.set(
        xlabel="share of positives in the data (log scale)",
        ylabel="score",
        xlim=(rate[0], rate[-1]),
        ylim=(0, 1.02),
        title=f"one classifier with TPR = {tpr:g}, FPR = {fpr:g}",
    )
    ax.title.set_fontsize(10)
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "f1_vs_accuracy_fbeta",
    alt="F-beta score of the logistic regression against beta on a log scale: it starts near the "
    "model's precision for small beta, passes through F1 at beta equal to one, and falls toward "
    "the lower recall as beta grows, drawn between dashed lines at precision and recall.",
)
def fbeta():
    ns = snippet_namespace("f1_vs_accuracy")
    p, r, f_beta = ns["p"], ns["r"], ns["f_beta"]
    betas = np.geomspace(0.05, 20, 200)
    fig, ax = plt.subplots()
    ax.plot(betas, f_beta(p, r, betas), lw=2, color="C0", label="F-beta")
    ax.axhline(p, color="C1", ls="--", lw=1.5, label="precision")
    ax.axhline(r, color="C2", ls=":", lw=1.5, label="recall")
    ax.plot([1], [f_beta(p, r, 1.0)], "o", color="C0")
    ax.annotate("F1", (1, f_beta(p, r, 1.0)), xytext=(6, 6), textcoords="offset points")
    ax.set_xscale("log")
    ax.set(xlabel="beta (log scale): how many times more recall counts than precision", ylabel="score", ylim=(0, 1.02))
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.legend(loc="center right", fontsize=9)
    fig.tight_layout()
    return fig
