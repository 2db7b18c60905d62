"""Claims of evaluation/cross_validation.md checked beyond the data sets its snippet uses."""

import numpy as np
import pytest
from sklearn.datasets import load_iris, make_classification, make_regression
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import (
    GridSearchCV,
    GroupKFold,
    KFold,
    StratifiedKFold,
    TimeSeriesSplit,
    check_cv,
    cross_val_score,
    train_test_split,
)
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier


@pytest.mark.parametrize("n, k", [(10, 3), (11, 5), (100, 7), (5, 5), (1003, 10)])
def test_kfold_sizes_differ_by_at_most_one_and_the_first_folds_get_the_extra_rows(n, k):
    sizes = [len(test) for _, test in KFold(k).split(np.zeros((n, 1)))]
    assert sizes == [n // k + 1] * (n % k) + [n // k] * (k - n % k)
    tests = np.concatenate([test for _, test in KFold(k, shuffle=True, random_state=0).split(np.zeros((n, 1)))])
    assert np.array_equal(np.sort(tests), np.arange(n))  # each row tested exactly once


@pytest.mark.parametrize("seed", range(3))
def test_stratified_folds_spread_every_class_as_evenly_as_possible(seed):
    rng = np.random.default_rng(seed)
    y = rng.choice(3, size=97, p=[0.7, 0.2, 0.1])
    cv = StratifiedKFold(5, shuffle=True, random_state=seed)
    counts = np.array([np.bincount(y[test], minlength=3) for _, test in cv.split(np.zeros((97, 1)), y)])
    assert np.all(counts.max(axis=0) - counts.min(axis=0) <= 1)


@pytest.mark.parametrize("seed", range(3))
def test_group_kfold_never_puts_a_group_on_both_sides(seed):
    rng = np.random.default_rng(seed)
    groups = rng.integers(0, 12, size=80)
    for train, test in GroupKFold(4).split(np.zeros((80, 1)), groups=groups):
        assert not set(groups[train]) & set(groups[test])


def test_plain_kfold_does_put_groups_on_both_sides():
    # The failure GroupKFold prevents: with several rows per group, KFold splits groups.
    groups = np.repeat(np.arange(10), 5)
    rng = np.random.default_rng(0)
    rng.shuffle(groups)
    straddling = [
        len(set(groups[train]) & set(groups[test]))
        for train, test in KFold(5, shuffle=True, random_state=0).split(np.zeros((50, 1)))
    ]
    assert max(straddling) > 0


@pytest.mark.parametrize("gap", [0, 3])
def test_time_series_split_trains_on_the_past_only_and_gap_leaves_rows_out(gap):
    n, k = 50, 4
    splits = list(TimeSeriesSplit(k, gap=gap).split(np.zeros((n, 1))))
    for train, test in splits:
        assert train.min() == 0 and train.max() + gap + 1 == test.min()
        assert np.array_equal(test, np.arange(test.min(), test.max() + 1))  # one contiguous block
    assert [len(test) for _, test in splits] == [n // (k + 1)] * k
    tested = np.concatenate([test for _, test in splits])
    assert tested.min() > 0  # the earliest rows are never test data


def test_integer_cv_means_unshuffled_stratified_for_classifiers_and_kfold_otherwise():
    y_class = np.array([0, 1] * 10)
    cv = check_cv(5, y_class, classifier=True)
    assert isinstance(cv, StratifiedKFold) and not cv.shuffle
    cv = check_cv(5, np.linspace(0, 1, 20), classifier=False)
    assert type(cv) is KFold and not cv.shuffle


@pytest.mark.parametrize("model", [KNeighborsClassifier(), DecisionTreeClassifier(random_state=0)])
def test_unshuffled_kfold_on_class_sorted_data_scores_zero(model):
    X, y = load_iris(return_X_y=True)
    assert np.all(np.diff(y) >= 0)  # iris is sorted by class
    assert np.all(cross_val_score(model, X, y, cv=KFold(3)) == 0)
    assert cross_val_score(model, X, y, cv=KFold(3, shuffle=True, random_state=0)).mean() > 0.9


def test_cross_val_score_mean_is_the_unweighted_mean_of_per_fold_scores():
    X, y = make_regression(n_samples=23, n_features=3, noise=5.0, random_state=0)
    cv = KFold(5)  # folds of 5, 5, 5, 4, 4 rows
    scores = cross_val_score(LinearRegression(), X, y, cv=cv, scoring="neg_mean_squared_error")
    by_hand = []
    for train, test in cv.split(X):
        residual = y[test] - LinearRegression().fit(X[train], y[train]).predict(X[test])
        by_hand.append(-np.mean(residual**2))
    assert np.allclose(scores, by_hand)


@pytest.mark.parametrize("seed", [1, 2])
def test_single_split_scores_spread_more_than_cross_validated_means(seed):
    X, y = make_classification(
        n_samples=150, n_features=10, n_informative=3, n_redundant=0, flip_y=0.3, random_state=seed
    )
    model = KNeighborsClassifier()
    single, cv_means = [], []
    for s in range(10):
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=s)
        single.append(model.fit(X_tr, y_tr).score(X_te, y_te))
        cv_means.append(cross_val_score(model, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=s)).mean())
    assert np.std(single) > 1.5 * np.std(cv_means)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_feature_selection_outside_the_loop_finds_signal_in_noise(seed):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(100, 2_000)), rng.integers(0, 2, size=100)
    leaky = cross_val_score(
        LogisticRegression(solver="liblinear"), SelectKBest(f_classif, k=20).fit_transform(X, y), y, cv=5
    )
    pipeline = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression(solver="liblinear"))
    honest = cross_val_score(pipeline, X, y, cv=5)
    assert leaky.mean() > honest.mean() + 0.15
    assert abs(honest.mean() - 0.5) < 0.15


def test_scaling_outside_the_loop_leaks_little():
    X, y = make_classification(n_samples=300, n_features=10, random_state=0)
    X = X * np.arange(1, 11)  # features on different scales
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    leaky = cross_val_score(KNeighborsClassifier(), StandardScaler().fit_transform(X), y, cv=cv).mean()
    honest = cross_val_score(make_pipeline(StandardScaler(), KNeighborsClassifier()), X, y, cv=cv).mean()
    assert abs(leaky - honest) < 0.02


def test_non_nested_best_score_is_optimistic_on_average():
    # The snippet's claim on one data set, checked on average over six others (cheaper 3-fold loops).
    differences = []
    for seed in range(1, 7):
        X, y = make_classification(
            n_samples=150, n_features=10, n_informative=3, n_redundant=0, flip_y=0.3, random_state=seed
        )
        search = GridSearchCV(
            KNeighborsClassifier(algorithm="kd_tree"),  # brute force is slow on a busy machine
            {"n_neighbors": [1, 5, 20, 40]},
            cv=StratifiedKFold(3, shuffle=True, random_state=0),
        )
        non_nested = search.fit(X, y).best_score_
        nested = cross_val_score(search, X, y, cv=StratifiedKFold(3, shuffle=True, random_state=1)).mean()
        differences.append(non_nested - nested)
    assert np.mean(differences) > 0.01
    assert np.mean(np.array(differences) >= 0) >= 0.5


@pytest.mark.parametrize("h", [1, 5, 7])
def test_gap_of_h_keeps_look_ahead_labels_of_training_rows_out_of_the_test_period(h):
    # Row t's label is computed from rows t+1 .. t+h (a target over the next h steps).
    n = 120
    label_reach = np.arange(n) + h  # the last row each label reads

    def overlaps(gap):
        return [
            label_reach[train].max() >= test.min()
            for train, test in TimeSeriesSplit(4, gap=gap, test_size=15).split(np.zeros((n, 1)))
        ]

    assert not any(overlaps(gap=h))  # gap = h: no training label reads a test-period row
    assert all(overlaps(gap=h - 1))  # one row less and every split leaks
    # Look-back features need nothing: row t's lags read rows before t, never after it.
    lag_reach = np.arange(n) - 1
    for train, test in TimeSeriesSplit(4, test_size=15).split(np.zeros((n, 1))):
        assert lag_reach[train].max() < test.min()


def test_leave_one_out_scores_a_majority_guesser_zero_on_balanced_labels():
    from sklearn.dummy import DummyClassifier
    from sklearn.model_selection import LeaveOneOut

    for n_per_class in (10, 37):
        y = np.repeat([0, 1], n_per_class)
        X = np.zeros((len(y), 1))
        guess = DummyClassifier(strategy="most_frequent")
        assert cross_val_score(guess, X, y, cv=LeaveOneOut()).mean() == 0.0
        # On new balanced data the same guesser is right half the time.
        assert guess.fit(X, y).score(X, y) == 0.5
    # Kohavi's version: iris, three classes of 50 rows. Each held-out row's class is the minority of the rest.
    X_iris, y_iris = load_iris(return_X_y=True)
    assert cross_val_score(DummyClassifier(strategy="most_frequent"), X_iris, y_iris, cv=LeaveOneOut()).mean() == 0.0


def test_naive_standard_error_of_the_cv_mean_is_too_small():
    # Draw 60 data sets of 100 rows from one large pool, cross-validate on each, and compare the spread of
    # the CV means across data sets with the naive standard error std(fold scores) / sqrt(k).
    X_pool, y_pool = make_classification(
        n_samples=5000, n_features=10, n_informative=3, n_redundant=0, flip_y=0.3, random_state=0
    )
    means, naive = [], []
    for seed in range(60):
        rows = np.random.default_rng(seed).choice(5000, 100, replace=False)
        scores = cross_val_score(
            LogisticRegression(), X_pool[rows], y_pool[rows], cv=StratifiedKFold(5, shuffle=True, random_state=seed)
        )
        means.append(scores.mean())
        naive.append(scores.std(ddof=1) / np.sqrt(5))
    assert np.mean(naive) < 0.9 * np.std(means, ddof=1)
