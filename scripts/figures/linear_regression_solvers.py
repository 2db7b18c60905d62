"""Figure for coding/linear_regression_solvers.md, drawn with the page's own reference solution."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


def _gd_path(X, y, lr, n_iter):
    """The iterates (w, b) of fit_gradient_descent, one row per step."""
    n, d = X.shape
    w, b, path = np.zeros(d), 0.0, []
    for _ in range(n_iter):
        path.append(np.append(w, b))
        r = X @ w + b - y
        w, b = w - lr * (2 / n) * (X.T @ r), b - lr * 2 * r.mean()
    return np.array(path)


@figure(
    "linear_regression_solvers_paths",
    alt="Two panels. Left: the distance of gradient descent's iterate from the least-squares solution, "
    "on a log scale, against the step; with standardised features it falls to rounding level within "
    "about fifty steps, while the same data with one column multiplied by ten, condition number about "
    "a hundred, are still 1e-4 away after a thousand steps. Right: the loss over the two weights of a "
    "repeated column; its minimum is a whole line, w1 plus w2 equal to 2, and gradient descent started "
    "at zero walks straight to the point of that line nearest the origin, (1, 1), the minimum-norm "
    "solution that least squares returns.",
)
def paths():
    ns = snippet_namespace("linear_regression_solvers")
    fit_least_squares = ns["fit_least_squares"]
    rng = np.random.default_rng(1)
    X = rng.normal(size=(200, 2))
    y = X @ [1.0, -2.0] + 0.5 + rng.normal(0, 0.1, 200)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(10.5, 4.2))
    for scale, color in ((1.0, "C0"), (10.0, "C1")):
        Xs = X * [1.0, scale]
        X1 = np.column_stack([Xs, np.ones(len(Xs))])
        eig = np.linalg.eigvalsh(2 * X1.T @ X1 / len(Xs))  # the Hessian of the MSE
        w, b = fit_least_squares(Xs, y)
        path = _gd_path(Xs, y, lr=1 / eig.max(), n_iter=1000)
        error = np.maximum(np.linalg.norm(path - np.append(w, b), axis=1), 1e-16)
        kappa = eig.max() / eig.min()
        name = "standardised" if scale == 1 else f"column 2 times {scale:g}"
        label = f"{name}: condition number {kappa:.0f}"
        ax.semilogy(error, color=color, label=label)
    ax.set(
        xlabel="gradient descent step (lr = 1/L)",
        ylabel="distance to the least-squares (w, b)",
        ylim=(1e-16, 10),
        title="Ill-conditioning slows gradient descent",
    )
    ax.legend(fontsize=9)

    # The page's example: y = 2x + 1 exactly, fitted on the features [x, x].
    x = np.array([0.0, 1.0, 2.0, 3.0])
    X2, y2 = np.column_stack([x, x]), 2 * x + 1
    g = np.linspace(-0.5, 2.5, 241)
    W1, W2 = np.meshgrid(g, g)
    xm = x.mean()
    slope = W1 + W2  # only the sum of the two weights matters
    # mean squared error with the best intercept for each (w1, w2)
    mse = np.mean((slope[..., None] * (x - xm) - (y2 - y2.mean())) ** 2, axis=-1)
    ax2.contour(W1, W2, mse, levels=[0.1, 0.5, 1, 2, 4, 8], colors=plt.rcParams["grid.color"])
    ax2.plot(g, 2 - g, color="C2", linewidth=2, label="every least-squares fit: w1 + w2 = 2")
    path = _gd_path(X2, y2, lr=0.05, n_iter=400)
    ax2.plot(path[:, 0], path[:, 1], "o-", color="C0", markersize=3, label="gradient descent from 0")
    w, _ = fit_least_squares(X2, y2)
    ax2.plot(*w, "*", color="C1", markersize=16, label=f"minimum norm ({w[0]:.0f}, {w[1]:.0f})")
    ax2.set(
        xlabel="w1 (weight of x)",
        ylabel="w2 (weight of the copy)",
        xlim=(-0.5, 2.5),
        ylim=(-0.5, 2.5),
        aspect="equal",
        title="A repeated column: a line of minima",
    )
    ax2.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    return fig
