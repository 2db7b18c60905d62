"""Figures for deep-learning/activation_functions.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "activation_functions_curves",
    alt="Two panels over inputs from -4 to 4. Left, the activation functions: sigmoid rises from 0 to 1, "
    "tanh from -1 to 1, ReLU is zero for negative inputs and the identity above zero, leaky ReLU has a "
    "barely visible slope of 0.01 below zero, and GELU follows ReLU but dips slightly below zero near "
    "-0.75. Right, their derivatives: sigmoid's peaks at only 0.25 and tanh's at 1, both falling towards "
    "zero as the input grows in size, while ReLU's is a step from 0 to 1 and GELU's is a smooth step "
    "that overshoots 1.",
)
def curves():
    ns = snippet_namespace("activation_functions")
    z = np.linspace(-4, 4, 801)
    styles = ["-", "--", "-", ":", "-."]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), sharex=True)
    for (name, (f, df)), ls in zip(ns["activations"].items(), styles):
        left.plot(z, f(z), ls=ls, lw=2, label=name)
        right.plot(z, df(z), ls=ls, lw=2, label=name)
    left.set(xlabel="input z", ylabel="activation f(z)", ylim=(-1.2, 3.2), title="functions")
    right.set(xlabel="input z", ylabel="derivative f'(z)", ylim=(-0.2, 1.2), title="derivatives")
    right.axhline(0.25, color="0.5", lw=1, ls=":")
    right.annotate("0.25: sigmoid's largest slope", (-4, 0.25), xytext=(2, 4), textcoords="offset points")
    left.legend(loc="upper left")
    fig.tight_layout()
    return fig


@figure(
    "activation_functions_boundaries",
    alt="Three panels of the same two interleaved half-moons with each model's decision regions. Logistic "
    "regression and the three-layer network with identity activations both draw a single straight line "
    "that cuts through both moons; the same network with ReLU activations draws a bent boundary that "
    "follows the gap between the moons.",
)
def boundaries():
    ns = snippet_namespace("activation_functions")
    X, y = ns["X_test"], ns["y_test"]
    acc = ns["acc"]
    models = [
        ("logistic regression", ns["logreg"], acc["logistic regression"]),
        ("3 hidden layers, identity", ns["linear_net"], acc["3 hidden layers, identity"]),
        ("3 hidden layers, ReLU", ns["relu_net"], acc["3 hidden layers, ReLU"]),
    ]
    g = np.linspace(-2.5, 2.5, 201)
    xx, yy = np.meshgrid(g, g)
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    fig, axes = plt.subplots(1, 3, figsize=(10.5, 4.3), sharex=True, sharey=True)
    for ax, (title, model, a) in zip(axes, models):
        proba = model.predict_proba(grid)[:, 1].reshape(xx.shape)
        ax.contourf(xx, yy, proba, levels=[0, 0.5, 1], colors=["C0", "C1"], alpha=0.18)
        ax.contour(xx, yy, proba, levels=[0.5], colors="C2", linewidths=2)
        for cls, marker in ((0, "o"), (1, "^")):
            pts = X[y == cls]
            ax.scatter(pts[:, 0], pts[:, 1], s=12, color=f"C{cls}", marker=marker, label=f"class {cls}")
        ax.set_title(f"{title}\ntest accuracy {a:.3f}", fontsize=10)
        ax.set(xlim=(-2.5, 2.5), ylim=(-2.5, 2.5), aspect="equal", xlabel="x1 (standardised)")
    axes[0].set_ylabel("x2 (standardised)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig
