"""Figures for fundamentals/bias_variance.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "bias_variance_decomposition",
    alt="Line chart against polynomial degree: squared bias falls steeply, variance rises overall (with a "
    "small dip from degree 2 to 3), the noise level is a flat line, and their sum traces a U shape that sits "
    "on top of the separately measured test error.",
)
def decomposition():
    ns = snippet_namespace("bias_variance")
    degrees, noise = ns["degrees"], ns["SIGMA"] ** 2
    total = ns["bias2"] + ns["variance"] + noise
    fig, ax = plt.subplots()
    ax.plot(degrees, ns["bias2"], "-o", ms=4, lw=2, label="bias$^2$")
    ax.plot(degrees, ns["variance"], "--s", ms=4, lw=2, label="variance")
    ax.axhline(noise, color="C2", lw=1.5, ls=":", label=r"noise $\sigma^2$")
    ax.plot(degrees, total, "-", color="C3", lw=2.5, label="bias$^2$ + variance + noise")
    ax.plot(degrees, ns["test_mse"], "x", color="C4", ms=9, mew=2, label="measured test MSE")
    best = int(np.argmin(ns["test_mse"]))
    ax.annotate(
        "lowest test error",
        (degrees[best], total[best]),
        xytext=(0, -28),
        textcoords="offset points",
        ha="center",
        arrowprops={"arrowstyle": "->", "color": "C3"},
    )
    ax.set(
        xlabel="polynomial degree (model complexity)", ylabel="error (averaged over x)", xticks=degrees, ylim=(0, None)
    )
    ax.legend(loc="upper center", ncols=2, fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "bias_variance_fits",
    alt="Three panels of fitted polynomials of degree 1, 3 and 10, twenty training sets each, with their "
    "average and the true curve: degree 1 fits agree but miss the curve, degree 3 fits hug it, degree 10 "
    "fits scatter widely, most of all near the edges.",
)
def fits():
    ns = snippet_namespace("bias_variance")
    grid = np.linspace(-1, 1, 200)
    x_train, y_train = ns["x_train"], ns["y_train"]
    fig, axes = plt.subplots(1, 3, figsize=(9.0, 3.4), sharey=True)
    for ax, degree in zip(axes, (1, 3, 10)):
        pred = ns["fit_predict"](x_train, y_train, grid, degree)
        for row in pred[:20]:
            ax.plot(grid, row, color="C0", lw=0.8, alpha=0.35)
        ax.plot(grid, pred.mean(axis=0), color="C1", lw=2.5, label="average of all fits")
        ax.plot(grid, ns["true_f"](grid), color="C2", lw=2, ls="--", label="true f(x)")
        ax.set(title=f"degree {degree}", xlabel="x", ylim=(-2.2, 2.2))
    axes[0].set_ylabel("prediction")
    axes[0].plot([], [], color="C0", lw=0.8, label="single fits")
    axes[0].legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig
