"""Type I and Type II errors, counted by simulating many t-tests.

Each row of a matrix is one experiment: a sample of n measurements, tested with a
two-sided one-sample t-test of H0: "the population mean is 0". When the data really
have mean 0, every rejection is a Type I error; when they have mean 0.5, every
non-rejection is a Type II error.

Run on its own: python snippets/q11_type_i_ii_errors.py
"""

import numpy as np
from scipy import stats

rng = np.random.default_rng(0)

# --8<-- [start:null_true]
alpha = 0.05  # the significance level, chosen before looking at the data
n, n_experiments = 20, 20_000

# H0 is TRUE here: every experiment samples from N(0, 1), mean exactly 0.
under_h0 = rng.normal(loc=0.0, scale=1.0, size=(n_experiments, n))
test_h0 = stats.ttest_1samp(under_h0, popmean=0.0, axis=1)  # one test per row
type_i_rate = np.mean(test_h0.pvalue < alpha)  # rejections of a true H0

# The count of rejections is Binomial(n_experiments, alpha) if the test is exact.
se = np.sqrt(alpha * (1 - alpha) / n_experiments)
print(f"alpha = {alpha}, experiments = {n_experiments}, n = {n} per experiment")
print(f"Type I error rate (simulated): {type_i_rate:.3f}  (+/- {2 * se:.3f})")
assert abs(type_i_rate - alpha) < 4 * se
# --8<-- [end:null_true]

# --8<-- [start:alt_true]
effect = 0.5  # H1 is TRUE here: the real mean is 0.5 standard deviations

under_h1 = rng.normal(loc=effect, scale=1.0, size=(n_experiments, n))
test_h1 = stats.ttest_1samp(under_h1, popmean=0.0, axis=1)
power = np.mean(test_h1.pvalue < alpha)  # rejections of a false H0
beta = 1 - power  # failures to reject a false H0: Type II errors


def exact_power(n, effect, alpha):
    """P(|T| > t_crit) when T follows a noncentral t with df = n - 1."""
    df, noncentrality = n - 1, effect * np.sqrt(n)
    t_crit = stats.t.ppf(1 - alpha / 2, df)
    return stats.nct.sf(t_crit, df, noncentrality) + stats.nct.cdf(
        -t_crit, df, noncentrality
    )


print(f"power (simulated):       {power:.3f}")
print(f"power (noncentral t):    {exact_power(n, effect, alpha):.3f}")
print(f"Type II error rate beta: {beta:.3f}")
se_power = np.sqrt(power * (1 - power) / n_experiments)
assert abs(power - exact_power(n, effect, alpha)) < 4 * se_power
# --8<-- [end:alt_true]

# --8<-- [start:power_vs_n]
sizes = [5, 10, 20, 40, 80]
sim_alpha, sim_power = [], []
for size in sizes:
    h0 = rng.normal(0.0, 1.0, size=(10_000, size))
    h1 = rng.normal(effect, 1.0, size=(10_000, size))
    sim_alpha.append(np.mean(stats.ttest_1samp(h0, 0.0, axis=1).pvalue < alpha))
    sim_power.append(np.mean(stats.ttest_1samp(h1, 0.0, axis=1).pvalue < alpha))
    print(
        f"n = {size:2d}: Type I rate = {sim_alpha[-1]:.3f}  "
        f"power = {sim_power[-1]:.3f}  beta = {1 - sim_power[-1]:.3f}"
    )
# More data: the Type I rate stays at alpha, the power climbs.
assert all(a < b for a, b in zip(sim_power, sim_power[1:]))
tolerance = 4 * np.sqrt(alpha * (1 - alpha) / 10_000)
assert all(abs(rate - alpha) < tolerance for rate in sim_alpha)
# --8<-- [end:power_vs_n]

# --8<-- [start:tradeoff]
# Same experiments, stricter alpha: fewer false alarms, more misses.
for level in (0.10, 0.05, 0.01):
    print(
        f"alpha = {level:.2f}: Type I rate = {np.mean(test_h0.pvalue < level):.3f}  "
        f"beta = {np.mean(test_h1.pvalue >= level):.3f}"
    )
# --8<-- [end:tradeoff]

# Facts the page states, checked on this data:
# a stricter alpha lowers the Type I rate and raises beta at the same n,
strict_i, strict_ii = np.mean(test_h0.pvalue < 0.01), np.mean(test_h1.pvalue >= 0.01)
assert strict_i < type_i_rate and strict_ii > beta
# with n = 5 most experiments under H1 fail to reject: not rejecting is no proof of H0,
assert sim_power[0] < 0.5
# and a few dozen measurements are enough for a power above 0.8 at this effect.
assert sim_power[sizes.index(40)] > 0.8
# The t statistics the figure draws.
t_h0, t_h1 = test_h0.statistic, test_h1.statistic
