"""Figures for evaluation/ab_test_design.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

from scripts.figures import figure, snippet_namespace


@figure(
    "ab_test_design_peeking",
    alt="Line chart of the false-positive rate of simulated A/A tests against the number of "
    "daily looks, from 1 to 20: stopping at the first p below 0.05 climbs from 0.05 to about "
    "0.25, while a Pocock constant threshold stays on the 0.05 line and Bonferroni over the "
    "looks stays below it.",
)
def peeking():
    ns = snippet_namespace("ab_test_design")
    p_daily, days = ns["p_daily"], ns["days"]
    k = np.arange(1, days + 1)
    z_abs = stats.norm.isf(p_daily / 2)  # back from p-values to |z|
    bonferroni = [np.any(p_daily[:, :j] < 0.05 / j, axis=1).mean() for j in k]
    pocock = [np.any(z_abs[:, :j] > ns["pocock_constant"](j, paths=50_000), axis=1).mean() for j in k]
    fig, ax = plt.subplots()
    ax.plot(k, ns["peek_rate"], "o-", lw=2, label="stop at the first p < 0.05 (peeking)")
    ax.plot(k, pocock, "s--", lw=2, label="Pocock: one stricter threshold for every look")
    ax.plot(k, bonferroni, "^:", lw=2, label="Bonferroni: p < 0.05 / (number of looks)")
    ax.axhline(0.05, color="0.5", lw=1)
    ax.annotate("alpha = 0.05", (days, 0.05), xytext=(0, -6), textcoords="offset points", ha="right", va="top")
    ax.set(
        xlabel="number of looks (one per day, same A/A experiments)",
        ylabel="false-positive rate",
        xlim=(0.5, days + 0.5),
        ylim=(0, 0.3),
        xticks=[1, 5, 10, 15, 20],
    )
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig


@figure(
    "ab_test_design_novelty",
    alt="Daily lift of a simulated two-week A/B test with 95 percent error bars: the observed "
    "lift starts near 2.5 points and decays towards the long-run 0.5 points, so the pooled "
    "two-week estimate, drawn as a dashed line, sits well above the lasting effect.",
)
def novelty():
    ns = snippet_namespace("ab_test_design")
    day, lift, se = ns["day"] + 1, ns["daily_lift"], ns["daily_se"]
    fig, ax = plt.subplots()
    ax.errorbar(day, 100 * lift, yerr=100 * 1.96 * se, fmt="o", capsize=3, label="observed daily lift")
    grid = np.linspace(0, ns["n_days"] - 1, 200)
    ax.plot(grid + 1, 100 * (0.005 + 0.02 * np.exp(-grid / 3)), lw=2, label="true lift (novelty decays)")
    ax.axhline(100 * ns["whole_test"], ls="--", lw=1.5, color="C2", label="pooled two-week estimate")
    ax.axhline(0.5, ls=":", lw=1.5, color="0.4", label="long-run lift")
    ax.set(xlabel="day of the experiment", ylabel="lift (percentage points)", xticks=range(1, 15))
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig
