"""Figures for deep-learning/deep_vs_classical.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace


@figure(
    "deep_vs_classical_boundaries",
    alt="Three panels of the same two rings of points with each model's decision regions: logistic "
    "regression on the raw coordinates draws a straight line that cuts both rings in half; with the "
    "hand-made squared-radius feature it draws a circle between the rings; the small neural network, "
    "given only the raw coordinates, also encloses the inner ring with a closed, slightly polygonal curve.",
)
def boundaries():
    ns = snippet_namespace("deep_vs_classical")
    X, y = ns["X_test"], ns["y_test"]
    models = [
        ("logistic regression, raw x1, x2", ns["linear_raw"], ns["acc_raw"]),
        ("logistic regression + x1²+x2²", ns["linear_feat"], ns["acc_feat"]),
        ("MLP (8 hidden units), raw x1, x2", ns["mlp"], ns["acc_mlp"]),
    ]
    lim = 1.5
    g = np.linspace(-lim, lim, 241)
    xx, yy = np.meshgrid(g, g)
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    fig, axes = plt.subplots(1, 3, figsize=(10.5, 4.3), sharex=True, sharey=True)
    for ax, (title, model, acc) in zip(axes, models):
        proba = model.predict_proba(grid)[:, 1].reshape(xx.shape)
        ax.contourf(xx, yy, proba, levels=[0, 0.5, 1], colors=["C0", "C1"], alpha=0.18)
        ax.contour(xx, yy, proba, levels=[0.5], colors="C2", linewidths=2)
        for cls, marker in ((0, "o"), (1, "^")):
            pts = X[y == cls]
            ax.scatter(
                pts[:, 0],
                pts[:, 1],
                s=14,
                color=f"C{cls}",
                marker=marker,
                label="outer ring (class 0)" if cls == 0 else "inner ring (class 1)",
            )
        ax.set_title(f"{title}\ntest accuracy {acc:.3f}", fontsize=10)
        ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect="equal", xlabel="x1")
        ax.set(xticks=[-1, 0, 1], yticks=[-1, 0, 1])
    axes[0].set_ylabel("x2")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig
