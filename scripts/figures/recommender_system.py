"""Figures for the page system-design/recommender_system.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import Box, architecture, figure, snippet_namespace


@figure(
    "recommender_system_architecture",
    alt="Architecture of a two-stage recommender. Online: the app's request goes to candidate generation, which "
    "passes about 500 items to the ranking model, then to a re-ranking step for diversity and business rules; "
    "impressions and clicks are logged. Offline: the interaction logs train the retrieval and ranking models; the "
    "retrieval model's item vectors fill an ANN index that candidate generation queries, and a nightly batch job "
    "precomputes candidates and popular lists. A feature store between the halves serves the ranker's features.",
)
def pipeline():
    boxes = {
        "precomputed": Box(1.35, 4.15, "Precomputed:\nper user, popular", "store"),
        "ann": Box(4.1, 4.15, "ANN index\n(item vectors)", "store"),
        "training": Box(6.85, 4.15, "Train retrieval\n+ ranking", "model"),
        "logs": Box(9.6, 4.15, "Interaction\nlogs", "store"),
        "features": Box(8.25, 2.65, "Feature store", "store"),
        "app": Box(1.35, 1.15, "App request"),
        "candidates": Box(4.1, 1.15, "Candidate\ngeneration"),
        "ranking": Box(6.85, 1.15, "Ranking\nmodel", "model"),
        "rerank": Box(9.6, 1.15, "Re-rank:\ndiversity, rules"),
    }
    arrows = [
        ("logs", "training", "events"),
        ("training", "ann", "vectors"),
        ("ann", "precomputed", "nightly"),
        ("app", "candidates", "user"),
        ("candidates", "ranking", "~500"),
        ("ranking", "rerank", "scores"),
        ("ann", "candidates", ""),
        ("precomputed", "candidates", ""),
        ("training", "ranking", ""),
        ("rerank", "logs", ""),
        ("logs", "features", ""),
        ("features", "ranking", ""),
    ]
    groups = [("offline", (0.15, 3.35, 10.8, 5.0)), ("online", (0.15, 0.2, 10.8, 1.95))]
    fig = architecture(boxes, arrows, groups=groups, size=(10.95, 5.2), box_size=(2.0, 0.8))
    ax = fig.axes[0]
    text = plt.rcParams["text.color"]
    ax.text(4.22, 2.65, "nearest items", ha="left", va="center", fontsize=8.5, color=text)
    ax.text(6.73, 2.65, "deploy", ha="right", va="center", fontsize=8.5, color=text)
    ax.text(9.72, 2.65, "impressions,\nclicks", ha="left", va="center", fontsize=8.5, color=text)
    return fig


@figure(
    "recommender_system_recall",
    alt="Recall at k of the candidate generators on held-out interactions, for k from 1 to 100: the truncated "
    "SVD and the item-item cosine curves rise well above the popularity baseline at every k, with the gap widest "
    "for short lists.",
)
def recall_curve():
    ns = snippet_namespace("recommender_system")
    test, ranked = ns["test"], ns["ranked"]
    ks = np.arange(1, ranked["popularity"].shape[1] + 1)
    fig, ax = plt.subplots(figsize=(7.0, 4.2))
    styles = {"truncated SVD": "-", "item-item cosine": "--", "popularity": ":"}
    for name, style in styles.items():
        hits = np.take_along_axis(test, ranked[name], axis=1).cumsum(axis=1)  # hits in the top k, each k
        recall = (hits / test.sum(axis=1, keepdims=True)).mean(axis=0)
        ax.plot(ks, recall, style, lw=2, label=name)
    ax.set(xlabel="k, candidates per user", ylabel="recall@k on held-out interactions", xlim=(0, 100), ylim=(0, 0.8))
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
