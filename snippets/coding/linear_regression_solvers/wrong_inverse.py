"""Wrong: the normal equation with an explicit inverse, inv(X.T @ X) @ X.T @ y.

Fine on full-rank data; on a constant or repeated column X.T @ X is singular,
and inv raises LinAlgError or returns numbers that mean nothing.
"""

CAUGHT_BY = "test_a_constant_column_gets_weight_zero"
MESSAGE = "X^T X is singular"

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
    x_mean, y_mean = X.mean(axis=0), y.mean()
    # For any w the best b is y_mean - x_mean @ w; what remains is least squares
    # on centred data.
    Xc, yc = X - x_mean, y - y_mean
    w = np.linalg.inv(Xc.T @ Xc) @ Xc.T @ yc  # mistake: singular on collinear X
    return w, float(y_mean - x_mean @ w)


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
