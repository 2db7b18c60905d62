"""Figures for evaluation/data_leakage.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace

METRIC = {
    "target leakage": "ROC AUC",
    "selection before the split": "accuracy",
    "duplicates across splits": "accuracy",
    "rows of one patient split": "accuracy",
}


@figure(
    "data_leakage_scores",
    alt="Dot plot of four leaks, each with its leaky and its honest cross-validated score: every "
    "leaky score lies well to the right of its honest one, and two honest scores sit at chance.",
)
def scores():
    ns = snippet_namespace("data_leakage")
    names = list(METRIC)
    leaky = [ns["results"][n][0] for n in names]
    honest = [ns["results"][n][1] for n in names]
    rows = np.arange(len(names))[::-1]
    fig, ax = plt.subplots()
    ax.hlines(rows, honest, leaky, color="0.6", lw=2)
    ax.plot(leaky, rows, "o", ms=9, label="leaky evaluation")
    ax.plot(honest, rows, "s", ms=9, label="honest evaluation (the fix)")
    ax.axvline(0.5, ls=":", color="0.5", lw=1)
    ax.annotate("chance", (0.5, rows[-1] - 0.45), xytext=(4, 0), textcoords="offset points")
    ax.set_yticks(rows, [f"{n}\n({METRIC[n]})" for n in names])
    ax.set(xlabel="cross-validated score", xlim=(0.35, 1.02), ylim=(-0.7, len(names) - 0.4))
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2)
    fig.tight_layout()
    return fig


@figure(
    "data_leakage_forecast",
    alt="Two years of daily sales with an upward trend and a weekly cycle. Trained on the first 80 % "
    "of days, a decision tree's forecast for the rest stays at the level it last saw, while a linear "
    "trend keeps rising with the sales.",
)
def forecast():
    ns = snippet_namespace("data_leakage")
    day, sales, X = ns["day"], ns["sales"], ns["X_time"]
    cut = int(0.8 * day.size)
    tree = ns["DecisionTreeRegressor"](min_samples_leaf=5, random_state=0).fit(X[:cut], sales[:cut])
    line = ns["LinearRegression"]().fit(X[:cut], sales[:cut])
    fig, ax = plt.subplots()
    ax.plot(day, sales, lw=0.6, color="0.6", label="daily sales")
    ax.plot(day[cut:], tree.predict(X[cut:]), lw=2, label="tree, trained on the past")
    ax.plot(day[cut:], line.predict(X[cut:]), lw=2, ls="--", label="linear trend, trained on the past")
    ax.axvline(cut, color="0.4", lw=1, ls=":")
    ax.annotate("forecast starts", (cut, sales.min()), xytext=(-4, 0), textcoords="offset points", ha="right")
    ax.set(xlabel="day", ylabel="sales")
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
