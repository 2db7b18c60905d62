"""Figure for coding/logistic_regression_gd.md, drawn with the page's own reference solution."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LogisticRegression

from scripts.figures import figure, snippet_namespace


@figure(
    "logistic_regression_gd_convergence",
    alt="Two panels. Left: the gap between the objective after each step of batch gradient descent "
    "and its minimum, on a log scale, for no penalty and for lambda equal to 0.1; both fall along "
    "straight lines, the penalised one faster, until they reach rounding level. Right: the log loss "
    "of a row with label 0 against its score z; computed from the logits it is a line that keeps "
    "rising, while the naive minus log of one minus sigmoid of z follows it and then jumps to "
    "infinity near z equal to 37, where the sigmoid rounds to exactly 1.",
)
def convergence():
    ns = snippet_namespace("logistic_regression_gd")
    X, y, predict_proba = ns["X"], ns["y"], ns["predict_proba"]
    objective = ns["logistic_loss"]
    n, d = X.shape
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(10.5, 4.0))
    for lam, color in ((0.0, "C0"), (0.1, "C1")):
        C = np.inf if lam == 0 else 1 / (n * lam)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a ConvergenceWarning at tol=1e-12 is harmless
            sk = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)
        best = objective(X, y, sk.coef_[0], sk.intercept_[0], lam=lam)
        w, b, gaps = np.zeros(d), 0.0, []
        for _ in range(400):  # the same steps as fit_logistic(..., lr=1.0)
            gaps.append(objective(X, y, w, b, lam=lam) - best)
            r = predict_proba(X, w, b) - y
            w, b = w - (X.T @ r / n + lam * w), b - r.mean()
        gaps = np.maximum(gaps, 1e-16)
        ax.semilogy(gaps, color=color, label=f"lam = {lam}")
    ax.set(
        xlabel="gradient descent step (lr = 1)",
        ylabel="objective minus its minimum",
        ylim=(1e-16, 1),
        title="Batch gradient descent converges linearly",
    )
    ax.legend()

    z = np.linspace(0, 45, 901)
    with np.errstate(divide="ignore"):
        naive = -np.log(1 - 1 / (1 + np.exp(-z)))  # y = 0: -log(1 - p)
    ax2.plot(z, np.logaddexp(0, z), color="C2", linewidth=3, label="log(1 + e^z), from the logit")
    finite = np.isfinite(naive)
    ax2.plot(z[finite], naive[finite], color="C1", linestyle="--", label="-log(1 - sigmoid(z))")
    jump = z[~finite][0]
    ax2.axvline(jump, color="C3", linestyle=":", linewidth=1.5)
    ax2.annotate(
        f"sigmoid rounds to 1 here:\n-log(0) = inf from z = {jump:.1f}",
        xy=(jump, 20),
        xytext=(8, 30),
        arrowprops={"arrowstyle": "->", "color": plt.rcParams["text.color"]},
        fontsize=9,
    )
    ax2.set(xlabel="score z of a row with y = 0", ylabel="log loss of that row", title="Loss from z, not p")
    ax2.legend(loc="upper left")
    fig.tight_layout()
    return fig
