"""Figures for evaluation/loss_vs_metric.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "loss_vs_metric_losses",
    alt="Two panels. Left: absolute, squared and Huber loss against the residual; squared loss grows "
    "fastest for large residuals, and Huber is squared near zero and linear beyond delta. Right: the "
    "expected log-loss, Brier score and absolute error of a forecast p for an event of probability 0.3; "
    "log-loss and Brier bottom out at p = 0.3, absolute error keeps falling towards p = 0.",
)
def losses():
    ns = snippet_namespace("loss_vs_metric")
    r = np.linspace(-3, 3, 301)
    delta = 1.0
    huber = np.where(np.abs(r) <= delta, 0.5 * r**2, delta * (np.abs(r) - 0.5 * delta))
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.0, 3.6))
    left.plot(r, np.abs(r), lw=2, label="absolute |r|")
    left.plot(r, r**2, lw=2, ls="--", label="squared r²")
    left.plot(r, huber, lw=2, ls="-.", label="Huber, δ = 1")
    left.set(xlabel="residual r = y − ŷ", ylabel="loss", ylim=(0, 4.5))
    left.legend(loc="upper center")
    styles = {"log-loss": "-", "Brier": "--", "absolute error": ":"}
    for name, ls in styles.items():
        right.plot(ns["forecasts"], ns["expected"][name], lw=2, ls=ls, label=name)
    right.axvline(ns["q"], color="0.5", lw=1)
    right.annotate("true probability", (ns["q"], 0.05), xytext=(4, 0), textcoords="offset points")
    right.set(xlabel="forecast probability p", ylabel="expected loss", ylim=(0, 1.5))
    right.legend(loc="upper center")
    fig.tight_layout()
    return fig


@figure(
    "loss_vs_metric_constant",
    alt="Histogram of 2,000 right-skewed targets with three vertical lines: the best constant under "
    "MAPE lies lowest, the best under MAE sits at the median, and the best under RMSE at the mean, "
    "which the long right tail pulls highest.",
)
def constant():
    ns = snippet_namespace("loss_vs_metric")
    y, best = ns["y"], ns["best"]
    fig, ax = plt.subplots()
    ax.hist(y, bins=np.linspace(0, 6, 61), color="0.7")
    styles = {"MAPE": ":", "MAE": "-", "RMSE": "--"}
    what = {"MAPE": "MAPE", "MAE": "MAE: the median", "RMSE": "RMSE: the mean"}
    for i, name in enumerate(styles):
        ax.axvline(best[name], lw=2.5, ls=styles[name], color=f"C{i}", label=f"best under {what[name]}")
    ax.set(xlabel="target value", ylabel="count", xlim=(0, 6))
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig
