"""Figures for evaluation/confidence_intervals_bootstrap.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "confidence_intervals_bootstrap_coverage",
    alt="Fifty 95 % t intervals for a mean, one per simulated study, drawn as vertical bars around "
    "their sample means next to a horizontal line at the true mean of 10. Almost every bar crosses "
    "the line; the few that miss it are drawn in a second colour, which is what 95 % coverage "
    "means: a rate over repeated studies, not a probability for one interval.",
)
def coverage():
    ns = snippet_namespace("confidence_intervals_bootstrap")
    k = 50
    low, high, means, covered = (ns[name][:k] for name in ("low", "high", "means", "covered"))
    study = np.arange(1, k + 1)
    fig, ax = plt.subplots()
    for mask, colour, label in ((covered, "C0", "contains the true mean"), (~covered, "C1", "misses it")):
        ax.vlines(study[mask], low[mask], high[mask], color=colour, lw=2.2, label=label)
        ax.plot(study[mask], means[mask], "o", color=colour, ms=3.5)
    ax.axhline(ns["mu"], color="0.4", lw=1.2, ls="--")
    ax.annotate(r"true mean $\mu$", (k + 0.5, ns["mu"]), xytext=(4, 4), textcoords="offset points")
    ax.set(xlabel="simulated study", ylabel="95 % interval for the mean", xlim=(0, k + 8))
    ax.legend(loc="lower left", ncol=2)
    fig.tight_layout()
    return fig


@figure(
    "confidence_intervals_bootstrap_wald_wilson",
    alt="Exact coverage of nominal 95 % intervals for a proportion with 50 trials, plotted against "
    "the true proportion from 0 to 1. The Wald interval's coverage zigzags and falls far below 0.95 "
    "towards both ends, while the Wilson interval's coverage stays close to the dashed 0.95 line "
    "across the range.",
)
def wald_wilson():
    ns = snippet_namespace("confidence_intervals_bootstrap")
    n_trials = 50
    grid = np.linspace(0.005, 0.995, 397)
    fig, ax = plt.subplots()
    ax.plot(grid, ns["exact_coverage"](n_trials, grid, "normal"), color="C1", lw=1.3, label="Wald (normal)")
    ax.plot(grid, ns["exact_coverage"](n_trials, grid, "wilson"), color="C0", lw=1.6, label="Wilson")
    ax.axhline(0.95, color="0.4", lw=1.2, ls="--", label="nominal 0.95")
    ax.set(xlabel="true proportion p", ylabel=f"coverage (n = {n_trials}, exact)", xlim=(0, 1), ylim=(0.5, 1.0))
    ax.legend(loc="lower center")
    fig.tight_layout()
    return fig


@figure(
    "confidence_intervals_bootstrap_paired",
    alt="Scatter plot of the AUC of model A against the AUC of model B over 2,000 bootstrap "
    "resamples of the same test rows. The cloud is a narrow diagonal band, because both models "
    "do well or badly on the same resamples, and nearly all points lie on the side where A beats "
    "B, although the shaded bands of the two separate 95 % intervals overlap.",
)
def paired():
    ns = snippet_namespace("confidence_intervals_bootstrap")
    a, b = ns["auc_a_boot"], ns["auc_b_boot"]
    fig, ax = plt.subplots(figsize=(5.6, 5.0))
    ci_a, ci_b = (ns["separate"][k].confidence_interval for k in ("A", "B"))
    ax.axhspan(ci_a.low, ci_a.high, color="C1", alpha=0.12, lw=0, label="separate 95 % CI of A")
    ax.axvspan(ci_b.low, ci_b.high, color="C2", alpha=0.12, lw=0, label="separate 95 % CI of B")
    ax.plot(b, a, ".", color="C0", ms=2.5, alpha=0.5)
    lims = (min(a.min(), b.min()) - 0.01, max(a.max(), b.max()) + 0.01)
    ax.plot(lims, lims, color="0.4", lw=1.2, ls="--", label="A = B")
    share = np.mean(a > b)
    ax.annotate(f"A > B in {share:.1%} of resamples", (0.05, 0.92), xycoords="axes fraction")
    ax.set(xlabel="AUC of model B on a resample", ylabel="AUC of model A on the same resample", xlim=lims, ylim=lims)
    ax.set_aspect("equal")
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig
