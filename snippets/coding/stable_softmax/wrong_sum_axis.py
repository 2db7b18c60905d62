"""Wrong: normalises by the sum over axis 0 (the samples), not `axis` (the classes).

The max shift is right, but each column, not each row, ends up summing to 1.
"""

CAUGHT_BY = "test_rows_sum_to_one"
MESSAGE = "normalise by the sum along `axis`"

import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def log_softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))


def cross_entropy(logits, y):
    logp = log_softmax(logits, axis=1)
    return float(-logp[np.arange(len(y)), y].mean())
