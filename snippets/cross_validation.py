"""Cross-validation: how scikit-learn's splitters cut the data, why shuffling matters,
how much steadier a cross-validated score is than a single split, leakage, nested CV.

Run on its own: python snippets/cross_validation.py
"""

import numpy as np
from sklearn.datasets import load_iris, make_classification
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import (
    GridSearchCV,
    GroupKFold,
    KFold,
    RepeatedStratifiedKFold,
    StratifiedKFold,
    StratifiedShuffleSplit,
    TimeSeriesSplit,
    cross_val_score,
    cross_validate,
)
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

# --8<-- [start:kfold]
rows = np.arange(10)
for cv in (KFold(n_splits=3), KFold(n_splits=3, shuffle=True, random_state=0)):
    print(cv)
    test_folds = [test for _, test in cv.split(rows)]
    for test in test_folds:
        print("  test rows:", test)
    sizes = [len(test) for test in test_folds]
    assert max(sizes) - min(sizes) <= 1  # "roughly equal": 10 rows -> 4, 3, 3
    assert np.array_equal(np.sort(np.concatenate(test_folds)), rows)  # each row once
# --8<-- [end:kfold]

# --8<-- [start:splitters]
# A toy data set of 30 rows, to see how each splitter cuts it: an imbalanced label, rows
# stored group by group (say, several rows per patient), and the rows in time order.
y_toy = np.zeros(30, dtype=int)
y_toy[[1, 5, 8, 12, 16, 20, 23, 28]] = 1  # 8 positives
groups_toy = np.repeat(np.arange(6), [8, 6, 5, 4, 4, 3])  # 6 groups of unequal size
X_toy = np.zeros((30, 1))  # the splitters only look at the number of rows

splitters = {
    "KFold": KFold(n_splits=5, shuffle=True, random_state=0),
    "StratifiedKFold": StratifiedKFold(n_splits=5, shuffle=True, random_state=0),
    "GroupKFold": GroupKFold(n_splits=5),
    "TimeSeriesSplit": TimeSeriesSplit(n_splits=5),
}
folds = {}  # name -> list of (train rows, test rows), straight from .split()
for name, cv in splitters.items():
    groups = groups_toy if name == "GroupKFold" else None  # only GroupKFold uses groups
    folds[name] = list(cv.split(X_toy, y_toy, groups=groups))

for name, splits in folds.items():
    print(f"{name}:")
    summary = {
        "train sizes": [len(train) for train, _ in splits],
        "test sizes": [len(test) for _, test in splits],
        "positives in test": [int(y_toy[test].sum()) for _, test in splits],
        "groups in train and test": [
            len(np.intersect1d(groups_toy[tr], groups_toy[te])) for tr, te in splits
        ],
    }
    for label, values in summary.items():
        print(f"  {label:<26}{values}")
# --8<-- [end:splitters]

# What each splitter guarantees, checked on its folds:
for name, splits in folds.items():
    for train, test in splits:
        assert not set(train) & set(test)
    tests = np.concatenate([test for _, test in splits])
    if name != "TimeSeriesSplit":  # every row is tested exactly once
        assert np.array_equal(np.sort(tests), np.arange(len(y_toy)))
# shuffled KFold happens to leave one test fold without a positive row,
assert min(y_toy[test].sum() for _, test in folds["KFold"]) == 0
positives = [y_toy[test].sum() for _, test in folds["StratifiedKFold"]]
assert max(positives) - min(positives) <= 1  # class counts spread as evenly as possible
for train, test in folds["GroupKFold"]:  # no group on both sides
    assert not set(groups_toy[train]) & set(groups_toy[test])
for train, test in folds["TimeSeriesSplit"]:  # train strictly before test, growing
    assert train.max() < test.min() and train.min() == 0

# --8<-- [start:shuffle]
X_iris, y_iris = load_iris(return_X_y=True)  # 150 rows, sorted by class: 50, 50, 50
knn = KNeighborsClassifier()
for label, cv in [
    ("KFold(3)", KFold(3)),
    ("KFold(3, shuffle=True)", KFold(3, shuffle=True, random_state=0)),
    ("cv=3 (StratifiedKFold)", 3),
]:
    scores = cross_val_score(knn, X_iris, y_iris, cv=cv)
    print(f"{label:<23} fold accuracies {np.round(scores, 3)}")
# --8<-- [end:shuffle]
assert np.all(cross_val_score(knn, X_iris, y_iris, cv=KFold(3)) == 0)

# The data for the rest of the page: a small, noisy classification problem.
X, y = make_classification(
    n_samples=150,
    n_features=10,
    n_informative=3,
    n_redundant=0,
    flip_y=0.3,
    random_state=0,
)

# --8<-- [start:cv_score]
model = make_pipeline(StandardScaler(), KNeighborsClassifier())
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(model, X, y, cv=cv)  # 5 fits, each scored on its held-out fold
print("fold accuracies:", np.round(scores, 3))
print(f"mean {scores.mean():.3f}, standard deviation across folds {scores.std():.3f}")
# --8<-- [end:cv_score]

# --8<-- [start:spread]
# Ask the same question ten times, with ten different random cuts of the same 150 rows:
# ten single 80 / 20 splits, against ten repetitions of 5-fold CV (50 fits).
single = cross_val_score(
    model, X, y, cv=StratifiedShuffleSplit(n_splits=10, test_size=0.2, random_state=0)
)
repeated = RepeatedStratifiedKFold(n_splits=5, n_repeats=10, random_state=0)
cross_validated = cross_val_score(model, X, y, cv=repeated).reshape(10, 5).mean(axis=1)

for name, est in [("single split", single), ("5-fold CV mean", cross_validated)]:
    print(f"{name:<15} range {est.min():.3f} to {est.max():.3f}, std {est.std():.3f}")
assert single.std() > 2 * cross_validated.std()
# --8<-- [end:spread]

# --8<-- [start:leakage]
# Pure noise: 100 rows, 2,000 random features, random labels. Nothing can be learned.
rng = np.random.default_rng(0)
X_noise, y_noise = rng.normal(size=(100, 2_000)), rng.integers(0, 2, size=100)

# Wrong: choose the 10 "best" features on all rows, then cross-validate.
X_selected = SelectKBest(f_classif, k=10).fit_transform(X_noise, y_noise)
leaky = cross_val_score(KNeighborsClassifier(), X_selected, y_noise, cv=5).mean()

# Right: the selection is a step of the pipeline, refitted on each training fold.
pipeline = make_pipeline(SelectKBest(f_classif, k=10), KNeighborsClassifier())
honest = cross_val_score(pipeline, X_noise, y_noise, cv=5).mean()

print(f"selection outside the CV loop: {leaky:.3f}")
print(f"selection inside the pipeline: {honest:.3f}   (chance is 0.5)")
assert leaky > honest + 0.15 and abs(honest - 0.5) < 0.15
# --8<-- [end:leakage]

# --8<-- [start:nested]
k_name = "kneighborsclassifier__n_neighbors"  # <pipeline step>__<parameter>
grid = {k_name: [1, 5, 20, 40]}
inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
search = GridSearchCV(model, grid, cv=inner)

# Not nested: the best of four CV scores, computed on the rows that chose it.
non_nested = search.fit(X, y).best_score_
# Nested: the whole search runs inside each outer training fold.
result = cross_validate(search, X, y, cv=outer, return_estimator=True)
nested = result["test_score"].mean()
chosen = [fitted.best_params_[k_name] for fitted in result["estimator"]]

print(f"non-nested best_score_: {non_nested:.3f}")
print(f"nested CV estimate:     {nested:.3f}")
print("n_neighbors chosen per outer fold:", chosen)
assert non_nested >= nested
assert len(set(chosen)) > 1  # the inner searches disagree: CV scores the procedure
# --8<-- [end:nested]

# --8<-- [start:loo]
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import LeaveOneOut

# Balanced labels and no signal: always guessing the training majority is right half
# the time on new data. Leave-one-out removes one row, which makes the *other* class
# the majority of the 99 left, so every single prediction is wrong.
y_balanced = np.repeat([0, 1], 50)
X_nothing = np.zeros((100, 1))
majority = DummyClassifier(strategy="most_frequent")
loo = cross_val_score(majority, X_nothing, y_balanced, cv=LeaveOneOut())
ten_fold = cross_val_score(majority, X_nothing, y_balanced, cv=StratifiedKFold(10))
print(f"leave-one-out ({len(loo)} fits):     accuracy {loo.mean():.3f}")
print(f"stratified 10-fold ({len(ten_fold)} fits): accuracy {ten_fold.mean():.3f}")
assert loo.mean() == 0.0 and ten_fold.mean() == 0.5
# --8<-- [end:loo]
