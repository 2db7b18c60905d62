"""Figures for the page monitoring_drift.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt

from scripts.figures import Box, architecture, figure, snippet_namespace


@figure(
    "monitoring_drift_architecture",
    alt="Architecture of model monitoring. Online, requests reach the model server, which writes "
    "every input and score to a prediction log; outcomes arrive later as delayed labels. Drift "
    "checks compare the prediction log with a reference sample from training using PSI, the KS "
    "test and adversarial validation, and a performance job joins predictions with labels once "
    "they land. Both feed retraining, on a schedule or when triggered, and a new model passes an "
    "evaluation gate in the model registry before it is deployed to the model server.",
)
def architecture_diagram():
    boxes = {
        "request": Box(1.1, 4.3, "Request"),
        "server": Box(3.6, 4.3, "Model server", "model"),
        "log": Box(6.2, 4.3, "Prediction log\n(inputs, scores)", "store"),
        "outcomes": Box(8.8, 4.3, "Outcomes\n(labels, delayed)", "store"),
        "reference": Box(3.9, 2.5, "Reference\n(training sample)", "store"),
        "drift": Box(6.2, 2.5, "Drift checks\nPSI, KS, AV"),
        "performance": Box(8.8, 2.5, "Accuracy once\nlabels land"),
        "retrain": Box(10.8, 0.9, "Retraining\nschedule/trigger", "model"),
        "registry": Box(1.1, 0.9, "Eval gate,\nmodel registry", "store"),
    }
    arrows = [
        ("request", "server", ""),
        ("server", "log", ""),
        ("log", "drift", ""),
        ("reference", "drift", ""),
        ("log", "performance", ""),
        ("outcomes", "performance", ""),
        ("drift", "retrain", ""),
        ("performance", "retrain", ""),
        ("retrain", "registry", "candidate model"),
        ("registry", "server", ""),
    ]
    groups = [
        ("online", (0.1, 3.65, 9.85, 5.1)),
        ("monitoring: hourly to daily", (2.95, 1.85, 9.85, 3.3)),
    ]
    return architecture(boxes, arrows, groups=groups, size=(12.0, 5.3))


@figure(
    "monitoring_drift_psi_ks",
    alt="Line chart of drift statistics against the size of a mean shift, from 0 to 1 standard "
    "deviation, on samples of 5,000 rows. PSI grows roughly with the square of the shift, from "
    "near 0 to about 0.94, crossing the conventional 0.1 line near 0.35 and the 0.25 line near "
    "0.5 standard deviations; the KS statistic grows roughly linearly to about 0.38.",
)
def psi_ks_sweep():
    ns = snippet_namespace("monitoring_drift")
    fig, ax = plt.subplots()
    ax.plot(ns["shifts"], ns["psi_curve"], marker="o", lw=2, label="PSI (10 reference deciles)")
    ax.plot(ns["shifts"], ns["ks_curve"], marker="s", lw=2, ls="--", label="KS statistic")
    for level, text in ((0.1, "PSI 0.1"), (0.25, "PSI 0.25")):
        ax.axhline(level, color="C2", lw=1, ls=":")
        ax.text(0.01, level + 0.015, f"{text} (convention)", color="C2", fontsize=9)
    ax.set(xlabel="mean shift of the production sample (standard deviations)", ylabel="statistic")
    ax.set_ylim(0, 1.0)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.93))
    fig.tight_layout()
    return fig
