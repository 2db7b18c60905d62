"""Figures for evaluation/p_values.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "p_values_histogram",
    alt="Two histograms of p-values from 4,000 simulated two-sample t-tests. When the null "
    "hypothesis is true the twenty bars are flat at the uniform level of 200 per bin, so about "
    "5 % of p-values fall below 0.05; with a real effect of half a standard deviation the "
    "p-values pile up in the first bins near zero.",
)
def histogram():
    ns = snippet_namespace("p_values")
    bins = np.linspace(0, 1, 21)
    expected = ns["n_experiments"] / (len(bins) - 1)
    fig, axes = plt.subplots(1, 2, figsize=(7.0, 3.6), sharey=True)
    panels = (
        (ns["p_null"], "H0 true: no difference", "C0"),
        (ns["p_alt"], "H1 true: a 0.5 SD effect", "C1"),
    )
    for ax, (p, title, colour) in zip(axes, panels):
        ax.hist(p, bins=bins, color=colour, alpha=0.8, edgecolor="none")
        ax.axhline(expected, color="0.4", lw=1.2, ls="--")
        ax.axvline(ns["alpha"], color="0.4", lw=1, ls=":")
        ax.set(title=title, xlabel="p-value", xlim=(0, 1))
    axes[0].set_ylabel("number of experiments")
    axes[0].annotate(
        "uniform: 200 per bin",
        (0.5, expected),
        xytext=(0, 40),
        textcoords="offset points",
        ha="center",
        arrowprops={"arrowstyle": "->", "color": "0.4"},
    )
    axes[1].annotate("p = 0.05", (ns["alpha"], 1500), xytext=(6, 0), textcoords="offset points")
    fig.tight_layout()
    return fig


@figure(
    "p_values_bh",
    alt="The 25 smallest p-values of one family of 100 tests, sorted and drawn on a log scale "
    "against their rank, with real effects and true nulls in different markers. A flat "
    "Bonferroni line at 0.05 divided by 100 lets only the first few through, while the rising "
    "Benjamini-Hochberg line at 0.05 times rank over 100 accepts several more, most of them "
    "real effects.",
)
def bh():
    ns = snippet_namespace("p_values")
    p, real, m, alpha = ns["p"], ns["real"], ns["m"], ns["alpha"]
    order = np.argsort(p)[:25]
    rank = np.arange(1, order.size + 1)
    k_bh = int(ns["rej_bh"].sum())
    fig, ax = plt.subplots()
    is_real = real[order]
    ax.plot(rank[is_real], p[order][is_real], "o", color="C1", label="real effect")
    ax.plot(rank[~is_real], p[order][~is_real], "x", color="C0", label="true null")
    ax.plot(rank, alpha * rank / m, color="C2", lw=2, label=r"Benjamini–Hochberg: $\alpha k / m$")
    ax.axhline(alpha / m, color="C3", lw=1.5, ls="--", label=r"Bonferroni: $\alpha / m$")
    ax.axhline(alpha, color="0.5", lw=1, ls=":", label=r"no correction: $\alpha$")
    ax.axvline(k_bh + 0.5, color="C2", lw=1, ls=":")
    ax.annotate(f"BH rejects the {k_bh} smallest", (k_bh + 0.5, 3e-5), xytext=(6, 0), textcoords="offset points")
    ax.set_yscale("log")
    ax.set_ylim(1e-5, 1)
    ax.set(xlabel="rank k of the p-value (smallest first)", ylabel="p-value (log scale)", xlim=(0, 26))
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig
