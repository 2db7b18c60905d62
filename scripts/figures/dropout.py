"""Figures for deep-learning/dropout.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "dropout_curves",
    alt="Training and test log-loss against training step for the same 64-unit network trained with and "
    "without dropout: both training losses fall towards zero, but without dropout the test loss bottoms "
    "out early and then climbs, while with dropout it stays clearly lower.",
)
def curves():
    ns = snippet_namespace("dropout")
    fig, ax = plt.subplots()
    for curve, label, colour in (
        (ns["curve_plain"], "no dropout", "C1"),
        (ns["curve_drop"], "dropout (inputs 0.2, hidden 0.5)", "C0"),
    ):
        ax.plot(curve[:, 0], curve[:, 2], lw=2, color=colour, label=f"{label}: test")
        ax.plot(curve[:, 0], curve[:, 1], lw=1.5, ls="--", color=colour, label=f"{label}: train")
    ax.set(xlabel="training step (full batch of 100 rows)", ylabel="log-loss, inference mode", ylim=(0, None))
    ax.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "dropout_ensemble",
    alt="Strip plot for four inputs of the predicted probability from each of the 256 sub-networks that "
    "dropout can sample, which spread widely, with the arithmetic mean of the 256 and the single pass of the "
    "full network marked; the single pass equals their geometric mean and sits close to the arithmetic mean.",
)
def ensemble():
    ns = snippet_namespace("dropout")
    probs, arithmetic, one_pass = ns["probs"], ns["arithmetic"], ns["one_pass"]
    jitter = np.random.default_rng(0).uniform(-0.18, 0.18, probs.shape[1])
    fig, ax = plt.subplots()
    for i in range(probs.shape[0]):
        ax.scatter(i + jitter, probs[i], s=8, alpha=0.35, color="C0", label="one sub-network" if i == 0 else None)
        ax.plot(
            [i - 0.3, i + 0.3], [arithmetic[i]] * 2, lw=2.5, color="C1", label="arithmetic mean" if i == 0 else None
        )
        ax.plot(
            [i - 0.3, i + 0.3],
            [one_pass[i]] * 2,
            lw=2.5,
            ls=":",
            color="C2",
            label="one pass, no mask (= geometric mean)" if i == 0 else None,
        )
    ax.set(
        xticks=range(probs.shape[0]),
        xticklabels=[f"input {i + 1}" for i in range(probs.shape[0])],
        ylabel="predicted probability",
        ylim=(-0.02, 1.02),
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=9)
    fig.tight_layout()
    return fig
