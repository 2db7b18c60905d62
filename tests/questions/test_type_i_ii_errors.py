"""Claims of evaluation/type_i_ii_errors.md checked beyond the one simulation its snippet runs."""

import contextlib
import io
import runpy
from pathlib import Path

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.power import TTestIndPower, TTestPower

SNIPPET = Path(__file__).resolve().parents[2] / "snippets" / "type_i_ii_errors.py"


@pytest.fixture(scope="module")
def ns():
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPET), run_name="__main__")


def binomial_tolerance(p, trials):
    return 4 * np.sqrt(p * (1 - p) / trials)


@pytest.mark.parametrize("alpha", [0.01, 0.05, 0.2])
@pytest.mark.parametrize("n", [4, 30])
def test_type_i_rate_equals_alpha_for_any_alpha_and_n(alpha, n):
    rng = np.random.default_rng(n)
    p = stats.ttest_1samp(rng.normal(3.0, 2.0, size=(20_000, n)), 3.0, axis=1).pvalue
    assert abs(np.mean(p < alpha) - alpha) < binomial_tolerance(alpha, 20_000)


def test_two_sample_t_test_also_rejects_a_true_null_at_rate_alpha():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=(20_000, 15)), rng.normal(size=(20_000, 15))
    p = stats.ttest_ind(a, b, axis=1).pvalue
    assert abs(np.mean(p < 0.05) - 0.05) < binomial_tolerance(0.05, 20_000)


def test_p_values_are_uniform_under_the_null():
    # This is why P(p < alpha) = alpha for every alpha at once.
    rng = np.random.default_rng(2)
    p = stats.ttest_1samp(rng.normal(size=(5_000, 12)), 0.0, axis=1).pvalue
    assert stats.kstest(p, "uniform").pvalue > 0.001


@pytest.mark.parametrize("n", [5, 20, 64])
@pytest.mark.parametrize("effect", [0.2, 0.5, 1.0])
def test_the_pages_power_formula_matches_statsmodels(ns, n, effect):
    expected = TTestPower().power(effect_size=effect, nobs=n, alpha=0.05, alternative="two-sided")
    assert ns["exact_power"](n, effect, 0.05) == pytest.approx(expected, rel=1e-6)


def test_beta_is_one_minus_power_and_the_snippets_rates_are_consistent(ns):
    assert ns["beta"] == pytest.approx(1 - ns["power"])
    assert ns["type_i_rate"] == np.mean(ns["test_h0"].pvalue < ns["alpha"])


@pytest.mark.parametrize("seed", range(3))
def test_power_grows_with_n_and_with_the_effect_size(seed):
    rng = np.random.default_rng(seed)

    def power(n, effect):
        x = rng.normal(effect, 1.0, size=(4_000, n))
        return np.mean(stats.ttest_1samp(x, 0.0, axis=1).pvalue < 0.05)

    by_n = [power(n, 0.4) for n in (8, 24, 72)]
    by_effect = [power(20, e) for e in (0.2, 0.5, 0.9)]
    assert by_n[0] < by_n[1] < by_n[2]
    assert by_effect[0] < by_effect[1] < by_effect[2]


def test_two_sample_power_matches_its_formula():
    rng = np.random.default_rng(3)
    a = rng.normal(0.0, 1.0, size=(20_000, 25))
    b = rng.normal(0.6, 1.0, size=(20_000, 25))
    power = np.mean(stats.ttest_ind(a, b, axis=1).pvalue < 0.05)
    expected = TTestIndPower().power(effect_size=0.6, nobs1=25, alpha=0.05, ratio=1.0)
    assert abs(power - expected) < binomial_tolerance(expected, 20_000)


@pytest.mark.parametrize("seed", range(3))
def test_lowering_alpha_trades_type_i_errors_for_type_ii_errors(seed):
    rng = np.random.default_rng(seed)
    p0 = stats.ttest_1samp(rng.normal(0.0, 1.0, size=(10_000, 15)), 0.0, axis=1).pvalue
    p1 = stats.ttest_1samp(rng.normal(0.5, 1.0, size=(10_000, 15)), 0.0, axis=1).pvalue
    levels = [0.2, 0.1, 0.05, 0.01, 0.001]
    type_i = [np.mean(p0 < a) for a in levels]
    type_ii = [np.mean(p1 >= a) for a in levels]
    assert all(a > b for a, b in zip(type_i, type_i[1:]))
    assert all(a < b for a, b in zip(type_ii, type_ii[1:]))


def test_many_tests_inflate_the_familywise_error_and_bonferroni_restores_it():
    rng = np.random.default_rng(4)
    m, alpha, trials = 20, 0.05, 5_000
    p = stats.ttest_1samp(rng.normal(size=(trials, m, 10)), 0.0, axis=2).pvalue  # all nulls true
    any_rejection = np.mean((p < alpha).any(axis=1))
    expected = 1 - (1 - alpha) ** m  # about 0.64 for independent tests
    assert abs(any_rejection - expected) < binomial_tolerance(expected, trials)
    bonferroni = np.mean((p < alpha / m).any(axis=1))
    assert bonferroni <= alpha + binomial_tolerance(alpha, trials)


def test_peeking_and_stopping_at_the_first_significant_result_inflates_type_i():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(5_000, 100))  # H0 true
    looks = range(10, 101, 10)
    rejected_at_some_look = np.zeros(x.shape[0], bool)
    for k in looks:
        rejected_at_some_look |= stats.ttest_1samp(x[:, :k], 0.0, axis=1).pvalue < 0.05
    assert np.mean(rejected_at_some_look) > 2 * 0.05


def test_solve_power_inverts_power():
    n = TTestIndPower().solve_power(effect_size=0.5, alpha=0.05, power=0.8)
    assert TTestIndPower().power(effect_size=0.5, nobs1=n, alpha=0.05) == pytest.approx(0.8, abs=1e-6)
    assert TTestIndPower().power(effect_size=0.5, nobs1=np.floor(n), alpha=0.05) < 0.8


def test_proportion_effectsize_is_cohens_h_and_its_n_gives_the_planned_power():
    from statsmodels.stats.power import NormalIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    h = proportion_effectsize(0.11, 0.10)
    assert h == pytest.approx(2 * np.arcsin(np.sqrt(0.11)) - 2 * np.arcsin(np.sqrt(0.10)))
    n = int(np.ceil(NormalIndPower().solve_power(effect_size=h, alpha=0.05, power=0.8)))
    # Simulate many A/B tests with n users per group and a pooled two-proportion z-test.
    rng = np.random.default_rng(6)
    trials = 20_000
    x_a, x_b = rng.binomial(n, 0.10, trials), rng.binomial(n, 0.11, trials)
    pooled = (x_a + x_b) / (2 * n)
    z = (x_b - x_a) / n / np.sqrt(pooled * (1 - pooled) * 2 / n)
    power = np.mean(2 * stats.norm.sf(np.abs(z)) < 0.05)
    assert power == pytest.approx(0.8, abs=0.02)


@pytest.mark.parametrize("rho", [0.5, 0.8])
def test_adjusting_for_a_correlated_covariate_removes_rho_squared_of_the_variance(rho):
    # CUPED: y_adj = y - theta (x - mean x), theta = cov(x, y) / var(x).
    rng = np.random.default_rng(7)
    x = rng.normal(size=200_000)
    y = rho * x + np.sqrt(1 - rho**2) * rng.normal(size=x.size)
    theta = np.cov(x, y)[0, 1] / x.var(ddof=1)
    y_adj = y - theta * (x - x.mean())
    assert y_adj.var() / y.var() == pytest.approx(1 - rho**2, abs=0.01)


def test_a_covariate_adjusted_test_has_more_power_at_the_same_n():
    rng = np.random.default_rng(8)
    rho, n, trials, effect = 0.7, 40, 4_000, 0.5
    x = rng.normal(size=(trials, 2, n))  # pre-experiment covariate, both groups
    noise = np.sqrt(1 - rho**2) * rng.normal(size=x.shape)
    y = rho * x + noise + effect * np.array([0.0, 1.0])[None, :, None]
    raw = stats.ttest_ind(y[:, 1], y[:, 0], axis=1).pvalue < 0.05
    theta = rho  # known here; estimated from pooled data in practice
    adj = y - theta * x
    cuped = stats.ttest_ind(adj[:, 1], adj[:, 0], axis=1).pvalue < 0.05
    assert cuped.mean() > raw.mean() + 0.2
    # and adjusting does not inflate the Type I rate when there is no effect.
    y0 = rho * x + noise
    null = stats.ttest_ind((y0 - theta * x)[:, 1], (y0 - theta * x)[:, 0], axis=1).pvalue < 0.05
    assert abs(null.mean() - 0.05) < binomial_tolerance(0.05, trials)
