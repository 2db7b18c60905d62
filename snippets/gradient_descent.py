"""Batch, stochastic and mini-batch gradient descent from scratch on least squares: the
update rule, the learning-rate limit 2/L, the noise floor of SGD, and feature scaling.

Run on its own: python snippets/gradient_descent.py
"""

import numpy as np

np.set_printoptions(suppress=True)

# --8<-- [start:data]
rng = np.random.default_rng(0)
n = 500
z1, z2 = rng.normal(size=(2, n))
# Two correlated features (correlation 0.5); the second is recorded in units ten
# times smaller, so its values are ten times larger.
X_raw = np.column_stack([z1, 10.0 * (0.5 * z1 + np.sqrt(0.75) * z2)])
X_raw -= X_raw.mean(axis=0)  # centred, so no intercept is needed
y = X_raw @ np.array([2.0, -0.3]) + rng.normal(scale=1.0, size=n)
y -= y.mean()
X_std = X_raw / X_raw.std(axis=0)  # standardised: every column has variance 1


def loss(X, y, w):
    """Mean squared error over two: J(w) = ||Xw - y||^2 / (2n)."""
    r = X @ w - y
    return r @ r / (2 * len(y))


def curvature(X):
    """Eigenvalues of the Hessian X^T X / n, smallest first: mu, ..., L."""
    return np.linalg.eigvalsh(X.T @ X / len(X))


for name, X in (("raw", X_raw), ("standardised", X_std)):
    mu, L = curvature(X)
    print(
        f"{name:>12}: L = {L:7.3f}, mu = {mu:.3f}, "
        f"condition number L/mu = {L / mu:6.1f}"
    )
# --8<-- [end:data]

mu_raw, L_raw = curvature(X_raw)
mu_std, L_std = curvature(X_std)
assert L_raw / mu_raw > 100 and L_std / mu_std < 4


# --8<-- [start:gd]
def gradient_descent(X, y, lr, batch_size, epochs, w0=None, decay=0.0, seed=0):
    """Mini-batch gradient descent on J(w) = ||Xw - y||^2 / (2n).

    batch_size = n is batch gradient descent, batch_size = 1 is SGD. With decay > 0
    the learning rate at step t is lr / (1 + decay * t). Returns the weights after
    every step, starting with w0.
    """
    rng = np.random.default_rng(seed)
    n, d = X.shape
    w = np.zeros(d) if w0 is None else np.array(w0, dtype=float)
    path, t = [w.copy()], 0
    for _ in range(epochs):
        order = rng.permutation(n)  # reshuffle every epoch
        for start in range(0, n, batch_size):
            rows = order[start : start + batch_size]
            grad = X[rows].T @ (X[rows] @ w - y[rows]) / len(rows)
            w = w - lr / (1 + decay * t) * grad
            path.append(w.copy())
            t += 1
    return np.array(path)


# --8<-- [end:gd]

w_opt_raw = np.linalg.lstsq(X_raw, y, rcond=None)[0]
w_opt_std = np.linalg.lstsq(X_std, y, rcond=None)[0]
loss_opt = loss(X_std, y, w_opt_std)
assert np.isclose(loss_opt, loss(X_raw, y, w_opt_raw))  # same fit, other coordinates

# --8<-- [start:learning_rate]
# Batch gradient descent on the standardised problem, 30 steps, four learning rates
# given as multiples of 1/L.
w0 = np.array([-2.0, 3.0])
rates = {"0.05/L": 0.05, "1/L": 1.0, "1.9/L": 1.9, "2.05/L": 2.05}
lr_curves = {}
print(f"excess loss at the start: {loss(X_std, y, w0) - loss_opt:.2f}")
for label, k in rates.items():
    path = gradient_descent(X_std, y, k / L_std, batch_size=n, epochs=30, w0=w0)
    lr_curves[label] = np.array([loss(X_std, y, w) - loss_opt for w in path])
    print(f"lr = {label:>6}: excess loss after 30 steps {lr_curves[label][-1]:9.2e}")
# --8<-- [end:learning_rate]

assert lr_curves["1/L"][-1] < 1e-6 < lr_curves["0.05/L"][-1]  # too small: slow
assert lr_curves["1.9/L"][-1] < lr_curves["1.9/L"][0] / 1000  # below 2/L: converges
assert lr_curves["2.05/L"][-1] > lr_curves["2.05/L"][0]  # above 2/L: diverges
# Below 2/L the loss falls at every step, even while the weights overshoot.
assert np.all(np.diff(lr_curves["1/L"]) < 0) and np.all(np.diff(lr_curves["1.9/L"]) < 0)

# --8<-- [start:oscillation]
# Along the steepest direction (the top eigenvector of the Hessian) the error is
# multiplied by 1 - lr * L at every step.
H = X_std.T @ X_std / n
top = np.linalg.eigh(H)[1][:, -1]
for label in ("1/L", "1.9/L", "2.05/L"):
    k = rates[label]
    path = gradient_descent(X_std, y, k / L_std, batch_size=n, epochs=4, w0=w0)
    along = (path - w_opt_std) @ top
    print(
        f"lr = {label:>6}: factor 1 - lr*L = {1 - k:5.2f}, error along it:",
        np.round(along, 3),
    )
# --8<-- [end:oscillation]

for label in ("1/L", "1.9/L", "2.05/L"):  # exactly the factor: a linear map per step
    path = gradient_descent(
        X_std, y, rates[label] / L_std, batch_size=n, epochs=4, w0=w0
    )
    along = (path - w_opt_std) @ top
    assert np.allclose(along[1:], (1 - rates[label]) * along[:-1], atol=1e-12)

# --8<-- [start:batch_size]
# Same data, same number of passes (epochs); three constant learning rates, one
# decaying.
epochs = 20
runs = {
    "batch (500 rows), lr 1/L": dict(lr=1 / L_std, batch_size=n),
    "mini-batch of 32, lr 0.2": dict(lr=0.2, batch_size=32),
    "SGD (1 row), lr 0.05": dict(lr=0.05, batch_size=1),
    "SGD (1 row), lr 0.05/(1 + t/100)": dict(lr=0.05, batch_size=1, decay=0.01),
}
excess = {}
for label, kw in runs.items():
    path = gradient_descent(X_std, y, epochs=epochs, w0=w0, **kw)
    steps_per_epoch = (len(path) - 1) // epochs
    excess[label] = np.array([loss(X_std, y, w) - loss_opt for w in path])
    after_one = excess[label][steps_per_epoch]
    last = excess[label][-steps_per_epoch:].mean()  # average over the last epoch
    print(
        f"{label:>33}: {steps_per_epoch:3d} steps/epoch, excess loss after 1 epoch "
        f"{after_one:.1e}, over the last epoch {last:.1e}"
    )
# --8<-- [end:batch_size]


def last_epoch(label):
    e = excess[label]
    per_epoch = (len(e) - 1) // epochs
    return e[-per_epoch:].mean()


def after_epochs(label, k):
    e = excess[label]
    return e[k * (len(e) - 1) // epochs]


batch, mini, sgd, decayed = runs
assert after_epochs(sgd, 1) < after_epochs(batch, 1) / 100  # per pass, SGD is far ahead
assert last_epoch(sgd) > after_epochs(sgd, 1) / 3  # then it stalls at its noise floor
assert after_epochs(sgd, 1) < after_epochs(mini, 1) < after_epochs(batch, 1) / 10
assert last_epoch(batch) < last_epoch(mini) / 100  # batch GD has no noise floor
assert last_epoch(mini) < last_epoch(sgd)
assert 5 < last_epoch(sgd) / last_epoch(mini) < 20  # a floor about ten times lower
assert last_epoch(decayed) < last_epoch(sgd) / 1000  # a decaying step goes far lower

# --8<-- [start:scaling]
# Batch gradient descent with its best constant step 2/(L + mu), on the raw and the
# standardised features: steps until the excess loss is below 1e-6 of where it started.
scaling_paths, steps_to = {}, {}
for name, X, w_opt in (("raw", X_raw, w_opt_raw), ("standardised", X_std, w_opt_std)):
    mu, L = curvature(X)
    start = w0 if name == "standardised" else w0 / X_raw.std(axis=0)  # the same model
    path = gradient_descent(X, y, 2 / (L + mu), batch_size=n, epochs=3000, w0=start)
    gap = np.array([loss(X, y, w) for w in path]) - loss_opt
    steps = int(np.argmax(gap < 1e-6 * gap[0]))
    scaling_paths[name], steps_to[name] = path, steps
    print(
        f"{name:>12}: condition number {L / mu:6.1f}, step 2/(L+mu) = "
        f"{2 / (L + mu):.4f}, steps to reach 1e-6: {steps}"
    )
# --8<-- [end:scaling]

scale_steps = {}
for name, X in (("raw", X_raw), ("standardised", X_std)):
    mu, L = curvature(X)
    rho = ((L / mu - 1) / (L / mu + 1)) ** 2  # loss shrinks by this factor per step
    scale_steps[name] = np.log(1e-6) / np.log(rho)
assert round(scale_steps["raw"]) == 435 and round(scale_steps["standardised"]) == 11
assert all(abs(steps_to[k] - scale_steps[k]) <= 1 for k in steps_to)  # as predicted
assert np.isclose(L_std + mu_std, 2.0)  # a 2x2 correlation matrix: eigenvalues 1 +- r

# --8<-- [start:sklearn]
import warnings

from sklearn.linear_model import LinearRegression, SGDRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X_units = X_raw * [1.0, 10.0]  # the second feature in units ten times smaller again
ols = LinearRegression().fit(X_units, y)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    raw_sgd = SGDRegressor(random_state=0).fit(X_units, y)  # default eta0 = 0.01
scaled_sgd = make_pipeline(StandardScaler(), SGDRegressor(random_state=0))
scaled_sgd.fit(X_units, y)
print(f"{'LinearRegression (OLS)':>27}: R^2 = {ols.score(X_units, y):.3f}")
print(
    f"{'SGDRegressor, raw':>27}: R^2 = {raw_sgd.score(X_units, y):.3g}, "
    f"coefficients {raw_sgd.coef_}"
)
print(f"{'SGDRegressor, standardised':>27}: R^2 = {scaled_sgd.score(X_units, y):.3f}")
print(f"warnings raised while the raw fit diverged: {len(caught)}")
# --8<-- [end:sklearn]

assert not caught  # no error, no warning
defaults = (raw_sgd.learning_rate, raw_sgd.eta0, raw_sgd.power_t, raw_sgd.alpha)
assert defaults == ("invscaling", 0.01, 0.25, 1e-4)  # the schedule the page quotes

assert raw_sgd.score(X_units, y) < -1e6  # diverged, silently
assert abs(scaled_sgd.score(X_units, y) - ols.score(X_units, y)) < 0.01
