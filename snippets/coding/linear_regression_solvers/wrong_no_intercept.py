"""Wrong: least squares through the origin; the intercept is forgotten.

lstsq(X, y) fits y ~ X @ w with no constant term, so every weight absorbs part
of the missing intercept.
"""

CAUGHT_BY = "test_least_squares_matches_sklearn"
MESSAGE = "did you fit the intercept"

import numpy as np


def _check(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"need X (n, d) and y (n,), got {X.shape} and {y.shape}")
    return X, y


def fit_least_squares(X, y):
    """Fit y ~ X @ w + b by least squares, solved directly (no iterations).

    X: (n, d) floats; y: (n,) floats. Returns (w, b): (d,) float64 and a float.
    b is a fitted intercept. When several (w, b) fit equally well (collinear or
    constant columns, n <= d), return the one with the smallest ||w||; b is not
    part of that norm. This is what sklearn's LinearRegression returns.
    X and y are not modified. Raises ValueError if X is not 2-D or len(y) != len(X).
    """
    X, y = _check(X, y)
    w = np.linalg.lstsq(X, y, rcond=None)[0]  # mistake: no intercept
    return w, 0.0


def fit_gradient_descent(X, y, *, lr=0.1, n_iter=1000):
    """Minimise the mean squared error mean((X @ w + b - y) ** 2) by batch gradient
    descent: start at w = 0, b = 0 and take exactly n_iter steps
    (w, b) <- (w, b) - lr * (the gradient of the mean squared error at (w, b)).

    X: (n, d) floats; y: (n,) floats. Returns (w, b): (d,) float64 and a float.
    X and y are not modified. Raises ValueError if X is not 2-D or len(y) != len(X).
    """
    X, y = _check(X, y)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iter):
        r = X @ w + b - y  # (n,) residuals
        w = w - lr * (2 / n) * (X.T @ r)  # the gradient of the mean squared error
        b = b - lr * 2 * r.mean()
    return w, float(b)
