"""Confidence intervals: what 95 % coverage means, the normal interval and the CLT, Wald
against Wilson for a proportion, and bootstrap intervals for a model's AUC, alone and as
a paired difference between two models.

Run on its own: python snippets/confidence_intervals_bootstrap.py
"""

import numpy as np
from scipy import stats

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# --8<-- [start:coverage]
mu, sigma, n, reps = 10.0, 3.0, 25, 1_000  # the truth, known only to the simulation

samples = rng.normal(mu, sigma, size=(reps, n))  # 1 000 repeated studies
means = samples.mean(axis=1)
ses = samples.std(axis=1, ddof=1) / np.sqrt(n)  # standard error of each mean
t_crit = stats.t.ppf(0.975, df=n - 1)
low, high = means - t_crit * ses, means + t_crit * ses

covered = (low <= mu) & (mu <= high)
se_cover = np.sqrt(0.95 * 0.05 / reps)
print(f"t interval, n = {n}: {covered.mean():.3f} of {reps} intervals contain mu")
print(f"(a calibrated 95 % interval: 0.95 +/- {2 * se_cover:.3f})")
print(f"first study: [{low[0]:.2f}, {high[0]:.2f}], covers mu: {covered[0]}")
# --8<-- [end:coverage]

assert abs(covered.mean() - 0.95) < 4 * se_cover
# Each interval either contains mu or does not; the 95 % is a rate over studies.
assert set(np.unique(covered)) == {False, True}

# --8<-- [start:clt]
# A skewed population (exponential, mean 1) and the normal interval mean +/- 1.96 SE.
z = stats.norm.ppf(0.975)
clt_cover = {}
for n_clt in (5, 20, 100, 500):
    x = rng.exponential(1.0, size=(2_000, n_clt))
    m, se = x.mean(axis=1), x.std(axis=1, ddof=1) / np.sqrt(n_clt)
    clt_cover[n_clt] = np.mean(np.abs(m - 1.0) <= z * se)
    print(f"n = {n_clt:3d}: coverage of mean +/- 1.96 SE = {clt_cover[n_clt]:.3f}")
# --8<-- [end:clt]

tol = 4 * np.sqrt(0.95 * 0.05 / 2_000)
assert clt_cover[5] < 0.9  # far too short for a skewed population at n = 5
assert abs(clt_cover[500] - 0.95) < tol  # the CLT has taken over
assert clt_cover[5] < clt_cover[20] < clt_cover[100]

# --8<-- [start:proportion]
from statsmodels.stats.proportion import proportion_confint


def coverage(n_trials, p_true, method, reps=2_000):
    """Share of simulated studies whose interval contains the true proportion."""
    counts = rng.binomial(n_trials, p_true, size=reps)
    lo, hi = proportion_confint(counts, n_trials, alpha=0.05, method=method)
    return np.mean((lo <= p_true) & (p_true <= hi))


print(f"{'n':>5s} {'p':>5s} {'Wald':>6s} {'Wilson':>7s}")
prop_cover = {}
for n_trials, p_true in ((20, 0.05), (50, 0.1), (100, 0.02), (100, 0.5), (1_000, 0.5)):
    wald = coverage(n_trials, p_true, "normal")  # p_hat +/- 1.96 sqrt(p_hat(1-p_hat)/n)
    wilson = coverage(n_trials, p_true, "wilson")
    prop_cover[(n_trials, p_true)] = (wald, wilson)
    print(f"{n_trials:5d} {p_true:5.2f} {wald:6.3f} {wilson:7.3f}")
# --8<-- [end:proportion]

# Wald falls short when n is small or p is near 0; Wilson stays close to 0.95.
for key in ((20, 0.05), (50, 0.1), (100, 0.02)):
    wald, wilson = prop_cover[key]
    assert wald < 0.9 and wilson > 0.9
for key in ((100, 0.5), (1_000, 0.5)):
    assert all(abs(c - 0.95) < 0.025 for c in prop_cover[key])


def exact_coverage(n_trials, p_true, method):
    """Coverage without simulation: sum P(K = k) over the k whose interval holds p."""
    k = np.arange(n_trials + 1)
    lo, hi = proportion_confint(k, n_trials, alpha=0.05, method=method)
    p_true = np.atleast_1d(p_true)[:, None]
    holds = (lo <= p_true) & (p_true <= hi)
    return (stats.binom.pmf(k, n_trials, p_true) * holds).sum(axis=1)


# The simulation agrees with the exact coverage, and at n = 50 Wald dips far below 0.95
# somewhere in p = 0.02 ... 0.98 while Wilson's worst case is much closer.
for (n_trials, p_true), (wald, wilson) in prop_cover.items():
    exact = (
        exact_coverage(n_trials, p_true, "normal")[0],
        exact_coverage(n_trials, p_true, "wilson")[0],
    )
    assert abs(wald - exact[0]) < 0.025 and abs(wilson - exact[1]) < 0.025
grid = np.linspace(0.02, 0.98, 97)
assert exact_coverage(50, grid, "normal").min() < 0.85
assert exact_coverage(50, grid, "wilson").min() > 0.9
# The Wilson interval by hand: centre (p + z^2/2n) / (1 + z^2/n), half-width
# z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2), here for 3 successes in 20 trials.
k_w, n_w = 3, 20
p_w = k_w / n_w
centre = (p_w + z**2 / (2 * n_w)) / (1 + z**2 / n_w)
half = z / (1 + z**2 / n_w) * np.sqrt(p_w * (1 - p_w) / n_w + z**2 / (4 * n_w**2))
assert np.allclose(
    proportion_confint(k_w, n_w, method="wilson"), (centre - half, centre + half)
)
# Wald by hand: p +/- z sqrt(p(1-p)/n). Here its lower end falls below 0, an impossible
# proportion, and statsmodels clips it to 0.
wald_half = z * np.sqrt(p_w * (1 - p_w) / n_w)
assert p_w - wald_half < 0
wald_by_hand = np.clip((p_w - wald_half, p_w + wald_half), 0, 1)
assert np.allclose(proportion_confint(k_w, n_w, method="normal"), wald_by_hand)
# With 0 successes Wald returns the zero-width interval [0, 0]; Wilson does not.
lo0, hi0 = proportion_confint(0, 20, method="normal")
lo0w, hi0w = proportion_confint(0, 20, method="wilson")
assert lo0 == hi0 == 0 and lo0w == 0 and hi0w > 0.1
# At 20 trials and p = 0.05, about 36 % of studies see no success at all.
assert 0.35 < stats.binom.pmf(0, 20, 0.05) < 0.37
# Zero events in 40 (the quiz): Wilson's upper bound is about 9 %, so is Clopper-
# Pearson's.
assert 0.085 < proportion_confint(0, 40, method="wilson")[1] < 0.09
assert 0.085 < proportion_confint(0, 40, method="beta")[1] < 0.095

# --8<-- [start:model]
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

X, y = make_classification(
    n_samples=1_000,
    n_features=8,
    n_informative=4,
    n_redundant=0,
    flip_y=0.05,
    class_sep=0.8,
    shuffle=False,
    random_state=2,
)  # shuffle=False: columns 0-3 are the informative ones
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=300, random_state=0)
without_3 = [0, 1, 2, 4, 5, 6, 7]  # model B loses one informative feature
model_a = LogisticRegression().fit(X_train, y_train)
model_b = LogisticRegression().fit(X_train[:, without_3], y_train)
s_a = model_a.predict_proba(X_test)[:, 1]
s_b = model_b.predict_proba(X_test[:, without_3])[:, 1]
auc_a, auc_b = roc_auc_score(y_test, s_a), roc_auc_score(y_test, s_b)
print(f"test rows = {y_test.size}: AUC of A = {auc_a:.3f}, AUC of B = {auc_b:.3f}")
# --8<-- [end:model]


# --8<-- [start:bootstrap]
def auc(y_true, score, axis=-1):
    """ROC AUC from ranks (Mann-Whitney U), vectorised over bootstrap resamples."""
    ranks = stats.rankdata(score, axis=axis)
    n_pos = y_true.sum(axis=axis)
    n_neg = y_true.shape[axis] - n_pos
    u = (ranks * y_true).sum(axis=axis) - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)


assert np.isclose(auc(y_test, s_a), auc_a)  # the same number as scikit-learn

# paired=True resamples rows: each resample keeps every (label, score) pair together.
boot = {}
for method in ("percentile", "BCa"):
    boot[method] = stats.bootstrap(
        (y_test, s_a), auc, paired=True, n_resamples=2_000, method=method, rng=0
    )
    ci = boot[method].confidence_interval
    print(f"{method:10s} 95 % CI for the AUC: [{ci.low:.3f}, {ci.high:.3f}]")
print(f"bootstrap standard error: {boot['BCa'].standard_error:.3f}")
# --8<-- [end:bootstrap]

for res in boot.values():
    ci = res.confidence_interval
    assert ci.low < auc_a < ci.high
    assert 0.03 < ci.high - ci.low < 0.15
# Same seed, same resamples: the two methods differ only in which quantiles they read.
assert np.array_equal(
    boot["percentile"].bootstrap_distribution, boot["BCa"].bootstrap_distribution
)
pct = np.percentile(boot["percentile"].bootstrap_distribution, [2.5, 97.5])
assert np.allclose(pct, boot["percentile"].confidence_interval, atol=1e-3)


# --8<-- [start:paired]
def auc_difference(y_true, score_a, score_b, axis=-1):
    return auc(y_true, score_a, axis) - auc(y_true, score_b, axis)


# Paired: one set of resampled rows per replicate, both models scored on it.
diff = stats.bootstrap(
    (y_test, s_a, s_b), auc_difference, paired=True, n_resamples=2_000, rng=0
)
ci_d = diff.confidence_interval
print(f"AUC(A) - AUC(B) = {auc_a - auc_b:.3f}, ", end="")
print(f"paired 95 % CI: [{ci_d.low:.3f}, {ci_d.high:.3f}]")

# Unpaired: a separate interval for each model.
separate = {}
for name, s in (("A", s_a), ("B", s_b)):
    separate[name] = stats.bootstrap(
        (y_test, s), auc, paired=True, n_resamples=2_000, rng=0
    )
    ci = separate[name].confidence_interval
    print(f"separate 95 % CI for {name}: [{ci.low:.3f}, {ci.high:.3f}]")

# Why pairing helps: on the same rows the two AUCs move together.
idx = np.random.default_rng(0).integers(0, y_test.size, size=(2_000, y_test.size))
auc_a_boot, auc_b_boot = auc(y_test[idx], s_a[idx]), auc(y_test[idx], s_b[idx])
corr = np.corrcoef(auc_a_boot, auc_b_boot)[0, 1]
se_paired = np.std(auc_a_boot - auc_b_boot, ddof=1)
se_independent = np.hypot(*(r.standard_error for r in separate.values()))
print(f"correlation of the two AUCs across resamples: {corr:.2f}")
print(f"SE of the difference: paired {se_paired:.4f}, as if independent ", end="")
print(f"{se_independent:.4f}")
# --8<-- [end:paired]

lo_a = separate["A"].confidence_interval.low
hi_b = separate["B"].confidence_interval.high
assert lo_a < hi_b  # the separate intervals overlap ...
assert ci_d.low > 0  # ... yet the paired interval excludes 0: A is better
assert 0.25 < se_paired / se_independent < 0.4 and corr > 0.8  # about a third
assert np.mean(auc_a_boot > auc_b_boot) > 0.99  # A wins on almost every resample
assert np.isclose(se_paired, diff.standard_error, rtol=0.1)
# Var(A - B) = Var(A) + Var(B) - 2 Cov(A, B): the covariance term is what pairing keeps.
sd_a, sd_b = np.std(auc_a_boot, ddof=1), np.std(auc_b_boot, ddof=1)
assert np.isclose(se_paired**2, sd_a**2 + sd_b**2 - 2 * corr * sd_a * sd_b)
# Here the difference is even more precise than either AUC on its own.
assert se_paired < min(sd_a, sd_b)
# Separate interval for A is the BCa interval above (same data, same seed).
assert np.allclose(separate["A"].confidence_interval, boot["BCa"].confidence_interval)

# When the bootstrap fails: the maximum of a sample. A resample contains the largest row
# with probability 1 - (1 - 1/n)^n, about 63 %, so the bootstrap distribution of the
# maximum has a point mass at the observed maximum that the real one does not have.
n_max = 200
x_max = rng.uniform(size=n_max)
resampled = x_max[rng.integers(0, n_max, size=(2_000, n_max))].max(axis=1)
share_at_max = np.mean(resampled == x_max.max())
assert 0.62 < 1 - (1 - 1 / n_max) ** n_max < 0.64
assert abs(share_at_max - (1 - (1 - 1 / n_max) ** n_max)) < 4 * np.sqrt(0.25 / 2_000)
