"""Wrong: exponentiates the raw logits without subtracting the maximum: exp(1000) = inf.

np.exp(1000.0) is inf in float64, and inf / inf is nan.
"""

CAUGHT_BY = "test_huge_logits_give_finite_softmax_without_warnings"
MESSAGE = "subtract each row's maximum before np.exp"

import numpy as np


def softmax(z, axis=-1):
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


def cross_entropy(logits, y):
    logp = log_softmax(logits, axis=1)
    return float(-logp[np.arange(len(y)), y].mean())
