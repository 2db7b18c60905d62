"""Semi-supervised learning: self-training and label spreading vs a supervised baseline.

Two moons: a few labeled rows, many unlabeled ones (marked -1, scikit-learn's
convention). Then a dataset whose classes do NOT follow its clusters, where the
unlabeled rows mislead.

Run on its own: python snippets/semi_supervised.py
"""

import numpy as np
from sklearn.datasets import make_moons
from sklearn.kernel_approximation import RBFSampler
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.semi_supervised import LabelSpreading, SelfTrainingClassifier

# --8<-- [start:data]
X_train, y_train = make_moons(n_samples=200, noise=0.1, random_state=0)
X_test, y_test = make_moons(n_samples=1000, noise=0.1, random_state=1)


def hide_labels(y, per_class, rng):
    """Keep `per_class` random labels of each class; mark all other rows -1."""
    keep = np.concatenate(
        [rng.choice(np.flatnonzero(y == c), per_class, replace=False) for c in (0, 1)]
    )
    y_partial = np.full_like(y, -1)  # -1 means "unlabeled" to scikit-learn
    y_partial[keep] = y[keep]
    return y_partial


rng = np.random.default_rng(0)
y_partial = hide_labels(y_train, per_class=1, rng=rng)
labeled = y_partial != -1
print(f"labeled rows: {labeled.sum()}, unlabeled rows: {(~labeled).sum()}")
# --8<-- [end:data]


# --8<-- [start:models]
def base_model():
    """A smooth nonlinear classifier with predict_proba (which self-training needs)."""
    return make_pipeline(
        RBFSampler(gamma=2.0, random_state=0),  # random Fourier features
        LogisticRegression(C=10.0, solver="newton-cg"),  # newton-cg: quick here
    )


# Supervised baseline: the unlabeled rows are simply thrown away.
supervised = base_model().fit(X_train[labeled], y_train[labeled])
# Self-training: fit, pseudo-label rows predicted with probability >= 0.75, refit.
self_training = SelfTrainingClassifier(estimator=base_model(), threshold=0.75)
self_training.fit(X_train, y_partial)
# Label spreading: propagate labels over a similarity graph of ALL rows.
spreading = LabelSpreading(kernel="rbf", gamma=50, alpha=0.99, max_iter=1000)
spreading.fit(X_train, y_partial)

for name, model in [
    ("supervised only", supervised),
    ("self-training", self_training),
    ("label spreading", spreading),
]:
    print(f"{name:<16} test accuracy = {model.score(X_test, y_test):.3f}")

pseudo = self_training.labeled_iter_ > 0  # rows that received a pseudo-label
correct = self_training.transduction_[pseudo] == y_train[pseudo]
print(f"self-training pseudo-labeled {pseudo.sum()} rows, {correct.mean():.0%} right")
# --8<-- [end:models]

# --8<-- [start:fractions]
fractions = [0.01, 0.03, 0.1, 0.3]
names = ["supervised", "self-training", "label spreading"]
mean_accuracy = {name: [] for name in names}
for fraction in fractions:
    per_class = round(fraction * len(y_train) / 2)
    runs = []
    for _ in range(3):  # average over three random choices of labeled rows
        y_part = hide_labels(y_train, per_class, rng)
        known = y_part != -1
        runs.append(
            [
                base_model().fit(X_train[known], y_train[known]).score(X_test, y_test),
                SelfTrainingClassifier(estimator=base_model())
                .fit(X_train, y_part)
                .score(X_test, y_test),
                LabelSpreading(kernel="rbf", gamma=50, alpha=0.99, max_iter=1000)
                .fit(X_train, y_part)
                .score(X_test, y_test),
            ]
        )
    for name, acc in zip(names, np.mean(runs, axis=0)):
        mean_accuracy[name].append(acc)
    print(
        f"{fraction:4.0%} labeled ({2 * per_class:2d} rows): "
        + "  ".join(f"{n} {mean_accuracy[n][-1]:.3f}" for n in names)
    )
# --8<-- [end:fractions]

# --8<-- [start:all_labels]
# The other way to spend effort: label every training row and use plain supervision.
all_labeled = base_model().fit(X_train, y_train).score(X_test, y_test)
two_labels = mean_accuracy["label spreading"][0]  # the 1 % row above
print(f"supervised, all {len(y_train)} rows labeled:  {all_labeled:.3f}")
print(f"label spreading, 2 rows labeled:   {two_labels:.3f}")
# --8<-- [end:all_labels]

# On the moons, two labels plus the unlabeled rows do as well as 200 labels.
assert abs(all_labeled - two_labels) < 0.01

# --8<-- [start:when_it_fails]
# Two well-separated clusters, but the class is the SIGN OF THE SECOND FEATURE:
# each cluster holds both classes, so "same cluster, same class" is false.
data_rng = np.random.default_rng(1)
side = data_rng.integers(0, 2, size=1200)
X_bad = np.c_[np.where(side == 1, 3.0, -3.0), np.zeros(1200)]
X_bad += data_rng.normal(size=(1200, 2))
y_bad = (X_bad[:, 1] > 0).astype(int)
Xb_train, yb_train = X_bad[:200], y_bad[:200]
Xb_test, yb_test = X_bad[200:], y_bad[200:]

bad = []
for _ in range(5):
    yb_part = hide_labels(yb_train, per_class=5, rng=rng)
    known = yb_part != -1
    bad.append(
        [
            LogisticRegression(solver="newton-cg")
            .fit(Xb_train[known], yb_train[known])
            .score(Xb_test, yb_test),
            LabelSpreading(kernel="rbf", gamma=50, alpha=0.99, max_iter=1000)
            .fit(Xb_train, yb_part)
            .score(Xb_test, yb_test),
            # No unlabeled rows at all: copy the label of the nearest labeled row.
            KNeighborsClassifier(n_neighbors=1)
            .fit(Xb_train[known], yb_train[known])
            .score(Xb_test, yb_test),
        ]
    )
bad_supervised, bad_spreading, bad_nearest = np.mean(bad, axis=0)
print(f"supervised logistic regression: {bad_supervised:.3f}")
print(f"label spreading:                {bad_spreading:.3f}")
print(f"nearest labeled row (1-NN):     {bad_nearest:.3f}")
# --8<-- [end:when_it_fails]

# Facts the page states, checked on this data:
# self-training pseudo-labels almost every unlabeled row, some of them wrongly;
assert pseudo.sum() > 0.9 * (~labeled).sum() and not correct.all()
# with one label per class, label spreading beats the supervised baseline by far,
assert spreading.score(X_test, y_test) > supervised.score(X_test, y_test) + 0.1
# and it does so on average at the smallest labeled fraction too;
sup, st, ls = (mean_accuracy[n] for n in names)
assert ls[0] > sup[0] + 0.1
# label spreading is never worse than the baseline on the moons,
assert all(a >= b for a, b in zip(ls, sup))
# the gap closes as labels become plentiful;
assert ls[-1] - sup[-1] < ls[0] - sup[0]
# self-training is erratic: better than the baseline at one fraction, worse at another,
assert any(a > b for a, b in zip(st, sup)) and any(a < b for a, b in zip(st, sup))
# and it does not beat label spreading at any fraction here;
assert all(a <= b for a, b in zip(st, ls))
# when classes cut through the clusters, label spreading is worse than ignoring the
# unlabeled rows: worse than logistic regression, and even a little worse than
# copying the label of the nearest labeled row.
assert bad_spreading < bad_supervised - 0.05
assert bad_spreading < bad_nearest
