"""Wrong: auc_rank ranks scores 1..n by position (argsort of argsort), not tie-averaged.

Tied scores get different ranks in whatever order the sort leaves them, so the
result depends on the order of the rows whenever a positive and a negative tie.
"""

CAUGHT_BY = "test_all_scores_equal_give_one_half"
MESSAGE = "share the average of their ranks"

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
    ranks = np.argsort(np.argsort(scores, kind="stable"), kind="stable") + 1
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
