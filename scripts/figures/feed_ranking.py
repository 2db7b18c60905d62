"""Figures for the page feed_ranking.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import Box, architecture, figure, snippet_namespace


@figure(
    "feed_ranking_architecture",
    alt="Architecture of a search or feed ranker. Online, a request goes to retrieval, which pulls "
    "about 500 candidates from an index, then to the ranking model, which reads features from "
    "an online feature store, then to re-ranking for diversity and business rules, and out to the "
    "results page. Offline, impressions and clicks from the results page are logged, joined into "
    "training labels, and used to train the next ranking model; an index build feeds retrieval.",
)
def architecture_diagram():
    boxes = {
        "request": Box(1.1, 3.9, "Request\n(user, query)"),
        "retrieval": Box(3.3, 3.9, "Retrieval\n~500 candidates"),
        "ranker": Box(5.5, 3.9, "Ranking\nmodel", "model"),
        "rerank": Box(7.7, 3.9, "Re-ranking\ndiversity, rules"),
        "page": Box(9.9, 3.9, "Results\npage"),
        "index": Box(3.3, 1.2, "Index build\n(text + ANN)"),
        "features": Box(5.5, 1.2, "Feature store\n(batch + stream)", "store"),
        "training": Box(7.7, 1.2, "Training\n(LambdaMART)", "model"),
        "logs": Box(9.9, 1.2, "Impression +\nclick logs", "store"),
    }
    arrows = [
        ("request", "retrieval", ""),
        ("retrieval", "ranker", ""),
        ("ranker", "rerank", ""),
        ("rerank", "page", ""),
        ("index", "retrieval", ""),
        ("features", "ranker", ""),
        ("page", "logs", ""),
        ("logs", "training", "labels"),
        ("training", "ranker", ""),
    ]
    groups = [
        ("online, p99 under 200 ms", (0.1, 3.05, 10.9, 4.85)),
        ("offline, hourly to daily", (0.1, 0.3, 10.9, 2.2)),
    ]
    return architecture(boxes, arrows, groups=groups, size=(11.0, 5.0))


@figure(
    "feed_ranking_ndcg_at_k",
    alt="Line chart of mean NDCG at k for k from 1 to 10 on 98 synthetic test queries: the pairwise "
    "logistic ranker stays near 0.9, the pointwise logistic ranker about 0.15 lower near 0.75 to 0.8, "
    "and random scores start near 0.25 and rise to about 0.43 at k = 10.",
)
def ndcg_at_k():
    ns = snippet_namespace("feed_ranking")
    fig, ax = plt.subplots()
    styles = {"pairwise": ("o", "-"), "pointwise": ("s", "--"), "random": ("^", ":")}
    for name, (marker, ls) in styles.items():
        ax.plot(ns["ks"], ns["ndcg"][name], marker=marker, ls=ls, lw=2, label=name)
    ax.set(xlabel="k (results judged)", ylabel="mean NDCG@k", xticks=ns["ks"], ylim=(0, 1))
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


@figure(
    "feed_ranking_position_bias",
    alt="Bar chart over positions 1 to 10: the true relevance of the result shown at each position "
    "varies between 0.15 and 0.6 with no trend, the raw click-through rate falls steeply from 0.3 at "
    "the top to about 0.05 at the bottom, and the click-through rate divided by the estimated "
    "examination propensity, drawn as dots, lands on the true relevance at every position.",
)
def position_bias():
    ns = snippet_namespace("feed_ranking")
    positions = np.arange(1, ns["n_positions"] + 1)
    fig, ax = plt.subplots()
    width = 0.4
    ax.bar(positions - width / 2, ns["relevance_of"], width, label="true relevance")
    ax.bar(positions + width / 2, ns["ctr"], width, label="raw CTR")
    ax.plot(positions, ns["ips"], "o", color="C2", ms=8, label="CTR / estimated propensity")
    ax.set(
        xlabel="position shown",
        ylabel="click or relevance probability",
        xticks=positions,
        ylim=(0, 0.8),
    )
    ax.legend(loc="upper center", ncol=3, fontsize=9)
    fig.tight_layout()
    return fig
