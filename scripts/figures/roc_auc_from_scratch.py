"""Figure for coding/roc_auc_from_scratch.md, drawn with the page's own reference functions."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Polygon

from scripts.figures import figure, snippet_namespace

# Five positives and five negatives; 0.6 and 0.3 are each shared by a positive and a negative.
labels = np.array([1, 1, 0, 1, 0, 1, 0, 1, 0, 0])
scores = np.array([0.9, 0.8, 0.7, 0.6, 0.6, 0.6, 0.4, 0.3, 0.3, 0.1])


@figure(
    "roc_auc_from_scratch_ties",
    alt="ROC curve of five positives and five negatives drawn over a 5 by 5 grid, one cell per pair of a "
    "positive and a negative. The curve climbs in vertical steps for positives and horizontal steps for "
    "negatives, and runs diagonally where a positive and a negative share a score: across two cells at "
    "score 0.6 and across one cell at 0.3. The shaded area under the curve counts the pairs ordered "
    "correctly; the diagonals cut the tied cells in half, so each tied pair counts one half.",
)
def ties():
    ns = snippet_namespace("roc_auc_from_scratch")
    auc = ns["auc_rank"](labels, scores)
    assert np.isclose(auc, ns["auc_pairs"](labels, scores))
    n_pos, n_neg = int(labels.sum()), int((1 - labels).sum())
    # One ROC point per distinct score, highest first: (FPR, TPR) once everything >= it is flagged.
    thresholds = np.unique(scores)[::-1]
    fpr = np.array([0.0] + [((scores >= t) & (labels == 0)).sum() / n_neg for t in thresholds])
    tpr = np.array([0.0] + [((scores >= t) & (labels == 1)).sum() / n_pos for t in thresholds])

    fig, ax = plt.subplots(figsize=(5.6, 5.0))
    text = plt.rcParams["text.color"]
    ax.fill_between(fpr, tpr, color="C0", alpha=0.18, lw=0, label="area under the curve")
    ax.plot(fpr, tpr, color="C0", lw=2.2, marker="o", ms=4, label="ROC curve")
    tie_labelled = False
    for i, t in enumerate(thresholds):
        x0, y0, x1, y1 = fpr[i], tpr[i], fpr[i + 1], tpr[i + 1]
        if x1 > x0 and y1 > y0:  # a positive and a negative share score t: a diagonal step
            box = plt.Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, ls="--", lw=1.2, ec="C1")
            ax.add_patch(box)
            half = Polygon([(x0, y0), (x1, y0), (x1, y1)], closed=True, fc="C1", alpha=0.45, lw=0)
            half.set_label(None if tie_labelled else "tied pairs: half of their cells counted")
            ax.add_patch(half)
            tie_labelled = True
            pairs = round((x1 - x0) * n_neg) * round((y1 - y0) * n_pos)
            ax.annotate(
                f"score {t:.1f}: {pairs} tied pair{'s' if pairs > 1 else ''}",
                xy=((x0 + 2 * x1) / 3, (2 * y0 + y1) / 3),  # the shaded triangle
                xytext=(0.45, 0.5) if y0 < 0.5 else (0.04, 0.9),
                fontsize=9.5,
                color=text,
                arrowprops=dict(arrowstyle="->", color=text, lw=0.8),
            )
    ticks = np.linspace(0, 1, n_pos + 1)
    ax.set_xticks(np.linspace(0, 1, n_neg + 1))
    ax.set_yticks(ticks)
    ax.set(
        xlim=(0, 1),
        ylim=(0, 1.02),
        aspect="equal",
        xlabel="false positive rate (each column: one negative)",
        ylabel="true positive rate (each row: one positive)",
        title=f"{auc * n_pos * n_neg:.1f} of {n_pos * n_neg} pairs ordered right: AUC = {auc:.2f}",
    )
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig
