"""Figures for deep-learning/embeddings.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


def _unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@figure(
    "embeddings_similarity",
    alt="Two heatmaps of cosine similarity between the twelve nouns of the toy corpus. "
    "With one-hot vectors only the diagonal is lit, every other pair scores zero; with "
    "the eight-dimensional TruncatedSVD embeddings three bright blocks appear, one per "
    "topic: animals, vehicles and food.",
)
def similarity():
    ns = snippet_namespace("embeddings")
    nouns, index = ns["nouns"], ns["index"]
    rows = [index[n] for n in nouns]
    panels = [
        ("one-hot vectors", ns["one_hot"][rows]),
        ("TruncatedSVD of the PPMI matrix", ns["word_vectors"][rows]),
    ]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.8), layout="constrained")
    for ax, (title, vectors) in zip(axes, panels):
        unit = _unit(vectors)
        im = ax.imshow(unit @ unit.T, cmap="viridis", vmin=-0.2, vmax=1)
        ax.set_title(title)
        ax.set_xticks(range(len(nouns)), nouns, rotation=90)
        ax.set_yticks(range(len(nouns)), nouns if ax is axes[0] else [])
        ax.grid(False)
    fig.colorbar(im, ax=axes, shrink=0.8, label="cosine similarity")
    return fig


@figure(
    "embeddings_map",
    alt="Scatter plot of every word of the toy corpus projected from eight dimensions to "
    "two with PCA: the nouns, verbs and adjectives of each topic form their own tight cluster, labelled around it, "
    "while words used with every topic, such as the, she and likes, sit apart in grey.",
)
def word_map():
    from sklearn.decomposition import PCA

    ns = snippet_namespace("embeddings")
    vocab, topics = ns["vocab"], ns["TOPICS"]
    unit = _unit(ns["word_vectors"])
    xy = PCA(n_components=2, random_state=0).fit_transform(unit)
    colour = {}
    for i, (nouns, verbs, adjectives) in enumerate(topics.values()):
        for w in nouns + verbs + adjectives:
            colour.setdefault(w, f"C{i}")
    colour["washes"] = colour["red"] = "C4"  # each is shared by two topics
    fig, ax = plt.subplots(figsize=(8, 6.5))
    grey = plt.rcParams["grid.color"]
    text = plt.rcParams["text.color"]
    for i, topic in enumerate(topics):
        ax.scatter([], [], color=f"C{i}", label=topic)
    ax.scatter([], [], color="C4", label="shared by two topics")
    ax.scatter([], [], color=grey, label="used with every topic")
    pos = dict(zip(vocab, xy))
    for w, (x, y) in pos.items():
        ax.scatter(x, y, color=colour.get(w, grey), s=30, zorder=3)
    # A topic's words sit too close to label in place: spread the labels on a ring
    # around the cluster's centre, in the order of the points' angles, with leader lines.
    placed = set()
    for nouns, verbs, adjectives in topics.values():
        words = [w for w in nouns + verbs + adjectives if colour[w] != "C4"]
        centre = np.mean([pos[w] for w in words], axis=0)
        angle = {w: np.arctan2(*(pos[w] - centre)[::-1]) for w in words}
        words.sort(key=angle.get)
        for j, w in enumerate(words):
            a = angle[words[0]] + 2 * np.pi * j / len(words)
            label = centre + 0.2 * np.array([np.cos(a), np.sin(a)])
            ax.annotate(
                w,
                pos[w],
                xytext=label,
                ha="center",
                va="center",
                fontsize=9,
                fontweight="bold" if ns["topic_of"](w) else "normal",
                arrowprops=dict(arrowstyle="-", color=text, lw=0.5, alpha=0.6),
            )
            placed.add(w)
    for w, (x, y) in pos.items():
        if w not in placed:
            ax.annotate(w, (x, y), xytext=(5, 4), textcoords="offset points", fontsize=9)
    ax.margins(x=0.22, y=0.15)
    ax.set(xlabel="first principal component", ylabel="second principal component")
    ax.legend(loc="center left", fontsize=9)
    fig.tight_layout()
    return fig
