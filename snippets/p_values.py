"""P-values: what they are, why they are uniform under the null, three tests that agree,
and what happens (and how to correct) when you run many tests.

Run on its own: python snippets/p_values.py
"""

import numpy as np
from scipy import stats

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# --8<-- [start:uniform]
alpha = 0.05
n_experiments, n = 4_000, 30  # 4 000 A/A tests, 30 rows per group

# H0 is true: both groups come from the same distribution.
a = rng.normal(0.0, 1.0, size=(n_experiments, n))
b = rng.normal(0.0, 1.0, size=(n_experiments, n))
p_null = stats.ttest_ind(a, b, axis=1, equal_var=False).pvalue  # Welch, row by row

# If the test is calibrated, the count below alpha is Binomial(n_experiments, alpha).
se = np.sqrt(alpha * (1 - alpha) / n_experiments)
share = np.mean(p_null < alpha)
print(f"share of null p-values below {alpha}: {share:.4f}", end="  ")
print(f"(expected {alpha} +/- {2 * se:.4f})")
for cut in (0.01, 0.25, 0.5):
    print(f"share below {cut:<4}: {np.mean(p_null < cut):.3f}")
assert abs(share - alpha) < 4 * se

# With a real effect of 0.5 SD the p-values pile up near 0 instead.
b_effect = rng.normal(0.5, 1.0, size=(n_experiments, n))
p_alt = stats.ttest_ind(b_effect, a, axis=1, equal_var=False).pvalue
power = np.mean(p_alt < alpha)
print(f"share below {alpha} with a 0.5 SD effect (the power): {power:.3f}")
# --8<-- [end:uniform]

# Uniform on [0, 1]: the share below any cut is that cut, and a KS test does not object.
for cut in (0.01, 0.25, 0.5):
    sd = np.sqrt(cut * (1 - cut) / n_experiments)
    assert abs(np.mean(p_null < cut) - cut) < 4 * sd
assert stats.kstest(p_null, "uniform").pvalue > 0.01
assert power > 0.4

# --8<-- [start:three_tests]
# One A/B test of a conversion rate: 2 000 users per arm, 0/1 outcomes.
n_arm = 2_000
control = np.r_[np.ones(200), np.zeros(n_arm - 200)]  # 200 conversions: 10 %
treatment = np.r_[np.ones(250), np.zeros(n_arm - 250)]  # 250 conversions: 12.5 %

# 1. Welch's t-test on the 0/1 outcomes (no equal-variance assumption).
welch = stats.ttest_ind(treatment, control, equal_var=False)

# 2. Chi-squared test of independence on the 2 x 2 table (arm x converted).
table = np.array([[250, n_arm - 250], [200, n_arm - 200]])
chi2 = stats.chi2_contingency(table, correction=False)
chi2_yates = stats.chi2_contingency(table)  # the default: Yates' correction on 2 x 2


# 3. Permutation test: shuffle the arm labels, recompute the difference in rates.
def diff_in_means(x, y, axis):
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


perm = stats.permutation_test(
    (treatment, control),
    diff_in_means,
    n_resamples=4_999,
    vectorized=True,
    batch=1_000,
    rng=1,
)
print(f"observed lift: {treatment.mean() - control.mean():+.3f}")
print(f"Welch t-test:            t = {welch.statistic:.3f}   p = {welch.pvalue:.4f}")
print(f"chi-squared (no Yates):  X2 = {chi2.statistic:.3f}  p = {chi2.pvalue:.4f}")
print(f"chi-squared (Yates):     X2 = {chi2_yates.statistic:.3f}", end="  ")
print(f"p = {chi2_yates.pvalue:.4f}")
print(f"permutation test:        p = {perm.pvalue:.4f}  (4 999 shuffles)")
# --8<-- [end:three_tests]

# The three agree to within 0.005 here; the chi-squared statistic is the square of the
# pooled two-proportion z statistic, and Yates' correction makes the test conservative.
p_three = np.array([welch.pvalue, chi2.pvalue, perm.pvalue])
assert p_three.max() - p_three.min() < 0.005
assert np.all(p_three < alpha)
p_pool = 450 / 4_000
z = 0.025 / np.sqrt(p_pool * (1 - p_pool) * 2 / n_arm)
assert np.isclose(chi2.statistic, z**2)
assert np.isclose(chi2.pvalue, 2 * stats.norm.sf(z))
assert chi2_yates.pvalue > chi2.pvalue
# Shuffling labels keeps the total number of conversions fixed, so on 0/1 data the
# permutation test approximates Fisher's exact test, a little above the uncorrected p.
fisher = stats.fisher_exact(table).pvalue
assert abs(perm.pvalue - fisher) < 4 * np.sqrt(fisher * (1 - fisher) / 4_999)
assert perm.pvalue > max(chi2.pvalue, welch.pvalue)
# The definition of a p-value, by hand: the share of shuffles whose lift is at least
# as extreme as the observed one (+1: the observed labelling counts as one shuffle).
null = perm.null_distribution
p_up = (np.sum(null >= perm.statistic - 1e-9) + 1) / (null.size + 1)
p_down = (np.sum(null <= perm.statistic + 1e-9) + 1) / (null.size + 1)
assert np.isclose(perm.pvalue, min(1.0, 2 * min(p_up, p_down)))
# The permutation p-value's own Monte Carlo error is small at 4 999 shuffles.
assert np.sqrt(perm.pvalue * (1 - perm.pvalue) / 4_999) < 0.002

# --8<-- [start:not_effect_size]
# The same observed effect, d = 0.2 standard deviations, at four sample sizes,
# and a negligible effect, d = 0.02, measured on a huge sample.
print(f"{'effect d':>8s} {'n per group':>12s} {'p-value':>9s}")
p_by_n = {}
for d, n_group in ((0.2, 20), (0.2, 100), (0.2, 500), (0.2, 2_000), (0.02, 200_000)):
    res = stats.ttest_ind_from_stats(d, 1.0, n_group, 0.0, 1.0, n_group)
    p_by_n[(d, n_group)] = res.pvalue
    print(f"{d:8.2f} {n_group:12,d} {res.pvalue:9.2g}")
# --8<-- [end:not_effect_size]

# p falls with n at a fixed effect; a negligible effect is "highly significant" at a
# large n, and a tenfold larger one is not significant at a small n.
ps = [p_by_n[(0.2, k)] for k in (20, 100, 500, 2_000)]
assert all(u > v for u, v in zip(ps, ps[1:]))
assert ps[0] > 0.5 and ps[1] > alpha and p_by_n[(0.02, 200_000)] < 1e-9
# t = d sqrt(n / 2): a tenth of the effect on 100 times the rows gives about the same p.
assert 0.5 < p_by_n[(0.02, 200_000)] / p_by_n[(0.2, 2_000)] < 2

# --8<-- [start:familywise]
# m independent tests of true nulls: P(at least one p < 0.05) = 1 - 0.95 ** m.
n_families = 2_000
print(f"{'m':>3s} {'formula':>8s} {'simulated':>10s} {'Bonferroni':>11s}")
fwer_sim, fwer_bonf = {}, {}
for k in (1, 5, 10, 20, 50):
    x = rng.normal(size=(n_families, k, 20))
    y = rng.normal(size=(n_families, k, 20))
    p_k = stats.ttest_ind(x, y, axis=2).pvalue  # shape (families, k)
    fwer_sim[k] = np.mean((p_k < alpha).any(axis=1))
    fwer_bonf[k] = np.mean((p_k < alpha / k).any(axis=1))  # test each at alpha / k
    formula = 1 - (1 - alpha) ** k
    print(f"{k:3d} {formula:8.3f} {fwer_sim[k]:10.3f} {fwer_bonf[k]:11.3f}")
# --8<-- [end:familywise]

for k, sim in fwer_sim.items():
    expected = 1 - (1 - alpha) ** k
    tol = 4 * np.sqrt(expected * (1 - expected) / n_families)
    assert abs(sim - expected) < tol
    tol_bonf = 4 * np.sqrt(alpha * (1 - alpha) / n_families)
    assert fwer_bonf[k] < alpha + tol_bonf
assert 0.64 < 1 - 0.95**20 < 0.65 and fwer_sim[50] > 0.9

# --8<-- [start:corrections]
from statsmodels.stats.multitest import multipletests

# One family: 100 features tested, 10 of them with a real effect of 1 SD.
m, m_real = 100, 10
effect = np.r_[np.ones(m_real), np.zeros(m - m_real)]
x = rng.normal(size=(m, 20))
y = rng.normal(effect[:, None], 1.0, size=(m, 20))
p = stats.ttest_ind(y, x, axis=1).pvalue  # one p-value per feature

p_bonf = np.minimum(p * m, 1.0)  # Bonferroni by hand
p_bh = stats.false_discovery_control(p, method="bh")  # Benjamini-Hochberg
rej_bonf, p_bonf_sm, _, _ = multipletests(p, alpha=alpha, method="bonferroni")
rej_bh, p_bh_sm, _, _ = multipletests(p, alpha=alpha, method="fdr_bh")
assert np.allclose(p_bonf, p_bonf_sm) and np.allclose(p_bh, p_bh_sm)

real = effect == 1
for name, rejected in (
    ("no correction", p < alpha),
    ("Bonferroni", rej_bonf),
    ("Benjamini-Hochberg", rej_bh),
):
    print(f"{name:19s} discoveries = {rejected.sum():3d}   ", end="")
    n_true, n_false = (rejected & real).sum(), (rejected & ~real).sum()
    print(f"true = {n_true:2d}   false = {n_false:2d}")
# --8<-- [end:corrections]

# BH rejects everything Bonferroni rejects (and more), and it is the step-up rule:
# reject the k smallest p-values, k the largest rank with p_(k) <= alpha * k / m.
assert rej_bh[rej_bonf].all() and rej_bh.sum() > rej_bonf.sum()
assert np.array_equal(rej_bh, p_bh < alpha) and np.array_equal(rej_bonf, p_bonf < alpha)
order = np.argsort(p)
below = np.nonzero(p[order] <= alpha * np.arange(1, m + 1) / m)[0]
k = below.max() + 1 if below.size else 0
assert set(order[:k]) == set(np.nonzero(rej_bh)[0])

# --8<-- [start:many_families]
# Repeat that family 500 times and average what each rule delivers.
reps = 500
x = rng.normal(size=(reps, m, 20))
y = rng.normal(effect[None, :, None], 1.0, size=(reps, m, 20))
p_all = stats.ttest_ind(y, x, axis=2).pvalue  # shape (reps, m)
rules = {
    "no correction": p_all < alpha,
    "Bonferroni": p_all < alpha / m,
    "Benjamini-Hochberg": stats.false_discovery_control(p_all, axis=1) < alpha,
}
print(f"{'':19s} {'FWER':>6s} {'FDR':>6s} {'power':>6s}")
summary = {}
for name, rej in rules.items():
    false = (rej & ~real).sum(axis=1)
    fwer = np.mean(false > 0)  # P(at least one false discovery)
    fdr = np.mean(false / np.maximum(rej.sum(axis=1), 1))  # E[false / discoveries]
    found = (rej & real).sum(axis=1).mean() / m_real  # share of real effects found
    summary[name] = (fwer, fdr, found)
    print(f"{name:19s} {fwer:6.3f} {fdr:6.3f} {found:6.3f}")
# --8<-- [end:many_families]

raw, bonf, bh = (summary[k] for k in rules)
se_rate = 4 * np.sqrt(alpha * (1 - alpha) / reps)
# No correction: a false discovery in almost every family, and about a third of the
# discoveries are false although every one of them has p < 0.05.
assert raw[0] > 0.95 and 0.25 < raw[1] < 0.4
# Bonferroni holds the family-wise rate at alpha; BH's FDR is at its bound alpha * m0 /
# m
# (up to simulation noise) and far below the uncorrected one.
assert bonf[0] < alpha + se_rate
false_share = (rules["Benjamini-Hochberg"] & ~real).sum(axis=1) / np.maximum(
    rules["Benjamini-Hochberg"].sum(axis=1), 1
)
se_fdr = false_share.std(ddof=1) / np.sqrt(reps)
assert abs(bh[1] - alpha * (m - m_real) / m) < 4 * se_fdr
# Bonferroni finds under a third of the real effects, BH about half, and BH lets in
# some false ones: its FWER is above Bonferroni's.
assert bonf[2] < 1 / 3 and 0.4 < bh[2] < 0.6 and bh[0] > bonf[0]
