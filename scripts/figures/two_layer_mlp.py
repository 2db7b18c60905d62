"""Figure for coding/two_layer_mlp.md: the reference MLP trained with its own sgd_step."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@cache
def trained_on_spirals(n_steps=1000, hidden=32, lr=1.0):
    """Three interleaved spirals, 100 points each, fitted by full-batch gradient descent
    with the reference loss_and_grads and sgd_step; the loss at every step."""
    ns = snippet_namespace("two_layer_mlp")
    rng = np.random.default_rng(0)
    k, m = 3, 100
    r = np.tile(np.linspace(0.05, 1, m), k)
    y = np.repeat(np.arange(k), m)
    theta = y * 2 * np.pi / k + 4 * r + rng.normal(0, 0.2, k * m)
    X = np.column_stack([r * np.cos(theta), r * np.sin(theta)])
    params = {
        "W1": rng.normal(0, 1, (2, hidden)),
        "b1": np.zeros(hidden),
        "W2": rng.normal(0, 0.1, (hidden, k)),
        "b2": np.zeros(k),
    }
    losses = []
    for _ in range(n_steps):
        loss, grads = ns["loss_and_grads"](params, X, y)
        losses.append(loss)
        params = ns["sgd_step"](params, grads, lr)
    return X, y, params, np.array(losses)


@figure(
    "two_layer_mlp_spirals",
    alt="Two panels. Left: the mean cross-entropy of a two-layer ReLU network over 1000 steps of "
    "gradient descent with the reference loss_and_grads and sgd_step, on a log scale, falling from "
    "about log 3 to about 0.02. Right: three interleaved spirals of training points with the "
    "network's decision regions, which follow the spiral arms so that every point lies in the "
    "region of its own class.",
)
def spirals():
    ns = snippet_namespace("two_layer_mlp")
    X, y, params, losses = trained_on_spirals()
    fig, (ax_loss, ax_map) = plt.subplots(1, 2, figsize=(10, 4.2))

    ax_loss.semilogy(np.arange(len(losses)), losses, lw=2, label="training loss")
    ax_loss.axhline(np.log(3), color="0.5", lw=1, ls=":")
    ax_loss.annotate("log 3: uniform guess", (len(losses) * 0.45, np.log(3)), xytext=(0, 4), textcoords="offset points")
    ax_loss.set(
        xlabel="SGD step (full batch, lr = 1)", ylabel="mean cross-entropy", xlim=(0, len(losses)), ylim=(0.01, 3)
    )
    ax_loss.legend(loc="lower left")

    xx, yy = np.meshgrid(np.linspace(-1.15, 1.15, 240), np.linspace(-1.15, 1.15, 240))
    probs, _ = ns["forward"](params, np.column_stack([xx.ravel(), yy.ravel()]))
    region = probs.argmax(axis=1).reshape(xx.shape)
    ax_map.contourf(xx, yy, region, levels=[-0.5, 0.5, 1.5, 2.5], colors=["C0", "C1", "C2"], alpha=0.2)
    for cls, marker in zip(range(3), "o^s"):
        pts = X[y == cls]
        ax_map.scatter(pts[:, 0], pts[:, 1], s=10, color=f"C{cls}", marker=marker, label=f"class {cls}")
    accuracy = np.mean(ns["forward"](params, X)[0].argmax(axis=1) == y)
    ax_map.set_title(f"decision regions, training accuracy {accuracy:.2f}", fontsize=10)
    ax_map.set(xlabel="x1", ylabel="x2", aspect="equal")
    ax_map.grid(False)
    ax_map.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return fig
