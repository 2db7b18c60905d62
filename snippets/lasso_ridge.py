"""Lasso (L1) and Ridge (L2): what scikit-learn minimizes, sparsity, coefficient paths,
correlated features, Ridge's shrinkage in the SVD basis, and why to standardize.

Run on its own: python snippets/lasso_ridge.py
"""

import numpy as np
from sklearn.linear_model import (
    BayesianRidge,
    ElasticNet,
    Lasso,
    LinearRegression,
    Ridge,
    lasso_path,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

np.set_printoptions(suppress=True)  # print 0.4, not 4.000e-01

# --8<-- [start:data]
rng = np.random.default_rng(0)
n, p = 200, 10
X = rng.normal(size=(n, p))
w_true = np.array([3.0, -2.0, 1.5, 0, 0, 0, 0, 0, 0, 0])  # 3 useful, 7 irrelevant
y = 5.0 + X @ w_true + rng.normal(scale=1.0, size=n)

X_std = StandardScaler().fit_transform(X)  # every column: mean 0, standard deviation 1
print(f"{n} rows, {p} features, {np.count_nonzero(w_true)} of them used by y")
# --8<-- [end:data]

# --8<-- [start:objectives]
# Both models fit an unpenalized intercept by centring X and y first.
Xc, yc = X_std - X_std.mean(axis=0), y - y.mean()

# Ridge minimizes ||y - Xw||^2 + alpha ||w||^2 (a plain sum, no 1/n),
# whose minimizer is the closed form (X^T X + alpha I)^(-1) X^T y.
ridge = Ridge(alpha=10.0).fit(X_std, y)
w_closed = np.linalg.solve(Xc.T @ Xc + 10.0 * np.eye(p), Xc.T @ yc)
gap = np.abs(ridge.coef_ - w_closed).max()
print(f"Ridge vs closed form, max difference: {gap:.1e}")

# Lasso minimizes (1/(2n)) ||y - Xw||^2 + alpha ||w||_1. At its minimum the
# correlation of each feature with the residual, (1/n) x_j^T r, is +-alpha
# where w_j != 0 and lies inside [-alpha, alpha] where w_j = 0.
lasso = Lasso(alpha=0.2, tol=1e-8).fit(X_std, y)
corr = Xc.T @ (yc - Xc @ lasso.coef_) / n
active = lasso.coef_ != 0
print("Lasso, (1/n) x_j^T r on nonzero w_j:", np.round(corr[active], 3))
print(f"Lasso, largest |(1/n) x_j^T r| on zero w_j: {np.abs(corr[~active]).max():.3f}")
assert np.allclose(ridge.coef_, w_closed)
assert np.allclose(corr[active], 0.2 * np.sign(lasso.coef_[active]), atol=1e-6)
assert np.all(np.abs(corr[~active]) <= 0.2)
# --8<-- [end:objectives]

# --8<-- [start:same_alpha]
ols = LinearRegression().fit(X_std, y)
ratio = {}
for model in (Lasso(alpha=1.0), Ridge(alpha=1.0)):
    name = type(model).__name__
    model.fit(X_std, y)
    ratio[name] = np.linalg.norm(model.coef_) / np.linalg.norm(ols.coef_)
    print(f"{name}(alpha=1.0): ||w|| / ||w_OLS|| = {ratio[name]:.3f}")
# --8<-- [end:same_alpha]

assert ratio["Lasso"] < 0.8 and ratio["Ridge"] > 0.99  # same alpha, different strength

# --8<-- [start:sparsity]
lasso = Lasso(alpha=0.2).fit(X_std, y)
ridge = Ridge(alpha=10.0).fit(X_std, y)
print("Lasso:", np.round(lasso.coef_, 3) + 0.0)  # + 0.0 turns -0.0 into 0.0
print("Ridge:", np.round(ridge.coef_, 3))
zeros_lasso, zeros_ridge = np.sum(lasso.coef_ == 0), np.sum(ridge.coef_ == 0)
print(f"exact zeros: Lasso {zeros_lasso}, Ridge {zeros_ridge}")
assert np.array_equal(lasso.coef_ == 0, w_true == 0)  # exactly the 7 irrelevant ones
assert zeros_ridge == 0
# --8<-- [end:sparsity]

# --8<-- [start:paths]
# lasso_path fits no intercept, so it gets centred y (X_std is already centred).
grid = np.logspace(-3, 0.7, 60)
lasso_alphas, lasso_coefs, _ = lasso_path(X_std, yc, alphas=grid)
ridge_alphas = np.logspace(-1, 4.5, 60)
ridge_coefs = np.array([Ridge(alpha=a).fit(X_std, y).coef_ for a in ridge_alphas]).T

alpha_max = np.abs(Xc.T @ yc).max() / n  # the smallest alpha where Lasso keeps nothing
print(f"alpha_max = max_j |x_j^T y| / n = {alpha_max:.3f}")
for a in (0.01, 0.1, 1.0, 3.0):
    k = np.argmin(np.abs(lasso_alphas - a))
    kept = np.count_nonzero(lasso_coefs[:, k])
    print(f"Lasso alpha={lasso_alphas[k]:.3f}: {kept} nonzero")
print(f"Ridge: nonzero coefficients at every alpha tried: {np.all(ridge_coefs != 0)}")
# --8<-- [end:paths]

kept = lasso_coefs != 0  # (feature, alpha); lasso_alphas run from large to small
nonzero = kept.sum(axis=0)
# Here the kept sets are nested: a feature, once in, stays in as alpha falls.
assert np.all(kept[:, 1:] >= kept[:, :-1])  # not guaranteed in general (see leaves)
assert np.all(nonzero[lasso_alphas >= alpha_max] == 0)
assert np.all(nonzero[lasso_alphas < 0.99 * alpha_max] > 0)
assert np.all(ridge_coefs != 0)
assert np.all(np.diff(np.linalg.norm(ridge_coefs, axis=0)) < 0)  # ||w|| falls ...
# ... but not every |w_j|: some small coefficients grow for a while as alpha rises.
ridge_growing = np.any(np.diff(np.abs(ridge_coefs), axis=1) > 0, axis=1)
assert ridge_growing.sum() == 5 and not ridge_growing[:3].any()

# --8<-- [start:leaves]
# Nesting is a property of this data, not of Lasso: x3 is correlated with x1 and
# x2, and y needs x3 with a negative sign once x1 and x2 are in the model.
r = np.random.default_rng(1)
a, b, e, u = r.normal(size=(4, 100))
X3 = StandardScaler().fit_transform(np.column_stack([a, b, 0.6 * (a + b) + 0.5 * u]))
y3 = 2 * a + 2 * b - X3[:, 2] + e
alphas3, coefs3, _ = lasso_path(X3, y3 - y3.mean(), alphas=np.logspace(-2, 0.3, 80))
for target in (1.2, 1.0, 0.5, 0.2, 0.05):
    k = np.argmin(np.abs(alphas3 - target))
    print(f"alpha={alphas3[k]:.3f}: x1, x2, x3 =", np.round(coefs3[:, k], 3))
# --8<-- [end:leaves]

kept3 = coefs3 != 0
left = kept3[:, :-1] & ~kept3[:, 1:]  # in at one alpha, out at the next smaller one
assert left[2].any() and not left[:2].any()  # x3 enters first, leaves, comes back
assert np.argmax(kept3[2]) < min(np.argmax(kept3[0]), np.argmax(kept3[1]))
assert np.argmax(np.abs(X3.T @ (y3 - y3.mean()))) == 2  # x3: most correlated with y
assert coefs3[2].max() > 0.2 and coefs3[2, -1] < -0.2  # and changes sign on the way

# --8<-- [start:correlated]
z = rng.normal(size=n)
x1 = z + 0.05 * rng.normal(size=n)  # x1 and x2: two noisy copies of one signal z
x2 = z + 0.05 * rng.normal(size=n)
x3 = rng.normal(size=n)  # unrelated to the pair
y_pair = 2.0 * z + x3 + rng.normal(scale=1.0, size=n)
X_pair = StandardScaler().fit_transform(np.column_stack([x1, x2, x3]))
print(f"correlation of x1 and x2: {np.corrcoef(X_pair[:, 0], X_pair[:, 1])[0, 1]:.3f}")

models = {
    "Lasso": Lasso(alpha=0.1),
    "Ridge": Ridge(alpha=10.0),
    "ElasticNet": ElasticNet(alpha=0.1, l1_ratio=0.5),
}
share = {name: [] for name in models}  # share of the pair's weight that goes to x1
for _ in range(20):  # refit on bootstrap resamples of the rows
    rows = rng.integers(0, n, size=n)
    for name, model in models.items():
        w = model.fit(X_pair[rows], y_pair[rows]).coef_
        share[name].append(w[0] / (w[0] + w[1]))
share = {name: np.array(s) for name, s in share.items()}
for name, s in share.items():
    dropped = np.sum((s == 0) | (s == 1))
    print(
        f"{name:>10}: x1's share from {s.min():.3f} to {s.max():.3f}, "
        f"one of the pair dropped in {dropped} of 20 fits"
    )
# --8<-- [end:correlated]

assert np.all(np.abs(share["Ridge"] - 0.5) < 0.1)  # Ridge splits the weight evenly
assert np.all(np.abs(share["ElasticNet"] - 0.5) < 0.1)
assert np.ptp(share["Lasso"]) > 0.5  # Lasso's split swings from fit to fit
assert np.sum(share["Lasso"] == 0) > 10  # in most fits, x1 is dropped entirely

# --8<-- [start:svd]
Xp = X_pair - X_pair.mean(axis=0)
U, d, Vt = np.linalg.svd(Xp, full_matrices=False)  # Xp = U diag(d) Vt
w_ols = LinearRegression().fit(X_pair, y_pair).coef_
w_ridge = Ridge(alpha=10.0).fit(X_pair, y_pair).coef_

factor = d**2 / (d**2 + 10.0)  # Ridge's shrinkage along each principal direction
print("principal directions (rows):\n", np.round(Vt, 3))
print("d^2:", np.round(d**2, 1), " shrink factor d^2/(d^2+alpha):", np.round(factor, 3))
print("OLS coefficients:  ", np.round(w_ols, 3))
print("Ridge coefficients:", np.round(w_ridge, 3))
assert np.allclose(Vt @ w_ridge, factor * (Vt @ w_ols))  # exact, direction by direction
# --8<-- [end:svd]

assert factor.min() < 0.3 and factor.max() > 0.95  # far from one common factor
assert np.argmin(factor) == np.argmin(d)  # the low-variance direction is shrunk most,
assert np.allclose(np.abs(Vt[np.argmin(d), :2]), np.sqrt(0.5), atol=0.05)  # x1 - x2
assert np.abs(w_ols[1]) > 10 * np.abs(w_ols[0])  # OLS: nearly all the weight on x2
assert np.abs(w_ridge[0]) > np.abs(w_ols[0])  # and Ridge makes x1's coefficient grow

# --8<-- [start:bayes]
# Ridge is the posterior mean (and mode) under a Gaussian prior w ~ N(0, I / lambda)
# with noise precision a: BayesianRidge estimates both precisions from the data
# (maximizing the marginal likelihood), and its coefficients are Ridge's with
# alpha = lambda / a.
bayes = BayesianRidge().fit(X_std, y)
alpha_equiv = bayes.lambda_ / bayes.alpha_
ridge_equiv = Ridge(alpha=alpha_equiv).fit(X_std, y)
print(f"noise precision {bayes.alpha_:.3f}, weight precision {bayes.lambda_:.3f}")
print(f"equivalent Ridge alpha = lambda / noise precision = {alpha_equiv:.3f}")
diff = np.abs(bayes.coef_ - ridge_equiv.coef_).max()
print(f"BayesianRidge vs Ridge, max coefficient difference: {diff:.1e}")
assert np.allclose(bayes.coef_, ridge_equiv.coef_)
# --8<-- [end:bayes]

# --8<-- [start:scaling]
X_units = X.copy()
X_units[:, 2] *= 0.01  # feature 2 recorded in other units (say centimetres -> metres)

raw = Lasso(alpha=0.2).fit(X_units, y)
scaled = make_pipeline(StandardScaler(), Lasso(alpha=0.2)).fit(X_units, y)
print("raw features, Lasso coef of feature 2:", round(raw.coef_[2], 3))
print("standardized, Lasso coef of feature 2:", round(scaled[-1].coef_[2], 3))
same = np.allclose(scaled.predict(X_units), lasso.predict(X_std))
print("standardized fit predicts as before the change of units:", same)
assert raw.coef_[2] == 0 and scaled[-1].coef_[2] != 0 and same
# --8<-- [end:scaling]
