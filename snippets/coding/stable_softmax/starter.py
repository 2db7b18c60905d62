"""Numerically stable softmax, log-softmax and cross-entropy: write the three functions.

Replace each NotImplementedError with your code, then run the tests with pytest.
"""

import numpy as np  # noqa: F401 (you will need it)


def softmax(z, axis=-1):
    """Softmax of the float array z along `axis`.

    z: float array of any shape with at least one dimension; finite values of any size.
    Returns a float array of z's shape, each slice along `axis` non-negative and
    summing to 1. z is not modified.
    """
    raise NotImplementedError("write your solution here")


def log_softmax(z, axis=-1):
    """Log of softmax(z) along `axis`, computed as z - logsumexp(z).

    Same shapes and rules as softmax. Finite wherever z is finite, even when a
    probability is too small to be stored (exp(-2000) is 0.0 in float64).
    """
    raise NotImplementedError("write your solution here")


def cross_entropy(logits, y):
    """Mean cross-entropy -log softmax(logits)[i, y[i]] over the n samples.

    logits: float array (n, k), one row of class scores per sample, finite.
    y: int array (n,), the true class of each sample, in 0..k-1.
    Returns a Python float >= 0 (natural log). The inputs are not modified.
    """
    raise NotImplementedError("write your solution here")
