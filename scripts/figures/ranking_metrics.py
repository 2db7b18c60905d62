"""Figures for evaluation/ranking_metrics.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "ranking_metrics_position_weight",
    alt="Chart of how much one relevant item adds to each metric as a function of its rank, 1 to 20: "
    "the DCG discount 1 over log2 of rank plus 1 falls slowly from 1 to about 0.23, reciprocal rank (counted "
    "only for the first hit) falls fast as 1 over rank, and precision at 10 gives a flat 0.1 to ranks 1 to 10 "
    "and nothing below.",
)
def position_weight():
    ns = snippet_namespace("ranking_metrics")
    ranks = np.arange(1, 21)

    def weight(metric, rank):
        """What a single relevant item at `rank` (and nothing else) scores."""
        r = np.zeros(ranks.size)
        r[rank - 1] = 1
        return metric(r)

    fig, ax = plt.subplots()
    ax.plot(
        ranks,
        [weight(lambda r: ns["dcg_at_k"](r, r.size), i) for i in ranks],
        marker="o",
        lw=2,
        label="DCG gain of a grade-1 item: 1 / log2(rank + 1)",
    )
    ax.plot(
        ranks,
        [weight(ns["reciprocal_rank"], i) for i in ranks],
        marker="s",
        lw=2,
        ls="--",
        label="reciprocal rank of the first hit: 1 / rank",
    )
    ax.step(
        ranks,
        [weight(lambda r: ns["precision_at_k"](r, 10), i) for i in ranks],
        where="mid",
        lw=2,
        ls="-.",
        label="precision@10: 1/10 inside the top 10, 0 below",
    )
    ax.set(
        xlabel="rank of the relevant item",
        ylabel="contribution to the metric",
        xticks=[1, 5, 10, 15, 20],
        ylim=(0, 1.05),
    )
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig


@figure(
    "ranking_metrics_at_k",
    alt="Three panels for rankers A and B on 394 synthetic queries, k from 1 to 25: mean precision at k falls "
    "as k grows, mean recall at k rises to 1, and mean NDCG at k stays high; ranker A, the less noisy one, "
    "is above ranker B on all three until k reaches the whole list of 25, where precision and recall "
    "can no longer tell them apart.",
)
def at_k():
    ns = snippet_namespace("ranking_metrics")
    Y, has_relevant = ns["Y"], ns["has_relevant"]
    ks = np.arange(1, Y.shape[1] + 1)
    fig, axes = plt.subplots(1, 3, figsize=(10.0, 3.6), sharex=True)
    metrics = (("precision@k", ns["precision_at_k"]), ("recall@k", ns["recall_at_k"]), ("NDCG@k", ns["ndcg_at_k"]))
    for (name, S), style in zip(ns["rankers"].items(), ("-", "--")):
        lists = [ns["ranked"](y_q, s_q) for y_q, s_q in zip(Y, S[has_relevant])]
        for ax, (label, metric) in zip(axes, metrics):
            ax.plot(ks, [np.mean([metric(r, k) for r in lists]) for k in ks], lw=2, ls=style, label=name)
            ax.set(title=label, xlabel="k", ylim=(0, 1.02))
    axes[0].set_ylabel("mean over queries")
    axes[0].legend(loc="upper right")
    fig.tight_layout()
    return fig
