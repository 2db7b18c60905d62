"""ROC-AUC from scratch in NumPy: counting pairs, then ranks (coding problem).

The reference solution of docs/coding/roc_auc_from_scratch.md, with tiny examples.

Run on its own: python snippets/roc_auc_from_scratch.py
"""

import numpy as np


# --8<-- [start:solution]
def _check(y_true, scores):
    """Labels and scores as 1-D arrays; ValueError unless both classes are present."""
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("ROC-AUC needs both classes in y_true; it has only one")
    return y_true, scores, pos, neg


def auc_pairs(y_true, scores):
    """ROC-AUC as the share of (positive, negative) pairs ordered correctly.

    y_true: int array (n,) of 0 and 1. scores: float array (n,), higher means more
    likely positive; no NaN. A tied pair counts 1/2. Returns a Python float in [0, 1].
    Raises ValueError if y_true holds only one class. Inputs are not modified.
    Time and memory O(n_pos * n_neg).
    """
    _, _, pos, neg = _check(y_true, scores)
    above = pos[:, None] > neg[None, :]  # (n_pos, n_neg): every pair at once
    tied = pos[:, None] == neg[None, :]
    return float((above.sum() + 0.5 * tied.sum()) / (len(pos) * len(neg)))


def auc_rank(y_true, scores):
    """ROC-AUC from the rank sum of the positives (Mann-Whitney U), ties averaged.

    Same inputs, output and rules as auc_pairs. Time O(n log n), memory O(n).
    """
    y_true, scores, pos, neg = _check(y_true, scores)
    # np.unique sorts: inverse[i] is the position of scores[i] among the distinct
    # values (ascending), counts how often each distinct value occurs.
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    last = np.cumsum(counts)  # 1-based rank of the last copy of each value
    average = last - (counts - 1) / 2  # mean of the tied ranks last-count+1 .. last
    ranks = average[inverse]
    n_pos, n_neg = len(pos), len(neg)
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2  # pairs won, ties as 1/2
    return float(u / (n_pos * n_neg))


# --8<-- [end:solution]

# --8<-- [start:examples]
y = np.array([0, 0, 1, 1, 0, 1])
s = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.4])  # three scores tie at 0.4
print(f"{auc_pairs(y, s):.4f} {auc_rank(y, s):.4f}")
print(auc_rank(y, np.full(6, 0.7)))  # all scores equal: every pair is a tie
try:
    auc_rank(np.ones(4, dtype=int), np.arange(4.0))
except ValueError as err:
    print("ValueError:", err)
# --8<-- [end:examples]
