"""Figure for coding/stable_softmax.md, drawn with the page's own reference functions."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "stable_softmax_overflow",
    alt="Line chart of the cross-entropy of one wrong prediction, the logits being the margin and 0 with the "
    "true class second, against the margin from 0 to 1000. All three computations follow the same straight "
    "line at first. Exponentiating without subtracting the maximum becomes infinite just after a margin of "
    "709, where exp overflows; the log of a stable softmax becomes infinite just after 745, where the true "
    "class's probability underflows to zero; the log-sum-exp form stays finite and equal to the margin "
    "all the way to 1000.",
)
def overflow():
    ns = snippet_namespace("stable_softmax")
    margin = np.linspace(0, 1000, 4001)
    z = np.column_stack([margin, np.zeros_like(margin)])  # the true class is column 1
    with np.errstate(all="ignore"):
        e = np.exp(z)
        no_shift = -np.log(e[:, 1] / e.sum(axis=1))
        log_of_softmax = -np.log(ns["softmax"](z, axis=1)[:, 1])
    stable = -ns["log_softmax"](z, axis=1)[:, 1]
    assert np.isfinite(stable).all()

    fig, ax = plt.subplots()
    ax.plot(margin, stable, lw=5, alpha=0.45, color="C2", label="z - logsumexp(z): finite")
    curves = (
        (no_shift, "C1", "--", "no max shift: exp(z) overflows", 120),
        (log_of_softmax, "C0", ":", "log(softmax(z)): probability underflows", 300),
    )
    for values, color, style, label, text_y in curves:
        last = np.flatnonzero(np.isfinite(values))[-1]
        ax.plot(margin, values, color=color, ls=style, lw=2, label=label)
        ax.axvline(margin[last], color=color, ls=style, lw=1)
        ax.annotate(
            f"inf from margin {margin[last + 1]:.0f}",
            xy=(margin[last], values[last]),
            xytext=(470, text_y),
            color=color,
            fontsize=10,
            arrowprops=dict(arrowstyle="->", color=color),
        )
    ax.set(
        xlabel="margin of the wrong class: logits [margin, 0], the true class second",
        ylabel="cross-entropy (nats)",
        xlim=(0, 1000),
        ylim=(0, 1100),
    )
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
