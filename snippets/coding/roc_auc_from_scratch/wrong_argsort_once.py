"""Wrong: auc_rank takes np.argsort(scores) + 1 as the ranks: that is the order, not ranks.

argsort gives the index of the smallest score, then of the next, and so on; the rank of
scores[i] is where i lands in that order, which takes a second argsort (or np.unique).
"""

CAUGHT_BY = "test_matches_sklearn_on_continuous_scores"
MESSAGE = "np.argsort(scores) alone is the sorting order, not the ranks"

import numpy as np


def auc_pairs(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("ROC-AUC needs both classes in y_true")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (
        pos[:, None] == neg[None, :]
    ).sum()
    return float(wins / (len(pos) * len(neg)))


def auc_rank(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    n_pos, n_neg = int((y_true == 1).sum()), int((y_true == 0).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs both classes in y_true")
    ranks = np.argsort(scores) + 1  # indices in sorted order, not the rank of each row
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
