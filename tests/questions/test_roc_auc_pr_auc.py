"""Claims of evaluation/roc_auc_pr_auc.md checked beyond the one dataset its snippet uses."""

import warnings

import numpy as np
import pytest
from scipy.stats import mannwhitneyu, somersd
from sklearn.metrics import (
    auc,
    average_precision_score,
    brier_score_loss,
    precision_recall_curve,
    roc_auc_score,
)


def scored(seed, n=3000, prevalence=0.3, shift=1.0, decimals=None):
    """Labels and noisy scores; rounding the scores creates ties."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < prevalence).astype(int)
    s = shift * y + rng.normal(size=n)
    return y, (s.round(decimals) if decimals is not None else s)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("decimals", [None, 1, 0])
def test_roc_auc_is_the_share_of_correctly_ordered_pairs_with_ties_as_half(seed, decimals):
    y, s = scored(seed, n=1500, decimals=decimals)
    pos, neg = s[y == 1], s[y == 0]
    pairs = (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()
    assert roc_auc_score(y, s) == pytest.approx(pairs)
    if decimals == 0:  # coarse scores: counting ties as wins would overstate the AUC
        assert (pos[:, None] >= neg[None, :]).mean() > roc_auc_score(y, s) + 0.02


@pytest.mark.parametrize("seed", range(3))
def test_roc_auc_is_mann_whitney_u_over_the_number_of_pairs(seed):
    y, s = scored(seed, decimals=1)
    u = mannwhitneyu(s[y == 1], s[y == 0]).statistic
    assert u / ((y == 1).sum() * (y == 0).sum()) == pytest.approx(roc_auc_score(y, s))


@pytest.mark.parametrize("seed", range(3))
def test_an_auc_below_one_half_is_an_upside_down_ranking(seed):
    y, s = scored(seed)
    assert roc_auc_score(y, -s) == pytest.approx(1 - roc_auc_score(y, s))
    assert roc_auc_score(y, -s) < 0.5


@pytest.mark.parametrize("seed", range(5))
def test_dropping_negatives_at_random_keeps_roc_auc_and_raises_ap(seed):
    # The rebalancing of the second quiz: 1 % positives to 50 % by dropping negatives at random.
    y, s = scored(seed, n=60_000, prevalence=0.01, shift=2.0)
    rng = np.random.default_rng(100 + seed)
    neg = np.flatnonzero(y == 0)
    kept = np.r_[np.flatnonzero(y == 1), rng.choice(neg, (y == 1).sum(), replace=False)]
    assert roc_auc_score(y[kept], s[kept]) == pytest.approx(roc_auc_score(y, s), abs=0.02)
    assert average_precision_score(y[kept], s[kept]) > average_precision_score(y, s) + 0.3


@pytest.mark.parametrize("prevalence", [0.3, 0.05, 0.01])
def test_random_scores_have_roc_auc_one_half_and_ap_equal_to_the_prevalence(prevalence):
    rng = np.random.default_rng(7)
    y = (rng.random(100_000) < prevalence).astype(int)
    s = rng.random(y.size)
    assert roc_auc_score(y, s) == pytest.approx(0.5, abs=0.015)
    assert average_precision_score(y, s) == pytest.approx(y.mean(), rel=0.1)


@pytest.mark.parametrize(
    "transform",
    [lambda p: p**3, lambda p: np.log(p / (1 - p)), lambda p: 0.45 + 0.1 * p, np.sqrt],
    ids=["cube", "logit", "squeeze", "sqrt"],
)
def test_both_areas_ignore_calibration_but_the_brier_score_does_not(transform):
    rng = np.random.default_rng(3)
    p = rng.uniform(0.01, 0.99, 5000)
    y = (rng.random(p.size) < p).astype(int)  # p is calibrated by construction
    q = transform(p)
    assert roc_auc_score(y, q) == pytest.approx(roc_auc_score(y, p))
    assert average_precision_score(y, q) == pytest.approx(average_precision_score(y, p))
    if q.min() >= 0 and q.max() <= 1:  # a probability: the Brier score sees the change
        assert brier_score_loss(y, q) > brier_score_loss(y, p)


@pytest.mark.parametrize("seed", range(4))
def test_a_cluster_of_look_alike_negatives_wins_roc_auc_and_loses_ap(seed):
    # The page's models A and B, with other random draws.
    rng = np.random.default_rng(seed)
    n_neg, n_pos = 20_000, 100
    y = np.r_[np.zeros(n_neg, int), np.ones(n_pos, int)]
    look_alike = np.arange(n_neg) < 400
    s_a = np.r_[np.where(look_alike, rng.normal(3, 0.5, n_neg), rng.normal(0, 1, n_neg)), rng.normal(2.5, 1, n_pos)]
    obvious = np.arange(n_pos) < n_pos // 2
    s_b = np.r_[rng.normal(0, 1, n_neg), np.where(obvious, rng.normal(5, 0.5, n_pos), rng.normal(0, 1, n_pos))]
    assert roc_auc_score(y, s_a) > roc_auc_score(y, s_b) + 0.1
    assert average_precision_score(y, s_b) > average_precision_score(y, s_a) + 0.2
    assert roc_auc_score(y, s_b, max_fpr=0.01) > roc_auc_score(y, s_a, max_fpr=0.01)


def test_standardised_partial_auc_is_one_half_for_chance_and_one_for_a_perfect_ranking():
    rng = np.random.default_rng(0)
    y = (rng.random(200_000) < 0.5).astype(int)
    assert roc_auc_score(y, rng.random(y.size), max_fpr=0.1) == pytest.approx(0.5, abs=0.02)
    assert roc_auc_score(y, y + 0.1 * rng.random(y.size), max_fpr=0.1) == pytest.approx(1.0)


def test_the_trapezoidal_pr_area_is_not_average_precision():
    y, s = scored(0, n=400, prevalence=0.1)
    precision, recall, _ = precision_recall_curve(y, s)
    assert abs(auc(recall, precision) - average_precision_score(y, s)) > 0.005


def test_roc_auc_of_a_slice_with_one_class_is_undefined():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = roc_auc_score([0, 0, 0], [0.2, 0.5, 0.9])
    assert np.isnan(value)
    assert any("Only one class" in str(w.message) for w in caught)


def test_precision_follows_the_prevalence_formula():
    # precision = pi TPR / (pi TPR + (1 - pi) FPR) at a fixed threshold, for two prevalences.
    rng = np.random.default_rng(1)
    for prevalence in (0.5, 0.02):
        y = (rng.random(400_000) < prevalence).astype(int)
        s = y + rng.normal(size=y.size)
        flagged = s > 1.0
        tpr, fpr = flagged[y == 1].mean(), flagged[y == 0].mean()
        expected = prevalence * tpr / (prevalence * tpr + (1 - prevalence) * fpr)
        assert y[flagged].mean() == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("seed", range(3))
def test_gini_is_two_auc_minus_one_and_somers_d_of_score_on_label(seed):
    y, s = scored(seed, n=800, decimals=1)  # ties included
    gini = 2 * roc_auc_score(y, s) - 1
    assert somersd(y, s).statistic == pytest.approx(gini)
    noise = np.random.default_rng(100 + seed).random(y.size)  # scores that ignore the label
    assert abs(2 * roc_auc_score(y, noise) - 1) < 0.1  # chance: a Gini of about 0


def test_one_vs_rest_auc_is_the_macro_mean_of_binary_aucs():
    rng = np.random.default_rng(4)
    y = rng.choice(3, size=3000, p=[0.6, 0.3, 0.1])
    logits = rng.normal(size=(y.size, 3)) + 1.5 * np.eye(3)[y]
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    per_class = [roc_auc_score(y == c, proba[:, c]) for c in range(3)]
    assert roc_auc_score(y, proba, multi_class="ovr") == pytest.approx(np.mean(per_class))
    with pytest.raises(ValueError):  # multi_class must be chosen explicitly
        roc_auc_score(y, proba)
