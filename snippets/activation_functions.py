"""Activation functions: why a network needs them, what the common ones do, dead ReLUs,
and softmax at the output, all from scratch in NumPy.

Run on its own: python snippets/activation_functions.py
"""

import numpy as np
from scipy.special import erf, expit
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

# Tiny data: one thread is fastest; extra BLAS/OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# Two interleaved half-moons: no straight line separates them.
X, y = make_moons(n_samples=400, noise=0.15, random_state=1)
X = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)

# --8<-- [start:collapse]
rng = np.random.default_rng(0)
sizes = [2, 16, 16, 1]  # three layers with no activation between them
Ws = [rng.normal(size=(m, n)) for m, n in zip(sizes, sizes[1:])]
bs = [rng.normal(size=n) for n in sizes[1:]]


def deep_linear(X):
    h = X
    for W, b in zip(Ws, bs):
        h = h @ W + b  # affine, then nothing
    return h


# Multiply the layers out: W = W1 W2 W3 and b = (b1 W2 + b2) W3 + b3.
W, b = Ws[0], bs[0]
for W_next, b_next in zip(Ws[1:], bs[1:]):
    W, b = W @ W_next, b @ W_next + b_next

n_deep = sum(w.size for w in Ws) + sum(c.size for c in bs)
gap = np.abs(deep_linear(X) - (X @ W + b)).max()
print(
    f"3 linear layers, {n_deep} parameters; "
    f"one affine map, {W.size + b.size} parameters"
)
print(f"largest difference between their outputs on 400 points: {gap:.1e}")
# --8<-- [end:collapse]

assert n_deep == 337 and W.size + b.size == 3
assert gap < 1e-9  # the same function, up to round-off

# --8<-- [start:moons]
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier


def mlp(activation):
    return MLPClassifier(
        hidden_layer_sizes=(16, 16, 16),
        activation=activation,
        solver="lbfgs",
        max_iter=2000,
        random_state=0,
    ).fit(X_train, y_train)


linear_net, relu_net = mlp("identity"), mlp("relu")
logreg = LogisticRegression().fit(X_train, y_train)
acc = {
    "logistic regression": logreg.score(X_test, y_test),
    "3 hidden layers, identity": linear_net.score(X_test, y_test),
    "3 hidden layers, ReLU": relu_net.score(X_test, y_test),
}
for name, a in acc.items():
    print(f"{name:26s} test accuracy {a:.3f}")

# The trained identity network, multiplied out, is one logistic regression.
W_net, b_net = linear_net.coefs_[0], linear_net.intercepts_[0]
for W_next, b_next in zip(linear_net.coefs_[1:], linear_net.intercepts_[1:]):
    W_net, b_net = W_net @ W_next, b_net @ W_next + b_next
p_collapsed = expit(X_test @ W_net + b_net).ravel()
same = np.allclose(p_collapsed, linear_net.predict_proba(X_test)[:, 1])
print(f"identity network = sigmoid(x·w + b) with 3 numbers: {same}")
# --8<-- [end:moons]

assert same
assert abs(acc["3 hidden layers, identity"] - acc["logistic regression"]) <= 0.02
assert acc["3 hidden layers, ReLU"] > acc["logistic regression"] + 0.05


# --8<-- [start:functions]
def sigmoid(z):
    return expit(z)  # 1 / (1 + e^-z), without overflow for large negative z


def relu(z):
    return np.maximum(z, 0.0)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def gelu(z):
    return z * 0.5 * (1 + erf(z / np.sqrt(2)))  # z times the normal CDF at z


activations = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "ReLU": (relu, lambda z: (z > 0).astype(float)),
    "leaky ReLU": (leaky_relu, lambda z: np.where(z > 0, 1.0, 0.01)),
    "GELU": (
        gelu,
        lambda z: (
            0.5 * (1 + erf(z / np.sqrt(2)))
            + z * np.exp(-(z**2) / 2) / np.sqrt(2 * np.pi)
        ),
    ),
}
z = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
print(f"{'z':>12s}" + "".join(f"{v:8.1f}" for v in z))
for name, (f, df) in activations.items():
    print(f"{name:>12s}" + "".join(f"{v:8.3f}" for v in f(z)))
print("derivatives")
for name, (f, df) in activations.items():
    print(f"{name:>12s}" + "".join(f"{v:8.3f}" for v in df(z)))
# --8<-- [end:functions]

# Every derivative formula agrees with central differences (away from ReLU's kink at 0).
grid = np.linspace(-5, 5, 1000)  # even count: 0 is not on the grid
h = 1e-6
for name, (f, df) in activations.items():
    numeric = (f(grid + h) - f(grid - h)) / (2 * h)
    rel = np.linalg.norm(numeric - df(grid)) / np.linalg.norm(df(grid))
    assert rel < 1e-6, (name, rel)
# tanh is a rescaled, zero-centred sigmoid.
assert np.allclose(np.tanh(grid), 2 * sigmoid(2 * grid) - 1)
# GELU dips below zero, to about -0.17 near z = -0.75, then rises: it is not monotone.
dense = np.linspace(-3, 1, 40001)
assert (
    abs(gelu(dense).min() + 0.17) < 0.001
    and abs(dense[gelu(dense).argmin()] + 0.75) < 0.01
)
# The tanh approximation of GELU used in BERT and GPT-2 is within 5e-4 of the exact one.
gelu_tanh = 0.5 * grid * (1 + np.tanh(np.sqrt(2 / np.pi) * (grid + 0.044715 * grid**3)))
assert np.abs(gelu_tanh - gelu(grid)).max() < 5e-4

# --8<-- [start:saturation]
d_sigmoid = activations["sigmoid"][1]
d_tanh = activations["tanh"][1]
for zz in (0.0, 2.0, 5.0, 10.0):
    print(f"z = {zz:4.1f}: sigmoid' = {d_sigmoid(zz):.5f}   tanh' = {d_tanh(zz):.5f}")
print(f"best case through 10 sigmoid layers: 0.25**10 = {0.25**10:.1e}")
# --8<-- [end:saturation]

assert d_sigmoid(0.0) == 0.25 and d_tanh(0.0) == 1.0  # their largest values
assert d_sigmoid(grid).max() <= 0.25 and d_tanh(grid).max() <= 1.0
assert d_sigmoid(10.0) < 1e-4 and d_tanh(5.0) < 1e-3  # saturated: almost no gradient


# --8<-- [start:dead_relu]
def fit(params, alpha, lr, n_steps):
    """Full-batch gradient descent for a 2-16-1 (leaky) ReLU net on the moons."""
    W1, b1, w2, b2 = (p.copy() for p in params)
    t = y.astype(float)
    for _ in range(n_steps):
        Z1 = X @ W1 + b1
        A1 = np.where(Z1 > 0, Z1, alpha * Z1)
        d2 = (expit(A1 @ w2 + b2) - t) / len(t)  # logistic loss: p - t
        dZ1 = np.outer(d2, w2) * np.where(Z1 > 0, 1.0, alpha)
        W1 -= lr * X.T @ dZ1
        b1 -= lr * dZ1.sum(axis=0)
        w2 -= lr * A1.T @ d2
        b2 -= lr * d2.sum()
    return W1, b1, w2, b2


def dead_units(params):
    W1, b1, _, _ = params
    return np.flatnonzero((X @ W1 + b1 <= 0).all(axis=0))  # negative on every row


rng = np.random.default_rng(1)
start = (rng.normal(size=(2, 16)), np.zeros(16), rng.normal(0, 0.25, 16), np.array(0.0))
calm = fit(start, alpha=0.0, lr=1.0, n_steps=200)
wild = fit(start, alpha=0.0, lr=10.0, n_steps=200)  # learning rate 10 times too high
dead = dead_units(wild)
print(f"learning rate 1:  {len(dead_units(calm))} of 16 ReLU units dead")
print(f"learning rate 10: {len(dead)} of 16 ReLU units dead")

# 2000 more steps at the calm rate: a dead unit's weights receive exactly zero gradient.
later = fit(wild, alpha=0.0, lr=1.0, n_steps=2000)
frozen = np.array_equal(later[0][:, dead], wild[0][:, dead])
print(f"after 2000 more steps, dead units' weights unchanged to the last bit: {frozen}")

# The same with leaky ReLU (slope 0.01 below 0): negative units still get a gradient.
leaky = fit(start, alpha=0.01, lr=10.0, n_steps=200)
quiet = dead_units(leaky)  # negative on every row, as the dead ones above
leaky_later = fit(leaky, alpha=0.01, lr=1.0, n_steps=2000)
moved = not np.array_equal(leaky_later[0][:, quiet], leaky[0][:, quiet])
print(
    f"leaky ReLU: {len(quiet)} units negative on every row; their weights move: {moved}"
)
# --8<-- [end:dead_relu]

assert len(dead_units(calm)) == 0 and len(dead) == 8
assert frozen and np.array_equal(later[1][dead], wild[1][dead])
assert len(quiet) > 0 and moved


# --8<-- [start:softmax]
def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)  # exp never overflows; result unchanged
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


logits = np.array([2.0, 1.0, -1.0])
p = softmax(logits)
print(f"softmax({logits}) = {np.round(p, 3)}, sum {p.sum():.1f}")
print(
    "adding 100 to every logit changes nothing:",
    np.allclose(softmax(logits + 100), p),
)
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(logits + 1000) / np.exp(logits + 1000).sum()
print(
    f"naive exp of logits near 1000: {naive}; "
    f"stable: {np.round(softmax(logits + 1000), 3)}"
)

# Two classes: softmax over (z1, z2) is the sigmoid of the difference.
two = np.array([0.7, -0.4])
print(
    f"2-class softmax {softmax(two)[0]:.4f} = "
    f"sigmoid(z1 - z2) {expit(two[0] - two[1]):.4f}"
)

# What scikit-learn's MLP puts at the output, by task:
# (one partial_fit pass builds the network; the labels are made up for the demo)
three = MLPClassifier(random_state=0).partial_fit(
    X, np.arange(400) % 3, classes=[0, 1, 2]
)
binary = MLPClassifier(random_state=0).partial_fit(X, y, classes=[0, 1])
print(
    f"MLPClassifier output: 3 classes {three.out_activation_!r}, "
    f"2 classes {binary.out_activation_!r}"
)
# --8<-- [end:softmax]

assert np.isclose(p.sum(), 1.0) and np.all(np.isnan(naive))
assert np.allclose(softmax(logits + 1000), p)
assert np.isclose(softmax(two)[0], expit(two[0] - two[1]))
assert three.out_activation_ == "softmax" and binary.out_activation_ == "logistic"
# The gradient of cross-entropy with respect to the logits is p - onehot (numerically).
k = 0
ce = lambda zz: -np.log(softmax(zz)[k])  # noqa: E731
num = np.array(
    [(ce(logits + 1e-6 * e) - ce(logits - 1e-6 * e)) / 2e-6 for e in np.eye(3)]
)
exact = p - np.eye(3)[k]
assert np.linalg.norm(num - exact) / np.linalg.norm(exact) < 1e-6

_one_thread.restore_original_limits()
