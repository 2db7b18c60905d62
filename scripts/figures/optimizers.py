"""Figures for deep-learning/optimizers.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "optimizers_trajectories",
    alt="Contour plot of a long, narrow quadratic valley with the first 100 steps of four optimisers "
    "starting at the left end. Plain SGD zigzags across the steep direction, then crawls along the valley "
    "floor and is still far from the minimum; momentum swings widely across the valley and overshoots "
    "past the minimum but ends near it; RMSProp drops to the valley floor within a few steps, runs along "
    "it and keeps rattling around the minimum; Adam swings in a wide arc and settles at the minimum.",
)
def trajectories():
    ns = snippet_namespace("optimizers")
    f, paths = ns["f"], ns["paths"]
    x, y = np.meshgrid(np.linspace(-9, 3, 300), np.linspace(-1.4, 1.4, 200))
    levels = np.geomspace(0.02, 120, 14)
    fig, ax = plt.subplots(figsize=(8.0, 4.4))
    ax.contour(x, y, f(np.stack([x, y], axis=-1)), levels=levels, colors="0.6", linewidths=0.7)
    for (name, path), marker, z in zip(paths.items(), ["o", "s", "^", "D"], [5, 2, 3, 4]):
        ax.plot(path[:, 0], path[:, 1], lw=1.4, marker=marker, ms=3, label=name, zorder=z)
    ax.plot(0, 0, marker="*", ms=14, color="C4", ls="none", label="minimum", zorder=6)
    ax.set(xlabel="x (curvature 1)", ylabel="y (curvature 100)", xlim=(-9, 3), ylim=(-1.4, 1.4))
    ax.legend(loc="lower right", ncol=5, fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "optimizers_weight_decay",
    alt="Line chart of the mean of two weights over 1000 Adam steps on a loss that is pure gradient noise, "
    "so that only the regulariser pulls them towards zero. With decoupled weight decay (AdamW) both "
    "weights shrink along the same curve to about 0.37. With an L2 term in the gradient (Adam plus L2) "
    "the weight with noisy gradients barely shrinks, staying above 0.9, while the weight with quiet "
    "gradients falls to zero within about 200 steps.",
)
def weight_decay():
    ns = snippet_namespace("optimizers")
    l2, w = np.array(ns["mean_l2"]), np.array(ns["mean_w"])
    steps = np.arange(len(l2))
    fig, ax = plt.subplots()
    ax.plot(steps, w[:, 0], lw=2, color="C0", label="AdamW, noisy weight")
    ax.plot(steps, w[:, 1], lw=2, ls="--", color="C0", label="AdamW, quiet weight")
    ax.plot(steps, l2[:, 0], lw=2, color="C1", label="Adam + L2, noisy weight")
    ax.plot(steps, l2[:, 1], lw=2, ls="--", color="C1", label="Adam + L2, quiet weight")
    ax.set(xlabel="step", ylabel="mean weight over 2000 runs", xlim=(0, steps[-1]), ylim=(-0.05, 1.05))
    ax.legend(loc="upper right", bbox_to_anchor=(1.0, 0.9), fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "optimizers_schedule",
    alt="Two panels. Left: three learning-rate schedules over 1000 steps, a constant rate of 0.1, a cosine "
    "decay from 0.1 to zero, and a linear warm-up over the first 100 steps followed by the same cosine "
    "decay. Right, log scale: the mean loss of SGD on a noisy quadratic under each schedule; with the "
    "constant rate the loss levels off at a noise floor near 0.27, while both decaying schedules keep "
    "lowering it to below 0.02 by the last step.",
)
def schedule():
    ns = snippet_namespace("optimizers")
    total, sched, curves = ns["total"], ns["SCHEDULES"], ns["curves"]
    steps = np.arange(total)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 4.0))
    for (name, lr_at), ls in zip(sched.items(), ["-", "--", "-."]):
        left.plot(steps, [lr_at(t) for t in steps], lw=2, ls=ls, label=name)
        right.semilogy(steps, curves[name], lw=2, ls=ls, label=name)
    left.set(xlabel="step", ylabel="learning rate", xlim=(0, total), ylim=(0, 0.11))
    right.set(xlabel="step", ylabel="mean loss (log scale)", xlim=(0, total))
    left.legend(loc="lower left", fontsize=9)
    right.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig
