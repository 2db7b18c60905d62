"""ROC-AUC from scratch: write auc_pairs (count pairs) and auc_rank (ranks, O(n log n)).

Replace each NotImplementedError with your code, then run the tests with pytest.
NumPy only: no sklearn.metrics and no scipy.stats.rankdata in your solution.
"""

import numpy as np  # noqa: F401 (you will need it)


def auc_pairs(y_true, scores):
    """ROC-AUC as the share of (positive, negative) pairs ordered correctly.

    y_true: int array (n,) of 0 and 1. scores: float array (n,), higher means more
    likely positive; no NaN. A tied pair counts 1/2. Returns a Python float in [0, 1].
    Raises ValueError if y_true holds only one class. Inputs are not modified.
    Time and memory O(n_pos * n_neg).
    """
    raise NotImplementedError("write your solution here")


def auc_rank(y_true, scores):
    """ROC-AUC from the rank sum of the positives (Mann-Whitney U), ties averaged.

    Same inputs, output and rules as auc_pairs. Time O(n log n), memory O(n).
    """
    raise NotImplementedError("write your solution here")
