"""Wrong: the gradient of half the MSE, X.T @ r / n, for the MSE without the 1/2.

It still converges to the least-squares solution, but each step is half the
one the statement asks for: the iterates are those of lr / 2.
"""

CAUGHT_BY = "test_one_step_of_gradient_descent"
MESSAGE = "has no 1/2 in front"

import numpy as np


def _check(X, y):
    """X and y as float arrays; ValueError unless X is (n, d) and y is (n,)."""
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
    # on centred data. lstsq (an SVD) returns its minimum-norm solution, and never
    # forms X.T @ X, whose condition number is that of X squared.
    w = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
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
        w = w - lr * (X.T @ r) / n  # mistake: the gradient of mean(r ** 2) / 2
        b = b - lr * r.mean()
    return w, float(b)
