"""MLE and MAP: a Beta-Bernoulli coin, what more data does, MAP under a change of
variables, and Ridge and L2 logistic regression as MAP estimates.

Run on its own: python snippets/mle_map.py
"""

import numpy as np
from scipy.optimize import minimize, minimize_scalar
from scipy.special import expit, logit
from scipy.stats import beta
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.preprocessing import StandardScaler

# --8<-- [start:coin]
k, n = 3, 3  # three heads in three flips
a, b = 2.0, 2.0  # Beta(2, 2) prior: a mild belief that the coin is roughly fair

theta_mle = k / n
theta_map = (k + a - 1) / (n + a + b - 2)
posterior = beta(k + a, n - k + b)  # conjugate prior: the posterior is a Beta too


def neg_log_posterior(t):  # -(log-likelihood + log-prior), up to a constant
    return -(k * np.log(t) + (n - k) * np.log1p(-t) + beta(a, b).logpdf(t))


numeric = minimize_scalar(
    neg_log_posterior,
    bounds=(1e-9, 1 - 1e-9),
    method="bounded",
    options={"xatol": 1e-10},
).x
low, high = posterior.interval(0.95)
print(f"MLE             k/n               = {theta_mle:.3f}")
print(
    f"MAP             (k+a-1)/(n+a+b-2) = {theta_map:.3f}  (numerically {numeric:.3f})"
)
print(f"posterior mean  (k+a)/(n+a+b)     = {posterior.mean():.3f}")
print(f"95% credible interval: {low:.3f} to {high:.3f}")
# --8<-- [end:coin]

assert theta_mle == 1.0 and np.isclose(theta_map, 0.8) and np.isclose(numeric, 0.8)
assert np.isclose(posterior.mean(), 5 / 7)
assert np.isclose(
    posterior.pdf(theta_map - 1e-4), posterior.pdf(theta_map + 1e-4), 1e-3
)
assert low < 0.5 < high  # the data cannot rule out a fair coin

# --8<-- [start:more_data]
print("     n   MLE    MAP   post. mean  post. sd")
for n_big in (10, 100, 1000):
    k_big = int(0.7 * n_big)
    post = beta(k_big + a, n_big - k_big + b)
    map_big = (k_big + a - 1) / (n_big + a + b - 2)
    row = (n_big, k_big / n_big, map_big, post.mean(), post.std())
    print("{:6} {:5.3f} {:6.3f} {:9.3f} {:9.3f}".format(*row))
# --8<-- [end:more_data]

assert abs(map_big - 0.7) < 1e-3 and post.std() < 0.015


# --8<-- [start:reparam]
# Same posterior, Beta(5, 2), now as a density over the log-odds phi = logit(theta).
# A density picks up the Jacobian |d theta / d phi| = theta (1 - theta).
def neg_log_post_phi(phi):
    t = expit(phi)
    return -(posterior.logpdf(t) + np.log(t * (1 - t)))


phi_map = minimize_scalar(neg_log_post_phi, bounds=(-10, 10), method="bounded").x
print(f"MAP in theta:                     {theta_map:.3f}")
print(f"MAP in log-odds, mapped to theta: {expit(phi_map):.3f}")


# The likelihood is a function of the parameter, not a density over it: no Jacobian,
# so the MLE of the log-odds is the log-odds of the MLE. Seven heads in ten flips:
def nll_phi(phi):
    return -(7 * np.log(expit(phi)) + 3 * np.log(expit(-phi)))


phi_mle = minimize_scalar(nll_phi, bounds=(-10, 10), method="bounded").x
print(f"MLE in theta:                     {7 / 10:.3f}")
print(f"MLE in log-odds, mapped to theta: {expit(phi_mle):.3f}")
# --8<-- [end:reparam]

assert np.isclose(expit(phi_map), (k + a) / (n + a + b), atol=1e-4)  # = posterior mean
assert not np.isclose(expit(phi_map), theta_map, atol=0.05)
assert np.isclose(phi_mle, logit(0.7), atol=1e-4)

# --8<-- [start:ridge]
rng = np.random.default_rng(0)
n_rows, p = 40, 5
sigma, tau = 1.0, 0.5  # noise sd, and prior sd of each weight: w_j ~ N(0, tau^2)
X = rng.normal(size=(n_rows, p))
w_true = rng.normal(scale=tau, size=p)
y = 3.0 + X @ w_true + rng.normal(scale=sigma, size=n_rows)

alpha = sigma**2 / tau**2  # the prior becomes a penalty of strength sigma^2 / tau^2
Xc, yc = X - X.mean(axis=0), y - y.mean()  # a flat prior on the intercept = centring
w_map = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(p), Xc.T @ yc)
ridge = Ridge(alpha=alpha).fit(X, y)


def neg_log_post_lin(theta):  # intercept theta[0] with a flat prior, weights theta[1:]
    r = y - theta[0] - X @ theta[1:]
    value = r @ r / (2 * sigma**2) + theta[1:] @ theta[1:] / (2 * tau**2)
    grad = -np.r_[r.sum(), X.T @ r] / sigma**2 + np.r_[0.0, theta[1:]] / tau**2
    return value, grad


res = minimize(neg_log_post_lin, np.zeros(p + 1), jac=True, method="BFGS", tol=1e-12)
w_mle = LinearRegression().fit(X, y).coef_
post_sd = np.sqrt(np.diag(np.linalg.inv(Xc.T @ Xc / sigma**2 + np.eye(p) / tau**2)))
print(f"alpha = sigma^2 / tau^2 = {alpha}")
same = np.allclose(w_map, ridge.coef_, atol=1e-10)
same_num = np.allclose(res.x, np.r_[ridge.intercept_, ridge.coef_], atol=1e-6)
print(f"closed-form MAP == Ridge(alpha).coef_ (to 1e-10): {same}")
print(f"numerical MAP == Ridge, intercept too (to 1e-6): {same_num}")
print("MLE (OLS):", np.round(w_mle, 3))
print("MAP:      ", np.round(w_map, 3))
print("posterior sd of each weight:", np.round(post_sd, 3))
# --8<-- [end:ridge]

assert same and same_num and np.allclose(w_map, ridge.coef_)
assert abs(w_map[3]) < post_sd[3]  # a MAP of 0.056 with a posterior sd of 0.164
assert np.allclose(res.x[1:], ridge.coef_, atol=1e-6)
assert np.isclose(res.x[0], ridge.intercept_, atol=1e-6)
assert np.linalg.norm(w_map) < np.linalg.norm(w_mle)  # the prior pulls towards 0
assert abs(w_map[3]) > abs(w_mle[3])  # it shrinks the vector, not every weight

# --8<-- [start:logistic]
data = load_breast_cancer()
Xb = StandardScaler().fit_transform(data.data)
yb = 1 - data.target
C = 0.1  # LogisticRegression's C is the prior variance of each weight


def neg_log_post_logistic(theta):  # Bernoulli likelihood, w_j ~ N(0, C), flat intercept
    z = theta[0] + Xb @ theta[1:]
    resid = expit(z) - yb
    value = np.sum(np.logaddexp(0, z) - yb * z) + theta[1:] @ theta[1:] / (2 * C)
    return value, np.r_[resid.sum(), Xb.T @ resid + theta[1:] / C]


res_lr = minimize(
    neg_log_post_logistic,
    np.zeros(31),
    jac=True,
    method="L-BFGS-B",
    options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 10_000},
)
sk = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(Xb, yb)
gap = np.abs(res_lr.x - np.r_[sk.intercept_, sk.coef_[0]]).max()
print(f"MAP with N(0, C) prior == LogisticRegression(C={C}) (to 1e-5): {gap < 1e-5}")
# --8<-- [end:logistic]

assert gap < 1e-5
