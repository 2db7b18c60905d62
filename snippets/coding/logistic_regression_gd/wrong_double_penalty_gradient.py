"""Wrong: the penalty's gradient is 2 * lam * w, as if the penalty were lam * ||w||^2.

The loss says lam / 2 * ||w||^2, whose gradient is lam * w: the fit minimises
another objective, with twice the penalty, and its weights are too small.
"""

CAUGHT_BY = "test_coefficients_match_sklearn"
MESSAGE = "the derivative of lam/2"

import numpy as np


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
        grad_w = X.T @ r / n + 2 * lam * w  # mistake: the gradient of lam * ||w||^2
        grad_b = r.mean()  # no lam * b: the intercept is not penalised
        if max(np.abs(grad_w).max(initial=0.0), abs(grad_b)) < tol:
            break
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)
