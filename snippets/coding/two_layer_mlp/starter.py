"""Implement a two-layer MLP: forward pass, mean cross-entropy, backward pass, SGD step.

NumPy only. Run the tests with: pytest (they look for solution.py beside them).
"""

import numpy as np  # noqa: F401 (you will need it)


def forward(params, X):
    """Forward pass of input -> ReLU hidden layer -> softmax output.

    params: dict with W1 (d, h), b1 (h,), W2 (h, c), b2 (c,), float64 arrays.
    X: (n, d) float64, one example per row.
    Returns (probs, cache): probs is (n, c) float64, each row non-negative and summing
    to 1, computed with the row maximum subtracted so huge logits cannot overflow;
    cache holds what the backward pass needs (any object you like).
    Does not modify its inputs.
    """
    raise NotImplementedError("write your solution here")


def loss_and_grads(params, X, y):
    """Mean cross-entropy over the batch and its gradient for every parameter.

    y: (n,) integer class labels in 0..c-1, where c = W2.shape[1].
    Returns (loss, grads): loss is a Python float, the mean over the n rows of
    -log probs[i, y[i]], taken from the log-softmax so that it stays finite even when a
    probability underflows to 0; grads is a dict with the same keys and shapes as
    params. The derivative of ReLU at exactly 0 is taken to be 0.
    Does not modify its inputs.
    """
    raise NotImplementedError("write your solution here")


def sgd_step(params, grads, lr):
    """One step of gradient descent: a new dict of new arrays, params - lr * grads.

    Neither params nor grads is modified.
    """
    raise NotImplementedError("write your solution here")
