"""Logistic regression with an L2 penalty, fit by batch gradient descent.

Write the three functions below in NumPy, then run the tests: pytest
"""

import numpy as np  # noqa: F401 (your solution will use it)


def predict_proba(X, w, b):
    """P(y = 1 | x) = sigmoid(x @ w + b) for every row x of X.

    X: (n, d) floats; w: (d,) floats; b: a float. Returns (n,) float64 in [0, 1].
    Must not overflow, warn or return NaN for any score, even |z| in the thousands.
    """
    raise NotImplementedError("write your solution here")


def logistic_loss(X, y, w, b, *, lam=0.0):
    """The objective: mean log loss + (lam / 2) * ||w||^2; b is not penalised.

    X: (n, d) floats; y: (n,) ints in {0, 1}; w: (d,); b: a float. Returns a float.
    The log loss of a row with score z = x @ w + b is -log(sigmoid(z)) if y = 1 and
    -log(1 - sigmoid(z)) if y = 0: return it exactly (to float precision) and
    finite for any z, with no warning, e.g. 1000.0 for y = 0 and z = 1000.
    """
    raise NotImplementedError("write your solution here")


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
    raise NotImplementedError("write your solution here")
