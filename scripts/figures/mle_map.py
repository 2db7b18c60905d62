"""Figures for classical/mle_map.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from scipy.special import expit, logit
from scipy.stats import beta

from scripts.figures import figure, snippet_namespace


@figure(
    "mle_map_coin",
    alt="Two panels for a coin that landed heads three times in three flips, with a Beta(2, 2) prior. "
    "Left, over the probability of heads: the prior is a hump centred at one half, the likelihood rises "
    "to its maximum at one, and the posterior peaks at 0.8 (the MAP) with its mean at 0.714. Right, "
    "the same posterior drawn as a density over the log-odds: its peak now sits at the log-odds of "
    "0.714, not of 0.8, because the mode of a density moves under a change of variables.",
)
def coin():
    ns = snippet_namespace("mle_map")
    k, n, a, b = ns["k"], ns["n"], ns["a"], ns["b"]
    post, theta_map = ns["posterior"], ns["theta_map"]
    t = np.linspace(0.0005, 0.9995, 800)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.9))
    left.plot(t, beta(a, b).pdf(t), lw=2, label=f"prior Beta({a:g}, {b:g})")
    left.plot(t, beta(k + 1, n - k + 1).pdf(t), lw=2, ls="--", label="likelihood (scaled)")
    left.plot(t, post.pdf(t), lw=2.4, label=f"posterior Beta({k + a:g}, {n - k + b:g})")
    marks = (
        (ns["theta_mle"], "MLE 1", 1.3),
        (theta_map, f"MAP {theta_map:.2f}", 0.1),
        (post.mean(), f"mean {post.mean():.2f}", 0.1),
    )
    for x, name, height in marks:
        left.axvline(x, color="0.55", ls=":", lw=1)
        left.annotate(
            name,
            (x, height),
            xytext=(-3, 0),
            textcoords="offset points",
            rotation=90,
            ha="right",
            va="bottom",
            fontsize=9,
        )
    left.set(xlabel="θ = P(heads)", ylabel="density over θ", ylim=(0, 4.0))
    left.legend(loc="upper left", fontsize=9)

    phi = np.linspace(-3, 5, 800)
    s = expit(phi)
    dens = post.pdf(s) * s * (1 - s)  # change of variables: times |dθ/dφ|
    right.plot(phi, dens, lw=2.4, color="C2", label="posterior over φ")
    marks = ((logit(theta_map), "logit(0.8): θ-MAP", ":", "left"), (phi[np.argmax(dens)], "φ-MAP", "-", "right"))
    for x, name, style, side in marks:
        right.axvline(x, color="0.55", ls=style, lw=1.2)
        shift = 3 if side == "left" else -3
        right.annotate(name, (x, dens.max() * 1.06), xytext=(shift, 0), textcoords="offset points", ha=side, fontsize=9)
    right.set(xlabel="φ = log-odds of heads", ylabel="density over φ", ylim=(0, dens.max() * 1.18))
    right.legend(loc="center right", fontsize=9)
    fig.tight_layout()
    return fig
