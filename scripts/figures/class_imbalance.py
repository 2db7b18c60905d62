"""Figures for evaluation/class_imbalance.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "class_imbalance_cost",
    alt="Line chart of the test-set cost of the unweighted logistic regression against its decision "
    "threshold, with a missed positive costing ten false alarms: the cost is high at the default "
    "threshold of 0.5 and lowest between about 0.1 and 0.2, next to the threshold tuned by "
    "cross-validation and the theoretical 1/11; a dashed line marks the cost of the class-weighted model.",
)
def cost():
    ns = snippet_namespace("class_imbalance")
    y, scores, cost_fn = ns["y_test"], ns["scores_plain"], ns["cost"]
    grid = np.linspace(0.01, 0.9, 179)
    costs = [cost_fn(y, (scores >= t).astype(int)) for t in grid]
    fig, ax = plt.subplots()
    ax.plot(grid, costs, lw=2, label="unweighted logistic regression")
    ax.axhline(
        ns["test_costs"]["balanced, threshold 0.5"],
        color="C1",
        ls="--",
        lw=1.5,
        label="class_weight='balanced' at 0.5",
    )
    marks = [
        (0.5, "default 0.5", ":"),
        (ns["tuned"].best_threshold_, "tuned by CV", "-."),
        (1 / 11, "theory 1/11", (0, (1, 3))),
    ]
    for (t, label, style), colour in zip(marks, ["0.5", "C2", "C3"]):
        ax.axvline(t, color=colour, ls=style, lw=1.5, label=label)
    ax.set(xlabel="decision threshold on P(positive)", ylabel="test cost (FN = 10, FP = 1)")
    ax.set_xlim(0, 0.9)
    ax.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "class_imbalance_leak",
    alt="Horizontal bar chart of the average precision of a decision tree with random oversampling: "
    "cross-validation after oversampling the whole training set reports almost 1, while "
    "cross-validation with the sampler inside an imbalanced-learn pipeline reports a score close to "
    "the one the model reaches on the held-out test set.",
)
def leak():
    ns = snippet_namespace("class_imbalance")
    names = list(ns["rows"])
    ap = [values[0] for values in ns["rows"].values()]
    fig, ax = plt.subplots(figsize=(7.0, 3.0))
    bars = ax.barh(names[::-1], ap[::-1], color=["C2", "C0", "C1"])
    ax.bar_label(bars, fmt="%.2f", padding=3)
    ax.axvline(ns["y_test"].mean(), color="0.5", ls=":", lw=1.5)
    ax.annotate(
        "chance level: the positive rate",
        (ns["y_test"].mean(), len(names) - 0.45),
        xytext=(4, 0),
        textcoords="offset points",
        fontsize=9,
    )
    ax.set_ylim(-0.5, len(names) - 0.2)
    ax.set(xlabel="average precision of a decision tree", xlim=(0, 1.1))
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig
