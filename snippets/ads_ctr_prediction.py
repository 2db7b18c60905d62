"""Ads click-through-rate prediction: capacity numbers, hashed categorical features, a
logistic regression trained on all impressions and on negatives downsampled at rate w,
the recalibration q = p / (p + (1 - p) / w), normalised entropy by hand, and why the
auction needs calibrated probabilities.

Run on its own: python snippets/ads_ctr_prediction.py
"""

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from threadpoolctl import threadpool_limits

# Small data: one thread is fastest; extra OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# --8<-- [start:capacity]
# Assumptions (say them aloud): 200 M daily active users who each load 10 ad slots a
# day, peak traffic 3x the daily average, 300 candidate ads scored per slot, one ad
# shown per slot, 2 microseconds of one CPU core per prediction (a sparse dot product),
# a 1 % click-through rate, 200 hashed feature ids of 4 bytes per logged impression
# plus 100 bytes of ids, timestamp and label, 90 days kept.
daily_users, slots_per_user, peak_factor, candidates = 200e6, 10, 3, 300
requests_per_day = daily_users * slots_per_user
avg_qps = requests_per_day / 86_400
peak_qps = peak_factor * avg_qps
print(f"ad requests: {requests_per_day / 1e9:.0f} B a day")
print(f"  {avg_qps:,.0f} a second on average, {peak_qps:,.0f} at peak")
print(f"CTR predictions at peak: {peak_qps * candidates / 1e6:.1f} M a second")
cores = peak_qps * candidates * 2e-6
print(f"at 2 us per prediction: {cores:.0f} CPU cores busy at peak, before headroom")
print(f"a model 100x heavier per prediction: {100 * cores:,.0f} cores")

ctr, w_log = 0.01, 0.1  # keep every click and 10 % of the non-clicks in the log
bytes_per_impression = 200 * 4 + 100
raw_tb = requests_per_day * bytes_per_impression / 1e12
kept_share = ctr + (1 - ctr) * w_log
kept_tb = raw_tb * kept_share
print(f"feature log: {raw_tb:.1f} TB a day in full, {kept_tb:.2f} TB with negatives")
print(f"downsampled at w = {w_log} ({kept_share:.1%} of rows kept)")
print(f"90 days of downsampled logs: {90 * kept_tb:.0f} TB")
# --8<-- [end:capacity]

assert round(avg_qps) == 23_148 and round(peak_qps) == 69_444 and round(cores) == 42
assert round(100 * cores) == 4167
assert np.isclose(raw_tb, 1.8) and np.isclose(kept_share, 0.109)

# --8<-- [start:simulate]
# Impressions with a known CTR model: the log-odds of a click is a base rate plus an
# effect for each user, ad, site, device and hour of day.
rng = np.random.default_rng(0)
n = 100_000
cardinality = {"user": 1000, "ad": 300, "site": 100, "device": 3, "hour": 24}
spread = {"user": 0.6, "ad": 0.8, "site": 0.5, "device": 0.3, "hour": 0.3}
ids = {f: rng.integers(0, c, size=n) for f, c in cardinality.items()}
effect = {f: rng.normal(scale=spread[f], size=c) for f, c in cardinality.items()}
true_ctr = 1 / (1 + np.exp(-(-4.4 + sum(effect[f][ids[f]] for f in cardinality))))
clicked = (rng.random(n) < true_ctr).astype(int)

# Each impression is a list of "field=value" strings, hashed into 2**18 columns.
rows = [[f"{f}={v}" for f, v in zip(cardinality, vals)] for vals in zip(*ids.values())]
hasher = FeatureHasher(n_features=2**18, input_type="string")
X = hasher.transform(rows)  # sparse: one non-zero per field and row
train, test = np.arange(75_000), np.arange(75_000, n)  # earlier rows train, later test
print(
    f"{n:,} impressions, CTR {clicked.mean():.2%}; X is {X.shape[0]:,} x {X.shape[1]:,}"
)
print(f"non-zeros per row: {X.nnz / X.shape[0]:.0f}; first row: {rows[0]}")
# --8<-- [end:simulate]

assert X.nnz == 5 * n and X.shape == (n, 2**18)

# --8<-- [start:collisions]
# How many distinct feature strings share a column with another one? With m strings
# and B buckets, each collides with probability 1 - (1 - 1/B) ** (m - 1).
vocabulary = sorted({token for row in rows for token in row})
m = len(vocabulary)
print(f"{m:,} distinct feature strings")
for bits in (10, 14, 18):
    columns = (
        FeatureHasher(n_features=2**bits, input_type="string")
        .transform([[token] for token in vocabulary])
        .indices
    )  # the one column of each string
    _, where, counts = np.unique(columns, return_inverse=True, return_counts=True)
    shared = np.mean(counts[where] > 1)
    expected = 1 - (1 - 2.0**-bits) ** (m - 1)
    print(
        f"  2**{bits:<2d} = {2**bits:7,d} buckets: {shared:6.1%} of strings share a ",
        end="",
    )
    print(f"bucket (expected {expected:.1%})")
# --8<-- [end:collisions]

assert m == sum(cardinality.values())  # every value of every field was seen
assert abs(shared - expected) < 0.01 and shared < 0.01

# --8<-- [start:full]
# L2-regularised logistic regression on every training impression.
full = LogisticRegression(C=0.3, solver="newton-cg").fit(X[train], clicked[train])
p_full = full.predict_proba(X[test])[:, 1]
# --8<-- [end:full]

# --8<-- [start:downsample]
w = 0.1  # negative downsampling rate: keep every click and 10 % of the non-clicks
keep = (clicked[train] == 1) | (rng.random(len(train)) < w)
down = LogisticRegression(C=0.3, solver="newton-cg").fit(
    X[train][keep], clicked[train][keep]
)
p_raw = down.predict_proba(X[test])[:, 1]  # a probability in the downsampled data
q = p_raw / (p_raw + (1 - p_raw) / w)  # back to the real data: the odds times w

print(f"training rows: {len(train):,} in full, {keep.sum():,} downsampled")
print(f"{'mean predicted CTR on the test rows':38s} {'':>8s} {'AUC':>6s}")
print(f"{'  true CTR of the test rows':38s} {true_ctr[test].mean():8.4f}")
for name, p in [
    ("  trained on all rows", p_full),
    ("  downsampled, raw", p_raw),
    ("  downsampled, recalibrated", q),
]:
    print(f"{name:38s} {p.mean():8.4f} {roc_auc_score(clicked[test], p):6.3f}")
# --8<-- [end:downsample]

base = true_ctr[test].mean()
auc = {
    name: roc_auc_score(clicked[test], p)
    for name, p in [("full", p_full), ("raw", p_raw), ("q", q)]
}
# Raw downsampled predictions are several times too high on average; the
# recalibration brings the mean back within 5 % of the true base rate, as the full
# model's mean is.
assert p_raw.mean() > 5 * base
assert abs(q.mean() / base - 1) < 0.05 and abs(p_full.mean() / base - 1) < 0.05
# The recalibration is monotone, so the ranking and the AUC do not change at all, and
# the downsampled model ranks about as well as the one trained on ~8 times the rows.
assert auc["q"] == auc["raw"] and np.all(np.argsort(q) == np.argsort(p_raw))
assert abs(auc["q"] - auc["full"]) < 0.01 and 0.11 < keep.mean() < 0.13


# --8<-- [start:ne]
def entropy(b):
    """Log loss of always predicting b, on data whose click rate is b."""
    return -(b * np.log(b) + (1 - b) * np.log(1 - b))


def normalised_entropy(y, p, background_ctr):
    """Average log loss divided by the entropy of the background CTR (He et al.)."""
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) / entropy(background_ctr)


y_test = clicked[test]
background = y_test.mean()  # the average CTR of the rows being scored
predictions = {
    "predict the background CTR": np.full(len(test), background),
    "trained on all rows": p_full,
    "downsampled, raw": p_raw,
    "downsampled, recalibrated": q,
    "the true CTR (best possible)": true_ctr[test],
}
ne = {
    name: normalised_entropy(y_test, p, background) for name, p in predictions.items()
}
for name, value in ne.items():
    print(f"NE {name:30s} {value:.3f}")
# Normalised by the training CTR instead, a constant no longer scores 1:
train_ctr = clicked[train].mean()
ne_train = normalised_entropy(y_test, np.full(len(test), train_ctr), train_ctr)
print(f"test CTR {background:.4f}, training CTR {train_ctr:.4f}: predicting the")
print(f"training CTR, normalised by its entropy, scores NE {ne_train:.3f}")
# --8<-- [end:ne]

assert np.isclose(
    ne["trained on all rows"] * entropy(background), log_loss(y_test, p_full)
)
# Predicting the base rate scores exactly 1; below 1 is better than that. The raw
# downsampled predictions are far worse than a constant; the recalibrated ones are as
# good as the model trained on all rows, and no model beats the true CTR.
assert np.isclose(ne["predict the background CTR"], 1)
assert ne["trained on all rows"] < 0.95 and ne["downsampled, recalibrated"] < 0.95
assert abs(ne["downsampled, recalibrated"] - ne["trained on all rows"]) < 0.01
assert ne["downsampled, raw"] > 1.5
assert ne["the true CTR (best possible)"] < ne["trained on all rows"]
assert ne_train < 0.97 and train_ctr > background

# --8<-- [start:auction]
# The auction ranks ads by expected value per impression, bid x P(click). Two ads:
bids = np.array([1.00, 5.00])  # dollars per click
ctr_true = np.array([0.06, 0.01])
# What a model trained with negatives kept at rate w predicts for them, uncorrected:
# the inverse of the recalibration, the odds divided by w.
ctr_raw = ctr_true / (ctr_true + w * (1 - ctr_true))
for label, p in [("calibrated", ctr_true), ("raw, downsampled", ctr_raw)]:
    value = bids * p
    print(f"{label:17s} pCTR {p.round(3)}  bid x pCTR {value.round(3)}", end="")
    print(f"  -> ad {np.argmax(value) + 1} wins")
# --8<-- [end:auction]

# Ad 1 should win (6 cents against 5 per impression); the uncorrected predictions are
# squashed towards 1 non-linearly, so they pick ad 2 and value it near 46 cents.
assert np.argmax(bids * ctr_true) == 0 and np.argmax(bids * ctr_raw) == 1
assert 9 < (bids * ctr_raw)[1] / (bids * ctr_true)[1] < 9.5  # nine times its worth
assert np.allclose(ctr_raw / (ctr_raw + (1 - ctr_raw) / w), ctr_true)

_one_thread.restore_original_limits()
