"""Type I and Type II errors, counted by simulating many t-tests.

Each row of a matrix is one experiment: a sample of n measurements, tested with a
two-sided one-sample t-test of H0: "the population mean is 0". When the data really
have mean 0, every rejection is a Type I error; when they have mean 0.5, every
non-rejection is a Type II error.

Run on its own: python snippets/type_i_ii_errors.py
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

# --8<-- [start:sample_size]
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import proportion_effectsize

plan = dict(alpha=0.05, power=0.8)  # solve_power finds the one argument left out
t_power = TTestIndPower()

# Two groups, smallest effect worth detecting: d = 0.5 standard deviations.
n_t = t_power.solve_power(effect_size=0.5, **plan)
# A/B test of a conversion rate, 10 % -> 11 %: Cohen's h on the arcsine scale.
h = proportion_effectsize(0.11, 0.10)
n_ab = NormalIndPower().solve_power(effect_size=h, **plan)
# A more powerful design at the same alpha and power. A covariate correlated rho
# with the outcome (CUPED, regression adjustment) leaves a residual SD of
# sqrt(1 - rho^2), so the same effect is larger in SD units.
rho = 0.7
n_cuped = t_power.solve_power(effect_size=0.5 / np.sqrt(1 - rho**2), **plan)
# A one-sided test, if only one direction matters and that was fixed in advance.
n_one = t_power.solve_power(effect_size=0.5, alternative="larger", **plan)

print("n per group for alpha = 0.05 and power = 0.8:")
for label, n_needed in (
    ("t-test, d = 0.5", n_t),
    (f"conversion 10 % -> 11 % (h = {h:.4f})", n_ab),
    (f"t-test, d = 0.5, covariate with rho = {rho}", n_cuped),
    ("t-test, d = 0.5, one-sided", n_one),
):
    print(f"  {label:42s} {n_needed:8.1f}")

# Check by simulation: n rounded up reaches the planned power.
n_plan = int(np.ceil(n_t))
a = rng.normal(0.0, 1.0, size=(10_000, n_plan))
b = rng.normal(0.5, 1.0, size=(10_000, n_plan))
sim = np.mean(stats.ttest_ind(b, a, axis=1).pvalue < 0.05)
print(f"simulated power with {n_plan} per group: {sim:.3f}")
# --8<-- [end:sample_size]

assert n_plan == 64 and t_power.power(0.5, n_plan, 0.05) >= 0.8
# The one-sample test of the earlier sections needs about 34 for the same d and power.
from statsmodels.stats.power import TTestPower

assert np.ceil(TTestPower().solve_power(effect_size=0.5, **plan)) == 34
assert abs(sim - 0.8) < 4 * np.sqrt(0.8 * 0.2 / 10_000)
# The normal-approximation formula 2 (z_{1-a/2} + z_{1-b})^2 / d^2 is a little lower.
z_formula = 2 * (stats.norm.ppf(0.975) + stats.norm.ppf(0.8)) ** 2 / 0.5**2
assert z_formula < n_t < z_formula + 2
assert 14_000 < n_ab < 15_500  # a one-point lift needs about 15 000 users per group
# The covariate cuts n by about the factor 1 - rho^2; one-sided saves about a fifth.
assert abs(n_cuped / n_t - (1 - rho**2)) < 0.02
assert 0.75 < n_one / n_t < 0.82

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
