"""Claims of evaluation/f1_vs_accuracy.md checked beyond the snippet's one data set."""

import warnings

import numpy as np
import pytest
from scipy.special import expit
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    fbeta_score,
    precision_score,
    recall_score,
)


@pytest.mark.parametrize("n_pos", [1, 10, 50])
def test_always_majority_has_accuracy_one_minus_rate_and_f1_exactly_zero(n_pos):
    y = np.r_[np.zeros(1000 - n_pos, int), np.ones(n_pos, int)]
    pred = np.zeros_like(y)
    assert accuracy_score(y, pred) == pytest.approx(1 - n_pos / 1000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # F1 = 0 / FN is well defined: no warning
        assert f1_score(y, pred) == 0.0
    with pytest.warns(UndefinedMetricWarning):  # precision = 0 / 0 is not
        precision_score(y, pred)


def test_zero_division_decides_f1_only_when_no_positive_exists_anywhere():
    y = pred = np.zeros(20, int)
    assert f1_score(y, pred, zero_division=1.0) == 1.0
    assert f1_score(y, pred, zero_division=0.0) == 0.0
    with pytest.warns(UndefinedMetricWarning):
        f1_score(y, pred)


def _random(seed, n=500):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    pred = np.where(rng.random(n) < 0.6, y, rng.integers(0, 2, n))
    return y, pred


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("beta", [0.3, 1.0, 2.0, 5.0])
def test_fbeta_formulas_match_scikit_learn(seed, beta):
    y, pred = _random(seed)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    p, r = tp / (tp + fp), tp / (tp + fn)
    b2 = beta**2
    by_rates = (1 + b2) * p * r / (b2 * p + r)
    by_counts = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp)
    assert by_rates == pytest.approx(fbeta_score(y, pred, beta=beta))
    assert by_counts == pytest.approx(fbeta_score(y, pred, beta=beta))


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("flag_rate", [0.1, 0.6])  # few flags: precision > recall; many: <
def test_fbeta_moves_from_precision_to_recall_as_beta_grows(seed, flag_rate):
    rng = np.random.default_rng(seed)
    y = (rng.random(500) < 0.3).astype(int)
    score = y + rng.normal(0, 0.8, y.size)
    pred = (score >= np.quantile(score, 1 - flag_rate)).astype(int)
    p, r = precision_score(y, pred), recall_score(y, pred)
    assert (p > r) == (flag_rate < 0.3)
    betas = np.geomspace(0.01, 100, 9)
    f = np.array([fbeta_score(y, pred, beta=b) for b in betas])
    assert f[0] == pytest.approx(p, abs=1e-3) and f[-1] == pytest.approx(r, abs=1e-3)
    steps = np.diff(f)
    assert np.all(steps < 0) if p > r else np.all(steps > 0)


@pytest.mark.parametrize("seed", range(4))
def test_f1_ignores_true_negatives_and_accuracy_does_not(seed):
    y, pred = _random(seed)
    y2, pred2 = np.r_[y, np.zeros(5000, int)], np.r_[pred, np.zeros(5000, int)]
    assert f1_score(y2, pred2) == f1_score(y, pred)
    assert accuracy_score(y2, pred2) > accuracy_score(y, pred) + 0.1


@pytest.mark.parametrize("seed", range(4))
def test_f1_depends_on_which_class_is_positive(seed):
    y, pred = _random(seed)
    assert abs(f1_score(y, pred, pos_label=1) - f1_score(y, pred, pos_label=0)) > 0.05


@pytest.mark.parametrize("seed", range(3))
def test_accuracy_and_f1_formulas_against_a_simulated_classifier(seed):
    tpr, fpr, rate = 0.8, 0.05, 0.03
    rng = np.random.default_rng(seed)
    y = (rng.random(100_000) < rate).astype(int)
    pred = np.where(y == 1, rng.random(y.size) < tpr, rng.random(y.size) < fpr).astype(int)
    tp, fn, fp, tn = rate * tpr, rate * (1 - tpr), (1 - rate) * fpr, (1 - rate) * (1 - fpr)
    assert accuracy_score(y, pred) == pytest.approx(tp + tn, abs=0.005)
    assert f1_score(y, pred) == pytest.approx(2 * tp / (2 * tp + fp + fn), abs=0.03)


def test_always_negative_is_more_accurate_exactly_when_fp_exceeds_tp():
    rng = np.random.default_rng(0)
    for _ in range(300):
        tp, fp, fn, tn = rng.integers(0, 50, 4)
        n = tp + fp + fn + tn
        if n == 0 or tp + fn > fp + tn:  # keep negatives the majority class
            continue
        model_acc, always_negative_acc = (tp + tn) / n, (fp + tn) / n
        assert (always_negative_acc > model_acc) == (fp > tp)


@pytest.mark.parametrize("prevalence, shift", [(0.3, 2.0), (0.05, 2.0), (0.02, 3.0)])
def test_f1_optimal_threshold_is_about_half_the_best_f1_for_calibrated_probabilities(prevalence, shift):
    rng = np.random.default_rng(0)
    y = (rng.random(100_000) < prevalence).astype(int)
    s = rng.normal(shift * y, 1.0)
    p = expit(np.log(prevalence / (1 - prevalence)) + shift * s - shift**2 / 2)  # calibrated
    grid = np.linspace(0.01, 0.99, 99)
    flagged = p[None, :] >= grid[:, None]
    tp = (flagged & (y == 1)).sum(axis=1)
    f1 = 2 * tp / (flagged.sum(axis=1) + y.sum())  # 2TP / (2TP + FP + FN)
    assert grid[f1.argmax()] == pytest.approx(f1.max() / 2, abs=0.04)
    assert grid[f1.argmax()] < 0.5


@pytest.mark.parametrize("seed", range(4))
def test_on_a_fixed_test_set_f1_gains_more_from_a_fixed_miss_than_from_a_fixed_false_alarm(seed):
    y, pred = _random(seed)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    assert 1 - accuracy_score(y, pred) == pytest.approx((fp + fn) / y.size)
    assert 1 - f1_score(y, pred) == pytest.approx((fp + fn) / (2 * tp + fp + fn))
    fp_fixed, fn_fixed = pred.copy(), pred.copy()
    fp_fixed[np.flatnonzero((y == 0) & (pred == 1))[0]] = 0  # a false alarm becomes a TN
    fn_fixed[np.flatnonzero((y == 1) & (pred == 0))[0]] = 1  # a miss becomes a TP
    # Accuracy: every fixed error is worth 1 / N.
    assert accuracy_score(y, fp_fixed) == pytest.approx(accuracy_score(y, fn_fixed))
    # F1: the fixed miss is worth about (TP + FP + FN) / TP fixed false alarms.
    gain_fp = f1_score(y, fp_fixed) - f1_score(y, pred)
    gain_fn = f1_score(y, fn_fixed) - f1_score(y, pred)
    assert gain_fn > gain_fp > 0
    assert gain_fn / gain_fp == pytest.approx((tp + fp + fn) / tp, rel=0.05)


@pytest.mark.parametrize("prevalence, shift", [(0.3, 2.0), (0.05, 2.0)])
def test_the_f1_best_threshold_is_the_cost_threshold_of_an_implicit_cost_ratio(prevalence, shift):
    # With calibrated probabilities, maximizing F1 picks the same threshold as minimizing
    # cost when a miss costs 2 / F1* - 1 false alarms (F1* = the best F1).
    rng = np.random.default_rng(1)
    y = (rng.random(100_000) < prevalence).astype(int)
    s = rng.normal(shift * y, 1.0)
    p = expit(np.log(prevalence / (1 - prevalence)) + shift * s - shift**2 / 2)  # calibrated
    grid = np.linspace(0.01, 0.99, 99)
    flagged = p[None, :] >= grid[:, None]
    tp = (flagged & (y == 1)).sum(axis=1)
    fp, fn = flagged.sum(axis=1) - tp, y.sum() - tp
    f1 = 2 * tp / (2 * tp + fp + fn)
    c_fn = 2 / f1.max() - 1  # cost of a miss, in false alarms
    assert c_fn > 1  # misses are priced above false alarms whenever F1* < 1
    assert grid[(fp + c_fn * fn).argmin()] == pytest.approx(grid[f1.argmax()], abs=0.04)


@pytest.mark.parametrize("beta", [0.25, 0.5, 2.0, 4.0])
@pytest.mark.parametrize("precision", [0.1, 0.2])
def test_beta_is_the_recall_to_precision_ratio_where_both_gains_are_worth_the_same(beta, precision):
    def f(p, r):
        return (1 + beta**2) * p * r / (beta**2 * p + r)

    p, r, h = precision, precision * beta, 1e-6
    d_p = (f(p + h, r) - f(p - h, r)) / (2 * h)
    d_r = (f(p, r + h) - f(p, r - h)) / (2 * h)
    assert d_p == pytest.approx(d_r, rel=1e-5)
    # Away from R = beta * P the two gains differ.
    d_p2 = (f(p + h, 2 * r) - f(p - h, 2 * r)) / (2 * h)
    d_r2 = (f(p, 2 * r + h) - f(p, 2 * r - h)) / (2 * h)
    assert d_p2 != pytest.approx(d_r2, rel=1e-2)


@pytest.mark.parametrize("seed", range(3))
def test_macro_weighted_and_micro_f1_are_the_averages_the_page_describes(seed):
    rng = np.random.default_rng(seed)
    y = rng.choice(3, size=2_000, p=[0.8, 0.15, 0.05])
    pred = np.where(rng.random(y.size) < 0.7, y, rng.integers(0, 3, y.size))
    per_class = f1_score(y, pred, average=None)
    assert f1_score(y, pred, average="macro") == pytest.approx(per_class.mean())
    assert f1_score(y, pred, average="weighted") == pytest.approx(np.average(per_class, weights=np.bincount(y)))
    assert f1_score(y, pred, average="micro") == pytest.approx(accuracy_score(y, pred))
