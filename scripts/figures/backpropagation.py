"""Figures for deep-learning/backpropagation.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "backpropagation_step_size",
    alt="Log-log chart of the relative error between the backpropagated gradient and a finite-difference "
    "estimate against the step size h, from 1e-12 to 0.1. Both curves are V-shaped: for large h the "
    "central difference error falls twice as steeply as the forward difference error, for small h "
    "round-off makes both grow again, and the central difference reaches its lowest error, about 1e-10, "
    "around h = 1e-5.",
)
def step_size():
    ns = snippet_namespace("backpropagation")
    steps = ns["steps"]
    fig, ax = plt.subplots()
    ax.loglog(steps, ns["err_central"], "o-", lw=2, label="central difference (f(θ+h) − f(θ−h)) / 2h")
    ax.loglog(steps, ns["err_forward"], "s--", lw=2, label="forward difference (f(θ+h) − f(θ)) / h")
    ax.axhline(1e-6, color="0.5", lw=1, ls=":")
    ax.annotate("1e-6: the snippet's pass mark", (1e-12, 1e-6), xytext=(4, 4), textcoords="offset points")
    best = steps[int(np.argmin(ns["err_central"]))]
    ax.annotate(
        f"best central step ≈ {best:.0e}",
        (best, min(ns["err_central"])),
        xytext=(-50, -24),
        textcoords="offset points",
        arrowprops={"arrowstyle": "->", "color": plt.rcParams["text.color"]},
    )
    ax.set(
        xlabel="step size h",
        ylabel="relative error vs backprop",
        ylim=(1e-12, 1),
    )
    ax.text(1e-2, 1e-10, "truncation\nerror", ha="center")
    ax.text(1e-10, 1e-10, "round-off\nerror", ha="center")
    ax.legend(loc="upper center", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "backpropagation_training",
    alt="Line chart of the training cross-entropy of the two-layer network over 300 steps of full-batch "
    "gradient descent with the hand-written gradients: it starts at log 3, about 1.1, drops steeply in "
    "the first few dozen steps and flattens out below 0.1.",
)
def training():
    ns = snippet_namespace("backpropagation")
    losses = ns["losses"]
    fig, ax = plt.subplots()
    ax.plot(np.arange(len(losses)), losses, lw=2, label="training loss (mean cross-entropy)")
    ax.axhline(np.log(3), color="0.5", lw=1, ls=":")
    ax.annotate("log 3: a uniform guess", (len(losses) * 0.6, np.log(3)), xytext=(0, 4), textcoords="offset points")
    ax.set(xlabel="gradient-descent step", ylabel="loss", ylim=(0, 1.25), xlim=(0, len(losses)))
    ax.legend(loc="center right")
    fig.tight_layout()
    return fig
