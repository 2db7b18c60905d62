"""Figure for coding/vectorised_knn.md, drawn with the page's reference solution."""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import figure, snippet_namespace

MARKERS = {3: "o", 7: "^"}


@figure(
    "vectorised_knn_tie_and_rounding",
    alt="Two panels. Left: training points of class 3 (circles) and class 7 (triangles) and one query "
    "point; lines join the query to its four nearest neighbours, two of each class, and the title says the "
    "2 to 2 tie goes to the smaller label, 3, although the nearest neighbour is of class 7. Right: on log "
    "scales, the size of the squared distance of a point to itself, computed as twice the squared norm minus "
    "twice the dot product, against the squared norm. It should be 0, and most of the 300 values are; the "
    "others grow in proportion to the squared norm, along a line of machine epsilon times the squared norm, "
    "and about half of them are negative, which gives NaN under a square root without clipping.",
)
def tie_and_rounding():
    ns = snippet_namespace("vectorised_knn")
    pairwise_distances, knn_predict = ns["pairwise_distances"], ns["knn_predict"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))

    # Left: a 2-2 tie among the 4 nearest neighbours.
    X = np.array([[0.4, 0.2], [1.0, 1.3], [-0.9, 0.6], [0.2, -1.2], [2.2, -0.4], [-1.8, -1.4], [1.9, 1.9]])
    y = np.array([7, 7, 3, 3, 3, 7, 3])
    query = np.array([[0.0, 0.0]])
    k = 4
    nearest = np.argsort(pairwise_distances(query, X)[0])[:k]
    for i in nearest:
        left.plot([0, X[i, 0]], [0, X[i, 1]], color="C4", linewidth=1.2, zorder=1)
    for label, colour in ((3, "C0"), (7, "C1")):
        pts = X[y == label]
        left.scatter(pts[:, 0], pts[:, 1], s=70, marker=MARKERS[label], color=colour, label=f"class {label}")
    left.scatter([0], [0], s=160, marker="*", color="C2", label="query", zorder=3)
    pred = knn_predict(X, y, query, k)[0]
    votes = {c: int((y[nearest] == c).sum()) for c in (3, 7)}
    left.set_title(f"k = {k}: votes 3: {votes[3]}, 7: {votes[7]}; the tie goes to {pred}", fontsize=10)
    left.set(xlabel="x1", ylabel="x2", aspect="equal")
    left.legend(loc="lower right", fontsize=9)

    # Right: ||a||^2 + ||a||^2 - 2 a.a, as the solution computes it, for points ever farther out.
    rng = np.random.default_rng(0)
    A = np.logspace(0, 4, 300)[:, None] + rng.random((300, 3))
    norms = (A**2).sum(axis=1)
    raw = np.diag(norms[:, None] + norms[None, :] - 2.0 * (A @ A.T))  # should all be 0
    neg, pos = raw < 0, raw > 0
    zero = int((raw == 0).sum())
    right.scatter(norms[pos], raw[pos], s=14, color="C0", label=f"computed > 0 ({pos.sum()} points)")
    right.scatter(
        norms[neg], -raw[neg], s=14, color="C1", marker="v", label=f"computed < 0: NaN after sqrt ({neg.sum()})"
    )
    eps = np.finfo(np.float64).eps
    grid = np.logspace(0, 9, 50)
    right.plot(grid, eps * grid, color="C4", linestyle="--", label="machine epsilon x ||a||^2")
    right.set(
        xscale="log",
        yscale="log",
        xlabel="||a||^2",
        ylabel="|computed squared distance of a to a|",
        title=f"A point's distance to itself: {zero} of 300 come out exactly 0",
    )
    right.title.set_fontsize(10)
    right.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig
