"""Wrong: the backward pass skips the ReLU derivative (no mask on dA1).

A plausible mistake for the two-layer MLP problem; the tests must catch it.
"""

CAUGHT_BY = "test_hidden_layer_gradients_match_finite_differences"
MESSAGE = "multiply dA1 elementwise by the ReLU"

import numpy as np


def forward(params, X):
    """Forward pass of input -> ReLU hidden layer -> softmax output.

    params: dict with W1 (d, h), b1 (h,), W2 (h, c), b2 (c,), float64 arrays.
    X: (n, d) float64, one example per row.
    Returns (probs, cache): probs is (n, c) float64, each row non-negative and summing
    to 1, computed with the row maximum subtracted so huge logits cannot overflow;
    cache holds what the backward pass needs (any object you like).
    Does not modify its inputs.
    """
    Z1 = X @ params["W1"] + params["b1"]  # (n, h) pre-activations
    A1 = np.maximum(Z1, 0.0)  # (n, h) ReLU
    logits = A1 @ params["W2"] + params["b2"]  # (n, c)
    shifted = logits - logits.max(axis=1, keepdims=True)  # largest entry of a row is 0
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    probs = np.exp(log_probs)
    return probs, (X, Z1, A1, log_probs)


def loss_and_grads(params, X, y):
    """Mean cross-entropy over the batch and its gradient for every parameter.

    y: (n,) integer class labels in 0..c-1, where c = W2.shape[1].
    Returns (loss, grads): loss is a Python float, the mean over the n rows of
    -log probs[i, y[i]], taken from the log-softmax so that it stays finite even when a
    probability underflows to 0; grads is a dict with the same keys and shapes as
    params. The derivative of ReLU at exactly 0 is taken to be 0.
    Does not modify its inputs.
    """
    probs, (X, Z1, A1, log_probs) = forward(params, X)
    n = X.shape[0]
    loss = -log_probs[np.arange(n), y].mean()

    dlogits = probs.copy()  # softmax + cross-entropy: d loss / d logits = p - onehot
    dlogits[np.arange(n), y] -= 1.0
    dlogits /= n  # the loss is a mean over the batch
    dW2 = A1.T @ dlogits  # (h, c): layer input transposed times error signal
    db2 = dlogits.sum(axis=0)  # (c,): b2 is added to every row, so sum over rows
    dA1 = dlogits @ params["W2"].T  # (n, h): back through W2
    dZ1 = dA1  # (n, h): forgot the ReLU
    dW1 = X.T @ dZ1  # (d, h)
    db1 = dZ1.sum(axis=0)  # (h,)
    return float(loss), {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def sgd_step(params, grads, lr):
    """One step of gradient descent: a new dict of new arrays, params - lr * grads.

    Neither params nor grads is modified.
    """
    return {name: params[name] - lr * grads[name] for name in params}
