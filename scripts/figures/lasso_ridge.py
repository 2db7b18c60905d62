"""Figures for classical/lasso_ridge.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace

USEFUL = ["feature 0 (true 3)", "feature 1 (true -2)", "feature 2 (true 1.5)"]


def _draw_paths(ax, alphas, coefs, title):
    for j in range(coefs.shape[0]):
        if j < 3:
            ax.plot(alphas, coefs[j], lw=2, color=f"C{j}", label=USEFUL[j], zorder=3)
        else:
            ax.plot(alphas, coefs[j], lw=1, color="0.55", label="irrelevant" if j == 3 else None)
    ax.set_xscale("log")
    ax.axhline(0, color="0.55", lw=0.8)
    ax.set(title=title, xlabel="alpha (log scale)")


@figure(
    "lasso_ridge_paths",
    alt="Coefficient paths against the penalty strength on a log scale. Left, Lasso: the seven irrelevant "
    "coefficients sit at exactly zero except for small alphas and the three useful ones reach zero one after "
    "another as alpha grows. Right, Ridge: the coefficients move smoothly towards zero as alpha grows, a few "
    "small ones first growing a little, and none reaches zero.",
)
def paths():
    ns = snippet_namespace("lasso_ridge")
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 4.0), sharey=True)
    _draw_paths(left, ns["lasso_alphas"], ns["lasso_coefs"], "Lasso (L1)")
    left.axvline(ns["alpha_max"], color="0.55", ls=":", lw=1)
    left.annotate("alpha_max", (ns["alpha_max"], 2.6), xytext=(-4, 0), textcoords="offset points", ha="right")
    left.set_ylabel("coefficient")
    _draw_paths(right, ns["ridge_alphas"], ns["ridge_coefs"], "Ridge (L2)")
    right.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig


def _constrained_minimum(loss, boundary):
    values = loss(boundary)
    return boundary[:, np.argmin(values)], values.min()


@figure(
    "lasso_ridge_geometry",
    alt="Two panels with the same elliptical contours of the squared error around the unpenalized solution. "
    "Left, the L1 constraint is a diamond and the smallest ellipse that touches it does so at a corner, on an "
    "axis, so one coefficient is exactly zero. Right, the L2 constraint is a circle and the touching point has "
    "both coefficients nonzero.",
)
def geometry():
    w_hat = np.array([2.0, 0.9])  # unpenalized least-squares solution
    A = np.array([[1.0, 0.55], [0.55, 1.0]])  # X^T X: the shape of the error's contours

    def loss(w):  # squared error above its minimum, for points w of shape (2, m)
        diff = w - w_hat[:, None]
        return np.einsum("im,ij,jm->m", diff, A, diff)

    theta = np.linspace(0, 2 * np.pi, 4001)
    circle = np.vstack([np.cos(theta), np.sin(theta)])
    diamond = circle / np.abs(circle).sum(axis=0)  # |w1| + |w2| = 1, corners included
    g = np.linspace(-1.6, 3.2, 300)
    W1, W2 = np.meshgrid(g, g)
    L = loss(np.vstack([W1.ravel(), W2.ravel()])).reshape(W1.shape)

    fig, axes = plt.subplots(1, 2, figsize=(9.0, 4.4))
    panels = (
        (axes[0], diamond, r"L1 ball: $|w_1| + |w_2| \leq t$"),
        (axes[1], circle, r"L2 ball: $w_1^2 + w_2^2 \leq t^2$"),
    )
    for ax, ball, name in panels:
        w_star, level = _constrained_minimum(loss, ball)
        ax.contour(W1, W2, L, levels=[level / 4, level, 2 * level, 4 * level], colors="C1", linewidths=1)
        ax.fill(ball[0], ball[1], color="C0", alpha=0.25, lw=2, ec="C0")
        ax.plot(*w_hat, "o", color="C1")
        ax.annotate("least squares", w_hat, xytext=(0, 8), textcoords="offset points", ha="center")
        ax.plot(*w_star, "o", color="C2", ms=8)
        ax.annotate(f"solution ({w_star[0]:.2f}, {w_star[1]:.2f})", w_star, xytext=(6, -16), textcoords="offset points")
        ax.axhline(0, color="0.55", lw=0.8)
        ax.axvline(0, color="0.55", lw=0.8)
        ax.set(title=name, xlabel="$w_1$", ylabel="$w_2$", aspect="equal", xlim=(-1.6, 3.2), ylim=(-1.6, 2.4))
    fig.tight_layout()
    return fig


@figure(
    "lasso_ridge_correlated",
    alt="Dot plot of the share of the weight that goes to the first of two near-duplicate features over "
    "bootstrap refits. Ridge and Elastic Net keep it close to one half every time; Lasso's share jumps "
    "between fits and often sits at zero, dropping that feature entirely.",
)
def correlated():
    ns = snippet_namespace("lasso_ridge")
    share = ns["share"]
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    jitter = np.random.default_rng(0).uniform(-0.12, 0.12, size=len(share["Lasso"]))
    for i, name in enumerate(share):
        ax.plot(share[name], i + jitter, "o", color=f"C{i}", alpha=0.8)
    ax.axvline(0.5, color="0.55", ls=":", lw=1)
    ax.set_yticks(range(len(share)), list(share))
    ax.set(xlabel="x1's share of the pair's weight, w1 / (w1 + w2)", xlim=(-0.05, 1.05), ylim=(-0.5, len(share) - 0.5))
    fig.tight_layout()
    return fig
