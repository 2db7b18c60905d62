"""Figures for fundamentals/ml_paradigms.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "ml_paradigms_three_views",
    alt="Three panels of the same small world. Left: points colored by their known group with the "
    "classifier's decision regions shaded. Middle: the same points colored by the k-means cluster found "
    "without labels. Right: the epsilon-greedy agents' estimated mean reward per arm, averaged over agents, "
    "next to the true means, which they never see.",
)
def three_views():
    ns = snippet_namespace("ml_paradigms")
    X, y, clusters, clf = ns["X"], ns["y"], ns["clusters"], ns["clf"]
    fig, axes = plt.subplots(1, 3, figsize=(10.5, 3.6))

    ax = axes[0]
    pad = 1.0
    xx, yy = np.meshgrid(
        np.linspace(X[:, 0].min() - pad, X[:, 0].max() + pad, 200),
        np.linspace(X[:, 1].min() - pad, X[:, 1].max() + pad, 200),
    )
    regions = clf.predict(np.c_[xx.ravel(), yy.ravel()]).reshape(xx.shape)
    ax.contourf(xx, yy, regions, levels=[-0.5, 0.5, 1.5, 2.5], colors=["C0", "C1", "C2"], alpha=0.15)
    for g in range(3):
        ax.scatter(*X[y == g].T, s=12, color=f"C{g}", label=f"group {g}")
    ax.set(title="supervised: labels given", xlabel="feature 1", ylabel="feature 2")
    ax.legend(loc="lower left", fontsize=9, handletextpad=0.2)

    ax = axes[1]
    markers = ["o", "s", "^"]
    for c in range(3):
        ax.scatter(*X[clusters == c].T, s=12, color=f"C{c + 3}", marker=markers[c], label=f"cluster {c}")
    ax.set(title="unsupervised: no labels", xlabel="feature 1")
    ax.legend(loc="lower left", fontsize=9, handletextpad=0.2)

    ax = axes[2]
    Q = ns["runs"]["epsilon-greedy 0.1"][0]
    arms = np.arange(len(ns["true_means"]))
    ax.bar(arms - 0.2, ns["true_means"], width=0.4, color="C0", label="true mean (hidden)")
    ax.bar(arms + 0.2, Q.mean(axis=0), width=0.4, color="C1", label="estimate (mean over agents)")
    ax.axhline(0, lw=0.8, color="0.5")
    ax.set(title="reinforcement: rewards only", xlabel="arm (group offered to)", ylabel="mean reward", ylim=(0, 1.4))
    ax.set_xticks(arms)
    ax.legend(loc="upper left", fontsize=8.5)
    fig.tight_layout()
    return fig


@figure(
    "ml_paradigms_bandit_reward",
    alt="Two panels comparing an epsilon-greedy agent with a greedy and a random policy on the three-armed "
    "bandit. Left: average reward per step climbs quickly for epsilon-greedy and levels off just below the "
    "best arm's mean, greedy stays flat lower, random stays at the average arm mean. Right: cumulative "
    "reward grows fastest for epsilon-greedy and slowest for random.",
)
def bandit_reward():
    ns = snippet_namespace("ml_paradigms")
    runs, true_means = ns["runs"], ns["true_means"]
    styles = {"epsilon-greedy 0.1": "-", "greedy": "--", "random": ":"}
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    window = 20
    kernel = np.ones(window) / window
    for i, (name, (_, _, rewards)) in enumerate(runs.items()):
        per_step = rewards.mean(axis=0)  # average over the independent agents
        smooth = np.convolve(per_step, kernel, mode="valid")
        steps = np.arange(window, per_step.size + 1)
        left.plot(steps, smooth, color=f"C{i}", ls=styles[name], lw=2, label=name)
        right.plot(np.arange(1, per_step.size + 1), per_step.cumsum(), color=f"C{i}", ls=styles[name], lw=2, label=name)
    left.axhline(true_means.max(), color="0.5", lw=1, ls="-.")
    left.annotate(
        "best arm's mean",
        (per_step.size, true_means.max()),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=9,
    )
    left.set(xlabel="step", ylabel=f"average reward ({window}-step moving mean)", ylim=(0, 1.15))
    left.legend(loc="lower right", fontsize=9)
    right.set(xlabel="step", ylabel="cumulative reward (average agent)")
    right.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig
