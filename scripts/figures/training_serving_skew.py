"""Figures for the page training_serving_skew.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import Box, architecture, figure, snippet_namespace


@figure(
    "training_serving_skew_architecture",
    alt="Architecture of a feature store. Offline, an event log in the warehouse feeds a batch "
    "feature pipeline that writes every value with its timestamp to the offline store; a "
    "point-in-time join of the offline store with timestamped labels builds the training set, "
    "and training produces the model. Online, an event stream feeds a stream feature pipeline "
    "that writes the latest values to the online store, which also receives values materialized "
    "from the offline store and expires them after a TTL; a feature server reads it for the model "
    "server. A feature registry holds the one definition both pipelines compute.",
)
def architecture_diagram():
    boxes = {
        "log": Box(1.1, 4.3, "Event log\n(warehouse)", "store"),
        "batch": Box(3.5, 4.3, "Batch feature\npipeline"),
        "offline": Box(5.9, 4.3, "Offline store\n(all history)", "store"),
        "pit": Box(8.3, 4.3, "Point-in-time\njoin"),
        "train": Box(10.7, 4.3, "Training", "model"),
        "registry": Box(1.1, 2.8, "Feature registry\n(definitions)", "store"),
        "labels": Box(8.3, 2.8, "Labels with\ntimestamps", "store"),
        "stream": Box(1.1, 1.3, "Event stream", "store"),
        "spipe": Box(3.5, 1.3, "Stream feature\npipeline"),
        "online": Box(5.9, 1.3, "Online store\n(latest, TTL)", "store"),
        "server": Box(8.3, 1.3, "Feature server"),
        "model": Box(10.7, 1.3, "Model server", "model"),
    }
    arrows = [
        ("log", "batch", ""),
        ("batch", "offline", ""),
        ("offline", "pit", ""),
        ("labels", "pit", ""),
        ("pit", "train", ""),
        ("registry", "batch", ""),
        ("registry", "spipe", ""),
        ("stream", "spipe", ""),
        ("spipe", "online", ""),
        ("offline", "online", ""),
        ("online", "server", ""),
        ("server", "model", ""),
        ("train", "model", ""),
    ]
    groups = [
        ("offline: hours", (0.1, 3.6, 11.9, 5.25)),
        ("online: milliseconds", (0.1, 0.35, 11.9, 2.05)),
    ]
    return architecture(boxes, arrows, groups=groups, size=(12.0, 5.4))


@figure(
    "training_serving_skew_auc",
    alt="Grouped bar chart of ROC AUC for three ways of joining labels to a 7-day purchase "
    "count. The naive join on the latest value scores about 0.85 offline but about 0.70 after "
    "launch; the as-of join that allows the same day's snapshot scores about 0.74 offline and "
    "0.71 after launch; the strict point-in-time join scores about 0.72 offline and 0.71 after "
    "launch, so only its offline number predicts production.",
)
def auc_bars():
    ns = snippet_namespace("training_serving_skew")
    names = list(ns["auc"])
    offline = [ns["auc"][n][0] for n in names]
    launched = [ns["auc"][n][1] for n in names]
    x = np.arange(len(names))
    width = 0.38
    fig, ax = plt.subplots()
    bars_off = ax.bar(x - width / 2, offline, width, label="offline validation (as built)")
    bars_on = ax.bar(x + width / 2, launched, width, label="after launch (past features only)")
    for bars in (bars_off, bars_on):
        ax.bar_label(bars, fmt="%.3f", padding=2, fontsize=9)
    ax.set_xticks(x, [n.replace(", ", ",\n") for n in names])
    ax.set(ylabel="ROC AUC", ylim=(0.5, 0.95))
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig
