"""Wrong: log-probabilities as np.log(softmax(z)): -inf once a probability underflows.

The softmax itself is stable, but exp(-2000) is 0.0 in float64, so a confidently wrong
prediction has log-probability -inf and an infinite cross-entropy.
"""

CAUGHT_BY = "test_cross_entropy_is_finite_for_a_confidently_wrong_huge_logit"
MESSAGE = "rather than np.log(softmax(z))"

import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    return np.log(softmax(z, axis=axis))


def cross_entropy(logits, y):
    logp = log_softmax(logits, axis=1)
    return float(-logp[np.arange(len(y)), y].mean())
