"""Logistic regression: log-loss against squared error, a from-scratch fit that matches
scikit-learn, coefficients as odds ratios, separable data, and the multinomial case.

Run on its own: python snippets/logistic_regression.py
"""

import numpy as np
from scipy.special import expit, softmax  # expit is the sigmoid 1 / (1 + e^-z)
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

# --8<-- [start:losses]
# One row with label y = 1 and score z = w.x + b; the margin is m = z for y = 1.
m = np.array([-6.0, -2.0, 0.0, 2.0])
log_loss = np.log1p(np.exp(-m))  # -log sigmoid(m)
squared = (1 - expit(m)) ** 2  # (y - p)^2 with p = sigmoid(m)
grad_log = -expit(-m)  # d log_loss / dm
grad_sq = -2 * expit(m) * (1 - expit(m)) ** 2  # d squared / dm
print("margin  log-loss  squared  |dlog/dm|  |dsq/dm|")
for row in zip(m, log_loss, squared, -grad_log, -grad_sq):
    print("{:6.0f} {:9.3f} {:8.3f} {:10.4f} {:9.4f}".format(*row))

grid = np.linspace(-8, 8, 1601)
curv_log = expit(grid) * expit(-grid)  # second derivative of the log-loss
s = expit(grid)
curv_sq = 2 * s * (1 - s) ** 2 * (3 * s - 1)  # second derivative of squared error
print(f"smallest curvature, log-loss: {curv_log.min():.5f} (never negative)")
print(f"smallest curvature, squared error: {curv_sq.min():.4f}")
print(f"squared error is concave for margins below {grid[curv_sq < 0].max():.2f}")
# --8<-- [end:losses]

assert np.all(curv_log > 0) and curv_sq.min() < 0
assert np.isclose(grid[curv_sq < 0].max(), -np.log(2), atol=0.01)  # where sigmoid = 1/3
assert -grad_log[0] > 100 * -grad_sq[0]  # a confident mistake: log-loss still pulls

# --8<-- [start:data]
data = load_breast_cancer()
X = StandardScaler().fit_transform(data.data)  # 30 features, mean 0, sd 1
y = 1 - data.target  # 1 = malignant, 0 = benign
n, p = X.shape
print(f"{n} rows, {p} features, {y.mean():.3f} malignant")
# --8<-- [end:data]

# --8<-- [start:scratch]
C = 1.0  # scikit-learn's default: minimise C * sum(log-loss) + ||w||^2 / 2
Xb = np.column_stack([np.ones(n), X])  # column 0 is the intercept, not penalised
penalised = np.r_[0.0, np.ones(p)]


def gradient(theta):
    return C * Xb.T @ (expit(Xb @ theta) - y) + penalised * theta


# Newton's method (IRLS): solve H step = gradient with H = C X^T W X + I
theta = np.zeros(p + 1)
for newton_steps in range(1, 51):
    prob = expit(Xb @ theta)
    H = C * (Xb.T * (prob * (1 - prob))) @ Xb + np.diag(penalised)
    step = np.linalg.solve(H, gradient(theta))
    theta -= step
    if np.abs(step).max() < 1e-12:
        break

# Plain gradient descent with step 1/L, L bounding the curvature of the objective
L = C * np.linalg.eigvalsh(Xb.T @ Xb).max() / 4 + 1
theta_gd = np.zeros(p + 1)
gd_gap = {}
for k in range(1, 20_001):
    theta_gd -= gradient(theta_gd) / L
    if k in (100, 1_000, 10_000, 20_000):
        gd_gap[k] = np.abs(theta_gd - theta).max()

sk = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)
sk_theta = np.r_[sk.intercept_, sk.coef_[0]]
sk_default = LogisticRegression(C=C).fit(X, y)  # default tol=1e-4
gap_default = np.abs(np.r_[sk_default.intercept_, sk_default.coef_[0]] - theta).max()
print(f"Newton converged in {newton_steps} steps")
for k, gap in gd_gap.items():
    print(f"gradient descent, {k:>6} steps: max |theta - Newton| = {gap:.1e}")
print(f"LogisticRegression(tol=1e-10) vs Newton: {np.abs(sk_theta - theta).max():.1e}")
print(f"LogisticRegression() default tol vs Newton: {gap_default:.1e}")
print(f"mean predicted probability {expit(Xb @ theta).mean():.3f} = positive rate")
# --8<-- [end:scratch]

assert newton_steps < 15
assert np.abs(sk_theta - theta).max() < 1e-5
assert gd_gap[20_000] < 1e-5 and gd_gap[100] > 0.1  # GD gets there, slowly
assert gap_default > 1e-3  # the default tolerance stops well short of the optimum
assert np.linalg.cond(X.T @ X) > 1e4  # correlated features: a narrow valley for GD
assert np.isclose(expit(Xb @ theta).mean(), y.mean())  # unpenalised intercept

# --8<-- [start:odds]
cols = ["mean radius", "mean texture", "mean smoothness"]
X3 = data.data[:, [list(data.feature_names).index(c) for c in cols]]
sd = X3.std(axis=0)
mle = dict(C=np.inf, tol=1e-10, max_iter=10_000)  # C=inf: no penalty, the MLE
std_fit = LogisticRegression(**mle).fit(X3 / sd, y)  # per standard deviation
raw_fit = LogisticRegression(**mle).fit(X3, y)  # per raw unit
heads = ("sd", "coef/sd", "odds x/sd", "coef/unit", "odds x/unit")
print("{:15} {:>5} {:>8} {:>9} {:>10} {:>12}".format("feature", *heads))
for name, s_, b_std, b_raw in zip(cols, sd, std_fit.coef_[0], raw_fit.coef_[0]):
    print(
        f"{name:15} {s_:5.3f} {b_std:8.3f} {np.exp(b_std):9.2f}"
        f" {b_raw:10.2f} {np.exp(b_raw):12.3g}"
    )

# exp(coef) is the factor on the odds for +1 sd of radius, whatever the row
z = std_fit.decision_function(X3 / sd)  # log-odds of each row
shifted = (X3 / sd) + np.array([1.0, 0.0, 0.0])
odds_factor = np.exp(std_fit.decision_function(shifted) - z)
factors = np.unique(odds_factor.round(6))
print(f"odds factor for +1 sd of radius, all {n} rows: {factors}")
# --8<-- [end:odds]

assert np.allclose(raw_fit.coef_[0], std_fit.coef_[0] / sd, rtol=1e-5)
assert np.allclose(odds_factor, np.exp(std_fit.coef_[0, 0]))
assert np.argmax(np.abs(raw_fit.coef_[0])) == 2  # raw: smoothness looks biggest
assert np.argmax(np.abs(std_fit.coef_[0])) == 0  # per sd: radius is biggest
assert 60 < 1 / sd[2] < 80  # one unit of smoothness: about seventy sds

# The two-feature model behind the decision-boundary figure (not shown on the page).
X2 = StandardScaler().fit_transform(data.data[:, :2])  # mean radius, mean texture
two = LogisticRegression().fit(X2, y)

# --8<-- [start:separable]
rng = np.random.default_rng(0)
Xs = rng.normal(size=(100, 2))
ys = (Xs[:, 0] + Xs[:, 1] > 0).astype(int)  # a line separates the classes exactly
norms = {}
for c in (1.0, 100.0, 1e4, 1e6, np.inf):
    fit = LogisticRegression(C=c, tol=1e-12, max_iter=100_000).fit(Xs, ys)
    norms[c] = np.linalg.norm(fit.coef_)
    print(f"C={c:<9g} ||w|| = {norms[c]:8.1f}   training accuracy {fit.score(Xs, ys)}")
# --8<-- [end:separable]

assert np.all(np.diff(list(norms.values())) > 0)  # the weights grow without bound

# --8<-- [start:multinomial]
Xi, yi = load_iris(return_X_y=True)
Xi = StandardScaler().fit_transform(Xi)
multi = LogisticRegression(tol=1e-10, max_iter=10_000).fit(Xi, yi)
by_hand = softmax(Xi @ multi.coef_.T + multi.intercept_, axis=1)
gap = np.abs(by_hand - multi.predict_proba(Xi)).max()
print("coef_ shape (classes, features):", multi.coef_.shape)
print(f"softmax by hand matches predict_proba to 1e-12: {gap < 1e-12}")
print("coefficients summed over classes:", np.round(multi.coef_.sum(axis=0), 6) + 0.0)
# --8<-- [end:multinomial]

assert multi.coef_.shape == (3, 4)
assert np.allclose(by_hand, multi.predict_proba(Xi))
assert np.allclose(multi.coef_.sum(axis=0), 0, atol=1e-6)
