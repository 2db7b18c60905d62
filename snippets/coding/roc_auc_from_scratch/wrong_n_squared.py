"""Wrong: divides the count of correctly ordered pairs by n**2, not by n_pos * n_neg.

The count is right, the normalisation is not: the result is squeezed towards 0 and
a perfect ranking no longer scores 1.
"""

CAUGHT_BY = "test_perfect_separation_gives_one"
MESSAGE = "n_pos * n_neg"

import numpy as np


def auc_pairs(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("ROC-AUC needs both classes in y_true")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (
        pos[:, None] == neg[None, :]
    ).sum()
    return float(wins / len(scores) ** 2)


def auc_rank(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    n_pos, n_neg = int((y_true == 1).sum()), int((y_true == 0).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs both classes in y_true")
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / len(scores) ** 2)
