"""Missing data: mechanisms, imputing in a pipeline, causal filling of a time series.

Run on its own: python snippets/missing_data.py
"""

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

# Small data: one OpenMP thread is faster (and steadier on a busy machine) than several.
_limits = threadpool_limits(limits=1, user_api="openmp")

# --8<-- [start:mechanisms]
rng = np.random.default_rng(0)
n = 100_000
age = rng.uniform(20, 70, n)
income = 20 + 0.8 * age + rng.normal(0, 10, n)  # in thousands; rises with age

missing = {
    "MCAR": rng.random(n) < 0.3,  # a coin flip
    "MAR": rng.random(n) < np.where(age > 50, 0.6, 0.1),  # depends on observed age
    "MNAR": rng.random(n) < np.where(income > 60, 0.6, 0.1),  # on income itself
}
print(f"true mean income: {income.mean():.2f}")
complete_case, regression_fill = {}, {}
for name, m in missing.items():
    complete_case[name] = income[~m].mean()  # drop the rows with a missing value
    # Impute income from age, with a line fitted on the complete rows only.
    slope, intercept = np.polyfit(age[~m], income[~m], deg=1)
    regression_fill[name] = np.where(m, intercept + slope * age, income).mean()
    print(
        f"{name:4s}: {m.mean():.0%} missing  drop rows -> {complete_case[name]:.2f}"
        f"  impute from age -> {regression_fill[name]:.2f}"
    )
# --8<-- [end:mechanisms]

true_mean = income.mean()
# Dropping rows is harmless under MCAR only; conditioning on age repairs MAR, not MNAR.
assert abs(complete_case["MCAR"] - true_mean) < 0.2
assert abs(complete_case["MAR"] - true_mean) > 1.0
assert abs(complete_case["MNAR"] - true_mean) > 1.0
assert abs(regression_fill["MAR"] - true_mean) < 0.2
assert abs(regression_fill["MNAR"] - true_mean) > 1.0

# --8<-- [start:conditional]
# Now a model of income *given* age, fitted on the complete rows only. True slope: 0.8.
slope_cc = {}
for name, m in missing.items():
    slope_cc[name] = np.polyfit(age[~m], income[~m], deg=1)[0]
    print(f"{name:4s}: slope of income on age, complete rows only {slope_cc[name]:.3f}")
# --8<-- [end:conditional]

# Dropping rows leaves the model of income given age unbiased when who is missing
# depends on age (MCAR, MAR here), and biases it when it depends on income itself.
assert abs(slope_cc["MCAR"] - 0.8) < 0.02 and abs(slope_cc["MAR"] - 0.8) < 0.02
assert slope_cc["MNAR"] < 0.77

# A classification table: every column loses about 5 % of its values at random, and
# column 0 (think: a lab test ordered mostly for sick patients) is missing far more
# often when y = 1, so the fact that it is missing carries information about y.
X, y = make_classification(
    n_samples=1000, n_features=6, n_informative=3, n_redundant=0, random_state=0
)
X[rng.random(X.shape) < 0.05] = np.nan
X[rng.random(len(y)) < np.where(y == 1, 0.6, 0.1), 0] = np.nan
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=0
)

# --8<-- [start:pipeline]
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

model = make_pipeline(
    SimpleImputer(strategy="median", add_indicator=True),
    StandardScaler(),
    LogisticRegression(),
).fit(X_train, y_train)

imputer = model.named_steps["simpleimputer"]
train_medians = np.nanmedian(X_train, axis=0)
all_medians = np.nanmedian(X, axis=0)  # what a fill before the split would use
assert np.array_equal(imputer.statistics_, train_medians)  # training rows only
assert not np.array_equal(imputer.statistics_, all_medians)
print("imputer medians (train):", np.round(imputer.statistics_, 3))
print("medians of all rows:    ", np.round(all_medians, 3))
print("indicator columns added for features:", imputer.indicator_.features_)
print(f"test accuracy: {model.score(X_test, y_test):.3f}")
# --8<-- [end:pipeline]

# --8<-- [start:strategies]
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import KNNImputer

candidates = {
    "mean": make_pipeline(
        SimpleImputer(strategy="mean"), StandardScaler(), LogisticRegression()
    ),
    "mean + indicator": make_pipeline(
        SimpleImputer(strategy="mean", add_indicator=True),
        StandardScaler(),
        LogisticRegression(),
    ),
    # KNN distances need comparable scales; StandardScaler ignores NaN when fitting.
    "KNN (k=5)": make_pipeline(StandardScaler(), KNNImputer(), LogisticRegression()),
    "gradient boosting, NaN as is": HistGradientBoostingClassifier(random_state=0),
}
accuracy = {}
for name, candidate in candidates.items():
    accuracy[name] = candidate.fit(X_train, y_train).score(X_test, y_test)
    print(f"{name:29s} test accuracy {accuracy[name]:.3f}")
# --8<-- [end:strategies]

# The missingness of column 0 is informative: a model that can see it does better.
assert accuracy["mean + indicator"] > accuracy["mean"] + 0.03
assert accuracy["gradient boosting, NaN as is"] > accuracy["mean"] + 0.03
assert accuracy["KNN (k=5)"] < accuracy["mean + indicator"]

# --8<-- [start:serving]
# An upstream outage: column 0 stops arriving at all. The model with indicator columns
# learned that "column 0 missing" points to class 1, so now it flags every row.
X_outage = X_test.copy()
X_outage[:, 0] = np.nan
with_indicator = candidates["mean + indicator"]  # fitted above
flagged = {
    "usual gaps": with_indicator.predict(X_test).mean(),
    "outage": with_indicator.predict(X_outage).mean(),
}
print(f"share of test rows that are positive: {y_test.mean():.3f}")
for when, share in flagged.items():
    print(f"{when:<10}: share predicted positive {share:.3f}")
print(f"accuracy during the outage: {with_indicator.score(X_outage, y_test):.3f}")
assert flagged["outage"] == 1.0 and flagged["usual gaps"] < 0.6
assert with_indicator.score(X_outage, y_test) < accuracy["mean + indicator"] - 0.2
# --8<-- [end:serving]

# --8<-- [start:ts_gaps]
days = pd.date_range("2024-01-01", periods=90, freq="D")
t = np.arange(90)
noise = np.random.default_rng(0).normal(0, 0.3, 90)
truth = pd.Series(10 + 5 * np.sin(2 * np.pi * t / 30) + 0.05 * t + noise, index=days)

observed = truth.copy()
gaps = [slice(9, 10), slice(24, 28), slice(40, 47), slice(56, 60), slice(72, 74)]
for gap in gaps:
    observed.iloc[gap] = np.nan
is_gap = observed.isna()
print(f"{is_gap.sum()} of {len(observed)} days missing")
# --8<-- [end:ts_gaps]

# --8<-- [start:ts_fill]
fills = {
    "forward fill": observed.ffill(),
    "time interpolation": observed.interpolate(method="time"),
    "series mean": observed.fillna(observed.mean()),
}
mae = {}
for name, filled in fills.items():
    mae[name] = (filled - truth)[is_gap].abs().mean()  # mean absolute error on gaps
    print(f"{name:18s} MAE on the missing days {mae[name]:.3f}")

# limit= caps how many consecutive NaNs are filled: longer gaps stay partly open.
capped = observed.ffill(limit=2)
print(f"ffill(limit=2) leaves {capped.isna().sum()} days missing")
# --8<-- [end:ts_fill]

assert mae["time interpolation"] < mae["forward fill"] < mae["series mean"]
assert all(filled.isna().sum() == 0 for filled in fills.values())
# Each gap keeps all but its first two days open.
assert capped.isna().sum() == sum(max(g.stop - g.start - 2, 0) for g in gaps)

# --8<-- [start:pandas_api]
frame = pd.DataFrame({"reading": [1.0, np.nan, 3.0], "site": ["a", "b", "a"]})
try:
    frame.fillna(method="ffill")  # the old spelling
except TypeError as err:
    print("fillna(method='ffill'):", err)
else:
    raise AssertionError("expected pandas 3 to reject fillna(method=...)")
try:
    frame.fillna(frame.mean())  # mean of a text column
except TypeError as err:
    print("frame.mean():", err)
else:
    raise AssertionError("expected mean() to reject the text column")
print(frame.ffill())
# --8<-- [end:pandas_api]

# --8<-- [start:panel]
# Several series in one frame (panel data): forward fill must not cross from one
# sensor to the next. Sort by entity and time, then fill within each entity.
panel = pd.DataFrame(
    {
        "sensor": ["a", "a", "a", "b", "b", "b"],
        "day": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"] * 2),
        "reading": [1.0, 2.0, 3.0, np.nan, 20.0, np.nan],
    }
).sort_values(["sensor", "day"])
panel["ffill"] = panel["reading"].ffill()  # wrong: crosses from a into b
panel["groupby_ffill"] = panel.groupby("sensor")["reading"].ffill()
print(panel)
assert panel["ffill"].iloc[3] == 3.0  # sensor b's first day got sensor a's last value
assert np.isnan(panel["groupby_ffill"].iloc[3])  # b has no past: it stays missing
assert panel["groupby_ffill"].iloc[5] == 20.0  # b's own last value fills its gap
# --8<-- [end:panel]

# --8<-- [start:time_vs_linear]
# Readings on days 1, 2, 3 and 10 of a quantity that grows by 1 per day; day 3 is lost.
uneven = pd.Series(
    [1.0, 2.0, np.nan, 10.0],
    index=pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-10"]),
)
by_position = uneven.interpolate(method="linear")  # ignores the index: rows are steps
by_time = uneven.interpolate(method="time")  # weights by elapsed time
print(f"linear: {by_position.iloc[2]:.1f}   time: {by_time.iloc[2]:.1f}   truth: 3.0")
assert by_time.iloc[2] == 3.0 and by_position.iloc[2] == 6.0
# --8<-- [end:time_vs_linear]

# --8<-- [start:leak]
cutoff = pd.Timestamp("2024-03-01")  # train before, test from here on
train = observed[observed.index < cutoff]
assert train.iloc[-4:].isna().all()  # the last four training days are missing

leaky = observed.interpolate(method="time")[observed.index < cutoff]  # before split
backward = observed.bfill()[observed.index < cutoff]
causal = train.ffill()  # uses only the past
first_test_value = observed[cutoff]

print(f"first test value ({cutoff.date()}): {first_test_value:.3f}")
print(f"last training day filled by ffill:          {causal.iloc[-1]:.3f}")
print(f"  by interpolation of the whole series:     {leaky.iloc[-1]:.3f}")
print(f"  by bfill:                                 {backward.iloc[-1]:.3f}")
assert backward.iloc[-1] == first_test_value  # bfill copies the future directly
assert abs(leaky.iloc[-1] - causal.iloc[-1]) > 0.5

# Proof of the leak: change only a test value and a training value moves.
shifted = observed.copy()
shifted[cutoff] += 5.0
leaky_shifted = shifted.interpolate(method="time")[shifted.index < cutoff]
print(f"after adding 5 to the first test value:     {leaky_shifted.iloc[-1]:.3f}")
assert leaky_shifted.iloc[-1] != leaky.iloc[-1]
assert shifted[shifted.index < cutoff].ffill().equals(causal)  # ffill does not move
# --8<-- [end:leak]

# Interpolating the training part alone cannot look past its last value: pandas fills
# trailing gaps with that value, exactly like a forward fill.
assert train.interpolate(method="time").iloc[-4:].eq(causal.iloc[-4:]).all()

_limits.restore_original_limits()
