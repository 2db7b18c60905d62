"""Figures for fundamentals/semi_supervised.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "semi_supervised_regions",
    alt="Three panels of the two-moons training data with only one labeled point per class: the "
    "supervised model's boundary ignores the moons, self-training's boundary is smoother but still "
    "cuts through both moons, and label spreading's predicted regions follow each moon, so nearly "
    "every unlabeled point lands on the side of its own class.",
)
def regions():
    ns = snippet_namespace("semi_supervised")
    X, y, labeled = ns["X_train"], ns["y_train"], ns["labeled"]
    xx, yy = np.meshgrid(np.linspace(-1.6, 2.6, 150), np.linspace(-1.1, 1.6, 100))
    grid = np.c_[xx.ravel(), yy.ravel()]
    models = [
        ("supervised only", ns["supervised"]),
        ("self-training", ns["self_training"]),
        ("label spreading", ns["spreading"]),
    ]
    fig, axes = plt.subplots(1, 3, figsize=(10.0, 3.6), sharey=True)
    for ax, (name, model) in zip(axes, models):
        z = model.predict(grid).reshape(xx.shape)
        ax.contourf(xx, yy, z, levels=[-0.5, 0.5, 1.5], colors=["C0", "C1"], alpha=0.18)
        ax.contour(xx, yy, z, levels=[0.5], colors="0.5", linewidths=1)
        for c, marker in ((0, "o"), (1, "s")):
            rows = (y == c) & ~labeled
            ax.scatter(*X[rows].T, s=8, color=f"C{c}", marker=marker, alpha=0.5, lw=0)
            ax.scatter(
                *X[(y == c) & labeled].T,
                s=140,
                color=f"C{c}",
                marker="*",
                edgecolor="C4",
                lw=1.2,
                label=f"labeled class {c}",
            )
        ax.set(title=f"{name}: {model.score(ns['X_test'], ns['y_test']):.2f} test accuracy", xlabel="$x_1$")
        ax.title.set_fontsize(10)
        ax.grid(False)
    axes[0].set_ylabel("$x_2$")
    axes[0].legend(loc="lower left", fontsize=8, markerscale=0.8)
    fig.tight_layout()
    return fig


@figure(
    "semi_supervised_fractions",
    alt="Test accuracy against the fraction of labeled training rows for the supervised baseline, "
    "self-training and label spreading on two moons: label spreading is near the top from the "
    "smallest fraction, the baseline starts far lower and catches up as labels grow, and "
    "self-training sometimes helps and sometimes hurts.",
)
def fractions():
    ns = snippet_namespace("semi_supervised")
    fr, acc = ns["fractions"], ns["mean_accuracy"]
    fig, ax = plt.subplots()
    styles = {"supervised": "o-", "self-training": "s--", "label spreading": "^-"}
    for name, style in styles.items():
        ax.plot(fr, acc[name], style, lw=2, ms=7, label=name)
    ax.set_xscale("log")
    ax.set_xticks(fr, [f"{f:.0%}" for f in fr])
    ax.minorticks_off()
    ax.set(xlabel="share of training rows that are labeled (log scale)", ylabel="test accuracy", ylim=(0.5, 1.02))
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig
