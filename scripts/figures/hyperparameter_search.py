"""Figures for the page hyperparameter_search.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "hyperparameter_search_grid_vs_random",
    alt="Two panels over the same square of two hyperparameters, where the score depends on x1 only and "
    "peaks between two grid lines. Left, a 4 by 4 grid of 16 trials: its points stack in 4 columns, so only "
    "4 values of x1 are tried and none lands on the peak. Right, 16 random trials: 16 different values of x1, "
    "and several land near the peak. A strip above each panel draws the score against x1 with the values tried.",
)
def grid_vs_random():
    ns = snippet_namespace("hyperparameter_search")
    score, peak = ns["score"], 0.5
    grid_x1, grid_x2 = (a.ravel() for a in np.meshgrid(np.linspace(0, 1, 4), np.linspace(0, 1, 4)))
    random_x1, random_x2 = np.random.default_rng(3).uniform(0, 1, size=(2, 16))
    xs = np.linspace(0, 1, 400)

    fig, axes = plt.subplots(
        2, 2, figsize=(9.0, 5.2), sharex=True, gridspec_kw={"height_ratios": [1, 2.4]}, sharey="row"
    )
    panels = (("Grid search", grid_x1, grid_x2, "C0"), ("Random search", random_x1, random_x2, "C1"))
    for col, (name, x1, x2, colour) in enumerate(panels):
        top, square = axes[0, col], axes[1, col]
        top.plot(xs, score(xs, 0, peak), color="0.45", lw=1.5)
        top.plot(x1, score(x1, 0, peak), "o", color=colour, ms=6)
        top.set_title(f"{name}: 16 trials, {len(np.unique(x1))} values of x1")
        square.axvspan(peak - 0.1, peak + 0.1, color="0.55", alpha=0.18, lw=0)
        square.plot(x1, x2, "o", color=colour, ms=7)
        for v in x1:
            square.axvline(v, ymin=0, ymax=0.04, color=colour, lw=1.5)
        square.set(xlabel="x1 (matters)", xlim=(-0.04, 1.04), ylim=(-0.06, 1.06))
    axes[0, 0].set_ylabel("score")
    axes[1, 0].set_ylabel("x2 (does not matter)")
    axes[1, 0].annotate("high-score band", (peak, 0.5), ha="center", va="center", rotation=90, fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "hyperparameter_search_best_so_far",
    alt="Best validation R squared found so far against the number of trials, for grid search, random "
    "search and Optuna's TPE on a kernel ridge model, with each trial's own score as a faint dot. TPE and random "
    "search share their first ten trials and all three end close together; after the tenth trial, where TPE stops sampling at random, most of TPE's dots sit "
    "near the top while grid and random dots stay scattered lower down.",
)
def best_so_far():
    ns = snippet_namespace("hyperparameter_search")
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    trials = np.arange(1, 26)
    styles = {"grid": ("-", 2, 2), "random": ("--", 2, 4), "TPE": ("-", 3, 3)}  # random drawn over TPE
    for i, (name, study) in enumerate(ns["studies"].items()):
        values = np.array([t.value for t in study.trials])
        ax.plot(trials + (i - 1) * 0.15, values, "o", color=f"C{i}", alpha=0.35, ms=5)
        ls, lw, z = styles[name]
        ax.step(
            trials,
            ns["best_so_far"][name],
            where="post",
            color=f"C{i}",
            ls=ls,
            lw=lw,
            zorder=z,
            label=f"{name} (best so far)",
        )
    ax.axvline(10.5, color="0.55", ls=":", lw=1)
    ax.annotate("TPE starts modelling", (10.7, 0.52), fontsize=9)
    ax.annotate("TPE = random here (same seed)", (1.0, 0.795), fontsize=9)
    ax.set(xlabel="trial", ylabel="validation R²", ylim=(0.5, 0.81), xlim=(0.5, 25.5))
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig
