"""The numbers of a system design answer, computed: a back-of-the-envelope calculator
(QPS, latency budget, serving cores, label storage) for a spam filter in a messaging
app, and a demonstration that a trivial baseline sets the bar a model must beat.

Run on its own: python snippets/design_framework.py
"""

import numpy as np

SECONDS_PER_DAY = 86_400

# --8<-- [start:envelope]
# Assumptions for "design a spam filter for a messaging app" (say them aloud):
DAILY_USERS = 100e6  # daily active users
MESSAGES_PER_USER = 20  # messages each one sends a day
PEAK_TO_AVERAGE = 3  # the busiest minute of the day, against the daily mean


def qps(daily_users, per_user_per_day, peak_to_average):
    """Average and peak requests per second."""
    average = daily_users * per_user_per_day / SECONDS_PER_DAY
    return average, average * peak_to_average


average_qps, peak_qps = qps(DAILY_USERS, MESSAGES_PER_USER, PEAK_TO_AVERAGE)
print(f"messages a day:    {DAILY_USERS * MESSAGES_PER_USER:,.0f}")
print(f"average:           {average_qps:,.0f} messages/s")
print(f"peak (x{PEAK_TO_AVERAGE}):        {peak_qps:,.0f} messages/s")

# Serving cost: CPU time per message (feature assembly and a small tree ensemble),
# and the utilisation we plan for so that the peak does not saturate the fleet.
CPU_MS_PER_MESSAGE = 1.0
TARGET_UTILISATION = 0.5
cores = peak_qps * CPU_MS_PER_MESSAGE / 1000 / TARGET_UTILISATION
print(f"CPU cores at peak: {cores:,.0f}")
# --8<-- [end:envelope]

assert round(average_qps) == 23_148 and round(peak_qps) == 69_444
assert 130 < cores < 140

# --8<-- [start:latency]
# The spam check sits on the send path, so it gets a slice of the delivery latency:
# at most 50 ms at the 99th percentile, split between the steps it waits for.
BUDGET_MS = 50
steps_ms = {
    "network hop to the scoring service": 5,
    "feature lookups (online store)": 15,
    "blocklists and hard rules": 3,
    "model inference": 10,
}
for step, ms in steps_ms.items():
    print(f"{step:38s} {ms:3d} ms")
headroom_ms = BUDGET_MS - sum(steps_ms.values())
print(f"{'headroom for retries and spikes':38s} {headroom_ms:3d} ms")
print(f"{'budget at p99':38s} {BUDGET_MS:3d} ms")

# Waiting on several lookups in parallel: the request is slow when ANY of them is.
# If each of n stores exceeds its own p99 on 1 % of calls, independently:
for n in (1, 5, 20):
    print(f"{n:2d} parallel lookups: {1 - 0.99**n:5.1%} of requests wait past a p99")
# --8<-- [end:latency]

assert headroom_ms == 17 and headroom_ms / BUDGET_MS > 0.3
slow_5, slow_20 = 1 - 0.99**5, 1 - 0.99**20
assert 0.04 < slow_5 < 0.05 and 0.18 < slow_20 < 0.19
assert abs((1 - 0.99**69) - 0.5) < 0.01  # about seventy lookups to reach one in two
assert 0.01**5 < 1e-4  # all five slow at once: under 0.01 %

# --8<-- [start:storage]
# Training data for a year. Users report about 1 message in 2,000; keep every
# reported message and 1 % of the others as negatives, about 1 KB each (metadata
# and behavioural features: the content is end-to-end encrypted).
messages_per_day = DAILY_USERS * MESSAGES_PER_USER
REPORT_RATE = 1 / 2_000
NEGATIVE_SAMPLING = 0.01  # w: the share of negatives kept
BYTES_PER_EXAMPLE = 1_000
kept_per_day = messages_per_day * (REPORT_RATE + (1 - REPORT_RATE) * NEGATIVE_SAMPLING)
year_tb = kept_per_day * BYTES_PER_EXAMPLE * 365 / 1e12
everything_tb = messages_per_day * BYTES_PER_EXAMPLE * 365 / 1e12
print(f"examples kept a day: {kept_per_day / 1e6:,.1f} M")
print(f"one year, sampled:   {year_tb:,.1f} TB")
print(f"one year, every message: {everything_tb:,.0f} TB")


# A model trained on the sampled data over-predicts spam; correct its output p back to
# the real rate (He et al. 2014): q = p / (p + (1 - p) / w).
def recalibrate(p, w):
    return p / (p + (1 - p) / w)


print(f"p = 0.5 after sampling means q = {recalibrate(0.5, NEGATIVE_SAMPLING):.4f}")
# --8<-- [end:storage]

assert round(kept_per_day / 1e6, 1) == 21.0
assert round(year_tb, 1) == 7.7 and round(everything_tb) == 730
assert np.isclose(recalibrate(0.5, NEGATIVE_SAMPLING), 1 / 101)
# The correction is monotonic: it changes probabilities, not the order of messages, so
# rankings, average precision and the chosen operating point are unaffected.
_grid = np.linspace(0.001, 0.999, 999)
assert (np.diff(recalibrate(_grid, NEGATIVE_SAMPLING)) > 0).all()
# Reports label far fewer messages (1 in 2,000) than the ~2 % that are spam.
assert REPORT_RATE < 0.02 / 10

# --8<-- [start:baseline]
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    precision_recall_curve,
    precision_score,
    recall_score,
)

# 30 days of synthetic sends, about 2 % spam. Behavioural features only.
rng = np.random.default_rng(0)
n = 30_000
day = np.sort(rng.integers(0, 30, n))
spam = rng.random(n) < 0.02
account_age_days = np.where(spam, rng.exponential(20, n), rng.exponential(300, n))
non_contact_share = np.where(spam, rng.beta(3, 2, n), rng.beta(1.5, 4, n))
sends_per_hour = rng.poisson(np.where(spam, 14, 8))
X = np.column_stack([np.log1p(account_age_days), non_contact_share, sends_per_hour])
y = spam.astype(int)
# Split by time: train on the first three weeks, test on the days after them.
train, test = day < 21, day >= 21

models = {
    "majority class": DummyClassifier(strategy="most_frequent"),
    "logistic regression": LogisticRegression(max_iter=1000),
}
scores = {
    name: m.fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    for name, m in models.items()
}
# The hand-written rule a team would ship on day one: young account, strangers.
rule = (account_age_days[test] < 7) & (non_contact_share[test] > 0.5)
scores["rule: new account + strangers"] = rule.astype(float)

print(f"test days: {test.sum()} messages, {y[test].mean():.2%} spam")
print(f"{'':30s} accuracy precision recall    AP")
flags = {}
for name in ("majority class", "rule: new account + strangers", "logistic regression"):
    s = scores[name]
    flags[name] = s >= 0.5
    acc = accuracy_score(y[test], flags[name])
    prec = precision_score(y[test], flags[name], zero_division=0.0)
    rec = recall_score(y[test], flags[name])
    ap = average_precision_score(y[test], s)
    print(f"{name:30s} {acc:8.3f} {prec:9.3f} {rec:6.3f} {ap:5.3f}")

# Compare the model with the rule where it matters: at the rule's own precision.
rule_precision = precision_score(y[test], rule)
prec, rec, thr = precision_recall_curve(y[test], scores["logistic regression"])
t_match = thr[np.argmax(prec[:-1] >= rule_precision)]  # lowest threshold that holds it
s = scores["logistic regression"]
print(
    f"model at precision >= {rule_precision:.3f}: "
    f"recall {recall_score(y[test], s >= t_match):.3f} "
    f"vs the rule's {recall_score(y[test], rule):.3f}"
)
# --8<-- [end:baseline]

y_test = y[test]
majority_acc = accuracy_score(y_test, flags["majority class"])
# The majority class looks excellent on accuracy and catches no spam at all...
assert majority_acc > 0.97 and recall_score(y_test, flags["majority class"]) == 0
# ...its AP is the positive rate, the floor of any ranking...
assert np.isclose(
    average_precision_score(y_test, scores["majority class"]), y_test.mean()
)
# ...the rule is the real bar, and the model clears it on every column.
ap = {k: average_precision_score(y_test, v) for k, v in scores.items()}
assert (
    ap["majority class"]
    < ap["rule: new account + strangers"]
    < ap["logistic regression"]
)
rule_recall = recall_score(y_test, rule)
model_recall = recall_score(y_test, s >= t_match)
assert precision_score(y_test, s >= t_match) >= rule_precision
assert model_recall > rule_recall + 0.05
assert 3.5 < model_recall / rule_recall < 4.5  # "four times the recall"
