"""Figures for classical/svm.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgba

from scripts.figures import figure, snippet_namespace


def _mesh(X, steps=160, pad=0.5):
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], steps), np.linspace(lo[1], hi[1], steps))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()]), lo, hi


def _scatter(ax, X, y, s=12, rasterized=False):
    for i, cls in enumerate(np.unique(y)):
        pts = X[y == cls]
        ax.scatter(
            pts[:, 0],
            pts[:, 1],
            s=s,
            color=f"C{i}",
            marker="o^"[i],
            label=f"class {cls}",
            zorder=2,
            rasterized=rasterized,
            linewidths=0 if rasterized else None,  # no antialiased outline: a much smaller image
        )


def _regions(ax, f, lo, hi, boundary=False):
    """The two decision regions as one image: a filled contour over a fine grid would be hundreds of
    KiB of SVG paths. With boundary=True the cells where the sign of f changes are drawn solid, a
    one-cell line that replaces a contour of f = 0 (whose islands alone weigh tens of KiB)."""
    side = (f > 0).astype(int)
    if boundary:
        edge = np.zeros(side.shape, dtype=bool)
        edge[:, 1:] |= side[:, 1:] != side[:, :-1]
        edge[1:, :] |= side[1:, :] != side[:-1, :]
        side = np.where(edge, 2, side)
    colours = np.array([to_rgba("C0", 0.15), to_rgba("C1", 0.15), to_rgba("C2", 1.0)])
    ax.imshow(
        colours[side],
        origin="lower",
        extent=(lo[0], hi[0], lo[1], hi[1]),
        interpolation="nearest",
        aspect="auto",
    )


def _boundary(ax, model, xx, yy, grid, lo, hi):
    """Regions as an image; the boundary f = 0 and the margin lines f = -1, +1 as contours."""
    f = model.decision_function(grid).reshape(xx.shape)
    _regions(ax, f, lo, hi)
    ax.contour(xx, yy, f, levels=[0], colors="C2", linewidths=1.6)
    ax.contour(xx, yy, f, levels=[-1, 1], colors="C2", linewidths=1.0, linestyles="--")


@figure(
    "svm_margin",
    alt="Two panels of the same two overlapping clouds of points with a linear SVM. The solid line is the "
    "decision boundary and the dashed lines are where the decision function equals minus one and plus one. "
    "Left, with C equal to 0.01, the margin between the dashed lines is wide and many points inside it are "
    "circled as support vectors. Right, with C equal to 100, the margin is narrow and only the few points "
    "on or inside it are circled.",
)
def margin():
    ns = snippet_namespace("svm")
    X, y, sweep = ns["X"], ns["y"], ns["sweep"]
    xx, yy, grid, lo, hi = _mesh(X)
    fig, axes = plt.subplots(1, 2, figsize=(9.0, 4.3), sharex=True, sharey=True)
    for ax, C in zip(axes, (0.01, 100)):
        model = sweep[C]
        _boundary(ax, model, xx, yy, grid, lo, hi)
        _scatter(ax, X, y)
        sv = model.support_vectors_
        ax.scatter(
            sv[:, 0],
            sv[:, 1],
            s=70,
            facecolors="none",
            edgecolors="C4",
            linewidths=1.2,
            label="support vector",
            zorder=3,
        )
        width = 2 / np.linalg.norm(model.coef_[0])
        ax.set_title(f"C = {C}: margin {width:.2f}, {len(sv)} support vectors", fontsize=10)
        ax.set(xlabel="x1", xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
    axes[0].set_ylabel("x2")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


@figure(
    "svm_grid",
    alt="A three by three grid of decision regions of an RBF SVM on two noisy half-moons, C growing down the "
    "rows (0.1, 10, 1000) and gamma growing across the columns (0.1, 1, 30). With gamma 0.1 the boundary is "
    "a gentle curve; with gamma 1 it follows the moons; with gamma 30 it breaks into small islands around "
    "single training points, most of all with a large C, and with a small C and gamma 30 the whole "
    "plane goes to one class. Each panel's title gives its test accuracy.",
)
def grid_of_boundaries():
    ns = snippet_namespace("svm")
    X, y, models = ns["X_tr"], ns["y_tr"], ns["grid"]
    Cs, gammas = ns["Cs"], ns["gammas"]
    xx, yy, grid, lo, hi = _mesh(X, steps=200, pad=0.4)
    # dpi only sets the resolution of the rasterized markers: 1,800 of them as SVG elements weigh ~200 KiB
    fig, axes = plt.subplots(len(Cs), len(gammas), figsize=(9.0, 8.8), sharex=True, sharey=True, dpi=120)
    for i, C in enumerate(Cs):
        for j, gamma in enumerate(gammas):
            ax, model = axes[i, j], models[C, gamma]
            _regions(ax, model.decision_function(grid).reshape(xx.shape), lo, hi, boundary=True)
            _scatter(ax, X, y, s=9, rasterized=True)
            ax.grid(False)
            acc = model.score(ns["X_te"], ns["y_te"])
            ax.set_title(f"C = {C}, gamma = {gamma}\ntest accuracy {acc:.3f}", fontsize=10)
            ax.set(xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
            if i == len(Cs) - 1:
                ax.set_xlabel("x1")
            if j == 0:
                ax.set_ylabel("x2")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, markerscale=2)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
