"""Claims of evaluation/ab_test_design.md checked beyond the one dataset its snippet uses."""

import runpy

import numpy as np
import pytest
from scipy import optimize, stats
from scipy.stats import chi2_contingency, chisquare
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize, proportions_ztest

from scripts.paths import SNIPPETS


@pytest.fixture(scope="module")
def snippet():
    return runpy.run_path(str(SNIPPETS / "ab_test_design.py"), run_name="__main__")


def look_correlation(k: int) -> np.ndarray:
    """corr(Z_i, Z_j) = sqrt(i / j) for i <= j: the cumulative z statistic at equally spaced looks."""
    t = np.arange(1, k + 1)
    return np.sqrt(np.minimum.outer(t, t) / np.maximum.outer(t, t))


def crossing_probability(c: float, k: int) -> float:
    """P(max_k |Z_k| > c) under H0, from the multivariate normal CDF (no simulation of the test)."""
    mvn = stats.multivariate_normal(mean=np.zeros(k), cov=look_correlation(k))
    return 1 - mvn.cdf(np.full(k, c), lower_limit=np.full(k, -c), rng=np.random.default_rng(0))


@pytest.mark.parametrize("seed", range(5))
def test_proportions_ztest_is_the_pooled_formula_and_its_square_is_the_chi2_test(seed):
    rng = np.random.default_rng(seed)
    n = rng.integers(500, 50_000, size=2)
    x = rng.binomial(n, rng.uniform(0.02, 0.5, size=2))
    pooled = x.sum() / n.sum()
    z_hand = (x[0] / n[0] - x[1] / n[1]) / np.sqrt(pooled * (1 - pooled) * (1 / n[0] + 1 / n[1]))
    z_sm, p_sm = proportions_ztest(x, n)
    assert z_sm == pytest.approx(z_hand)
    table = np.array([x, n - x]).T
    chi2, p_chi2, _, _ = chi2_contingency(table, correction=False)
    assert chi2 == pytest.approx(z_sm**2) and p_chi2 == pytest.approx(p_sm)


@pytest.mark.parametrize("baseline", [0.02, 0.05, 0.1, 0.3, 0.5])
@pytest.mark.parametrize("relative_lift", [0.05, 0.1, 0.2])
def test_closed_form_sample_size_agrees_with_statsmodels_within_three_percent(baseline, relative_lift):
    mde = baseline * relative_lift
    h = proportion_effectsize(baseline + mde, baseline)
    n_sm = NormalIndPower().solve_power(effect_size=h, alpha=0.05, power=0.8)
    p_bar = baseline + mde / 2
    n_formula = 2 * (stats.norm.ppf(0.975) + stats.norm.ppf(0.8)) ** 2 * p_bar * (1 - p_bar) / mde**2
    assert n_formula == pytest.approx(n_sm, rel=0.03)


def test_sample_size_grows_like_one_over_the_mde_squared():
    n = [
        NormalIndPower().solve_power(effect_size=proportion_effectsize(0.1 + d, 0.1), alpha=0.05, power=0.8)
        for d in (0.004, 0.008)
    ]
    assert n[0] / n[1] == pytest.approx(4, rel=0.05)


@pytest.mark.parametrize("k, published", [(2, 0.083), (5, 0.142), (10, 0.193)])
def test_peeking_rate_matches_the_exact_gaussian_calculation(k, published):
    # Armitage, McPherson and Rowe (1969): repeated tests at nominal 0.05.
    assert crossing_probability(stats.norm.isf(0.025), k) == pytest.approx(published, abs=0.002)


def test_the_snippets_peeking_simulation_agrees_with_the_exact_rates(snippet):
    se = np.sqrt(0.15 * 0.85 / snippet["n_sims"])
    for k in (2, 5):
        exact = crossing_probability(stats.norm.isf(0.025), k)
        assert abs(snippet["peek_rate"][k - 1] - exact) < 4 * se


@pytest.mark.parametrize("k, published", [(2, 2.178), (5, 2.413)])
def test_pocock_constant_matches_the_published_table(k, published, snippet):
    exact = optimize.brentq(lambda c: crossing_probability(c, k) - 0.05, 1.9, 3.0, xtol=1e-4)
    assert exact == pytest.approx(published, abs=0.002)
    assert snippet["pocock_constant"](k) == pytest.approx(exact, abs=0.02)  # the snippet's simulation


@pytest.mark.parametrize("seed", range(3))
def test_peeking_inflates_and_bonferroni_over_looks_controls_it_for_other_seeds(seed):
    rng = np.random.default_rng(100 + seed)
    sims, days, daily, rate = 10_000, 10, 500, 0.2
    conv = rng.binomial(daily, rate, size=(sims, days, 2)).cumsum(axis=1)
    n_seen = daily * np.arange(1, days + 1)
    a, b = conv[..., 0] / n_seen, conv[..., 1] / n_seen
    pooled = (a + b) / 2
    p = 2 * stats.norm.sf(np.abs(b - a) / np.sqrt(pooled * (1 - pooled) * 2 / n_seen))
    se = np.sqrt(0.05 * 0.95 / sims)
    assert abs(np.mean(p[:, -1] < 0.05) - 0.05) < 4 * se  # one look holds alpha
    assert np.mean((p < 0.05).any(axis=1)) > 0.15  # ten looks: about 0.19
    assert np.mean((p < 0.05 / days).any(axis=1)) <= 0.05 + 2 * se  # Bonferroni over looks


@pytest.mark.parametrize("seed", range(4))
def test_user_split_overstates_a_supply_constrained_market_but_not_an_unconstrained_one(seed):
    rng = np.random.default_rng(seed)
    buyers, days, q_c, q_t = 2_000, 56, 0.10, 0.12
    for supply, constrained in ((215, True), (10_000, False)):
        k = np.arange(buyers + 1)
        sold = [np.sum(np.minimum(k, supply) * stats.binom.pmf(k, buyers, q)) for q in (q_t, q_c)]
        truth = (sold[0] - sold[1]) / buyers
        want_t = rng.binomial(buyers // 2, q_t, size=days)
        want_c = rng.binomial(buyers // 2, q_c, size=days)
        total = np.minimum(want_t + want_c, supply)
        sold_t = rng.hypergeometric(want_t, want_c, total)
        estimate = (2 * sold_t.sum() - total.sum()) / (days * buyers // 2)
        if constrained:
            assert estimate > 1.5 * truth
        else:  # no shared constraint, no interference: the A/B estimate is right
            assert truth == pytest.approx(q_t - q_c)
            assert abs(estimate - truth) < 4 * np.sqrt(2 * 0.11 * 0.89 / (days * buyers // 2))


def test_srm_check_rarely_fires_on_healthy_splits():
    rng = np.random.default_rng(0)
    n, reps = 100_000, 20_000
    a = rng.binomial(n, 0.5, size=reps)
    p = chisquare(np.stack([a, n - a]), axis=0).pvalue  # one goodness-of-fit test per experiment
    assert np.mean(p < 0.001) < 0.001 + 4 * np.sqrt(0.001 / reps)
    assert abs(np.mean(p < 0.05) - 0.05) < 4 * np.sqrt(0.05 * 0.95 / reps)


def test_a_small_imbalance_is_an_srm_at_scale():
    # 50.5 % against 49.5 %: noise with a thousand users, a broken experiment with a million.
    assert chisquare([505, 495]).pvalue > 0.5
    assert chisquare([505_000, 495_000]).pvalue < 1e-20


def test_a_longer_test_shrinks_the_novelty_bias():
    days = np.arange(56)
    lift = 0.005 + 0.02 * np.exp(-days / 3)
    two_weeks, eight_weeks = lift[:14].mean(), lift.mean()
    assert two_weeks > 1.8 * 0.005 and eight_weeks < 1.3 * 0.005
    assert lift[28:].mean() == pytest.approx(0.005, rel=0.01)  # dropping the early days works too
