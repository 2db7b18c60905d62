"""Losses and metrics: what MAE, RMSE and MAPE reward, how log-loss and the Brier score
treat probabilities, Huber's loss against outliers, and a threshold tuned to a cost.

Run on its own: python snippets/loss_vs_metric.py
"""

import numpy as np
from sklearn.metrics import (
    brier_score_loss,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    root_mean_squared_error,
)

rng = np.random.default_rng(0)

# --8<-- [start:constant]
# Skewed targets (order values: most small, a few large) and the best *constant*
# prediction under each metric, found by trying 200 constants.
y = rng.lognormal(mean=0.0, sigma=0.75, size=2_000)
grid = np.linspace(0.2, 4.18, 200)  # steps of 0.02
metrics = {
    "MAE": mean_absolute_error,
    "RMSE": root_mean_squared_error,
    "MAPE": mean_absolute_percentage_error,
}
curves = {  # metric -> its value for each constant prediction
    name: np.array([f(y, np.full_like(y, c)) for c in grid])
    for name, f in metrics.items()
}
best = {name: grid[np.argmin(curve)] for name, curve in curves.items()}
print(f"median {np.median(y):.3f}   mean {y.mean():.3f}")
for name, c in best.items():
    print(f"best constant under {name:<4}: {c:.2f}")
# --8<-- [end:constant]
step = grid[1] - grid[0]
assert abs(best["MAE"] - np.median(y)) <= step  # absolute error -> the median
assert abs(best["RMSE"] - y.mean()) <= step  # squared error -> the mean
assert best["MAPE"] < np.median(y) - 0.2  # percentage error -> below the median
assert y.mean() > np.median(y) + 0.2  # the skew separates them
# MAPE's best constant is the median of y reweighted by 1 / y (the page's derivation).
order = np.argsort(y)
weights = 1 / y[order]
weighted_median = y[order][np.searchsorted(np.cumsum(weights), weights.sum() / 2)]
assert abs(best["MAPE"] - weighted_median) <= step

# --8<-- [start:rmse_mae]
# Two sets of residuals with the same MAE: spread evenly, or all in one big miss.
even, one_big = np.array([1.0, 1.0, 1.0, 1.0]), np.array([0.0, 0.0, 0.0, 4.0])
for name, r in [("even", even), ("one big", one_big)]:
    zero = np.zeros_like(r)
    mae_r, rmse_r = mean_absolute_error(zero, r), root_mean_squared_error(zero, r)
    print(f"{name:<8} residuals {r}: MAE {mae_r:.1f}, RMSE {rmse_r:.1f}")
# --8<-- [end:rmse_mae]
zeros = np.zeros(4)
assert mean_absolute_error(zeros, even) == mean_absolute_error(zeros, one_big)
rmse_even = root_mean_squared_error(zeros, even)
assert root_mean_squared_error(zeros, one_big) == 2 * rmse_even

# --8<-- [start:huber]
from sklearn.linear_model import HuberRegressor, LinearRegression

# y = 2x + noise, with 5 % of the targets corrupted (a unit error, a bad sensor).
x = rng.uniform(0, 10, size=(200, 1))
target = 2.0 * x[:, 0] + rng.normal(0, 1, 200)
bad = rng.choice(200, size=10, replace=False)
target[bad] += rng.uniform(30, 60, size=10)  # all pushed upward

slopes = {"squared (LinearRegression)": LinearRegression().fit(x, target).coef_[0]}
for eps in (1.35, 3.0, 100.0):
    huber = HuberRegressor(epsilon=eps).fit(x, target)
    slopes[f"Huber, epsilon={eps}"] = huber.coef_[0]
for name, slope in slopes.items():
    print(f"{name:<27} slope {slope:.3f}   (true slope 2)")
# --8<-- [end:huber]
ols = slopes["squared (LinearRegression)"]
assert abs(slopes["Huber, epsilon=1.35"] - 2) < 0.1  # the outliers barely move Huber
assert abs(ols - 2) > 3 * abs(slopes["Huber, epsilon=1.35"] - 2)
assert abs(slopes["Huber, epsilon=100.0"] - ols) < 0.05  # a huge delta is squared loss

# --8<-- [start:mape]
mape = mean_absolute_percentage_error  # returns a fraction: 0.5 means 50 %
cases = [
    ("targets 0 and 10, predictions 1 and 10", [0.0, 10.0], [1.0, 10.0]),
    ("actual 100, forecast 150", [100.0], [150.0]),
    ("actual 150, forecast 100", [150.0], [100.0]),
    ("actual 10, forecast 0", [10.0], [0.0]),
    ("actual 10, forecast 40", [10.0], [40.0]),
]
for name, actual, forecast in cases:
    print(f"{name:<39} MAPE {mape(actual, forecast):.4g}")
# --8<-- [end:mape]
# A zero target: scikit-learn divides by machine epsilon instead of zero, so MAPE
# explodes. Swapping actual and forecast changes MAPE: the forecast above the actual
# costs more. Missing low by everything costs 1; missing high has no limit.
assert mape([0.0, 10.0], [1.0, 10.0]) > 1e15
assert mape([100.0], [150.0]) == 0.5 and np.isclose(mape([150.0], [100.0]), 1 / 3)
assert mape([10.0], [0.0]) == 1.0 and mape([10.0], [40.0]) == 3.0

# --8<-- [start:proba]
# One positive example, predicted with probability p: each loss's price.
print(f"{'p(positive)':>12} {'log-loss':>9} {'Brier':>6}")
for p in (0.9, 0.5, 0.1, 0.01, 1e-6, 0.0):
    ll = log_loss([1], [p], labels=[0, 1])  # -log(p)
    bs = brier_score_loss([1], [p], pos_label=1)  # (1 - p)^2
    print(f"{p:12g} {ll:9.3f} {bs:6.3f}")
# --8<-- [end:proba]
assert log_loss([1], [1e-6], labels=[0, 1]) > 13  # grows without bound as p -> 0
assert brier_score_loss([1], [1e-6], pos_label=1) < 1  # never above 1
assert np.isclose(log_loss([1], [0.5], labels=[0, 1]), np.log(2))
# p = 0 exactly is clipped to machine epsilon: a finite but huge price, -log(2.2e-16).
assert np.isclose(log_loss([1], [0.0], labels=[0, 1]), -np.log(np.finfo(float).eps))

# --8<-- [start:proper]
# The event happens with probability 0.3. Which forecast p minimizes each expected
# loss? Weight the two outcomes by their probabilities.
q, forecasts = 0.3, np.linspace(0.02, 0.98, 49)  # steps of 0.02
outcome, weight = [1, 0], [q, 1 - q]
expected = {
    "log-loss": [log_loss(outcome, [p, p], sample_weight=weight) for p in forecasts],
    "Brier": [brier_score_loss(outcome, [p, p], sample_weight=weight)
              for p in forecasts],
    "absolute error": [mean_absolute_error(outcome, [p, p], sample_weight=weight)
                       for p in forecasts],
}  # fmt: skip
for name, losses in expected.items():
    print(f"{name:<15} is minimized by p = {forecasts[np.argmin(losses)]:.2f}")
# --8<-- [end:proper]
best_p = {name: forecasts[np.argmin(losses)] for name, losses in expected.items()}
assert np.isclose(best_p["log-loss"], q) and np.isclose(best_p["Brier"], q)  # proper
assert best_p["absolute error"] == forecasts[0]  # improper: pushed to the extreme

# --8<-- [start:align]
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import make_scorer
from sklearn.model_selection import TunedThresholdClassifierCV, train_test_split

# Fraud-like data, 5 % positives. The business: a missed fraud costs 10, a review 1.
X, labels = make_classification(
    n_samples=4000, n_features=10, n_informative=4, weights=[0.95],
    flip_y=0.02, random_state=2,
)  # fmt: skip
X_tr, X_te, y_tr, y_te = train_test_split(
    X, labels, test_size=0.5, stratify=labels, random_state=0
)


def cost(y_true, y_pred):
    fn = np.sum((y_true == 1) & (y_pred == 0))  # missed frauds
    fp = np.sum((y_true == 0) & (y_pred == 1))  # needless reviews
    return 10 * fn + 1 * fp


def precision_at_k(y_true, scores, k=100):  # the 100 cases reviewers can check
    return y_true[np.argsort(scores)[::-1][:k]].mean()


plain = LogisticRegression().fit(X_tr, y_tr)  # trained on log-loss
weighted = LogisticRegression(class_weight={0: 1, 1: 10}).fit(X_tr, y_tr)
tuned = TunedThresholdClassifierCV(
    LogisticRegression(), scoring=make_scorer(cost, greater_is_better=False), cv=5
).fit(X_tr, y_tr)  # same loss, threshold chosen by cross-validated cost
p_plain = plain.predict_proba(X_te)[:, 1]  # P(fraud)
p_weighted = weighted.predict_proba(X_te)[:, 1]
p_tuned = tuned.predict_proba(X_te)[:, 1]
decisions = {  # name -> (flag or not, the probabilities the flags came from)
    "log-loss, threshold 0.5": (p_plain >= 0.5, p_plain),
    "log-loss, threshold 1/11": (p_plain >= 1 / 11, p_plain),
    "weights 1:10, threshold 0.5": (p_weighted >= 0.5, p_weighted),
    "log-loss, tuned threshold": (tuned.predict(X_te) == 1, p_tuned),
}
for name, (flag, p) in decisions.items():
    print(f"{name:<28} cost {cost(y_te, flag.astype(int)):4d}   "
          f"log-loss {log_loss(y_te, p):.3f}   "
          f"precision@100 {precision_at_k(y_te, p):.2f}")  # fmt: skip
print(f"threshold chosen by TunedThresholdClassifierCV: {tuned.best_threshold_:.3f}")
# --8<-- [end:align]
costs = {name: cost(y_te, flag.astype(int)) for name, (flag, _) in decisions.items()}
base = costs["log-loss, threshold 0.5"]
assert costs["log-loss, tuned threshold"] < 0.8 * base  # the threshold does the work
assert costs["log-loss, threshold 1/11"] < 0.8 * base
assert costs["weights 1:10, threshold 0.5"] < base
# Weighting changes the loss, and the probabilities pay: log-loss more than doubles.
assert log_loss(y_te, p_weighted) > 2 * log_loss(y_te, p_plain)
# Tuning the threshold changes decisions, not scores: same log-loss, same ranking.
assert np.allclose(p_tuned, p_plain)
assert tuned.best_threshold_ < 0.5
