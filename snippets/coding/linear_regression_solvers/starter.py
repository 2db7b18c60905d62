"""Linear regression two ways: a direct least-squares solve and gradient descent.

Write the two functions below in NumPy, then run the tests: pytest
"""

import numpy as np  # noqa: F401 (your solution will use it)


def fit_least_squares(X, y):
    """Fit y ~ X @ w + b by least squares, solved directly (no iterations).

    X: (n, d) floats; y: (n,) floats. Returns (w, b): (d,) float64 and a float.
    b is a fitted intercept. When several (w, b) fit equally well (collinear or
    constant columns, n <= d), return the one with the smallest ||w||; b is not
    part of that norm. This is what sklearn's LinearRegression returns.
    X and y are not modified. Raises ValueError if X is not 2-D or len(y) != len(X).
    """
    raise NotImplementedError("write your solution here")


def fit_gradient_descent(X, y, *, lr=0.1, n_iter=1000):
    """Minimise the mean squared error mean((X @ w + b - y) ** 2) by batch gradient
    descent: start at w = 0, b = 0 and take exactly n_iter steps
    (w, b) <- (w, b) - lr * (the gradient of the mean squared error at (w, b)).

    X: (n, d) floats; y: (n,) floats. Returns (w, b): (d,) float64 and a float.
    X and y are not modified. Raises ValueError if X is not 2-D or len(y) != len(X).
    """
    raise NotImplementedError("write your solution here")
