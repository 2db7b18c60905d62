"""Claims of the page monitoring_drift.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from scipy import stats
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def psi(reference, current, bins=10):
    """The page's PSI: deciles of the reference, shares clipped away from zero."""
    edges = np.quantile(reference, np.linspace(0, 1, bins + 1))[1:-1]
    ref = np.bincount(np.searchsorted(edges, reference), minlength=bins) / len(reference)
    cur = np.bincount(np.searchsorted(edges, current), minlength=bins) / len(current)
    ref, cur = np.clip(ref, 1e-4, None), np.clip(cur, 1e-4, None)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


@pytest.mark.parametrize("seed", range(5))
def test_psi_is_the_sum_of_the_two_kullback_leibler_divergences(seed):
    rng = np.random.default_rng(seed)
    e, a = rng.dirichlet(np.ones(10)), rng.dirichlet(np.ones(10))
    psi_value = np.sum((a - e) * np.log(a / e))
    assert np.isclose(psi_value, stats.entropy(a, e) + stats.entropy(e, a))


def label(rng, X, weights=(1.0, 1.0)):
    return (X @ np.array(weights) + rng.normal(0, 0.5, len(X)) > 0).astype(int)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_psi_and_ks_see_a_mean_shift_but_not_concept_drift_which_only_accuracy_sees(seed):
    rng = np.random.default_rng(seed)
    n = 5000
    X_ref = rng.normal(size=(n, 2))
    model = LogisticRegression().fit(X_ref, label(rng, X_ref))
    same, moved = rng.normal(size=(n, 2)), rng.normal(size=(n, 2))
    moved[:, 0] += 0.5
    assert psi(X_ref[:, 0], same[:, 0]) < 0.02 and stats.ks_2samp(X_ref[:, 0], same[:, 0]).statistic < 0.04
    assert psi(X_ref[:, 0], moved[:, 0]) > 0.18 and stats.ks_2samp(X_ref[:, 0], moved[:, 0]).statistic > 0.15
    concept = rng.normal(size=(n, 2))
    y_new = label(rng, concept, weights=(1.0, -0.5))
    assert max(psi(X_ref[:, j], concept[:, j]) for j in range(2)) < 0.02
    assert model.score(same, label(rng, same)) - model.score(concept, y_new) > 0.2


@pytest.mark.parametrize("delta", [0.2, 0.5, 1.0])
def test_the_ks_statistic_of_a_normal_mean_shift_is_the_largest_cdf_gap(delta):
    # For N(0, 1) against N(delta, 1) the CDFs differ most at delta / 2: D = 2 Phi(delta / 2) - 1.
    rng = np.random.default_rng(0)
    d = stats.ks_2samp(rng.normal(size=200_000), rng.normal(delta, 1, size=200_000)).statistic
    assert abs(d - (2 * stats.norm.cdf(delta / 2) - 1)) < 0.01


def test_a_tiny_shift_is_insignificant_in_small_samples_and_significant_in_large_ones():
    small, large = [], []
    for seed in range(20):
        rng = np.random.default_rng(seed)
        small.append(stats.ks_2samp(rng.normal(size=100), rng.normal(0.05, 1, size=100)).pvalue)
    for seed in range(3):
        rng = np.random.default_rng(seed)
        large.append(stats.ks_2samp(rng.normal(size=100_000), rng.normal(0.05, 1, size=100_000)).pvalue)
    assert np.mean(np.array(small) > 0.05) > 0.85
    assert max(large) < 1e-6


@pytest.mark.parametrize("seed", [1, 2])
def test_adversarial_validation_auc_is_chance_without_shift_and_above_it_with_one(seed):
    rng = np.random.default_rng(seed)
    n = 3000
    detector = make_pipeline(PolynomialFeatures(2), StandardScaler(), LogisticRegression())
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    is_prod = np.r_[np.zeros(n), np.ones(n)]
    auc = {}
    for name, shift in (("none", 0.0), ("mean", 0.5)):
        current = rng.normal(size=(n, 2))
        current[:, 0] += shift
        rows = np.vstack([rng.normal(size=(n, 2)), current])
        p = cross_val_predict(detector, rows, is_prod, cv=folds, method="predict_proba")[:, 1]
        auc[name] = roc_auc_score(is_prod, p)
    assert abs(auc["none"] - 0.5) < 0.04 and auc["mean"] > 0.6


def test_the_label_budget_gives_80_percent_power_for_a_one_point_accuracy_drop():
    # The page's 14,751 rows per window, checked by simulating the two-proportion z-test.
    n, p1, p2 = 14_751, 0.90, 0.89
    rng = np.random.default_rng(0)
    a, b = rng.binomial(n, p1, 40_000) / n, rng.binomial(n, p2, 40_000) / n
    pooled = (a + b) / 2
    z = (a - b) / np.sqrt(2 * pooled * (1 - pooled) / n)
    power = np.mean(np.abs(z) > stats.norm.ppf(0.975))
    assert 0.78 < power < 0.82


@pytest.mark.parametrize("bins, m", [(5, 200), (10, 1000), (20, 2000)])
def test_psi_without_shift_is_a_scaled_chi_squared_so_its_noise_depends_on_bins_and_size(bins, m):
    # Yurdakul (2018): with no shift, PSI ~ (1/n + 1/m) chi2(bins - 1); n = m here.
    rng = np.random.default_rng(bins)
    null = np.array([psi(rng.normal(size=m), rng.normal(size=m), bins) for _ in range(600)])
    scale = 2 / m
    assert abs(null.mean() / (scale * (bins - 1)) - 1) < 0.12
    assert abs(np.quantile(null, 0.95) / (scale * stats.chi2.ppf(0.95, bins - 1)) - 1) < 0.15
