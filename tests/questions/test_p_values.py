"""Claims of evaluation/p_values.md checked beyond the one simulation its snippet runs."""

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests


def binomial_tolerance(p, trials):
    return 4 * np.sqrt(p * (1 - p) / trials)


@pytest.mark.parametrize("cut", [0.01, 0.05, 0.2, 0.5, 0.9])
def test_null_p_values_are_uniform_for_a_skewed_population(cut):
    # Welch's test on exponential data of equal means: P(p < u) = u, approximately.
    rng = np.random.default_rng(1)
    a, b = rng.exponential(size=(20_000, 60)), rng.exponential(size=(20_000, 60))
    p = stats.ttest_ind(a, b, axis=1, equal_var=False).pvalue
    assert abs(np.mean(p < cut) - cut) < binomial_tolerance(cut, 20_000) + 0.005


def test_students_pooled_t_test_breaks_when_the_smaller_group_is_noisier():
    # Unequal sizes and variances, equal means: Welch keeps alpha, Student does not.
    rng = np.random.default_rng(2)
    noisy, quiet = rng.normal(0, 3, (20_000, 10)), rng.normal(0, 1, (20_000, 40))
    student = np.mean(stats.ttest_ind(noisy, quiet, axis=1).pvalue < 0.05)
    welch = np.mean(stats.ttest_ind(noisy, quiet, axis=1, equal_var=False).pvalue < 0.05)
    assert 0.2 < student < 0.32  # "about a quarter of the time", as the page says
    assert abs(welch - 0.05) < binomial_tolerance(0.05, 20_000)


@pytest.mark.parametrize("counts", [(30, 45), (200, 260), (12, 3)])
def test_chi_squared_on_a_2x2_table_is_the_squared_two_proportion_z_test(counts):
    n = 400
    table = np.array([[counts[0], n - counts[0]], [counts[1], n - counts[1]]])
    res = stats.chi2_contingency(table, correction=False)
    pooled = sum(counts) / (2 * n)
    z = (counts[0] - counts[1]) / n / np.sqrt(pooled * (1 - pooled) * 2 / n)
    assert res.statistic == pytest.approx(z**2)
    assert res.pvalue == pytest.approx(2 * stats.norm.sf(abs(z)))
    # Yates' continuity correction, scipy's default for 2 x 2, only raises the p-value.
    assert stats.chi2_contingency(table).pvalue > res.pvalue


def test_a_difference_in_means_permutation_test_needs_equal_spreads():
    # Equal means, unequal spreads and sizes: the groups are not exchangeable, and the
    # permutation test rejects the equal-means null far more often than alpha.
    rng = np.random.default_rng(8)
    noisy, quiet = rng.normal(0, 3, (300, 10)), rng.normal(0, 1, (300, 40))

    def diff(x, y, axis):
        return x.mean(axis=axis) - y.mean(axis=axis)

    p = stats.permutation_test((noisy, quiet), diff, n_resamples=499, axis=1, vectorized=True, rng=0).pvalue
    assert np.mean(p < 0.05) > 0.12


def test_a_permutation_test_rejects_a_true_null_at_most_alpha_of_the_time():
    rng = np.random.default_rng(3)
    a, b = rng.exponential(size=(400, 8)), rng.exponential(size=(400, 8))

    def diff(x, y, axis):
        return x.mean(axis=axis) - y.mean(axis=axis)

    p = stats.permutation_test((a, b), diff, n_resamples=199, axis=1, vectorized=True, rng=0).pvalue
    assert p.min() >= 1 / 200  # with the +1, a permutation p-value is never 0
    assert np.mean(p <= 0.05) < 0.05 + binomial_tolerance(0.05, 400)


@pytest.mark.parametrize("n", [10, 100, 10_000])
def test_the_p_value_of_a_fixed_effect_shrinks_as_n_grows(n):
    # Same observed d, bigger n: t = d * sqrt(n / 2) grows, so p falls.
    p_n = stats.ttest_ind_from_stats(0.2, 1.0, n, 0.0, 1.0, n).pvalue
    p_4n = stats.ttest_ind_from_stats(0.2, 1.0, 4 * n, 0.0, 1.0, 4 * n).pvalue
    assert p_4n < p_n


@pytest.mark.parametrize("alpha", [0.01, 0.05, 0.1])
@pytest.mark.parametrize("m", [3, 30])
def test_familywise_error_of_independent_tests_is_one_minus_the_product(alpha, m):
    rng = np.random.default_rng(m)
    p = rng.uniform(size=(20_000, m))  # m independent null p-values per family
    expected = 1 - (1 - alpha) ** m
    assert abs(np.mean((p < alpha).any(axis=1)) - expected) < binomial_tolerance(expected, 20_000)
    assert np.mean((p < alpha / m).any(axis=1)) < alpha + binomial_tolerance(alpha, 20_000)


def test_bonferroni_still_controls_the_familywise_error_for_correlated_tests():
    # Equicorrelated z statistics (rho = 0.6): 1 - 0.95**m overstates the inflation,
    # and Bonferroni, a union bound, still holds.
    rng = np.random.default_rng(4)
    m, rho = 20, 0.6
    shared = rng.normal(size=(20_000, 1))
    z = np.sqrt(rho) * shared + np.sqrt(1 - rho) * rng.normal(size=(20_000, m))
    p = 2 * stats.norm.sf(np.abs(z))
    fwer_raw = np.mean((p < 0.05).any(axis=1))
    assert fwer_raw < 1 - 0.95**m - 0.1
    assert np.mean((p < 0.05 / m).any(axis=1)) <= 0.05


@pytest.mark.parametrize("share_real", [0.0, 0.2, 0.5])
def test_benjamini_hochberg_keeps_the_fdr_below_q_times_the_null_share(share_real):
    rng = np.random.default_rng(5)
    reps, m, q = 2_000, 50, 0.1
    real = np.arange(m) < share_real * m
    z = rng.normal(size=(reps, m)) + 3.0 * real
    p = stats.norm.sf(z)  # one-sided
    rejected = stats.false_discovery_control(p, axis=1) < q
    false = (rejected & ~real).sum(axis=1)
    fdp = false / np.maximum(rejected.sum(axis=1), 1)
    bound = q * (1 - share_real)
    assert fdp.mean() < bound + 4 * fdp.std() / np.sqrt(reps)
    if share_real == 0.0:
        # With every null true, FDR and FWER coincide: BH then controls both at q.
        assert np.mean(false > 0) < q + binomial_tolerance(q, reps)


def test_scipy_and_statsmodels_adjustments_agree_and_holm_sits_between():
    rng = np.random.default_rng(6)
    p = np.r_[rng.uniform(size=80), rng.uniform(0, 0.002, size=20)]
    for method, sm_name in (("bh", "fdr_bh"), ("by", "fdr_by")):
        assert np.allclose(stats.false_discovery_control(p, method=method), multipletests(p, method=sm_name)[1])
    rej = {name: multipletests(p, alpha=0.05, method=name)[0] for name in ("bonferroni", "holm", "fdr_bh")}
    # Holm rejects everything Bonferroni does; BH everything Holm does (always: its
    # step-up thresholds alpha * k / m are never below Holm's alpha / (m - k + 1)).
    assert rej["holm"][rej["bonferroni"]].all() and rej["fdr_bh"][rej["holm"]].all()
    assert rej["bonferroni"].sum() <= rej["holm"].sum() <= rej["fdr_bh"].sum()


def test_share_of_significant_results_that_are_false_depends_on_the_base_rate():
    # p < 0.05 does not mean a 5 % chance that H0 is true: with rare real effects
    # most rejections are false alarms, with common ones few are.
    rng = np.random.default_rng(7)

    def false_share(prior_real):
        real = rng.uniform(size=50_000) < prior_real
        z = rng.normal(size=real.size) + 2.8 * real  # power about 0.8 at alpha = 0.05
        reject = 2 * stats.norm.sf(np.abs(z)) < 0.05
        return np.mean(~real[reject])

    assert false_share(0.02) > 0.5
    assert false_share(0.5) < 0.1
