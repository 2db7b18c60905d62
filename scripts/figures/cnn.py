"""Figures for deep-learning/cnn.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "cnn_feature_maps",
    alt="Four panels: an 8 by 8 handwritten zero; its 6 by 6 feature map for a vertical-edge kernel, "
    "positive on the left side of each stroke and negative on the right; the feature map for a "
    "horizontal-edge kernel, which lights up the top and bottom of the ring instead; and the vertical-edge "
    "map after ReLU and 2 by 2 max pooling, a 3 by 3 grid that keeps only the strongest response per window.",
)
def feature_maps():
    ns = snippet_namespace("cnn")
    digit, sobel_x, corr = ns["digit"], ns["sobel_x"], ns["correlate2d"]
    vertical = corr(digit, sobel_x)
    horizontal = corr(digit, sobel_x.T)
    panels = [
        ("input digit (8x8)", digit, "gray_r", (0, 1)),
        ("vertical-edge feature map (6x6)", vertical, "PuOr", None),
        ("horizontal-edge feature map (6x6)", horizontal, "PuOr", None),
        ("ReLU + 2x2 max pool (3x3)", ns["pooled"], "viridis", None),
    ]
    fig, axes = plt.subplots(1, 4, figsize=(10.5, 3.2))
    for ax, (title, img, cmap, lims) in zip(axes, panels):
        if lims is None and cmap == "PuOr":
            m = np.abs(img).max()
            lims = (-m, m)
        im = ax.imshow(img, cmap=cmap, vmin=None if lims is None else lims[0], vmax=None if lims is None else lims[1])
        ax.set_title(title, fontsize=10)
        ax.set(xticks=[], yticks=[])
        ax.grid(False)
        fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
    fig.tight_layout()
    return fig


@figure(
    "cnn_receptive_field",
    alt="Four heat maps of how strongly each input pixel affects one output unit: one 3 by 3 layer gives a "
    "flat 3 by 3 square; two layers give a 5 by 5 field and three layers a 7 by 7 field, both brightest "
    "in the centre and fading to the edges; a stack with a stride-2 layer in the middle reaches 9 by 9, "
    "with a brighter cross through its centre.",
)
def receptive_field():
    ns = snippet_namespace("cnn")
    maps, stacks, formula = ns["maps"], ns["stacks"], ns["receptive_field"]
    fig, axes = plt.subplots(1, 4, figsize=(10.5, 3.3))
    half = 6  # show the central 13x13 input pixels of every map
    for ax, (name, m) in zip(axes, maps.items()):
        c = m.shape[0] // 2
        crop = m[c - half : c + half + 1, c - half : c + half + 1]
        ax.imshow(crop / crop.max(), cmap="viridis", vmin=0, vmax=1)
        r = formula(stacks[name])
        ax.set_title(f"{name}\nreceptive field {r}x{r}", fontsize=10)
        ax.set(xticks=[], yticks=[])
        ax.grid(False)
    fig.tight_layout()
    return fig
