"""Wrong: auc_pairs counts only pairs where the positive scores higher; ties count 0.

Correct on continuous scores, where ties never happen, and too low as soon as a
positive and a negative share a score (rounded scores, all scores equal).
"""

CAUGHT_BY = "test_a_tied_pair_counts_one_half"
MESSAGE = "a tie must count 1/2"

import numpy as np


def auc_pairs(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("ROC-AUC needs both classes in y_true")
    return float((pos[:, None] > neg[None, :]).mean())


def auc_rank(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    n_pos, n_neg = int((y_true == 1).sum()), int((y_true == 0).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs both classes in y_true")
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
