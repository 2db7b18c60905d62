"""Figures for deep-learning/vanishing_exploding_gradients.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "vanishing_exploding_gradients_per_layer",
    alt="Two panels, log scale, of the gradient norm at each of 30 layers relative to the top layer. "
    "Left, plain networks: with sigmoid and Xavier initialisation and with ReLU and weights of standard "
    "deviation 0.01 the gradient falls by a constant factor per layer towards the input, to 1e-19 and "
    "1e-36; ReLU with standard deviation 1 rises to 1e22; ReLU with He initialisation and tanh with "
    "Xavier stay near one. Right, residual networks: the sigmoid network with skip connections stays "
    "near one, ReLU branches at He scale grow to about 2e4, and branches scaled down by the square root "
    "of the depth stay near one.",
)
def per_layer():
    ns = snippet_namespace("vanishing_exploding_gradients")
    L = ns["L"]
    layers = np.arange(1, L + 1)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.4), sharey=True)
    styles = ["-", "--", "-.", ":", "-"]
    for (name, ratio), ls in zip(ns["per_layer"].items(), styles):
        left.semilogy(layers, ratio, ls=ls, lw=2, label=name)
    left.set(title="plain networks", xlabel="layer (1 = next to the input)")
    left.set_ylabel("gradient norm at layer / at layer 30")
    left.legend(fontsize=9, loc="lower right")
    right.semilogy(layers, ns["per_layer"]["sigmoid, Xavier"], color="0.6", lw=1.5, label="sigmoid, Xavier, plain")
    for (name, ratio), ls in zip(ns["res_per_layer"].items(), ["-", "--", "-."]):
        right.semilogy(layers, ratio, ls=ls, lw=2, label=f"{name}, residual")
    right.set(title="with residual connections", xlabel="layer (1 = next to the input)")
    right.legend(fontsize=9, loc="lower right")
    for ax in (left, right):
        ax.set(xlim=(1, L), ylim=(1e-40, 1e25))
        ax.axhline(1.0, color="0.5", lw=0.8, ls=":")
    fig.tight_layout()
    return fig
