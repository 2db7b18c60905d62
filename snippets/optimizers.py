"""SGD, momentum, RMSProp, Adam and AdamW from scratch in NumPy.

Each optimiser is a few lines. The snippet runs them on an ill-conditioned quadratic
(a ravine), shows what Adam's bias correction does to its first steps, contrasts L2
regularisation with decoupled weight decay, and builds a warm-up plus cosine schedule.

Run on its own: python snippets/optimizers.py
"""

import numpy as np


# --8<-- [start:optimizers]
def sgd(theta, g, state, t, lr):
    return theta - lr * g, state


def momentum(theta, g, v, t, lr, mu=0.9):
    v = mu * v + g  # velocity: a decaying sum of past gradients (PyTorch's convention)
    return theta - lr * v, v


def rmsprop(theta, g, s, t, lr, rho=0.9, eps=1e-8):
    s = rho * s + (1 - rho) * g**2  # running mean of the squared gradient
    return theta - lr * g / (np.sqrt(s) + eps), s


def adam(theta, g, state, t, lr, b1=0.9, b2=0.999, eps=1e-8, weight_decay=0.0):
    """Adam; with weight_decay > 0 it is AdamW (decay applied to theta directly)."""
    m, v = state
    m = b1 * m + (1 - b1) * g  # first moment: momentum
    v = b2 * v + (1 - b2) * g**2  # second moment: RMSProp's scale
    m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)  # bias correction, t = 1, 2, ...
    step = m_hat / (np.sqrt(v_hat) + eps) + weight_decay * theta
    return theta - lr * step, (m, v)


def run(opt, grad, theta, steps, state=0.0, **hp):
    """Iterate opt from theta; return every iterate."""
    path = [theta]
    for t in range(1, steps + 1):
        theta, state = opt(theta, grad(theta), state, t, **hp)
        path.append(theta)
    return np.array(path)


# --8<-- [end:optimizers]


# --8<-- [start:ravine]
curv = np.array([1.0, 100.0])  # curvature along x and along y: condition number 100


def f(p):
    return 0.5 * np.sum(curv * p**2, axis=-1)


def grad(p):
    return curv * p


start = np.array([-8.0, 1.0])
SETTINGS = {  # optimiser, initial state, learning rate picked by hand for this function
    "SGD": (sgd, None, 0.018),  # just under 2 / 100, the largest stable step
    "momentum": (momentum, 0.0, 0.018),
    "RMSProp": (rmsprop, 0.0, 0.1),
    "Adam": (adam, (0.0, 0.0), 0.3),
}
paths, final = {}, {}
print(f"{'':9s} {'loss after 100 steps':>20s} {'after 1000 steps':>17s}")
for name, (opt, state, lr) in SETTINGS.items():
    path = run(opt, grad, start, 1000, state, lr=lr)
    paths[name], final[name] = path[:101], f(path[-1])
    print(f"{name:9s} {f(path[100]):20.2e} {final[name]:17.2e}")
# --8<-- [end:ravine]

loss100 = {name: f(p[100]) for name, p in paths.items()}
# SGD zigzags across the ravine (1 - 0.018 * 100 < 0 flips the sign of y every step)...
assert np.all(np.diff(np.sign(paths["SGD"][:10, 1])) != 0)
# ...and crawls along it: after 100 steps x has covered less than 85 % of the way.
assert abs(paths["SGD"][100, 0]) > 0.15 * abs(start[0])
# Momentum and Adam are at least 100 times closer in loss after 100 steps; momentum's
# loss is nearly a thousand times lower than SGD's.
for name in ("momentum", "Adam"):
    assert loss100[name] < loss100["SGD"] / 100
assert 800 < loss100["SGD"] / loss100["momentum"] < 1000
# RMSProp gets close fast but then rattles: its loss after 1000 steps is no lower,
# while every other optimiser has converged.
assert loss100["RMSProp"] < loss100["SGD"] / 10 and final["RMSProp"] > 0.01
assert final["RMSProp"] >= loss100["RMSProp"]
assert all(final[name] < 1e-10 for name in ("SGD", "momentum", "Adam"))
# Above 2 / 100 plain gradient descent diverges along y.
assert f(run(sgd, grad, start, 100, lr=0.021)[-1]) > f(start)

# --8<-- [start:first_step]
g1 = np.array([1e-8, 1e-4, 1.0, 1e4])  # gradients of very different sizes
theta1, _ = adam(np.zeros(4), g1, (0.0, 0.0), t=1, lr=1e-3)
print("gradient:         ", g1)
print("Adam's first step:", theta1)

# Without bias correction, a constant gradient g gives m / sqrt(v) =
# (1 - b1^t) / sqrt(1 - b2^t) * sign(g): this many times the corrected step.
t = np.arange(1, 10_001)
inflation = (1 - 0.9**t) / np.sqrt(1 - 0.999**t)
for k in (1, 10, 100, 1000, 10_000):
    print(f"step {k:6d}: uncorrected step = {inflation[k - 1]:.2f} x corrected step")
print(f"largest: {inflation.max():.2f} x, at step {t[inflation.argmax()]}")
# --8<-- [end:first_step]

# The first step is lr * sign(g) in every coordinate, whatever the gradient's size,
# until the gradient is as small as eps = 1e-8, which then halves it.
assert np.allclose(theta1[1:], -1e-3 * np.sign(g1[1:]), rtol=1e-3)
assert np.isclose(theta1[0], -0.5e-3)
assert np.isclose(inflation[0], 0.1 / np.sqrt(0.001)) and inflation.max() > 6
# Check the formula against Adam run without the correction on a constant gradient.
m = v = 0.0
for k in range(1, 101):
    m, v = 0.9 * m + 0.1 * 2.0, 0.999 * v + 0.001 * 2.0**2
    assert np.isclose(m / np.sqrt(v), inflation[k - 1])
# Adam's state is two arrays the size of the weights (momentum's is one).
_, adam_state = adam(np.zeros(3), np.ones(3), (0.0, 0.0), t=1, lr=1e-3)
assert len(adam_state) == 2 and all(np.shape(x) == (3,) for x in adam_state)

# --8<-- [start:decay]
rng = np.random.default_rng(0)
lr, lam, T = 0.01, 0.1, 1000

# Plain SGD: an L2 term in the gradient and decoupled decay are the same update.
theta_l2 = theta_wd = rng.normal(size=5)
for _ in range(100):
    g = rng.normal(size=5)
    theta_l2 = theta_l2 - lr * (g + lam * theta_l2)  # L2: add lam * theta to g
    theta_wd = (1 - lr * lam) * theta_wd - lr * g  # decay: shrink theta directly
print("SGD, L2 and decoupled decay agree:", np.allclose(theta_l2, theta_wd))

# Adam: a flat loss whose gradient is pure noise, 10 on weight 0 and 0.01 on weight 1.
# Both weights start at 1; the only force pulling them to 0 is the regulariser.
R, scale = 2000, np.array([10.0, 0.01])  # 2000 independent runs
noise = rng.normal(size=(T, R, 2)) * scale
th_l2 = th_w = np.ones((R, 2))
st_l2 = st_w = (0.0, 0.0)
mean_l2, mean_w = [th_l2.mean(axis=0)], [th_w.mean(axis=0)]  # for the figure
for k in range(T):
    g = noise[k]
    th_l2, st_l2 = adam(th_l2, g + lam * th_l2, st_l2, k + 1, lr)  # Adam + L2
    th_w, st_w = adam(th_w, g, st_w, k + 1, lr, weight_decay=lam)  # AdamW
    mean_l2.append(th_l2.mean(axis=0))
    mean_w.append(th_w.mean(axis=0))
print(f"mean weights (noisy, quiet) after {T} steps; (1 - lr * lam)^T = ", end="")
print(f"{(1 - lr * lam) ** T:.3f}")
print("  Adam + L2:", th_l2.mean(axis=0).round(3))
print("  AdamW:    ", th_w.mean(axis=0).round(3))
# --8<-- [end:decay]

assert np.allclose(theta_l2, theta_wd)
shrink = (1 - lr * lam) ** T
# AdamW shrinks both weights by the same factor, (1 - lr * lam)^T, on average.
assert np.allclose(th_w.mean(axis=0), shrink, atol=0.03)
# Adam + L2: the noisy weight is barely regularised, the quiet one is pulled to 0.
assert th_l2.mean(axis=0)[0] > 0.9 and abs(th_l2.mean(axis=0)[1]) < 0.05


# --8<-- [start:schedule]
def warmup_cosine(t, peak, warmup, total, floor=0.0):
    """Linear warm-up to peak over `warmup` steps, then cosine decay to floor."""
    if t < warmup:
        return peak * (t + 1) / warmup
    progress = (t - warmup) / (total - warmup)
    return floor + 0.5 * (peak - floor) * (1 + np.cos(np.pi * progress))


total, peak = 1000, 0.1
for t in (0, 49, 99, 500, 999):
    print(f"step {t:4d}: lr = {warmup_cosine(t, peak, 100, total):.4f}")

# SGD on a noisy quadratic (10 weights, 500 runs): the constant rate stalls at a
# noise floor; decaying the rate lowers it.
a = np.linspace(0.5, 2.0, 10)  # curvatures
noise = np.random.default_rng(1).normal(size=(total, 500, 10))
SCHEDULES = {
    "constant": lambda t: peak,
    "cosine": lambda t: warmup_cosine(t, peak, 0, total),
    "warm-up + cosine": lambda t: warmup_cosine(t, peak, 100, total),
}
curves = {}
for name, lr_at in SCHEDULES.items():
    theta, curve = np.full((500, 10), 3.0), []
    for t in range(total):
        theta = theta - lr_at(t) * (a * theta + noise[t])  # gradient plus noise
        curve.append(np.mean(0.5 * np.sum(a * theta**2, axis=1)))
    curves[name] = np.array(curve)
    print(f"{name:17s} final loss {curves[name][-1]:.4f}")
# --8<-- [end:schedule]

lrs = np.array([warmup_cosine(t, peak, 100, total) for t in range(total)])
assert np.isclose(lrs.max(), peak) and lrs.argmax() == 99  # peak at the end of warm-up
assert np.all(np.diff(lrs[:100]) > 0) and np.all(np.diff(lrs[100:]) < 0)
# The noise floor of constant-rate SGD: sum of lr / (2 (2 - lr a)) over the 10 weights,
# about 0.27 here (n * lr * sigma^2 / 4 = 0.25 is its small-rate limit).
floor = np.sum(peak / (2 * (2 - peak * a)))
assert np.isclose(curves["constant"][-200:].mean(), floor, rtol=0.1)
assert round(floor, 2) == 0.27
# Decay lowers the final loss more than tenfold; warm-up changes little here.
assert curves["cosine"][-1] < curves["constant"][-1] / 10
assert curves["warm-up + cosine"][-1] < curves["constant"][-1] / 10
assert abs(curves["warm-up + cosine"][-1] / curves["cosine"][-1] - 1) < 0.2
# A schedule also stops RMSProp's rattling in the ravine:
# cosine decay from the same rate.
theta, s_rms = start.copy(), 0.0
for t in range(1000):
    theta, s_rms = rmsprop(
        theta, grad(theta), s_rms, t + 1, warmup_cosine(t, 0.1, 0, 1000)
    )
assert f(theta) < 1e-3 * final["RMSProp"]
