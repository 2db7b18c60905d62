"""Linear regression two ways: a direct least-squares solve and gradient descent.

The reference solution of the coding problem "Implement linear regression with the
normal equation and gradient descent", with its examples and a comparison with
scikit-learn on collinear columns.

Run on its own: python snippets/linear_regression_solvers.py
"""

import numpy as np


# --8<-- [start:solution]
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
        w = w - lr * (2 / n) * (X.T @ r)  # the gradient of the mean squared error
        b = b - lr * 2 * r.mean()
    return w, float(b)


# --8<-- [end:solution]

# --8<-- [start:examples]
X = np.array([[0.0], [1.0], [2.0], [3.0]])
y = np.array([1.0, 3.0, 5.0, 7.0])  # exactly y = 2x + 1
w, b = fit_least_squares(X, y)
print("least squares:   ", np.round(w, 4), round(b, 4))
w, b = fit_gradient_descent(X, y, lr=0.1, n_iter=2000)
print("gradient descent:", np.round(w, 4), round(b, 4))

# A column repeated: every split of the slope 2 between the two copies fits;
# the minimum-norm solution splits it equally.
X2 = np.column_stack([X, X])
w, b = fit_least_squares(X2, y)
print("repeated column: ", np.round(w, 4), round(b, 4))
# --8<-- [end:examples]

# --8<-- [start:compare]
from sklearn.linear_model import LinearRegression

rng = np.random.default_rng(0)
X = rng.normal(size=(100, 3))
X = np.column_stack([X, X[:, 0] - 2 * X[:, 1]])  # column 3 = column 0 - 2 * column 1
y = X[:, :3] @ [1.0, 2.0, -1.0] + 0.5 + rng.normal(0, 0.1, 100)
print("rank of X:", np.linalg.matrix_rank(X), "of", X.shape[1], "columns")
print("cond(X.T @ X):", f"{np.linalg.cond(X.T @ X):.1e}")

w, b = fit_least_squares(X, y)
sk = LinearRegression().fit(X, y)
w_gd, b_gd = fit_gradient_descent(X, y, lr=0.05, n_iter=3000)
print("least squares:   ", np.round(w, 4), round(b, 4))
print("sklearn:         ", np.round(sk.coef_, 4), round(sk.intercept_, 4))
print("gradient descent:", np.round(w_gd, 4), round(b_gd, 4))
assert np.allclose(w, sk.coef_, atol=1e-8) and np.isclose(b, sk.intercept_)
assert np.allclose(w_gd, w, atol=1e-6)

# The inverse of the singular X.T @ X: either an error or numbers that mean nothing.
Xc, yc = X - X.mean(axis=0), y - y.mean()
try:
    w_inv = np.linalg.inv(Xc.T @ Xc) @ Xc.T @ yc
    print("inv(X.T @ X):    ", np.round(w_inv, 4))
except np.linalg.LinAlgError as error:
    print("inv(X.T @ X) raised LinAlgError:", error)
# --8<-- [end:compare]
