"""Vanishing and exploding gradients in a 30-layer network, from scratch in NumPy.

The backward pass multiplies one Jacobian per layer, so the gradient that reaches the
first layer is scaled by a product of 29 factors. The snippet measures that product for
sigmoid, tanh and ReLU networks under bad and good initialisations, checks the hand-made
backward pass against finite differences, adds residual connections, and clips an
exploding gradient.

Run on its own: python snippets/vanishing_exploding_gradients.py
"""

import numpy as np
from threadpoolctl import threadpool_limits

# Small matrices: one BLAS thread is fastest; extra threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# --8<-- [start:network]
n, L, B = 64, 30, 64  # width, depth, batch size
rng = np.random.default_rng(0)
X = rng.normal(size=(B, n))  # a batch of inputs
y = rng.normal(size=B)  # regression targets
w_out = rng.normal(size=n) / np.sqrt(n)  # fixed linear read-out


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# Each activation with its derivative.
ACT = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0) * 1.0),
}


def init(std, seed=1):
    """L weight matrices with i.i.d. N(0, std^2) entries."""
    r = np.random.default_rng(seed)
    return [r.normal(0.0, std, size=(n, n)) for _ in range(L)]


def forward(Ws, act, residual=False):
    """Pre-activations z_1..z_L: z_1 = X W_1, then z_l = act(z_{l-1}) W_l
    (+ z_{l-1} with residual connections)."""
    f = ACT[act][0]
    zs = [X @ Ws[0]]
    for W in Ws[1:]:
        branch = f(zs[-1]) @ W
        zs.append(zs[-1] + branch if residual else branch)
    return zs


def loss(Ws, act, residual=False):
    pred = forward(Ws, act, residual)[-1] @ w_out
    return 0.5 * np.mean((pred - y) ** 2)


def backward(Ws, act, residual=False):
    """Gradients of the loss w.r.t. every z_l and every W_l, by the chain rule."""
    f, df = ACT[act]
    zs = forward(Ws, act, residual)
    g = np.outer(zs[-1] @ w_out - y, w_out) / B  # dLoss/dz_L
    gz, gW = [None] * L, [None] * L
    for k in range(L - 1, 0, -1):  # layer k + 1 in the page's numbering
        gz[k] = g
        gW[k] = f(zs[k - 1]).T @ g
        # one layer's Jacobian: through W, then through the activation's slope
        g = (g @ Ws[k].T) * df(zs[k - 1]) + (g if residual else 0.0)
    gz[0], gW[0] = g, X.T @ g
    return zs, gz, gW


# --8<-- [end:network]


# --8<-- [start:grad_check]
def grad_check(Ws, act, residual=False, eps=1e-5, k=4):
    """Largest relative error of backward() against central finite differences."""
    gW = backward(Ws, act, residual)[2]
    r = np.random.default_rng(2)
    worst = 0.0
    for layer in (0, L - 1):  # the first and the last layer
        for i, j in r.integers(0, n, size=(k, 2)):
            Wp = [W.copy() for W in Ws]
            Wm = [W.copy() for W in Ws]
            Wp[layer][i, j] += eps
            Wm[layer][i, j] -= eps
            fd = (loss(Wp, act, residual) - loss(Wm, act, residual)) / (2 * eps)
            exact = gW[layer][i, j]
            worst = max(worst, abs(fd - exact) / max(abs(fd), abs(exact)))
    return worst


err_tanh = grad_check(init(np.sqrt(1 / n)), "tanh")
err_res = grad_check(init(np.sqrt(1 / n)), "sigmoid", residual=True)
print(f"tanh network, worst relative error:             {err_tanh:.1e}")
print(f"residual sigmoid network, worst relative error: {err_res:.1e}")
assert err_tanh < 1e-6 and err_res < 1e-6
# --8<-- [end:grad_check]

# --8<-- [start:depth]
CONFIGS = {  # name: (activation, standard deviation of the weights)
    "sigmoid, Xavier": ("sigmoid", np.sqrt(2 / (n + n))),
    "tanh, Xavier": ("tanh", np.sqrt(2 / (n + n))),
    "ReLU, std 0.01": ("relu", 0.01),
    "ReLU, std 1": ("relu", 1.0),
    "ReLU, He": ("relu", np.sqrt(2 / n)),
}
ratios, factors, per_layer = {}, {}, {}
print(f"{'':16s} {'|g_1|/|g_30|':>12s} {'per layer':>9s}", end="")
print(f" {'|dW_1|':>8s} {'|dW_30|':>8s}")
for name, (act, std) in CONFIGS.items():
    zs, gz, gW = backward(init(std), act)
    norms = np.array([np.linalg.norm(g) for g in gz])
    per_layer[name] = norms / norms[-1]  # gradient at layer l relative to the top
    ratios[name] = per_layer[name][0]
    factors[name] = ratios[name] ** (1 / (L - 1))  # geometric mean per layer
    dW1, dWL = np.linalg.norm(gW[0]), np.linalg.norm(gW[-1])
    print(f"{name:16s} {ratios[name]:12.1e} {factors[name]:9.2f} {dW1:8.1e} {dWL:8.1e}")
# --8<-- [end:depth]

# Sigmoid: its slope is at most 1/4, so with Xavier's scale the signal shrinks about
# fourfold per layer and the first layer gets ~1e-18 of the top layer's gradient.
z = np.linspace(-10, 10, 20001)
assert np.isclose(ACT["sigmoid"][1](z).max(), 0.25)
assert factors["sigmoid, Xavier"] < 0.25 and ratios["sigmoid, Xavier"] < 1e-15
# ReLU: the per-layer factor is std * sqrt(n / 2), within 10 %: vanishing for 0.01,
# exploding for 1, about one for He's std = sqrt(2 / n).
for name in ("ReLU, std 0.01", "ReLU, std 1", "ReLU, He"):
    std = CONFIGS[name][1]
    assert abs(factors[name] / (std * np.sqrt(n / 2)) - 1) < 0.1
assert ratios["ReLU, std 0.01"] < 1e-30 and ratios["ReLU, std 1"] > 1e20
# He (ReLU) and Xavier (tanh) keep the first layer's gradient within a factor of 10.
assert 0.1 < ratios["ReLU, He"] < 10 and 0.1 < ratios["tanh, Xavier"] < 10
# He's network ends within a factor of three of one; tanh loses about 6 % per layer.
assert 1 / 3 < ratios["ReLU, He"] < 3
assert round(100 * (1 - factors["tanh, Xavier"])) == 6
assert round(ratios["tanh, Xavier"], 2) == 0.16
# ReLU with std 0.01 loses 94 % of its gradient at every layer.
assert round(100 * (1 - factors["ReLU, std 0.01"])) == 94
# The sigmoid units are not saturated: their mean slope stays above 0.2 (of at most
# 0.25) in every layer, so the slope bound alone makes the gradient vanish.
zs_sig = forward(init(CONFIGS["sigmoid, Xavier"][1]), "sigmoid")
assert min(ACT["sigmoid"][1](z).mean() for z in zs_sig[:-1]) > 0.2
# The page's back-of-the-envelope products over 29 layers: 0.25^29 and 2^29.
assert f"{0.25**29:.0e}" == "3e-18" and f"{2.0**29:.0e}" == "5e+08"

# --8<-- [start:residual]
RESIDUAL = {  # name: (activation, std of the branch weights)
    "sigmoid, Xavier": ("sigmoid", np.sqrt(2 / (n + n))),
    "ReLU, He": ("relu", np.sqrt(2 / n)),
    "ReLU, He / sqrt(L)": ("relu", np.sqrt(2 / n / L)),
}
res_ratio, res_std, res_per_layer = {}, {}, {}
print(f"{'residual network':20s} {'|g_1|/|g_30|':>12s} {'std of z_30':>11s}")
for name, (act, std) in RESIDUAL.items():
    zs, gz, gW = backward(init(std), act, residual=True)
    norms = np.array([np.linalg.norm(g) for g in gz])
    res_per_layer[name] = norms / norms[-1]
    res_ratio[name], res_std[name] = norms[0] / norms[-1], zs[-1].std()
    print(f"{name:20s} {res_ratio[name]:12.1e} {res_std[name]:11.1e}")
# --8<-- [end:residual]

# The identity path rescues the sigmoid network: from ~1e-19 to order one.
assert 0.1 < res_ratio["sigmoid, Xavier"] < 10
# He-scaled branches double the activations' variance per block: they blow up.
assert res_std["ReLU, He"] > 1e3 and res_ratio["ReLU, He"] > 1e3
# Scaling the branches down by sqrt(L) keeps both in range.
assert 0.1 < res_ratio["ReLU, He / sqrt(L)"] < 10 and res_std["ReLU, He / sqrt(L)"] < 10


# --8<-- [start:clip]
def clip_by_global_norm(grads, max_norm):
    """Rescale all gradients together so that their joint norm is at most max_norm."""
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    scale = min(1.0, max_norm / total)
    return [g * scale for g in grads], total


def cosine(grads_a, grads_b):
    a = np.concatenate([g.ravel() for g in grads_a])
    b = np.concatenate([g.ravel() for g in grads_b])
    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))


g_big = backward(init(1.0), "relu")[2]  # the exploding network's gradients
g_norm, total = clip_by_global_norm(g_big, max_norm=1.0)
g_value = [np.clip(g, -1.0, 1.0) for g in g_big]  # clip each entry instead
print(f"global norm before clipping: {total:.1e}")
norm_after = np.sqrt(sum(np.sum(g**2) for g in g_norm))
print(f"clip by norm:  norm {norm_after:.2f}, cosine with the raw gradient ", end="")
print(f"{cosine(g_norm, g_big):.3f}")
print(f"clip by value: cosine with the raw gradient {cosine(g_value, g_big):.3f}")
# --8<-- [end:clip]

assert np.isclose(norm_after, 1.0) and np.isclose(cosine(g_norm, g_big), 1.0)
assert cosine(g_value, g_big) < 0.9  # value clipping changes the direction
# Clipping only ever shrinks: it cannot lift a vanished gradient.
g_tiny = backward(init(0.01), "relu")[2]
g_tiny_clipped = clip_by_global_norm(g_tiny, 1.0)[0]
assert all(np.array_equal(a, b) for a, b in zip(g_tiny_clipped, g_tiny))


# --8<-- [start:cliff]
# A scalar recurrence h_t = w * h_{t-1} unrolled for T = 30 steps, h_0 = 1: the loss
# 0.5 * (w^30 - 2)^2 has a cliff, with gradient T * w^29 * (w^30 - 2).
T, target = 30, 2.0


def cliff_grad(w):
    return T * w ** (T - 1) * (w**T - target)


def descend(w, lr=1e-4, steps=200, max_norm=None):
    path = [w]
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(steps):
            g = cliff_grad(w)
            if max_norm is not None and abs(g) > max_norm:
                g = max_norm * np.sign(g)  # clip by norm (a scalar: its absolute value)
            w = w - lr * g
            path.append(w)
            if not np.isfinite(w):
                break
    return np.array(path)


w0 = np.float64(1.2)
plain, clipped = descend(w0), descend(w0, max_norm=100.0)
print(f"first gradient at w = 1.2: {cliff_grad(w0):.2e}")
print("no clipping:  w =", "  ".join(f"{w:.3g}" for w in plain))
print(f"clip at 100:  w = {clipped[-1]:.4f} after 200 steps;", end=" ")
print(f"the best w is 2^(1/30) = {target ** (1 / T):.4f}")
# --8<-- [end:cliff]

assert not np.isfinite(plain[-1]) and len(plain) < 10  # diverged within a few steps
assert np.isclose(clipped[-1], target ** (1 / T), atol=1e-4)
# No step is longer than lr * 100:
assert np.all(np.abs(np.diff(clipped)) <= 100.0 * 1e-4 + 1e-12)

_one_thread.restore_original_limits()
