"""Dropout from scratch in NumPy: the mask, inverted scaling, the ensemble it averages,
and what it does to a small network that would otherwise memorize its training set.

Run on its own: python snippets/dropout.py
"""

import itertools

import numpy as np
from threadpoolctl import threadpool_limits

# Tiny arrays: one BLAS thread is fastest, and steadier on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --8<-- [start:forward]
def dropout(a, p, rng):
    """Inverted dropout, training mode: zero each entry with probability p and
    scale the survivors by 1 / (1 - p). At inference the layer is the identity."""
    keep = rng.random(a.shape) >= p
    return a * keep / (1 - p), keep


rng = np.random.default_rng(0)
a = np.array([0.5, 1.0, 1.5, 2.0, 2.5, 3.0])  # one example's activations
out, keep = dropout(a, p=0.5, rng=rng)
print("activations:      ", a)
print("kept (1) / dropped:", keep.astype(int))
print("training output:  ", out)
print("inference output: ", a)
# --8<-- [end:forward]

assert np.array_equal(out[keep], a[keep] * 2) and np.all(out[~keep] == 0)

# --8<-- [start:expectation]
p, n_draws = 0.2, 200_000
A = np.tile(a, (n_draws, 1))  # the same activations under 200,000 random masks
inverted, keep = dropout(A, p, rng)
original = A * keep  # the 2014 paper's version: no scaling while training

print("E[inverted dropout]       ", inverted.mean(axis=0).round(3))
print("E[unscaled dropout]       ", original.mean(axis=0).round(3))
print("(1 - p) a, unscaled's rule", (1 - p) * a)
sd_formula = a * np.sqrt(p / (1 - p))
print("sd of inverted, measured  ", inverted.std(axis=0).round(3))
print("sd, a sqrt(p / (1 - p))   ", sd_formula.round(3))
# --8<-- [end:expectation]

# Expectations match: inverted dropout averages to a, unscaled dropout to (1 - p) a.
se = sd_formula / np.sqrt(n_draws)  # standard error of each Monte Carlo mean
assert np.all(np.abs(inverted.mean(axis=0) - a) < 5 * se)
assert np.all(np.abs(original.mean(axis=0) - (1 - p) * a) < 5 * se)
# The mean is preserved, the variance is not: that is the train/test "variance shift".
assert np.allclose(inverted.std(axis=0), sd_formula, rtol=0.01)

# --8<-- [start:ensemble]
# A tiny network, small enough to list every sub-network dropout can sample:
# 3 inputs -> 8 ReLU hidden units -> sigmoid output, dropout (p = 0.5) on the hidden.
net = np.random.default_rng(1)
W1, b1 = net.normal(size=(3, 8)), net.normal(size=8)
w2, b2 = net.normal(size=8), 0.1
x = net.normal(size=(4, 3))  # four inputs to predict

h = np.maximum(x @ W1 + b1, 0)
masks = np.array(list(itertools.product([0, 1], repeat=8)))  # all 2**8 = 256
logits = (h[:, None, :] * masks / 0.5) @ w2 + b2  # shape (4 inputs, 256 nets)
probs = sigmoid(logits)

arithmetic = probs.mean(axis=1)  # average the 256 predictions
geometric = sigmoid(logits.mean(axis=1))  # normalized geometric mean
one_pass = sigmoid(h @ w2 + b2)  # inference: the full network, one pass
print("arithmetic mean of 256 nets:", arithmetic.round(4))
print("geometric mean of 256 nets: ", geometric.round(4))
print("one pass of the full net:   ", one_pass.round(4))
# --8<-- [end:ensemble]

# One pass equals the normalized geometric mean exactly (the logit is linear in the
# mask), and is close to, but not equal to, the arithmetic mean.
assert np.allclose(one_pass, geometric, atol=1e-12)
gap_arith = np.abs(one_pass - arithmetic).max()
assert 1e-4 < gap_arith < 0.15


# The same check with dropout on the inputs too: a ReLU sits between the two masks, so
# one pass is no longer the exact geometric mean (used by this page's tests and prose).
def logits_with_input_dropout(x):
    in_masks = np.array(list(itertools.product([0, 1], repeat=3)))
    out = []
    for m_in in in_masks:
        h_m = np.maximum((x * m_in / 0.5) @ W1 + b1, 0)
        out.append((h_m[:, None, :] * masks / 0.5) @ w2 + b2)
    return np.concatenate(out, axis=1)  # (inputs, 8 * 256 nets)


geo_both = sigmoid(logits_with_input_dropout(x).mean(axis=1))
assert np.abs(geo_both - one_pass).max() > 1e-3

# A data set a 64-unit network memorizes: 100 training rows, 50 features, only the
# first five carry signal (plus one interaction), and label noise.
data = np.random.default_rng(2)
n_train, n_features = 100, 50
beta = np.r_[data.normal(0, 2, 5), np.zeros(n_features - 5)]
X_all = data.normal(size=(n_train + 2000, n_features))
score = X_all @ beta + 0.5 * X_all[:, 0] * X_all[:, 1] + data.normal(size=len(X_all))
y_all = (score > 0).astype(float)
X_train, y_train = X_all[:n_train], y_all[:n_train]
X_test, y_test = X_all[n_train:], y_all[n_train:]


def log_loss(z, y):
    return np.mean(np.logaddexp(0, z) - y * z)  # binary cross-entropy on logits


def adam_step(params, grads, state, t, lr=1e-2, b1=0.9, b2=0.999):
    """Adam (Kingma and Ba, 2015), written out so the snippet needs NumPy only."""
    for k in params:
        m, v = state.setdefault(k, (np.zeros_like(params[k]), np.zeros_like(params[k])))
        m, v = b1 * m + (1 - b1) * grads[k], b2 * v + (1 - b2) * grads[k] ** 2
        state[k] = (m, v)
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        params[k] = params[k] - lr * m_hat / (np.sqrt(v_hat) + 1e-8)


# --8<-- [start:network]
def init(seed, d=n_features, hidden=64):
    r = np.random.default_rng(seed)
    return {
        "W1": r.normal(0, np.sqrt(2 / d), (d, hidden)),
        "b1": np.zeros(hidden),
        "w2": r.normal(0, np.sqrt(1 / hidden), hidden),
        "b2": np.zeros(1),
    }


def forward(P, X, masks=None):
    """masks = (input mask, hidden mask), scaled by 1/(1-p); None means inference."""
    m_in, m_hid = masks if masks is not None else (1.0, 1.0)
    x = X * m_in
    z1 = x @ P["W1"] + P["b1"]
    h = np.maximum(z1, 0) * m_hid
    return h @ P["w2"] + P["b2"], (x, z1, m_hid, h)


def backward(P, logit, cache, y):
    x, z1, m_hid, h = cache
    d_logit = (sigmoid(logit) - y) / len(y)  # gradient of the mean log-loss
    dz1 = np.outer(d_logit, P["w2"]) * m_hid * (z1 > 0)  # the same mask, backwards
    return {
        "w2": h.T @ d_logit,
        "b2": d_logit.sum(keepdims=True),
        "W1": x.T @ dz1,
        "b1": dz1.sum(axis=0),
    }


def sample_masks(rng, shape_in, shape_hid, p_in, p_hid):
    return (
        (rng.random(shape_in) >= p_in) / (1 - p_in),
        (rng.random(shape_hid) >= p_hid) / (1 - p_hid),
    )


# Check the hand-written gradient against central finite differences, mask held fixed.
P = init(seed=0)
fixed = sample_masks(np.random.default_rng(3), X_train.shape, (n_train, 64), 0.2, 0.5)
logit, cache = forward(P, X_train, fixed)
grads = backward(P, logit, cache, y_train)
worst = 0.0
for k in P:
    numeric = np.zeros_like(P[k])
    for i in np.ndindex(P[k].shape):
        old = P[k][i]
        P[k][i] = old + 1e-6
        up = log_loss(forward(P, X_train, fixed)[0], y_train)
        P[k][i] = old - 1e-6
        down = log_loss(forward(P, X_train, fixed)[0], y_train)
        P[k][i] = old
        numeric[i] = (up - down) / 2e-6
    rel = np.linalg.norm(grads[k] - numeric) / np.linalg.norm(grads[k] + numeric)
    worst = max(worst, rel)
print(f"largest relative error, backprop vs finite differences: {worst:.1e}")
# --8<-- [end:network]

assert worst < 1e-6


# --8<-- [start:training]
def train(p_in, p_hid, steps=500, seed=0):
    P, state, rng, curve = init(seed), {}, np.random.default_rng(seed + 1), []
    for t in range(1, steps + 1):
        masks = sample_masks(rng, X_train.shape, (n_train, 64), p_in, p_hid)
        logit, cache = forward(P, X_train, masks)  # training mode: a fresh mask
        adam_step(P, backward(P, logit, cache, y_train), state, t)
        if t % 10 == 0:  # evaluate in inference mode: no mask
            train_loss = log_loss(forward(P, X_train)[0], y_train)
            test_loss = log_loss(forward(P, X_test)[0], y_test)
            curve.append((t, train_loss, test_loss))
    return P, np.array(curve)


results = {}
for name, p_in, p_hid in (("no dropout", 0.0, 0.0), ("dropout 0.2 / 0.5", 0.2, 0.5)):
    P, curve = train(p_in, p_hid)
    acc_train = np.mean((forward(P, X_train)[0] > 0) == y_train)
    acc_test = np.mean((forward(P, X_test)[0] > 0) == y_test)
    results[name] = (P, curve, acc_train, acc_test)
    print(
        f"{name:18s} train acc {acc_train:.3f}   test acc {acc_test:.3f}   "
        f"test log-loss {curve[-1, 2]:.3f}"
    )
# --8<-- [end:training]

(P_plain, curve_plain, tr_plain, te_plain) = results["no dropout"]
(P_drop, curve_drop, tr_drop, te_drop) = results["dropout 0.2 / 0.5"]
# Both networks fit the 100 training rows perfectly; the dropout one generalizes better.
assert tr_plain == 1.0 and tr_drop == 1.0
assert te_drop > te_plain + 0.03
assert curve_drop[-1, 2] < curve_plain[-1, 2] - 0.3
# Without dropout the test loss is lowest within the first few steps and then rises:
# overfitting. With dropout it falls further, then rises too, but by less.
assert curve_plain[:, 0][curve_plain[:, 2].argmin()] <= 30
assert curve_plain[-1, 2] > curve_plain[:, 2].min() + 0.3
assert curve_drop[:, 2].min() < curve_plain[:, 2].min() - 0.1
rise_plain = curve_plain[-1, 2] - curve_plain[:, 2].min()
rise_drop = curve_drop[-1, 2] - curve_drop[:, 2].min()
assert 0 < rise_drop < rise_plain

# --8<-- [start:mc]
# Monte Carlo dropout: keep the masks on at test time and average T passes.
mc_rng = np.random.default_rng(4)
T = 200
mc_probs = []
for _ in range(T):
    masks = sample_masks(mc_rng, X_test.shape, (len(X_test), 64), 0.2, 0.5)
    mc_probs.append(sigmoid(forward(P_drop, X_test, masks)[0]))
p_mc = np.mean(mc_probs, axis=0)
p_one_pass = sigmoid(forward(P_drop, X_test)[0])  # inference: no mask
agree = np.mean((p_mc > 0.5) == (p_one_pass > 0.5))
acc_mc = np.mean((p_mc > 0.5) == y_test)
acc_one = np.mean((p_one_pass > 0.5) == y_test)
print(f"test accuracy, one pass with no mask:     {acc_one:.3f}")
print(f"test accuracy, mean of {T} masked passes: {acc_mc:.3f}")
print(f"the two agree on {agree:.1%} of test rows")
# --8<-- [end:mc]

# Weight scaling is a good stand-in for the sampled ensemble here.
assert acc_one == te_drop
assert agree > 0.9 and abs(acc_mc - te_drop) < 0.03

# --8<-- [start:penalty]
# Dropout on the inputs of a linear regression, averaged over every mask exactly,
# is the squared error plus a ridge-like penalty that weights w_j by sum_i x_ij^2.
lin = np.random.default_rng(5)
Xs, ys, w = lin.normal(size=(6, 4)), lin.normal(size=6), lin.normal(size=4)
p_lin = 0.3
expected = 0.0
for m in itertools.product([0, 1], repeat=4):
    m = np.array(m)
    prob = np.prod(np.where(m == 1, 1 - p_lin, p_lin))  # chance of this mask
    expected += prob * np.sum((ys - (Xs * m / (1 - p_lin)) @ w) ** 2)
penalty = p_lin / (1 - p_lin) * np.sum(w**2 * (Xs**2).sum(axis=0))
closed_form = np.sum((ys - Xs @ w) ** 2) + penalty
print(f"expected loss over all 16 masks: {expected:.6f}")
print(f"squared error + penalty:         {closed_form:.6f}")
# --8<-- [end:penalty]

assert np.isclose(expected, closed_form, rtol=1e-12)

_one_thread.restore_original_limits()
