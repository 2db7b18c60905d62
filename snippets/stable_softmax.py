"""Numerically stable softmax, log-softmax and cross-entropy in NumPy (coding problem).

The reference solution of docs/coding/stable_softmax.md, with tiny examples.

Run on its own: python snippets/stable_softmax.py
"""

import numpy as np


# --8<-- [start:solution]
def softmax(z, axis=-1):
    """Softmax of the float array z along `axis`.

    z: float array of any shape with at least one dimension; finite values of any size.
    Returns a float array of z's shape, each slice along `axis` non-negative and
    summing to 1. z is not modified.
    """
    z = np.asarray(z, dtype=float)
    shifted = z - z.max(axis=axis, keepdims=True)  # each slice's maximum becomes 0
    e = np.exp(shifted)  # every exponent <= 0: no overflow, and the largest term is 1
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    """Log of softmax(z) along `axis`, computed as z - logsumexp(z).

    Same shapes and rules as softmax. Finite wherever z is finite, even when a
    probability is too small to be stored (exp(-2000) is 0.0 in float64).
    """
    z = np.asarray(z, dtype=float)
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def cross_entropy(logits, y):
    """Mean cross-entropy -log softmax(logits)[i, y[i]] over the n samples.

    logits: float array (n, k), one row of class scores per sample, finite.
    y: int array (n,), the true class of each sample, in 0..k-1.
    Returns a Python float >= 0 (natural log). The inputs are not modified.
    """
    logp = log_softmax(logits, axis=1)  # (n, k)
    y = np.asarray(y)
    return float(-logp[np.arange(len(y)), y].mean())


# --8<-- [end:solution]

# --8<-- [start:examples]
np.set_printoptions(suppress=True)  # plain decimals rather than 1e+03
z = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]])
print(np.round(softmax(z), 3))  # the second row would overflow without the shift
print(np.round(log_softmax(z), 3))
print(f"{cross_entropy(z, np.array([2, 2])):.3f}")  # row 2 is confidently wrong
# --8<-- [end:examples]
