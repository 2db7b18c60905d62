"""Claims of evaluation/data_leakage.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeRegressor

CV = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)


def test_selecting_features_on_all_rows_of_noise_beats_chance_while_the_pipeline_does_not():
    leaky, honest = [], []
    for seed in range(4):
        rng = np.random.default_rng(seed)
        X, y = rng.normal(size=(100, 1_000)), rng.integers(0, 2, 100)
        X_top = SelectKBest(f_classif, k=10).fit_transform(X, y)
        leaky.append(cross_val_score(LogisticRegression(), X_top, y, cv=CV).mean())
        pipe = make_pipeline(SelectKBest(f_classif, k=10), LogisticRegression())
        honest.append(cross_val_score(pipe, X, y, cv=CV).mean())
    assert min(leaky) > 0.7  # every seed: noise looks like signal
    assert abs(np.mean(honest) - 0.5) < 0.08  # on average the pipeline is at chance


@pytest.mark.parametrize("seed", range(3))
def test_scaling_on_all_rows_barely_moves_the_score(seed):
    X, y = make_classification(n_samples=600, n_features=8, n_informative=3, flip_y=0.2, random_state=seed)
    before = cross_val_score(LogisticRegression(), StandardScaler().fit_transform(X), y, cv=CV, scoring="roc_auc")
    inside = cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=CV, scoring="roc_auc")
    assert abs(before.mean() - inside.mean()) < 0.01


@pytest.mark.parametrize("seed", range(3))
def test_a_column_recorded_after_the_label_inflates_cv_and_vanishes_online(seed):
    rng = np.random.default_rng(seed)
    X, y = make_classification(
        n_samples=1000, n_features=8, n_informative=3, n_redundant=0, flip_y=0.2, random_state=seed
    )
    after = np.where((y == 1) & (rng.random(y.size) < 0.9), rng.exponential(30, y.size), 0.0)
    X_leaky = np.column_stack([X, after])
    model = make_pipeline(StandardScaler(), LogisticRegression())
    leaky = cross_val_score(model, X_leaky[:600], y[:600], cv=CV, scoring="roc_auc").mean()
    honest = cross_val_score(model, X[:600], y[:600], cv=CV, scoring="roc_auc").mean()
    online = roc_auc_score(
        y[600:], model.fit(X_leaky[:600], y[:600]).predict_proba(np.column_stack([X[600:], np.zeros(400)]))[:, 1]
    )
    assert leaky > 0.95 and leaky > honest + 0.08
    assert online < leaky - 0.08 and abs(online - honest) < 0.08  # live, the honest CV was right
    # the detection check: the leak is the one feature that alone predicts the label
    single = [roc_auc_score(y, X_leaky[:, j]) for j in range(9)]
    assert int(np.argmax(single)) == 8 and single[8] > 0.9


@pytest.mark.parametrize("seed", range(3))
def test_copies_on_both_sides_of_the_split_inflate_a_memorizing_model(seed):
    rng = np.random.default_rng(seed)
    X, y = make_classification(n_samples=300, n_features=8, n_informative=3, flip_y=0.3, random_state=seed)
    source = np.repeat(np.arange(300), 3)
    X_dup, y_dup = X[source] + rng.normal(0, 0.01, (900, 8)), y[source]
    knn = KNeighborsClassifier(n_neighbors=1)
    leaky = cross_val_score(knn, X_dup, y_dup, cv=CV).mean()
    grouped = cross_val_score(knn, X_dup, y_dup, cv=GroupKFold(5), groups=source).mean()
    assert leaky > 0.9 and leaky > grouped + 0.2


def test_group_kfold_keeps_each_patient_on_one_side_and_kfold_does_not():
    patient = np.repeat(np.arange(100), 6)
    X = np.zeros((patient.size, 1))
    for train, test in GroupKFold(5).split(X, groups=patient):
        assert not set(patient[train]) & set(patient[test])
    shared = [len(set(patient[tr]) & set(patient[te])) for tr, te in KFold(5, shuffle=True, random_state=0).split(X)]
    assert min(shared) > 50  # row-wise folds split most patients


def test_a_patient_signature_inflates_kfold_but_not_group_kfold():
    leaky, honest = [], []
    for seed in range(5):
        rng = np.random.default_rng(seed)
        patient = np.repeat(np.arange(100), 6)
        diagnosis = rng.integers(0, 2, 100)[patient]
        X = rng.normal(size=(100, 5))[patient] + rng.normal(0, 0.3, (patient.size, 5))
        knn = KNeighborsClassifier(n_neighbors=1)
        leaky.append(cross_val_score(knn, X, diagnosis, cv=KFold(5, shuffle=True, random_state=0)).mean())
        honest.append(cross_val_score(knn, X, diagnosis, cv=GroupKFold(5), groups=patient).mean())
    assert min(leaky) > 0.8
    assert abs(np.mean(honest) - 0.5) < 0.06


def test_time_series_split_trains_on_the_past_only():
    for train, test in TimeSeriesSplit(n_splits=5).split(np.zeros((730, 1))):
        assert train.max() < test.min()


@pytest.mark.parametrize("seed", range(3))
def test_shuffled_kfold_hides_that_a_tree_cannot_extrapolate_a_trend(seed):
    rng = np.random.default_rng(seed)
    day = np.arange(730)
    sales = 10 + 0.01 * day + np.sin(2 * np.pi * day / 7) + rng.normal(0, 0.5, 730)
    X = np.column_stack([day, np.sin(2 * np.pi * day / 7), np.cos(2 * np.pi * day / 7)])
    shuffled, forward = KFold(5, shuffle=True, random_state=0), TimeSeriesSplit(5)

    def mae(model, cv):
        return -cross_val_score(model, X, sales, cv=cv, scoring="neg_mean_absolute_error").mean()

    tree = DecisionTreeRegressor(min_samples_leaf=5, random_state=0)
    assert mae(tree, forward) > 1.4 * mae(tree, shuffled)
    line = LinearRegression()
    assert mae(line, forward) == pytest.approx(mae(line, shuffled), rel=0.05)


def test_merge_asof_joins_the_last_value_known_at_or_before_the_prediction_time():
    import pandas as pd

    predictions = pd.DataFrame({"t": [5, 10, 20]})
    feature = pd.DataFrame({"t": [1, 10, 15, 30], "balance": [100, 200, 300, 400]})
    joined = pd.merge_asof(predictions, feature, on="t")
    assert joined["balance"].tolist() == [100, 200, 300]  # never the value recorded at t = 30
    strict = pd.merge_asof(predictions, feature, on="t", allow_exact_matches=False)
    assert strict["balance"].tolist() == [100, 100, 300]


def test_time_series_split_gap_drops_the_rows_just_before_each_test_block():
    for train, test in TimeSeriesSplit(n_splits=5, gap=30).split(np.zeros((730, 1))):
        assert test.min() - train.max() == 31  # 30 rows left out between the two blocks
