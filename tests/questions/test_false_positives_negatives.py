"""Claims of evaluation/false_positives_negatives.md checked beyond the snippet's one sample."""

import numpy as np
import pytest
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, make_scorer
from sklearn.model_selection import TunedThresholdClassifierCV

GRID = np.round(np.arange(0.01, 1.0, 0.01), 2)


def sample(n, seed, prevalence=0.3, shift=2.0):
    """Scores N(0, 1) / N(shift, 1) and their exact (calibrated) probability P(y=1 | score)."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < prevalence).astype(int)
    s = rng.normal(shift * y, 1.0)
    p = expit(np.log(prevalence / (1 - prevalence)) + shift * s - shift**2 / 2)
    return s, y, p


def empirical_costs(p, y, c_fp, c_fn):
    flagged = p[None, :] >= GRID[:, None]
    fp = (flagged & (y == 0)).sum(axis=1)
    fn = (~flagged & (y == 1)).sum(axis=1)
    return c_fp * fp + c_fn * fn


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("c_fp, c_fn", [(1, 1), (1, 4), (3, 1), (1, 19)])
def test_best_empirical_threshold_is_near_the_bayes_threshold(seed, c_fp, c_fn):
    _, y, p = sample(40_000, seed)
    best = GRID[empirical_costs(p, y, c_fp, c_fn).argmin()]
    assert best == pytest.approx(c_fp / (c_fp + c_fn), abs=0.04)


@pytest.mark.parametrize("c_fp, c_fn", [(1, 1), (2, 7), (10, 1)])
def test_bayes_threshold_minimizes_expected_cost_for_any_probabilities(c_fp, c_fn):
    # Expected cost given the probabilities themselves: no sampling noise at all.
    p = np.random.default_rng(0).random(5_000)
    grid = np.linspace(0, 1, 2001)

    def expected(t):
        flag = p >= t
        return np.sum(np.where(flag, (1 - p) * c_fp, p * c_fn))

    t_star = c_fp / (c_fp + c_fn)
    assert expected(t_star) <= min(expected(t) for t in grid) + 1e-9


@pytest.mark.parametrize("seed", range(3))
def test_raising_the_threshold_trades_false_positives_for_false_negatives(seed):
    _, y, p = sample(5_000, seed)
    flagged = p[None, :] >= GRID[:, None]
    fp = (flagged & (y == 0)).sum(axis=1)
    fn = (~flagged & (y == 1)).sum(axis=1)
    assert np.all(np.diff(fp) <= 0) and np.all(np.diff(fn) >= 0)
    assert fp[0] > fp[-1] and fn[0] < fn[-1]


def test_calling_the_other_class_positive_swaps_fp_and_fn():
    _, y, p = sample(2_000, 0)
    pred = (p >= 0.5).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    tn_r, fp_r, fn_r, tp_r = confusion_matrix(y, pred, labels=[1, 0]).ravel()  # 0 is "positive"
    assert (fp_r, fn_r, tp_r, tn_r) == (fn, fp, tn, tp)


def test_t_star_does_not_apply_to_reweighted_probabilities():
    # class_weight="balanced" shifts the probabilities upward for the minority class:
    # with equal costs, the best threshold on them is no longer 0.5.
    s, y, _ = sample(10_000, 0)
    s_test, y_test, _ = sample(20_000, 1)
    X, X_test = s.reshape(-1, 1), s_test.reshape(-1, 1)
    plain = LogisticRegression().fit(X, y).predict_proba(X_test)[:, 1]
    balanced = LogisticRegression(class_weight="balanced").fit(X, y).predict_proba(X_test)[:, 1]
    assert GRID[empirical_costs(plain, y_test, 1, 1).argmin()] == pytest.approx(0.5, abs=0.04)
    assert GRID[empirical_costs(balanced, y_test, 1, 1).argmin()] > 0.6


def test_tuned_threshold_classifier_finds_the_cost_optimal_threshold():
    s, y, _ = sample(3_000, 0)

    def cost(y_true, y_pred):
        tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
        return 1 * fp + 4 * fn

    tuned = TunedThresholdClassifierCV(
        LogisticRegression(),
        scoring=make_scorer(cost, greater_is_better=False),
        thresholds=GRID,
        cv=3,
    ).fit(s.reshape(-1, 1), y)
    assert tuned.best_threshold_ == pytest.approx(1 / 5, abs=0.08)


@pytest.mark.parametrize("prevalence", [0.001, 0.01, 0.2])
def test_share_of_real_positives_among_flags_follows_bayes_rule(prevalence):
    # Simulated screening: fixed sensitivity and specificity, varying prevalence.
    rng = np.random.default_rng(0)
    sensitivity, specificity, n = 0.99, 0.99, 2_000_000
    ill = rng.random(n) < prevalence
    flagged = np.where(ill, rng.random(n) < sensitivity, rng.random(n) < 1 - specificity)
    counted = ill[flagged].mean()
    bayes = sensitivity * prevalence / (sensitivity * prevalence + (1 - specificity) * (1 - prevalence))
    assert counted == pytest.approx(bayes, abs=0.01)


def test_rare_disease_makes_most_positive_results_false_alarms():
    bayes = [0.99 * p / (0.99 * p + 0.01 * (1 - p)) for p in (0.2, 0.01, 0.001)]
    assert bayes[0] > bayes[1] > bayes[2] and bayes[2] < 0.1
