"""A two-layer MLP (ReLU hidden layer, softmax output) in NumPy: forward pass, mean
cross-entropy, backward pass for all four parameter arrays, and one SGD step.

The reference solution of the coding problem "Implement a two-layer MLP with
backpropagation"; the examples below print what the page shows as expected output.

Run on its own: python snippets/two_layer_mlp.py
"""

import numpy as np


# --8<-- [start:solution]
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
    dZ1 = dA1 * (Z1 > 0)  # (n, h): ReLU passes the gradient where Z1 > 0
    dW1 = X.T @ dZ1  # (d, h)
    db1 = dZ1.sum(axis=0)  # (h,)
    return float(loss), {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def sgd_step(params, grads, lr):
    """One step of gradient descent: a new dict of new arrays, params - lr * grads.

    Neither params nor grads is modified.
    """
    return {name: params[name] - lr * grads[name] for name in params}


# --8<-- [end:solution]

# --8<-- [start:examples]
rng = np.random.default_rng(3)
n, d, h, c = 4, 3, 5, 3
params = {
    "W1": rng.normal(0, 1, (d, h)),
    "b1": np.zeros(h),
    "W2": rng.normal(0, 1, (h, c)),
    "b2": np.zeros(c),
}
X = rng.normal(size=(n, d))
y = np.array([0, 1, 2, 2])

probs, _ = forward(params, X)
print("probs:")
print(np.round(probs, 3))
loss, grads = loss_and_grads(params, X, y)
print(f"loss: {loss:.4f}")
print({name: g.shape for name, g in grads.items()})
new_params = sgd_step(params, grads, lr=0.5)
print(f"loss after one step with lr=0.5: {loss_and_grads(new_params, X, y)[0]:.4f}")

huge = dict(params, W2=params["W2"] * 1e4)  # logits of order 1e4
probs_huge, _ = forward(huge, X)
loss_huge = loss_and_grads(huge, X, y)[0]
print("logits times 1e4, probs:", np.round(probs_huge, 3).tolist())
print(f"and the loss {loss_huge:.1f} is finite: {np.isfinite(loss_huge)}")
# --8<-- [end:examples]

assert loss_and_grads(new_params, X, y)[0] < loss
assert np.allclose(probs.sum(axis=1), 1) and np.isfinite(probs_huge).all()
assert (
    np.isfinite(loss_huge) and loss_huge > 100
)  # a confident wrong answer costs a lot
