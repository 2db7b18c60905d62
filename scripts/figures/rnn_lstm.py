"""Figures for deep-learning/rnn_lstm.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "rnn_lstm_gradient_flow",
    alt="Two panels on a logarithmic scale of how strongly the input from t steps back still affects the "
    "final hidden state, over 100 steps. Left, a plain tanh RNN: with the recurrent matrix's largest "
    "singular value at 0.8 or 1.0 the influence falls along a straight line to about 1e-20 and 1e-12, "
    "under the dotted geometric bound for 0.8, while at 2.0 it grows above 1. Right, an LSTM: with a "
    "forget gate near 0.5 it falls as fast, near 0.73 more slowly, and near 0.95 it levels off at a few "
    "per cent of the latest input's influence.",
)
def gradient_flow():
    ns = snippet_namespace("rnn_lstm")
    steps = np.arange(ns["T"])
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2), sharey=True)
    styles = ["-", "--", "-."]
    for (sigma, curve), ls in zip(ns["rnn_curves"].items(), styles):
        left.semilogy(steps, curve, ls=ls, lw=2, label=f"largest singular value {sigma:.1f}")
    left.semilogy(steps, ns["bound"], color="0.5", lw=1, ls=":", label="bound 0.8^k ||Wx||")
    left.set(title="plain RNN (tanh)", xlabel="steps back from the last step", ylabel="||d h_T / d x_t||")
    for (fb, curve), ls in zip(ns["lstm_curves"].items(), styles):
        right.semilogy(steps, curve, ls=ls, lw=2, label=f"forget bias {fb:.0f} (mean f = {ns['mean_f'][fb]:.2f})")
    right.set(title="LSTM", xlabel="steps back from the last step")
    for ax in (left, right):
        ax.legend(loc="lower left", fontsize=9)
        ax.set_xlim(0, ns["T"] - 1)
    left.set_ylim(1e-24, 1e3)
    fig.tight_layout()
    return fig
