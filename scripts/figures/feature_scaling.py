"""Figures for classical/feature_scaling.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "feature_scaling_models",
    alt="Dot plot of five-fold cross-validated accuracy on the breast cancer data, raw features against "
    "standardised features, for five models. KNN, the RBF-kernel SVM and logistic regression gain between "
    "three and six points from standardising; for the decision tree and the random forest the two dots "
    "coincide: they score exactly the same either way.",
)
def models():
    ns = snippet_namespace("feature_scaling")
    acc = ns["accuracy"]
    names = list(ns["models"])
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    y = np.arange(len(names))[::-1]
    raw = np.array([acc[name, False] for name in names])
    std = np.array([acc[name, True] for name in names])
    ax.hlines(y, raw, std, color="0.6", lw=2, zorder=1)
    ax.plot(raw, y, "o", ms=9, color="C0", label="raw features", zorder=2)
    ax.plot(std, y, "D", ms=7, color="C1", label="standardised", zorder=3)
    for yi, r, s_ in zip(y, raw, std):
        ax.annotate(f"{s_:.3f}", (max(r, s_), yi), xytext=(8, 0), textcoords="offset points", va="center", fontsize=9)
        if r != s_:
            ax.annotate(
                f"{r:.3f}", (r, yi), xytext=(-8, 0), textcoords="offset points", va="center", ha="right", fontsize=9
            )
    ax.set_yticks(y, names)
    ax.set(xlim=(0.88, 1.0), ylim=(-0.6, len(names) - 0.4), xlabel="cross-validated accuracy (5 folds)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "feature_scaling_outlier",
    alt="Strip plots of one feature after three scalers, each fitted once on 99 inliers and once on the same "
    "inliers plus one outlier at 1000, on a shared axis from -3 to 3. StandardScaler spreads the inliers over "
    "about six units without the outlier but squeezes them into half a unit with it. MinMaxScaler fills 0 to 1 "
    "without the outlier and crushes the inliers near 0 with it, the outlier taking the value 1. RobustScaler "
    "gives the inliers almost the same spread either way, and sends the outlier far off the axis, at 89.",
)
def outlier():
    ns = snippet_namespace("feature_scaling")
    scaled = ns["scaled"]
    fig, ax = plt.subplots(figsize=(8.0, 4.2))
    jitter = np.random.default_rng(0).uniform(-0.12, 0.12, size=len(ns["inliers"]) + 1)
    ticks, labels, row = [], [], 0
    xmax = 3.0
    for k, (name, (clean, dirty)) in enumerate(scaled.items()):
        for values, tag in ((dirty, "with outlier"), (clean, "without")):
            inl = values[: len(ns["inliers"])]
            ax.plot(inl, row + jitter[: len(inl)], "o", ms=3.5, color=f"C{k}", alpha=0.7)
            if tag == "with outlier":
                out = values[-1]
                if out <= xmax:
                    ax.plot(out, row, "X", ms=9, color="C4")
                    ax.annotate(
                        "outlier", (out, row), xytext=(8, 0), textcoords="offset points", va="center", fontsize=9
                    )
                else:
                    ax.annotate(
                        f"outlier at {out:.1f} \u2192",
                        (xmax, row),
                        xytext=(-4, 7),
                        textcoords="offset points",
                        ha="right",
                        va="bottom",
                        fontsize=9,
                    )
            ticks.append(row)
            labels.append(f"{name}, {tag}")
            row -= 1
        row -= 0.5
    ax.set_yticks(ticks, labels, fontsize=9)
    ax.set(xlim=(-3.0, xmax), ylim=(row + 1, 0.8), xlabel="scaled value")
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig
