"""Figures for evaluation/type_i_ii_errors.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

from scripts.figures import figure, snippet_namespace


@figure(
    "type_i_ii_errors_regions",
    alt="Two bell-shaped distributions of the t statistic, one centered at zero when the null "
    "hypothesis is true and one shifted right when the alternative is true, with simulated "
    "histograms behind them; the null's tails beyond the critical values are shaded as alpha, "
    "the Type I error, and the alternative's mass between the critical values is shaded as "
    "beta, the Type II error.",
)
def regions():
    ns = snippet_namespace("type_i_ii_errors")
    n, alpha, effect = ns["n"], ns["alpha"], ns["effect"]
    df, nc = n - 1, effect * np.sqrt(n)
    t_crit = stats.t.ppf(1 - alpha / 2, df)
    x = np.linspace(-4.5, 7.0, 600)
    f0, f1 = stats.t.pdf(x, df), stats.nct.pdf(x, df, nc)

    fig, ax = plt.subplots(figsize=(7.0, 4.8))
    bins = np.linspace(-4.5, 7.0, 70)
    ax.hist(ns["t_h0"], bins=bins, density=True, color="C0", alpha=0.15)
    ax.hist(ns["t_h1"], bins=bins, density=True, color="C1", alpha=0.15)
    ax.plot(x, f0, color="C0", lw=2, label="t statistic if H0 is true (mean 0)")
    ax.plot(x, f1, color="C1", lw=2, ls="--", label=f"t statistic if H1 is true (mean {effect})")
    tails = np.abs(x) >= t_crit
    ax.fill_between(x, f0, where=tails, color="C0", alpha=0.55, label=r"$\alpha$: reject a true H0 (Type I)")
    middle = np.abs(x) < t_crit
    ax.fill_between(
        x, f1, where=middle, color="C1", alpha=0.35, hatch="//", label=r"$\beta$: fail to reject a false H0 (Type II)"
    )
    for c in (-t_crit, t_crit):
        ax.axvline(c, color="0.5", lw=1, ls=":")
    ax.annotate("reject H0", (t_crit, 0.43), xytext=(6, 0), textcoords="offset points")
    ax.annotate("reject H0", (-t_crit, 0.43), xytext=(-6, 0), textcoords="offset points", ha="right")
    ax.annotate("fail to reject", (0, 0.43), ha="center")
    ax.set(xlabel=f"t statistic of one experiment (n = {n})", ylabel="density", ylim=(0, 0.47))
    fig.legend(loc="lower center", ncol=2, fontsize=9)
    fig.tight_layout(rect=(0, 0.14, 1, 1))
    return fig


@figure(
    "type_i_ii_errors_power",
    alt="Power of the t-test against sample size: simulated points follow the exact noncentral-t "
    "curve, rising from low power at tiny samples towards one, while the simulated Type I error "
    "rate stays flat on the alpha line at every sample size.",
)
def power_curve():
    ns = snippet_namespace("type_i_ii_errors")
    alpha, effect = ns["alpha"], ns["effect"]
    grid = np.arange(3, 101)
    fig, ax = plt.subplots()
    ax.plot(grid, ns["exact_power"](grid, effect, alpha), color="C1", lw=2, label="power (noncentral t)")
    ax.plot(ns["sizes"], ns["sim_power"], "o", color="C1", label="power (simulated)")
    ax.axhline(alpha, color="C0", lw=1.5, ls="--", label=r"$\alpha$")
    ax.plot(ns["sizes"], ns["sim_alpha"], "s", color="C0", label="Type I rate (simulated)")
    ax.set(xlabel="sample size n per experiment", ylabel="rejection rate", xlim=(0, 101), ylim=(0, 1.02))
    ax.legend(loc="center right")
    fig.tight_layout()
    return fig
