"""Monitoring a model and detecting drift: the population stability index and the
two-sample Kolmogorov-Smirnov test on simulated shifts (none, mean, variance, concept),
adversarial validation, why a large sample makes any shift "significant", the noise
floor of PSI in small windows, and the volume of logs and labels that monitoring needs.

Run on its own: python snippets/monitoring_drift.py
"""

import numpy as np
from scipy import stats
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# --8<-- [start:budget]
# Assumptions: 11,574 predictions/s on average (50 M users x 20 a day), 1 KB logged
# per prediction (ids, features, score, model version), 30 days kept. Drift statistics
# run on a 1 % sample. Labels: how many labelled rows does each window need to detect a
# drop in accuracy from 90 % to 89 % (two-sided 5 % test, 80 % power)?
predictions_s, record_kb, days_kept, sample = 11_574, 1.0, 30, 0.01
per_day_tb = predictions_s * 86_400 * record_kb / 1e9
print(f"prediction log: {per_day_tb:.1f} TB a day,", end=" ")
print(f"{per_day_tb * days_kept:.0f} TB kept")
print(f"drift sample: {predictions_s * 86_400 * sample / 1e6:.0f} M rows a day")

p_before, p_after = 0.90, 0.89
z_a, z_b = stats.norm.ppf(0.975), stats.norm.ppf(0.80)
p_bar = (p_before + p_after) / 2
spread = z_a * np.sqrt(2 * p_bar * (1 - p_bar))
spread += z_b * np.sqrt(p_before * (1 - p_before) + p_after * (1 - p_after))
n_labels = (spread / (p_before - p_after)) ** 2
print(f"labelled rows per window for a 1-point accuracy drop: {n_labels:,.0f}")
for per_day in (1_000, 20_000):
    print(f"  at {per_day:,} labels a day: {n_labels / per_day:.1f} days")
# Against a fixed baseline measured precisely offline, only one window is uncertain.
one_side = z_a * np.sqrt(p_before * (1 - p_before))
one_side += z_b * np.sqrt(p_after * (1 - p_after))
n_fixed = (one_side / (p_before - p_after)) ** 2
print(f"  against a fixed 90 % baseline instead: {n_fixed:,.0f} rows")
# --8<-- [end:budget]

assert round(per_day_tb, 1) == 1.0 and round(n_labels, -2) == 14_800
assert round(n_fixed) == 7248 and 0.45 < n_fixed / n_labels < 0.5


# --8<-- [start:psi]
def psi(reference, current, bins=10):
    """Population stability index over the deciles of the reference sample."""
    edges = np.quantile(reference, np.linspace(0, 1, bins + 1))[1:-1]
    ref = np.bincount(np.searchsorted(edges, reference), minlength=bins)
    cur = np.bincount(np.searchsorted(edges, current), minlength=bins)
    ref, cur = ref / ref.sum(), cur / cur.sum()  # shares of each bin
    ref, cur = np.clip(ref, 1e-4, None), np.clip(cur, 1e-4, None)  # no empty bins
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def ks(reference, current):
    """Two-sample Kolmogorov-Smirnov: the largest gap between the two empirical CDFs."""
    return stats.ks_2samp(reference, current)


# --8<-- [end:psi]

# --8<-- [start:shifts]
# Reference: the training sample, two features and a label from a linear rule.
n = 5000


def label(X, weights=(1.0, 1.0)):
    return (X @ np.array(weights) + rng.normal(0, 0.5, len(X)) > 0).astype(int)


X_ref = rng.normal(size=(n, 2))
y_ref = label(X_ref)
model = LogisticRegression().fit(X_ref, y_ref)
score_ref = model.predict_proba(X_ref)[:, 1]

# Production windows of the same size, one per kind of change.
names = ("no shift", "mean", "variance", "concept")
X = {name: rng.normal(size=(n, 2)) for name in names}
X["mean"][:, 0] += 0.5  # covariate shift: x1's mean moves by half a standard deviation
X["variance"][:, 0] *= 1.5  # covariate shift: x1 spreads out
y = {name: label(X[name]) for name in X}
y["concept"] = label(X["concept"], weights=(1.0, -0.5))  # same x, new rule for y

print(f"{'':9s} {'PSI':>6s} {'KS':>6s} {'PSI of scores':>14s} {'accuracy':>9s}")
print(f"{'training':9s} {'':6s} {'':6s} {'':14s} {model.score(X_ref, y_ref):9.3f}")
drift = {}
for name in X:
    psi_x = max(psi(X_ref[:, j], X[name][:, j]) for j in range(2))  # worst feature
    ks_x = max(ks(X_ref[:, j], X[name][:, j]).statistic for j in range(2))
    psi_out = psi(score_ref, model.predict_proba(X[name])[:, 1])
    acc = model.score(X[name], y[name])
    drift[name] = psi_x, ks_x, psi_out, acc
    print(f"{name:9s} {psi_x:6.3f} {ks_x:6.3f} {psi_out:14.3f} {acc:9.3f}")
# --8<-- [end:shifts]

train_acc = model.score(X_ref, y_ref)
# No shift: both statistics near zero. A mean shift: both large.
assert drift["no shift"][0] < 0.02 and drift["no shift"][1] < 0.04
assert drift["mean"][0] > 0.2 and drift["mean"][1] > 0.15
# Spreading x1 out moves PSI (the tail deciles fill up) more than the KS statistic.
assert drift["variance"][0] > 0.15 and drift["variance"][1] < drift["mean"][1] / 1.5
# Pure concept drift: inputs and outputs look unchanged, only accuracy sees it.
assert drift["concept"][0] < 0.02 and drift["concept"][1] < 0.04
assert drift["concept"][2] < 0.02 and train_acc - drift["concept"][3] > 0.2
# The covariate shifts here are benign: the rule is unchanged and accuracy holds.
assert drift["mean"][3] > train_acc - 0.02 and drift["variance"][3] > train_acc - 0.02

# --8<-- [start:adversarial]
# Adversarial validation: label training rows 0 and production rows 1, and ask whether
# a classifier can tell them apart (out-of-fold AUC). Squares let it see spread too.
detector = make_pipeline(PolynomialFeatures(2), StandardScaler(), LogisticRegression())
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
av_auc = {}
for name in X:
    rows = np.vstack([X_ref, X[name]])
    is_prod = np.r_[np.zeros(n), np.ones(n)]
    p_prod = cross_val_predict(
        detector, rows, is_prod, cv=folds, method="predict_proba"
    )
    av_auc[name] = roc_auc_score(is_prod, p_prod[:, 1])
    print(f"{name:9s} adversarial AUC {av_auc[name]:.3f}")
# --8<-- [end:adversarial]

assert abs(av_auc["no shift"] - 0.5) < 0.03 and abs(av_auc["concept"] - 0.5) < 0.03
assert av_auc["mean"] > 0.6 and av_auc["variance"] > 0.58

# --8<-- [start:sample_size]
# The same tiny shift (0.05 standard deviations) seen through 100 and 100,000 rows.
tiny = {}
for m in (100, 100_000):
    before, after = rng.normal(size=m), rng.normal(0.05, 1, size=m)
    tiny[m] = result = ks(before, after)
    print(f"n = {m:>7,}: KS statistic {result.statistic:.3f},", end=" ")
    print(f"p-value {result.pvalue:.2g}")
# --8<-- [end:sample_size]

# Not significant with 100 rows; overwhelmingly "significant" with 100,000, although the
# effect (the largest CDF gap, about 0.02) is far too small to matter.
assert tiny[100].pvalue > 0.05 and tiny[100_000].pvalue < 1e-6
assert tiny[100_000].statistic < 0.03

# --8<-- [start:sweep]
# PSI and the KS statistic against the size of a mean shift, in standard deviations.
shifts = np.round(np.arange(0, 1.01, 0.1), 1)
psi_curve, ks_curve = [], []
for delta in shifts:
    current = rng.normal(delta, 1, size=n)
    psi_curve.append(psi(X_ref[:, 0], current))
    ks_curve.append(ks(X_ref[:, 0], current).statistic)
for delta, p, k in list(zip(shifts, psi_curve, ks_curve))[::2]:
    print(f"shift {delta:.1f} sd: PSI {p:.3f}  KS {k:.3f}")
# --8<-- [end:sweep]

# Both grow with the shift; PSI roughly with its square, KS roughly linearly.
assert np.all(np.diff(psi_curve) > 0) and np.all(np.diff(ks_curve[1:]) > 0)
assert psi_curve[-1] > 0.8 and 0.3 < ks_curve[-1] < 0.45

# --8<-- [start:psi_noise]
# PSI between two samples of the same distribution: no shift at all. Without a shift,
# PSI is about (1/n + 1/m) times a chi-squared variable with bins - 1 degrees of
# freedom (Yurdakul 2018), so its noise level is set by the window size.
noise = {}
for m in (100, 5000):
    null = np.array([psi(rng.normal(size=m), rng.normal(size=m)) for _ in range(300)])
    p95 = stats.chi2.ppf(0.95, 10 - 1) * (1 / m + 1 / m)
    noise[m] = p95, np.quantile(null, 0.95), (null > 0.1).mean(), (null > 0.25).mean()
    print(f"n = {m:>5,}: 95th percentile {p95:.3f}", end=" ")
    print(f"(simulated {noise[m][1]:.3f}); above 0.1 in {noise[m][2]:.0%},", end=" ")
    print(f"above 0.25 in {noise[m][3]:.0%}")
# --8<-- [end:psi_noise]

# With 100 rows a window, noise alone crosses the "significant" 0.25 line; with 5,000
# it stays far below 0.1. The chi-squared approximation matches the simulation.
assert noise[100][0] > 0.25 and noise[100][2] > 0.7 and noise[100][3] > 0.1
assert noise[5000][0] < 0.01 and noise[5000][2] == 0
assert all(abs(sim / approx - 1) < 0.15 for approx, sim, _, _ in noise.values())
