"""Figure for coding/multi_head_attention.md: the causal mask and each head's weights."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


def head_weights(ns, seq=0):
    """The attention weights of every head for one sequence of the page's example, from the
    reference scaled_dot_product_attention on column slices of the projections."""
    X, n_heads = ns["X"][seq], ns["n_heads"]
    d_k = X.shape[-1] // n_heads
    causal = np.tril(np.ones((X.shape[0], X.shape[0]), dtype=bool))
    weights = []
    for i in range(n_heads):
        cols = slice(i * d_k, (i + 1) * d_k)
        Q, K, V = (X @ ns[w][:, cols] for w in ("Wq", "Wk", "Wv"))
        weights.append(ns["scaled_dot_product_attention"](Q, K, V, causal)[1])
    return causal, weights


@figure(
    "multi_head_attention_heads",
    alt="Three five-by-five grids, rows are query positions and columns key positions. Left: the "
    "causal mask, True (may attend) on and below the diagonal, False above it. Middle and right: "
    "the attention weights of head 1 and head 2 of the page's example with that mask. Both are "
    "exactly zero above the diagonal, each row sums to one, and the two heads spread their "
    "weight differently over the earlier positions.",
)
def heads():
    ns = snippet_namespace("multi_head_attention")
    causal, weights = head_weights(ns)
    n = causal.shape[0]
    text = plt.rcParams["text.color"]
    fig, axes = plt.subplots(1, 1 + len(weights), figsize=(10.5, 3.9), layout="constrained")
    panels = [("causal mask (True = may attend)", causal.astype(float), "Greys")]
    panels += [(f"head {i + 1} weights", w, "viridis") for i, w in enumerate(weights)]
    for ax, (title, grid, cmap) in zip(axes, panels):
        im = ax.imshow(grid, cmap=cmap, vmin=0, vmax=1)
        for i in range(n):
            for j in range(n):
                if cmap == "Greys":
                    label, dark = ("True" if causal[i, j] else "False"), causal[i, j]
                else:
                    label, dark = f"{grid[i, j]:.2f}", grid[i, j] < 0.6
                colour = "white" if dark else "black"
                ax.text(j, i, label, ha="center", va="center", fontsize=8, color=colour)
        ax.set_title(title, fontsize=10, color=text)
        ax.set_xticks(range(n))
        ax.set_yticks(range(n))
        ax.set_xlabel("key position j")
        ax.grid(False)
    axes[0].set_ylabel("query position i")
    fig.colorbar(im, ax=axes[1:], shrink=0.8, label="attention weight")
    return fig
