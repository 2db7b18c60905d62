"""Claims of fundamentals/missing_data.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import KFold, cross_validate, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits


@pytest.mark.parametrize("seed", range(3))
def test_dropping_rows_is_unbiased_under_mcar_only(seed):
    rng = np.random.default_rng(seed)
    n = 50_000
    z = rng.normal(size=n)
    y = 2 * z + rng.normal(size=n)
    mcar = rng.random(n) < 0.4
    mar = rng.random(n) < np.where(z > 0, 0.7, 0.1)
    mnar = rng.random(n) < np.where(y > 0, 0.7, 0.1)
    assert abs(y[~mcar].mean() - y.mean()) < 0.05
    assert abs(y[~mar].mean() - y.mean()) > 0.5
    assert abs(y[~mnar].mean() - y.mean()) > 0.5
    # Under MAR, the regression of y on z fitted on complete rows, averaged over all z, repairs the mean;
    # under MNAR it does not.
    for m, repaired in ((mar, True), (mnar, False)):
        slope, intercept = np.polyfit(z[~m], y[~m], 1)
        estimate = np.where(m, intercept + slope * z, y).mean()
        assert (abs(estimate - y.mean()) < 0.05) == repaired


def test_cross_validation_refits_the_imputer_on_each_training_fold():
    X, y = make_classification(n_samples=300, n_features=4, random_state=0)
    rng = np.random.default_rng(0)
    X[rng.random(X.shape) < 0.2] = np.nan
    model = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression())
    cv = KFold(5, shuffle=True, random_state=0)
    result = cross_validate(model, X, y, cv=cv, return_estimator=True, return_indices=True)
    stats = []
    for estimator, train_idx in zip(result["estimator"], result["indices"]["train"]):
        fold_stats = estimator.named_steps["simpleimputer"].statistics_
        assert np.array_equal(fold_stats, np.nanmedian(X[train_idx], axis=0))
        stats.append(fold_stats)
    assert not all(np.array_equal(stats[0], s) for s in stats[1:])  # the folds really differ


def _table(seed, informative, n=1000):
    X, y = make_classification(n_samples=n, n_features=6, n_informative=3, n_redundant=0, random_state=seed)
    rng = np.random.default_rng(seed)
    rate = np.where(y == 1, 0.6, 0.1) if informative else np.full(len(y), 0.35)
    X[rng.random(len(y)) < rate, 0] = np.nan
    return train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)


def _linear(indicator):
    return make_pipeline(SimpleImputer(add_indicator=indicator), StandardScaler(), LogisticRegression())


@pytest.mark.parametrize("seed", range(4))
def test_indicator_helps_when_missingness_is_informative_and_not_otherwise(seed):
    # Log loss rather than accuracy: it sees every change in the predicted probabilities.
    gains = {}
    for informative in (True, False):
        X_train, X_test, y_train, y_test = _table(seed, informative, n=2000)
        loss = {
            indicator: log_loss(y_test, _linear(indicator).fit(X_train, y_train).predict_proba(X_test))
            for indicator in (True, False)
        }
        gains[informative] = loss[False] - loss[True]
    # The size of the gain depends on how much room the model has left (tiny when it is already
    # near perfect), but it is always positive when missingness is informative and ~0 under MCAR.
    assert gains[True] > 0.005
    assert abs(gains[False]) < 0.01


@pytest.mark.parametrize("seed", range(2))
def test_trees_do_nearly_as_well_with_a_constant_fill_as_with_native_nan(seed):
    X_train, X_test, y_train, y_test = _table(seed, informative=True)
    with threadpool_limits(limits=1, user_api="openmp"):
        native = HistGradientBoostingClassifier(max_iter=50, random_state=0).fit(X_train, y_train)
        sentinel = make_pipeline(
            SimpleImputer(strategy="constant", fill_value=-99.0),
            HistGradientBoostingClassifier(max_iter=50, random_state=0),
        ).fit(X_train, y_train)
        assert abs(native.score(X_test, y_test) - sentinel.score(X_test, y_test)) < 0.03
        # and both beat a linear model that cannot see the missingness
        assert native.score(X_test, y_test) > _linear(False).fit(X_train, y_train).score(X_test, y_test)


def test_time_interpolation_is_the_formula_on_irregular_timestamps():
    rng = np.random.default_rng(0)
    offsets = np.sort(rng.choice(np.arange(1, 200), size=30, replace=False))
    index = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.r_[0, offsets], unit="h")
    values = rng.normal(size=index.size)
    s = pd.Series(values, index=index)
    holes = [5, 11, 12, 20]
    s.iloc[holes] = np.nan
    filled = s.interpolate(method="time")
    t = (index - index[0]).total_seconds().to_numpy()
    known = ~s.isna().to_numpy()
    assert np.allclose(filled.iloc[holes], np.interp(t[holes], t[known], values[known]))
    # method="linear" ignores the timestamps and uses the row positions instead
    pos = np.arange(index.size)
    linear = s.interpolate(method="linear")
    assert np.allclose(linear.iloc[holes], np.interp(pos[holes], pos[known], values[known]))
    assert not np.allclose(linear.iloc[holes], filled.iloc[holes])


@pytest.mark.parametrize("seed", range(3))
def test_fills_of_the_training_part_never_move_when_test_values_change(seed):
    rng = np.random.default_rng(seed)
    s = pd.Series(rng.normal(size=60).cumsum(), index=pd.date_range("2024-01-01", periods=60, freq="D"))
    s.iloc[[10, 11, 37, 38, 39]] = np.nan  # the last three training days are missing
    cutoff = s.index[40]
    changed = s.copy()
    changed.iloc[40:] += rng.normal(5, 1, size=20)

    def train_part(x):
        return x[x.index < cutoff]

    for fill in (lambda x: x.ffill(), lambda x: train_part(x).interpolate(method="time")):
        assert train_part(fill(s)).equals(train_part(fill(changed)))
    # Filling the whole series backwards or by interpolation lets the test values in.
    for fill in (lambda x: x.bfill(), lambda x: x.interpolate(method="time")):
        assert not np.allclose(train_part(fill(s)), train_part(fill(changed)))


def test_pandas_edges_and_limits():
    s = pd.Series([np.nan, 1.0, np.nan, np.nan, np.nan, 5.0, np.nan, np.nan])
    # Default interpolate: leading NaN kept, interior gap linear, trailing NaNs take the last value.
    assert s.interpolate().tolist()[1:] == [1.0, 2.0, 3.0, 4.0, 5.0, 5.0, 5.0]
    assert np.isnan(s.interpolate().iloc[0])
    assert s.interpolate(limit_area="inside").iloc[6:].isna().all()
    # limit= fills at most that many consecutive NaNs.
    assert s.ffill(limit=2).isna().tolist() == [True, False, False, False, True, False, False, False]
    assert s.ffill(limit=1).isna().sum() == 1 + 2 + 1
    # ffill never fills a leading NaN.
    assert np.isnan(s.ffill().iloc[0])


def test_removed_pandas_spellings_raise():
    s = pd.Series([1.0, np.nan, 3.0])
    with pytest.raises(TypeError):
        s.fillna(method="ffill")
    for method in ("pad", "ffill"):
        with pytest.raises(ValueError):
            s.interpolate(method=method)
    frame = pd.DataFrame({"x": [1.0, np.nan], "label": ["a", "b"]})
    with pytest.raises(TypeError):
        frame.mean()
    assert frame.fillna(frame.mean(numeric_only=True))["x"].tolist() == [1.0, 1.0]


@pytest.mark.parametrize("seed", range(3))
def test_complete_case_fit_of_y_given_x_is_unbiased_unless_missingness_depends_on_y(seed):
    rng = np.random.default_rng(seed)
    n = 50_000
    x = rng.normal(size=n)
    y = 1.0 + 2.0 * x + rng.normal(size=n)
    dropped = {
        "x missing for large x (depends on the missing x itself)": rng.random(n) < np.where(x > 0, 0.7, 0.1),
        "x missing for large y": rng.random(n) < np.where(y > 1, 0.9, 0.0),
    }
    fits = {name: np.polyfit(x[~m], y[~m], 1) for name, m in dropped.items()}
    slope, intercept = fits["x missing for large x (depends on the missing x itself)"]
    assert abs(slope - 2.0) < 0.05 and abs(intercept - 1.0) < 0.05
    assert abs(fits["x missing for large y"][0] - 2.0) > 0.2
    # ... while the mean of y from the same complete rows is biased in both cases.
    assert all(abs(y[~m].mean() - y.mean()) > 0.3 for m in dropped.values())


def test_resample_inserts_missing_days_only_with_an_aggregation_or_asfreq():
    s = pd.Series([1.0, 2.0, 4.0], index=pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-05"]))
    assert not isinstance(s.resample("D"), pd.Series)  # a lazy groupby-like object, not new rows
    assert s.resample("D").mean().isna().tolist() == [False, False, True, True, False]
    assert s.resample("D").asfreq().isna().sum() == 2 and s.asfreq("D").isna().sum() == 2
    assert s.resample("D").sum().tolist() == [1.0, 2.0, 0.0, 0.0, 4.0]  # empty days sum to 0, not NaN


def test_plain_fills_cross_entities_and_groupby_fills_do_not():
    panel = pd.DataFrame(
        {"id": ["a", "a", "b", "b", "b"], "t": [1, 2, 1, 2, 3], "v": [1.0, 5.0, np.nan, np.nan, 9.0]}
    ).sort_values(["id", "t"])
    assert panel["v"].ffill().iloc[2] == 5.0  # b's first rows take a's last value
    assert panel["v"].interpolate().iloc[2] == pytest.approx(5.0 + (9.0 - 5.0) / 3)  # a's 5.0 leaks in
    by_id = panel.groupby("id")["v"]
    assert by_id.ffill().iloc[2:4].isna().all()
    interpolated = by_id.transform(lambda v: v.interpolate())
    assert interpolated.iloc[2:4].isna().all()  # b has no earlier value of its own to interpolate from


def test_indicator_columns_only_for_features_that_had_gaps_during_fit():
    X_fit = np.array([[1.0, np.nan], [2.0, 3.0], [3.0, 5.0]])
    imputer = SimpleImputer(add_indicator=True).fit(X_fit)
    assert imputer.indicator_.features_.tolist() == [1]
    out = imputer.transform(np.array([[np.nan, 4.0]]))  # feature 0 was never missing in training
    assert out.shape == (1, 3)  # two features + one indicator, none for feature 0
    assert out.tolist() == [[2.0, 4.0, 0.0]]  # silently filled with the training mean, no flag raised
