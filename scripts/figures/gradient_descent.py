"""Figures for classical/gradient_descent.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "gradient_descent_learning_rate",
    alt="Excess training loss against the step number, on a log scale, for batch gradient descent with four "
    "learning rates. At 0.05 over L the loss falls slowly and is still high after 30 steps; at 1 over L it "
    "falls fastest, by many orders of magnitude; at 1.9 over L it falls more slowly because the steepest "
    "direction overshoots and oscillates; at 2.05 over L, just above the limit 2 over L, the loss grows at "
    "every step.",
)
def learning_rate():
    ns = snippet_namespace("gradient_descent")
    fig, ax = plt.subplots(figsize=(7.0, 4.0))
    styles = {"0.05/L": "-", "1/L": "-", "1.9/L": "--", "2.05/L": ":"}
    for i, (label, curve) in enumerate(ns["lr_curves"].items()):
        ax.plot(curve, styles[label], color=f"C{i}", lw=2, marker="o", ms=3, label=f"learning rate {label}")
    ax.set_yscale("log")
    ax.set(xlabel="step", ylabel="excess loss J(w) - J(w*)  (log scale)", title="Batch gradient descent")
    ax.legend(loc="lower left", fontsize=9)
    fig.tight_layout()
    return fig


def _contours(ax, X, y, w_opt, path, title, pad):
    lo = np.minimum(path.min(axis=0), w_opt) - pad
    hi = np.maximum(path.max(axis=0), w_opt) + pad
    centre, half = (lo + hi) / 2, (hi - lo).max()  # a square grid, wider than the panel will show
    g1, g2 = (np.linspace(c - half, c + half, 300) for c in centre)
    W1, W2 = np.meshgrid(g1, g2)
    W = np.stack([W1.ravel(), W2.ravel()])
    L = (((X @ W - y[:, None]) ** 2).mean(axis=0) / 2).reshape(W1.shape)
    base = L.min()
    shown = np.all(np.clip(W, lo[:, None], hi[:, None]) == W, axis=0).reshape(W1.shape)
    inside = L[shown]
    levels = base + (inside.max() - base) * np.geomspace(1e-3, 1.0, 9)
    ax.contour(W1, W2, L, levels=levels, colors="0.55", linewidths=0.8)
    ax.plot(path[:, 0], path[:, 1], "-", color="C1", lw=1.2, marker="o", ms=2.5)
    ax.plot(*path[0], "s", color="C0", ms=7, label="start")
    ax.plot(*w_opt, "*", color="C2", ms=12, label="minimum")
    ax.set(title=title, xlabel="$w_1$", ylabel="$w_2$")
    ax.ignore_existing_data_limits = True  # frame the path, not the whole contour grid
    ax.update_datalim([lo, hi])
    ax.autoscale_view(tight=True)
    ax.set_aspect("equal", adjustable="datalim")  # true shapes: fill the panel, widen the limits


@figure(
    "gradient_descent_contours",
    alt="Two contour plots of the least-squares loss with the path of batch gradient descent at its best "
    "constant step. Left, raw features: the contours are long thin ellipses, and the path zig-zags across the "
    "narrow valley and creeps along it for hundreds of steps. Right, standardised features: the contours are "
    "close to circles and the path reaches the minimum in a few steps.",
)
def contours():
    ns = snippet_namespace("gradient_descent")
    paths = ns["scaling_paths"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 4.2), width_ratios=[1.6, 1], layout="constrained")
    raw = paths["raw"][:120]  # the first 120 of its steps; it needs about 435
    _contours(left, ns["X_raw"], ns["y"], ns["w_opt_raw"], raw, "Raw features: first 120 steps", 0.3)
    _contours(right, ns["X_std"], ns["y"], ns["w_opt_std"], paths["standardised"][:15], "Standardised", 0.8)
    handles, labels = left.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, fontsize=9)
    return fig


@figure(
    "gradient_descent_batch_size",
    alt="Excess training loss against the number of passes over the data, on a log scale. Batch gradient "
    "descent takes one step per pass and falls steadily to the lowest loss. SGD with one row per step drops "
    "fastest in the first pass, then stays at a noisy floor. The mini-batch of 32 sits in between with a "
    "lower floor. SGD with a decaying learning rate keeps going down below the constant-rate floor. The SGD "
    "curves show the mean of each block of 50 steps.",
)
def batch_size():
    ns = snippet_namespace("gradient_descent")
    fig, ax = plt.subplots(figsize=(7.0, 4.2))
    epochs = ns["epochs"]
    for i, (label, curve) in enumerate(ns["excess"].items()):
        per_epoch = (len(curve) - 1) // epochs
        window = max(1, per_epoch // 10)  # SGD: the mean of each 50 steps, so the curves can be read
        steps = curve[1:].reshape(-1, window)
        x = np.r_[0, (np.arange(len(steps)) + 1) * window / per_epoch]
        y = np.r_[curve[0], steps.mean(axis=1)]
        ax.plot(x, y, "--" if "/(1" in label else "-", color=f"C{i}", lw=1.6, label=label)
    ax.set_yscale("log")
    ax.set(xlabel="passes over the data (epochs)", ylabel="excess loss (log scale)", xlim=(0, epochs))
    ax.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig
