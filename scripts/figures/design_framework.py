"""Figures for the page system-design/design_framework.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
from sklearn.metrics import precision_recall_curve, precision_score, recall_score

from scripts.figures import Box, architecture, figure, snippet_namespace


@figure(
    "design_framework_architecture",
    alt="Architecture of a generic ML system. Offline: data sources feed a feature pipeline, which builds the "
    "training set; training produces a validated model stored in a model registry. The feature pipeline also "
    "fills a feature store shared by both halves. Online: the app sends a request to online serving, which reads "
    "features from the store and the deployed model from the registry; predictions and outcomes go to logging, "
    "which flows back into the data sources as new labels.",
)
def pipeline():
    boxes = {
        "data": Box(1.3, 4.05, "Data sources\n(events, labels)", "store"),
        "features": Box(4.0, 4.05, "Feature\npipeline"),
        "training": Box(6.7, 4.05, "Training +\noffline eval", "model"),
        "registry": Box(9.4, 4.05, "Model\nregistry", "store"),
        "store": Box(4.0, 2.6, "Feature store", "store"),
        "logging": Box(1.3, 1.15, "Logging", "store"),
        "serving": Box(6.7, 1.15, "Online\nserving"),
        "app": Box(9.4, 1.15, "App"),
    }
    arrows = [
        ("data", "features", ""),
        ("features", "training", "training set"),
        ("training", "registry", "validated"),
        ("features", "store", ""),
        ("store", "serving", ""),
        ("registry", "serving", ""),
        ("app", "serving", "request"),
        ("serving", "logging", "predictions, outcomes"),
        ("logging", "data", ""),
    ]
    groups = [("offline", (0.15, 3.3, 10.6, 4.95)), ("online", (0.15, 0.2, 10.6, 1.9))]
    fig = architecture(boxes, arrows, groups=groups, size=(10.75, 5.15), box_size=(1.9, 0.8))
    ax = fig.axes[0]
    text = plt.rcParams["text.color"]
    # Labels of the vertical and diagonal arrows, beside the line rather than on it.
    ax.text(1.42, 2.6, "new labels", ha="left", va="center", fontsize=8.5, color=text)
    ax.text(4.12, 3.47, "same code", ha="left", va="center", fontsize=8.5, color=text)
    ax.text(5.5, 2.0, "features", ha="left", va="bottom", fontsize=8.5, color=text)
    ax.text(8.2, 2.6, "deploy", ha="left", va="center", fontsize=8.5, color=text)
    return fig


@figure(
    "design_framework_baseline",
    alt="Precision-recall curve of a logistic regression spam filter on the later test days, against two "
    "baselines: the hand-written rule is a single point at low recall, and the majority class sits on the "
    "dashed line at the spam rate. At the rule's precision the model catches several times as much spam.",
)
def baseline():
    ns = snippet_namespace("design_framework")
    y, scores, rule = ns["y_test"], ns["scores"], ns["rule"]
    prec, rec, _ = precision_recall_curve(y, scores["logistic regression"])
    fig, ax = plt.subplots(figsize=(7.0, 4.2))
    ax.step(rec, prec, where="post", lw=2, label=f"logistic regression (AP = {ns['ap']['logistic regression']:.2f})")
    ax.plot(
        [recall_score(y, rule)],
        [precision_score(y, rule)],
        "o",
        ms=9,
        color="C1",
        label="rule: new account + strangers",
    )
    ax.hlines(ns["rule_precision"], ns["rule_recall"], ns["model_recall"], ls=":", lw=1.2, color="C1")
    ax.axhline(y.mean(), ls="--", lw=1.5, color="C2", label=f"majority class: AP = spam rate ({y.mean():.1%})")
    ax.annotate(
        f"same precision,\n{ns['model_recall'] / ns['rule_recall']:.0f} times the recall",
        xy=(ns["model_recall"], ns["rule_precision"]),
        xytext=(0.42, 0.38),
        arrowprops=dict(arrowstyle="->", color=plt.rcParams["text.color"]),
        fontsize=9.5,
    )
    ax.set(xlabel="recall (share of spam caught)", ylabel="precision", xlim=(0, 1), ylim=(0, 1.02))
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig
