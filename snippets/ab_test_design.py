"""A/B test design: the two-proportion z-test, sample size from the minimum detectable
effect, how peeking inflates false positives and which stopping rules fix it, novelty
effects, interference in a marketplace, and the sample-ratio-mismatch check.

Every simulation runs many experiments at once: one row of a NumPy array per experiment.

Run on its own: python snippets/ab_test_design.py
"""

import numpy as np
from scipy import stats

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# --8<-- [start:ztest]
from statsmodels.stats.proportion import proportions_ztest

# One experiment: 15 000 users per arm, control converts at 10 %, treatment at 11 %.
n_a = n_b = 15_000
x_a = rng.binomial(n_a, 0.10)  # conversions in control (A)
x_b = rng.binomial(n_b, 0.11)  # conversions in treatment (B)
p_a, p_b = x_a / n_a, x_b / n_b

# By hand. H0: p_B = p_A. Under H0 both arms share one rate: pool them for the SE.
p_pool = (x_a + x_b) / (n_a + n_b)
se_pool = np.sqrt(p_pool * (1 - p_pool) * (1 / n_a + 1 / n_b))
z = (p_b - p_a) / se_pool
p_value = 2 * stats.norm.sf(abs(z))  # two-sided

z_sm, p_sm = proportions_ztest([x_b, x_a], [n_b, n_a])  # pooled SE by default
# The confidence interval for the lift uses the unpooled SE: no H0 is assumed there.
se_diff = np.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
low, high = p_b - p_a - 1.96 * se_diff, p_b - p_a + 1.96 * se_diff

print(f"control {p_a:.4f}, treatment {p_b:.4f}, lift {p_b - p_a:+.4f}")
print(f"by hand:     z = {z:.3f}, p = {p_value:.4f}")
print(f"statsmodels: z = {z_sm:.3f}, p = {p_sm:.4f}")
print(f"95 % CI for the lift: [{low:+.4f}, {high:+.4f}]")
assert np.isclose(z, z_sm) and np.isclose(p_value, p_sm)
# --8<-- [end:ztest]

assert p_value < 0.05 and low > 0  # this draw detects the one-point lift

# --8<-- [start:sample_size]
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize

alpha, power, baseline = 0.05, 0.80, 0.10
z_alpha, z_beta = stats.norm.ppf(1 - alpha / 2), stats.norm.ppf(power)

print(f"{'MDE':>6s} {'statsmodels':>12s} {'formula':>9s} {'ratio':>6s}")
plan = {}
for mde in (0.005, 0.01, 0.02):  # absolute lifts: 10 % -> 10.5 %, 11 %, 12 %
    h = proportion_effectsize(baseline + mde, baseline)  # Cohen's h, arcsine scale
    n_sm = NormalIndPower().solve_power(effect_size=h, alpha=alpha, power=power)
    p_bar = baseline + mde / 2  # the average of the two rates
    n_formula = 2 * (z_alpha + z_beta) ** 2 * p_bar * (1 - p_bar) / mde**2
    plan[mde] = (n_sm, n_formula)
    print(f"{mde:6.3f} {n_sm:12,.0f} {n_formula:9,.0f} {n_formula / n_sm:6.3f}")
# --8<-- [end:sample_size]

for n_sm, n_formula in plan.values():
    assert abs(n_formula / n_sm - 1) < 0.03  # the closed form agrees within 3 %
# Halving the MDE roughly quadruples the sample: n grows like 1 / MDE^2.
assert 3.8 < plan[0.005][0] / plan[0.01][0] < 4.2
# For alpha = 0.05 and power 0.8 the constant is 2 (z + z)^2 = 15.7: 'n = 16 s^2 / d^2'.
assert abs(2 * (z_alpha + z_beta) ** 2 - 15.7) < 0.05
n_plan = int(np.ceil(plan[0.01][0]))  # users per arm for a one-point lift
assert 14_500 < n_plan < 15_000

# --8<-- [start:peeking]
# 10 000 A/A tests: both arms convert at 10 %, 750 new users per arm per day,
# 20 days, so 15 000 per arm at the end: the planned sample for a one-point lift.
n_sims, days, daily = 10_000, 20, 750
conv = rng.binomial(daily, baseline, size=(n_sims, days, 2)).cumsum(axis=1)
n_seen = daily * np.arange(1, days + 1)  # users per arm after each day


def z_stats(conv, n_seen):
    """Pooled two-proportion z statistic after each day, for every experiment."""
    rate_a, rate_b = conv[..., 0] / n_seen, conv[..., 1] / n_seen
    pooled = (rate_a + rate_b) / 2
    return (rate_b - rate_a) / np.sqrt(pooled * (1 - pooled) * 2 / n_seen)


p_daily = 2 * stats.norm.sf(np.abs(z_stats(conv, n_seen)))  # shape (n_sims, days)
# Stop at the first look with p < 0.05: a false positive if any look is below it.
first_k = np.minimum.accumulate(p_daily, axis=1) < 0.05
peek_rate = first_k.mean(axis=0)  # false-positive rate with k = 1 .. 20 daily looks
se_sim = np.sqrt(0.05 * 0.95 / n_sims)
one_look = np.mean(p_daily[:, -1] < 0.05)  # the fixed-horizon test at day 20
print(f"one look at the end:     false-positive rate {one_look:.3f}")
for k in (2, 5, 10, 20):
    print(f"{k:2d} looks, stop at p<0.05: false-positive rate {peek_rate[k - 1]:.3f}")
# --8<-- [end:peeking]

assert abs(one_look - 0.05) < 4 * se_sim  # one look: alpha holds
assert peek_rate[-1] > 0.2  # daily peeking for 20 days: more than four times alpha
assert np.all(np.diff(peek_rate) >= 0)  # every extra look can only add false positives
# Armitage et al. (1969), normal data, 5 looks at nominal 0.05: 0.142.
assert abs(peek_rate[4] - 0.142) < 4 * np.sqrt(0.142 * 0.858 / n_sims)

# --8<-- [start:sequential]
looks = np.array([4, 8, 12, 16, 20])  # 5 planned looks, one every four days
z_looks = np.abs(z_stats(conv, n_seen))[:, looks - 1]


def pocock_constant(k, alpha=0.05, paths=100_000, seed=1):
    """One critical value c for all k equally spaced looks with P(max |Z| > c) = alpha.

    Found by simulating the z statistic of a Gaussian random walk under H0, which is
    what the cumulative z statistic of an A/B test is for large samples.
    """
    steps = np.random.default_rng(seed).normal(size=(paths, k)).cumsum(axis=1)
    z_walk = np.abs(steps) / np.sqrt(np.arange(1, k + 1))
    return np.quantile(z_walk.max(axis=1), 1 - alpha)


c_pocock = pocock_constant(len(looks))
rules = {
    "naive: p < 0.05 at any look": z_looks > z_alpha,
    "Bonferroni: p < 0.05/5 at any look": z_looks > stats.norm.isf(0.05 / 2 / 5),
    f"Pocock: |z| > {c_pocock:.2f} at any look": z_looks > c_pocock,
}
nominal = 2 * stats.norm.sf(c_pocock)  # the p-value threshold at each look
print(f"Pocock constant for 5 looks: {c_pocock:.3f} (nominal p {nominal:.4f})")
aa_rate = {}
for name, rejected in rules.items():
    aa_rate[name] = rejected.any(axis=1).mean()
    print(f"A/A false-positive rate, {name:36s} {aa_rate[name]:.3f}")
# --8<-- [end:sequential]

naive, bonf, pocock = aa_rate.values()
assert naive > 0.1  # five looks at 0.05 each: far above alpha
assert bonf <= 0.05 + 2 * se_sim and pocock <= 0.05 + 3 * se_sim  # both control it
assert abs(pocock - 0.05) < 4 * se_sim  # Pocock spends the whole alpha, no more
assert bonf < pocock  # Bonferroni is conservative: it ignores that the looks correlate
assert abs(c_pocock - 2.413) < 0.03  # Pocock (1977), Table 1: 2.413 for five looks
assert abs(pocock_constant(2) - 2.178) < 0.03  # ... and 2.178 for two

# --8<-- [start:sequential_power]
# The same rules when the lift is real (10 % -> 11 %): power, and when they stop.
conv_h1 = np.stack(
    [
        rng.binomial(daily, 0.10, size=(n_sims, days)),
        rng.binomial(daily, 0.11, size=(n_sims, days)),
    ],
    axis=-1,
).cumsum(axis=1)
z_h1 = z_stats(conv_h1, n_seen)[:, looks - 1]  # signed: B better is positive
fixed = z_h1[:, -1] > z_alpha  # one look at day 20 (counting wins for B only)
seq = z_h1 > c_pocock
stop_day = np.where(seq.any(axis=1), looks[seq.argmax(axis=1)], days)
print(f"fixed horizon, one look at day 20: power {fixed.mean():.3f}")
power_seq = seq.any(axis=1).mean()
print(f"Pocock, 5 looks:                   power {power_seq:.3f}, ", end="")
print(f"mean stopping day {stop_day.mean():.1f}")
# --8<-- [end:sequential_power]

power_fixed = fixed.mean()
assert abs(power_fixed - 0.80) < 0.02  # the sample size plan delivers its power
assert power_seq < power_fixed  # at the same maximum sample, Pocock loses some power
assert stop_day.mean() < 15  # ... but usually stops well before day 20

# --8<-- [start:novelty]
# A change whose lift starts at 2.5 points and decays to 0.5: the novelty wears off.
rng = np.random.default_rng(1)  # each scenario below has its own seed
n_days, per_day = 14, 20_000  # users per arm per day
day = np.arange(n_days)
true_lift = 0.005 + 0.02 * np.exp(-day / 3)
conv_c = rng.binomial(per_day, 0.10, size=n_days)
conv_t = rng.binomial(per_day, 0.10 + true_lift)
daily_lift = (conv_t - conv_c) / per_day
daily_se = np.sqrt(2 * 0.1 * 0.9 / per_day)

whole_test = daily_lift.mean()  # what a pooled two-week analysis reports
last_week = daily_lift[7:].mean()
print(f"lift, days 1-3:         {daily_lift[:3].mean():+.4f}")
print(f"lift, whole two weeks:  {whole_test:+.4f}")
print(f"lift, second week:      {last_week:+.4f}")
print(f"true lift, second week: {true_lift[7:].mean():+.4f} (novelty not quite gone)")
print("long-run lift (truth):  +0.0050")
# --8<-- [end:novelty]

assert whole_test > 2 * 0.005  # the pooled estimate: over twice the lasting effect
assert abs(true_lift.mean() / 0.005 - 2) < 0.01  # ... as the true two-week mean is
assert 0.0055 < true_lift[7:].mean() < 0.006  # the second week still holds some novelty
assert abs(last_week - true_lift[7:].mean()) < 3 * daily_se / np.sqrt(7)
assert daily_lift[:3].mean() > 3 * 0.005  # the first days: over three times the truth

# --8<-- [start:interference]
rng = np.random.default_rng(2)
# A marketplace: 2 000 buyers a day, 215 items for sale. Treatment makes a buyer more
# eager (12 % want to buy instead of 10 %), but nobody can buy an item that is gone.
buyers, supply, q_c, q_t, n_mkt = 2_000, 215, 0.10, 0.12, 56  # 56 days


def sold(demand):
    """Expected sales when demand ~ Binomial(buyers, q) meets a fixed supply."""
    k = np.arange(buyers + 1)
    return np.sum(np.minimum(k, supply) * stats.binom.pmf(k, buyers, demand))


truth = (sold(q_t) - sold(q_c)) / buyers  # what launching to everyone changes

# User split: half the buyers in each arm, one shared pool of items each day.
want_t = rng.binomial(buyers // 2, q_t, size=n_mkt)
want_c = rng.binomial(buyers // 2, q_c, size=n_mkt)
total = np.minimum(want_t + want_c, supply)
sold_t = rng.hypergeometric(want_t, want_c, total)  # items go to random wanting buyers
user_split = (sold_t.sum() - (total - sold_t).sum()) / (n_mkt * buyers // 2)

# Switchback: each day the whole market is in one arm, chosen at random.
treated = rng.permutation(np.repeat([True, False], n_mkt // 2))
sales = np.minimum(rng.binomial(buyers, np.where(treated, q_t, q_c)), supply)
switchback = (sales[treated].mean() - sales[~treated].mean()) / buyers
se_switch = np.sqrt(sales[treated].var(ddof=1) + sales[~treated].var(ddof=1))
se_switch /= np.sqrt(n_mkt // 2) * buyers  # 28 days in each arm

print(f"effect of a full launch (exact): {truth:+.4f} conversions per buyer")
print(f"user-split A/B test estimate:    {user_split:+.4f}")
print(f"switchback estimate:             {switchback:+.4f} (SE {se_switch:.4f})")
# --8<-- [end:interference]

assert user_split > 2 * truth  # the treatment took items from the control arm
assert abs(switchback - truth) < 3 * se_switch  # unbiased, but noisier

# --8<-- [start:srm]
from scipy.stats import chisquare

rng = np.random.default_rng(3)
# An A/A test with a bug: treatment crashes for a quarter of the users on an old
# browser (a fifth of all users, who convert at 2 % instead of 12 %). They never log.
n_users = 500_000
arm = rng.integers(0, 2, n_users)  # 50/50 assignment by hash
old = rng.random(n_users) < 0.2
converted = rng.random(n_users) < np.where(old, 0.02, 0.12)
logged = ~((arm == 1) & old & (rng.random(n_users) < 0.25))

counts = np.bincount(arm[logged], minlength=2)  # users per arm: [control, treatment]
wins = np.bincount(arm[logged], weights=converted[logged], minlength=2).astype(int)
_, p_lift = proportions_ztest(wins[::-1], counts[::-1])  # treatment first
srm = chisquare(counts)  # expected counts: an even split of the logged users
rates = wins / counts
print(f"users logged: control {counts[0]:,}, treatment {counts[1]:,}")
print(f"conversion: control {rates[0]:.4f}, treatment {rates[1]:.4f}, p = {p_lift:.1e}")
print(f"SRM check (chi-squared, 50/50 expected): p = {srm.pvalue:.1e}")
healthy = chisquare(np.bincount(arm, minlength=2))  # the same split before the bug
print(f"SRM check on all assigned users:         p = {healthy.pvalue:.2f}")
# --8<-- [end:srm]

assert p_lift < 1e-3  # the bug alone makes a "significant" lift in an A/A test
assert srm.pvalue < 1e-10 and healthy.pvalue > 0.01  # the SRM check catches it
