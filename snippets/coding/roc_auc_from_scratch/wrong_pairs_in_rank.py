"""Wrong: auc_rank reuses the all-pairs comparison: O(n_pos * n_neg) memory and time.

Every value is right, but for 200,000 rows the (n_pos, n_neg) matrices would take
18 GB; the tests measure its memory on 20,000 rows and stop there.
"""

CAUGHT_BY = "test_rank_version_is_fast_on_a_large_input"
MESSAGE = "an (n_pos, n_neg) matrix of all pairs"

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
    return auc_pairs(y_true, scores)  # "the same number", but quadratic
