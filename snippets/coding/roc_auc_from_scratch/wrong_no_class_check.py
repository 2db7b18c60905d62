"""Wrong: no check for a single class: 0 / 0 pairs gives nan instead of a ValueError.

Every other test passes; with only positives (or only negatives) there are no pairs,
the division is 0 / 0, and a nan AUC slips silently into an average of folds.
"""

CAUGHT_BY = "test_a_single_class_raises_value_error"
MESSAGE = "the AUC is undefined, so raise ValueError"

import numpy as np


def auc_pairs(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (
        pos[:, None] == neg[None, :]
    ).sum()
    return float(wins / np.float64(len(pos) * len(neg)))


def auc_rank(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    n_pos, n_neg = (y_true == 1).sum(), (y_true == 0).sum()
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
