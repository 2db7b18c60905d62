"""Figures for classical/logistic_regression.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from scipy.special import expit

from scripts.figures import figure, snippet_namespace


@figure(
    "logistic_regression_losses",
    alt="Two panels against the margin, the signed score y times z of one row. Left, the losses: "
    "log-loss grows like a straight line for confident mistakes, squared error on the sigmoid flattens "
    "out at one, and the zero-one loss is a step at zero. Right, the size of each loss's gradient: the "
    "log-loss gradient tends to one for confident mistakes while the squared-error gradient falls back "
    "towards zero, so a badly wrong row stops being corrected.",
)
def losses():
    m = np.linspace(-6, 6, 601)
    s = expit(m)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.8))
    left.plot(m, np.log1p(np.exp(-m)), lw=2, label="log-loss")
    left.plot(m, (1 - s) ** 2, lw=2, label="squared error on the sigmoid")
    left.plot(m, (m < 0).astype(float), lw=1.2, ls="--", color="0.55", label="zero-one loss")
    left.set(xlabel="margin y·z (negative = wrong side)", ylabel="loss", ylim=(-0.1, 4.5))
    left.legend(loc="upper right", fontsize=9)
    right.plot(m, expit(-m), lw=2, label="log-loss")
    right.plot(m, 2 * s * (1 - s) ** 2, lw=2, label="squared error")
    right.set(xlabel="margin y·z (negative = wrong side)", ylabel="|gradient| with respect to z")
    right.annotate(
        "confident mistakes:\nsquared error barely pushes",
        (-4.5, 0.03),
        xytext=(-5.6, 0.45),
        arrowprops={"arrowstyle": "->", "color": "0.55"},
        fontsize=9,
    )
    right.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "logistic_regression_boundary",
    alt="Two panels for a logistic regression on two standardised breast-cancer features, mean radius "
    "and mean texture. Left, the rows as dots coloured by class, with straight parallel contour lines "
    "where the predicted probability of malignant is 0.1, 0.5 and 0.9; the 0.5 line is the decision "
    "boundary. Right, the same rows plotted against their score z, with the S-shaped sigmoid curve "
    "that turns the score into a probability and crosses one half at z equal to zero.",
)
def boundary():
    ns = snippet_namespace("logistic_regression")
    X2, y, model = ns["X2"], ns["y"], ns["two"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 4.0))
    for label, name, marker in ((0, "benign", "o"), (1, "malignant", "^")):
        rows = y == label
        left.scatter(*X2[rows].T, s=10, marker=marker, alpha=0.6, color=f"C{label}", label=name)
    g1, g2 = np.meshgrid(np.linspace(-2.5, 5.5, 200), np.linspace(-2.5, 6.5, 200))
    prob = model.predict_proba(np.column_stack([g1.ravel(), g2.ravel()]))[:, 1].reshape(g1.shape)
    left.contour(g1, g2, prob, levels=[0.1, 0.9], colors="C2", linewidths=1, linestyles="--")
    left.contour(g1, g2, prob, levels=[0.5], colors="C2", linewidths=2.2)
    left.plot([], [], color="C2", lw=2.2, label="p = 0.5: the decision boundary")
    left.plot([], [], color="C2", lw=1, ls="--", label="p = 0.1 and p = 0.9")
    # The x range runs past the data so that the legend, top right, clears the boundary lines.
    left.set(xlabel="mean radius (standardised)", ylabel="mean texture (standardised)")
    left.set(xlim=(-2.5, 5.5), ylim=(-2.5, 6.5))
    left.legend(loc="upper right", fontsize=9)

    z = model.decision_function(X2)
    jitter = np.random.default_rng(0).uniform(-0.03, 0.03, size=len(y))
    for label, marker in ((0, "o"), (1, "^")):
        rows = y == label
        right.scatter(z[rows], y[rows] + jitter[rows], s=10, marker=marker, alpha=0.5, color=f"C{label}")
    zz = np.linspace(z.min(), z.max(), 400)
    right.plot(zz, expit(zz), lw=2, color="C2", label="p = sigmoid(z)")
    right.axvline(0, color="0.55", ls=":", lw=1)
    right.axhline(0.5, color="0.55", ls=":", lw=1)
    right.set(xlabel="score z = w·x + b (log-odds)", ylabel="P(malignant)")
    right.legend(loc="upper left", bbox_to_anchor=(0.0, 0.85), fontsize=9)
    fig.tight_layout()
    return fig
