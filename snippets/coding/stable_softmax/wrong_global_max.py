"""Wrong: subtracts the maximum of the whole array instead of each row's own maximum.

Fine when all rows have similar scales; a row far below the global maximum underflows to
all zeros, and 0 / 0 is nan.
"""

CAUGHT_BY = "test_each_row_is_shifted_by_its_own_maximum"
MESSAGE = "not the maximum of the whole array"

import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    shifted = z - z.max()
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def cross_entropy(logits, y):
    logp = log_softmax(logits, axis=1)
    return float(-logp[np.arange(len(y)), y].mean())
