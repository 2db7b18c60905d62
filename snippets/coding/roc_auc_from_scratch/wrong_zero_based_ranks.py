"""Wrong: auc_rank uses 0-based ranks; U = R_pos - n_pos(n_pos+1)/2 needs ranks from 1.

Every positive's rank is one too small, so U is n_pos too small and the AUC is off
by 1 / n_neg: below 0 for a reversed ranking, below 1 for a perfect one.
"""

CAUGHT_BY = "test_reversed_order_gives_zero"
MESSAGE = "the smallest score has rank 1 (not 0)"

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
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts  # 0-based position of each value's first copy
    ranks = (first + (counts - 1) / 2)[inverse]  # tie-averaged, but counted from 0
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
