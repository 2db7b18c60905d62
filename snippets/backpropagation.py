"""Backpropagation by hand: the forward and backward pass of a two-layer network in
NumPy, checked entry by entry against central finite differences, then used to train.

Run on its own: python snippets/backpropagation.py
"""

import numpy as np
from sklearn.datasets import load_iris
from sklearn.preprocessing import StandardScaler

# Iris: 150 flowers, 4 measurements, 3 species. Standardised, labels one-hot encoded.
X_raw, y = load_iris(return_X_y=True)
X = StandardScaler().fit_transform(X_raw)
Y = np.eye(3)[y]  # (150, 3): row i has a 1 in the column of its class

# --8<-- [start:forward]
D, H, K = 4, 8, 3  # inputs, hidden units, classes
rng = np.random.default_rng(0)
params = {
    "W1": rng.normal(0, 1 / np.sqrt(D), (D, H)),  # small random weights break symmetry
    "b1": np.zeros(H),
    "W2": rng.normal(0, 0.01, (H, K)),  # tiny output weights: softmax starts uniform
    "b2": np.zeros(K),
}


def forward(params, X, Y):
    """Mean cross-entropy of a tanh hidden layer and a softmax output, and the cache."""
    Z1 = X @ params["W1"] + params["b1"]  # (N, H) pre-activations
    A1 = np.tanh(Z1)  # (N, H) hidden activations
    Z2 = A1 @ params["W2"] + params["b2"]  # (N, K) logits
    Z2 = Z2 - Z2.max(axis=1, keepdims=True)  # same softmax, no overflow
    P = np.exp(Z2) / np.exp(Z2).sum(axis=1, keepdims=True)  # (N, K) probabilities
    loss = -np.mean(np.log(P[Y == 1]))  # minus log-probability of the true class
    return loss, (X, A1, P, Y)  # the cache: what the backward pass will need


loss, cache = forward(params, X, Y)
print(f"loss at initialisation: {loss:.4f}   log K = log 3 = {np.log(K):.4f}")
# --8<-- [end:forward]

# A near-uniform softmax at the start: the loss is close to that of a uniform guess.
assert abs(loss - np.log(K)) < 0.05


# --8<-- [start:backward]
def backward(params, cache):
    """Gradients of the mean cross-entropy with respect to every parameter."""
    X, A1, P, Y = cache
    N = X.shape[0]
    dZ2 = (P - Y) / N  # (N, K) softmax + cross-entropy: p - y, over N for the mean
    dW2 = A1.T @ dZ2  # (H, K) each weight: its input times the error it feeds
    db2 = dZ2.sum(axis=0)  # (K,)   a bias is added to every row: sum over rows
    dA1 = dZ2 @ params["W2"].T  # (N, H) the error sent back through W2
    dZ1 = dA1 * (1 - A1**2)  # (N, H) through tanh, whose derivative is 1 - tanh²
    dW1 = X.T @ dZ1  # (D, H)
    db1 = dZ1.sum(axis=0)  # (H,)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


grads = backward(params, cache)
for name in params:
    print(
        f"{name}: parameter {str(params[name].shape):7s} gradient {grads[name].shape}"
    )
# --8<-- [end:backward]

# Every gradient has the shape of its parameter: the first check of a derivation.
assert all(grads[n].shape == params[n].shape for n in params)


# --8<-- [start:gradcheck]
def numerical_gradient(params, X, Y, h=1e-5, central=True):
    """Nudge one parameter at a time and difference the loss: slow but plainly right."""
    num = {}
    for name, p in params.items():
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + h
            plus = forward(params, X, Y)[0]
            p[i] = old - h if central else old
            minus = forward(params, X, Y)[0]
            p[i] = old  # put it back
            g[i] = (plus - minus) / (2 * h if central else h)
        num[name] = g
    return num


def relative_error(a, b):
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


num = numerical_gradient(params, X, Y)
errors = {name: relative_error(grads[name], num[name]) for name in params}
print("      |gradient|   relative error, backprop vs central differences")
for name, err in errors.items():
    print(f"{name:4s}  {np.linalg.norm(grads[name]):10.1e}   {err:.1e}")
n_params = sum(p.size for p in params.values())
print(f"{n_params} parameters: {2 * n_params} extra forward passes for one check")
# --8<-- [end:gradcheck]

# The analytic gradient agrees with central differences to far better than 1e-6.
assert max(errors.values()) < 1e-6
# b2's gradient is nearly zero at the start (balanced classes, uniform softmax), so
# round-off weighs most in its relative error: the worst entry is the smallest gradient.
assert min(params, key=lambda n: np.linalg.norm(grads[n])) == "b2"
assert max(errors, key=errors.get) == "b2"
assert n_params == D * H + H + H * K + K == 67


# --8<-- [start:step_size]
def flat(g):
    return np.concatenate([v.ravel() for v in g.values()])


g_exact = flat(grads)
steps = 10.0 ** -np.arange(1, 13)  # h = 1e-1, 1e-2, ..., 1e-12
err_central, err_forward = [], []
for h in steps:
    err_central.append(
        relative_error(g_exact, flat(numerical_gradient(params, X, Y, h)))
    )
    num_fwd = numerical_gradient(params, X, Y, h, central=False)
    err_forward.append(relative_error(g_exact, flat(num_fwd)))
for h, e_c, e_f in list(zip(steps, err_central, err_forward))[::2]:
    print(f"h = {h:.0e}:  central difference {e_c:.1e}   forward difference {e_f:.1e}")
# --8<-- [end:step_size]

err_c, err_f = np.array(err_central), np.array(err_forward)
best_c = steps[np.argmin(err_c)]
# Truncation error: central falls like h² (4 decades per 2 of h), forward like h.
assert 3.5 < np.log10(err_c[0] / err_c[2]) < 4.5
assert 1.5 < np.log10(err_f[0] / err_f[2]) < 2.5
# The best central step is near 1e-5; below it round-off grows like 1/h.
assert 1e-6 <= best_c <= 1e-4
assert err_c[-1] > 1e4 * err_c.min()  # h = 1e-12 is far worse than the best step
assert 1.5 < np.log10(err_c[-1] / err_c[-3]) < 2.5  # about 1/h: 2 decades per 2
# At its best step, the central difference is far more accurate than the forward one.
assert err_c.min() < err_f.min() / 100


# --8<-- [start:train]
def train(params, X, Y, lr=0.5, n_steps=300):
    """Full-batch gradient descent with the hand-written gradients."""
    params = {k: v.copy() for k, v in params.items()}
    losses = []
    for step in range(n_steps):
        loss, cache = forward(params, X, Y)
        grads = backward(params, cache)
        for name in params:
            params[name] -= lr * grads[name]
        losses.append(loss)
    return params, losses


trained, losses = train(params, X, Y)
_, (_, _, P_trained, _) = forward(trained, X, Y)
accuracy = np.mean(P_trained.argmax(axis=1) == y)
print(
    f"loss: step 0 {losses[0]:.3f}, step 100 {losses[100]:.3f}, "
    f"step 299 {losses[-1]:.3f}"
)
print(f"training accuracy after 300 steps: {accuracy:.3f}")
# --8<-- [end:train]

assert losses[-1] < 0.1 < 1.0 < losses[0]
assert accuracy > 0.95

# --8<-- [start:symmetry]
# Every weight the same (here 0.1): every hidden unit computes the same function.
same = {
    "W1": np.full((D, H), 0.1),
    "b1": np.zeros(H),
    "W2": np.full((H, K), 0.1),
    "b2": np.zeros(K),
}
g_same = backward(same, forward(same, X, Y)[1])
print(
    f"equal start: every hidden unit gets the same gradient? "
    f"{np.allclose(g_same['W1'], g_same['W1'][:, :1])}"
)
after, _ = train(same, X, Y)
print(
    f"after 300 steps, all {H} hidden units are still identical? "
    f"{np.allclose(after['W1'], after['W1'][:, :1])}"
)

# All zeros: tanh(0) = 0, so nothing reaches W1 or W2 at all.
zero = {name: np.zeros_like(p) for name, p in params.items()}
g_zero = backward(zero, forward(zero, X, Y)[1])
print(
    f"zero start: |dW1| = {np.linalg.norm(g_zero['W1'])}, "
    f"|dW2| = {np.linalg.norm(g_zero['W2'])}"
)
# --8<-- [end:symmetry]

assert np.allclose(g_same["W1"], g_same["W1"][:, :1])
assert np.allclose(after["W1"], after["W1"][:, :1])  # symmetry is never broken
assert np.linalg.norm(g_zero["W1"]) == 0 and np.linalg.norm(g_zero["W2"]) == 0
# Only b2 can get a gradient, and balanced classes make it zero up to round-off.
assert np.abs(g_zero["b2"]).max() < 1e-12 and np.linalg.norm(g_zero["b1"]) == 0
