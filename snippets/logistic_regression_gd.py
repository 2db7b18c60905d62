"""Binary logistic regression with an L2 penalty, fit by batch gradient descent.

The reference solution of the coding problem "Implement logistic regression with
gradient descent", with its examples and a comparison with scikit-learn.

Run on its own: python snippets/logistic_regression_gd.py
"""

import numpy as np


# --8<-- [start:solution]
def predict_proba(X, w, b):
    """P(y = 1 | x) = sigmoid(x @ w + b) for every row x of X.

    X: (n, d) floats; w: (d,) floats; b: a float. Returns (n,) float64 in [0, 1].
    Must not overflow, warn or return NaN for any score, even |z| in the thousands.
    """
    z = np.asarray(X, dtype=float) @ w + b
    e = np.exp(-np.abs(z))  # in (0, 1]
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logistic_loss(X, y, w, b, *, lam=0.0):
    """The objective: mean log loss + (lam / 2) * ||w||^2; b is not penalised.

    X: (n, d) floats; y: (n,) ints in {0, 1}; w: (d,); b: a float. Returns a float.
    The log loss of a row with score z = x @ w + b is -log(sigmoid(z)) if y = 1 and
    -log(1 - sigmoid(z)) if y = 0: return it exactly (to float precision) and
    finite for any z, with no warning, e.g. 1000.0 for y = 0 and z = 1000.
    """
    z = np.asarray(X, dtype=float) @ w + b
    return float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * lam * (w @ w))


def fit_logistic(X, y, *, lam=0.0, lr=0.5, n_iter=10_000, tol=1e-8):
    """Minimise logistic_loss by batch gradient descent, starting at w = 0, b = 0.

    X: (n, d) floats; y: (n,) ints in {0, 1}; lam >= 0; lr > 0 the step size.
    Each step moves (w, b) by -lr times the gradient of logistic_loss. Stops
    after n_iter steps, or earlier at the first iterate where every entry of the
    gradient (w's and b's) is below tol in absolute value.
    Returns (w, b): (d,) float64 and a float. X and y are not modified.
    Raises ValueError if X is not 2-D, len(y) != len(X), or y holds anything
    but 0 and 1.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"need X (n, d) and y (n,), got {X.shape} and {y.shape}")
    if not np.isin(y, (0, 1)).all():
        raise ValueError("y must hold only 0 and 1")
    y = y.astype(float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iter):
        r = predict_proba(X, w, b) - y  # (n,) residuals p - y
        grad_w = X.T @ r / n + lam * w
        grad_b = r.mean()  # no lam * b: the intercept is not penalised
        if max(np.abs(grad_w).max(initial=0.0), abs(grad_b)) < tol:
            break
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)


# --8<-- [end:solution]

# --8<-- [start:examples]
X = np.array([[0.0], [1.0], [2.0], [3.0]])
y = np.array([0, 0, 1, 1])
w, b = fit_logistic(X, y, lam=0.1)
print("w:", np.round(w, 4), "b:", round(b, 4))
print("p:", np.round(predict_proba(X, w, b), 4))
print("loss:", round(logistic_loss(X, y, w, b, lam=0.1), 4))

# Huge scores: probabilities exactly 0 and 1, no warning; the loss stays exact.
X_big = np.array([[-1000.0], [1000.0]])
print("p:", predict_proba(X_big, np.array([1.0]), 0.0))
print("loss:", logistic_loss(X_big, np.array([1, 0]), np.array([1.0]), 0.0))
# --8<-- [end:examples]

# --8<-- [start:compare]
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(0)
X = rng.normal(size=(200, 3))
y = (rng.random(200) < 1 / (1 + np.exp(-(X @ [2.0, -1.0, 0.5] + 0.3)))).astype(int)
for lam in (0.0, 0.1):
    w, b = fit_logistic(X, y, lam=lam, lr=1.0)
    # sklearn minimises C * sum(log losses) + ||w||^2 / 2: the same minimiser
    # when C = 1 / (n * lam); C = inf switches the penalty off.
    C = np.inf if lam == 0 else 1 / (len(y) * lam)
    sk = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)
    print(f"lam={lam}: ours   ", np.round(w, 4), round(b, 4))
    print(f"lam={lam}: sklearn", np.round(sk.coef_[0], 4), round(sk.intercept_[0], 4))
    assert np.allclose(w, sk.coef_[0], atol=1e-5)
    assert np.isclose(b, sk.intercept_[0], atol=1e-5)
# --8<-- [end:compare]
