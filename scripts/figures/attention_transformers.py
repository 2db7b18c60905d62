"""Figures for deep-learning/attention_transformers.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt

from scripts.figures import figure, snippet_namespace


@figure(
    "attention_transformers_saturation",
    alt="Two line charts against the key dimension d_k from 4 to 1024 on a log scale. Left: "
    "without scaling, the largest softmax weight climbs from about 0.4 towards 1, while with "
    "division by the square root of d_k it stays near 0.25. Right: the size of the softmax "
    "Jacobian, the gradient that passes through, falls steadily without scaling and stays "
    "flat with it.",
)
def saturation():
    ns = snippet_namespace("attention_transformers")
    rows = ns["rows"]
    d = [r["d_k"] for r in rows]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    panels = [
        ("max", "mean largest attention weight", (0, 1.02)),
        ("grad", "mean norm of the softmax Jacobian", (0, None)),
    ]
    for ax, (key, label, ylim) in zip(axes, panels):
        ax.plot(d, [r[key] for r in rows], marker="o", lw=2, label=r"$q^\top k$ (unscaled)")
        ax.plot(d, [r[key + "_scaled"] for r in rows], marker="s", lw=2, ls="--", label=r"$q^\top k / \sqrt{d_k}$")
        ax.set_xscale("log", base=2)
        ax.set(xlabel="key dimension $d_k$", ylabel=label)
        ax.set_ylim(*ylim)
    axes[0].legend(loc="lower right")
    fig.tight_layout()
    return fig


@figure(
    "attention_transformers_masks",
    alt="Two five-by-five heatmaps of attention weights for the tokens 'the cat sat on it', "
    "each row a query and each column a key. Without a mask every token spreads weight over "
    "all five; with the causal mask everything above the diagonal is zero, so each token "
    "attends only to itself and earlier tokens.",
)
def masks():
    ns = snippet_namespace("attention_transformers")
    tokens = ns["tokens"]
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.2), layout="constrained")
    panels = [("no mask", ns["w_full"]), ("causal mask", ns["w_causal"])]
    for ax, (title, w) in zip(axes, panels):
        im = ax.imshow(w, cmap="viridis", vmin=0, vmax=1)
        for i in range(w.shape[0]):
            for j in range(w.shape[1]):
                ax.text(
                    j,
                    i,
                    f"{w[i, j]:.2f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if w[i, j] < 0.6 else "black",
                )
        ax.set_title(title)
        ax.set_xticks(range(len(tokens)), tokens)
        ax.set_yticks(range(len(tokens)), tokens if ax is axes[0] else [])
        ax.set_xlabel("key")
        ax.grid(False)
    axes[0].set_ylabel("query")
    fig.colorbar(im, ax=axes, shrink=0.8, label="attention weight")
    return fig


@figure(
    "attention_transformers_positional",
    alt="Heatmap of sinusoidal positional encodings for 64 positions and 32 dimensions: the "
    "first dimensions oscillate quickly from one position to the next, later dimensions ever "
    "more slowly, so each position gets a distinct pattern of values between -1 and 1.",
)
def positional():
    ns = snippet_namespace("attention_transformers")
    pe = ns["sinusoidal"](64, 32)
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    im = ax.imshow(pe.T, cmap="PuOr", vmin=-1, vmax=1, aspect="auto", origin="lower")
    ax.set(xlabel="position in the sequence", ylabel="encoding dimension")
    ax.grid(False)
    fig.colorbar(im, ax=ax, label="value")
    return fig
