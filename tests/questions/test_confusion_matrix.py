"""Claims of evaluation/confusion_matrix.md checked beyond the datasets its snippet uses."""

import numpy as np
import pytest
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    confusion_matrix,
    f1_score,
    matthews_corrcoef,
    recall_score,
)


def _random_labels(seed, n=400, k=2):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    pred = np.where(rng.random(n) < 0.7, y, rng.integers(0, k, n))  # right about 70 % + luck
    return y, pred


@pytest.mark.parametrize("seed", range(3))
def test_rows_are_true_labels_and_columns_predictions(seed):
    y, pred = _random_labels(seed, k=4)
    cm = confusion_matrix(y, pred)
    for i in range(4):
        for j in range(4):
            assert cm[i, j] == np.sum((y == i) & (pred == j))
    # Swapping the arguments gives the transpose: the "predicted in rows" layout of some textbooks.
    assert np.array_equal(confusion_matrix(pred, y), cm.T)


def test_ravel_needs_labels_when_a_class_is_missing():
    y, pred = [0, 0, 0], [0, 0, 0]
    with pytest.warns(UserWarning, match="labels"):
        assert confusion_matrix(y, pred).shape == (1, 1)  # ravel() gives one number, not four
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    assert (tn, fp, fn, tp) == (3, 0, 0, 0)


@pytest.mark.parametrize("seed", range(3))
def test_row_normalized_view_ignores_prevalence_but_column_view_does_not(seed):
    y, pred = _random_labels(seed)
    # Triple every negative: the classifier is the same, negatives are three times as common.
    more_neg = np.concatenate([np.flatnonzero(y == 0)] * 2)
    y3, pred3 = np.concatenate([y, y[more_neg]]), np.concatenate([pred, pred[more_neg]])
    assert np.allclose(confusion_matrix(y, pred, normalize="true"), confusion_matrix(y3, pred3, normalize="true"))
    by_col, by_col3 = (confusion_matrix(a, b, normalize="pred") for a, b in ((y, pred), (y3, pred3)))
    assert by_col3[1, 1] < by_col[1, 1] - 0.05  # precision falls when negatives are commoner


@pytest.mark.parametrize("seed", range(5))
def test_formulas_on_the_page_match_scikit_learn(seed):
    y, pred = _random_labels(seed)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel().astype(float)
    mcc = (tp * tn - fp * fn) / np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    assert mcc == pytest.approx(matthews_corrcoef(y, pred))
    assert 2 * tp / (2 * tp + fp + fn) == pytest.approx(f1_score(y, pred))
    tpr, tnr = tp / (tp + fn), tn / (tn + fp)
    assert (tpr + tnr) / 2 == pytest.approx(balanced_accuracy_score(y, pred))
    assert 1 - tnr == pytest.approx(fp / (fp + tn))  # FPR = 1 - specificity


@pytest.mark.parametrize("seed", range(3))
def test_mcc_is_symmetric_in_the_labels_but_f1_is_not(seed):
    y, pred = _random_labels(seed)
    y = np.where(np.arange(y.size) % 5 == 0, y, 0)  # make class 1 rarer, so the two F1s differ
    assert matthews_corrcoef(1 - y, 1 - pred) == pytest.approx(matthews_corrcoef(y, pred))
    assert abs(f1_score(y, pred, pos_label=0) - f1_score(y, pred, pos_label=1)) > 0.1


def test_balanced_accuracy_is_mean_per_class_recall_in_multiclass():
    y, pred = _random_labels(0, k=5)
    cm = confusion_matrix(y, pred)
    per_class = np.diag(cm) / cm.sum(axis=1)
    assert np.allclose(per_class, recall_score(y, pred, average=None))
    assert per_class.mean() == pytest.approx(balanced_accuracy_score(y, pred))


def test_a_constant_predictor_has_mcc_zero_and_balanced_accuracy_one_half():
    y = np.r_[np.zeros(95, int), np.ones(5, int)]
    pred = np.zeros(100, int)
    assert accuracy_score(y, pred) == 0.95
    assert matthews_corrcoef(y, pred) == 0.0
    assert balanced_accuracy_score(y, pred) == 0.5


@pytest.mark.parametrize("seed", range(3))
def test_mcc_is_the_pearson_correlation_of_the_0_1_labels(seed):
    y, pred = _random_labels(seed)
    assert np.corrcoef(y, pred)[0, 1] == pytest.approx(matthews_corrcoef(y, pred))


def test_confusion_matrix_at_thresholds_gives_the_matrix_of_every_threshold():
    from sklearn.metrics import confusion_matrix_at_thresholds

    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 300)
    score = y + rng.normal(0, 1, y.size)
    tns, fps, fns, tps, thresholds = confusion_matrix_at_thresholds(y, score)
    for i in (0, len(thresholds) // 2, len(thresholds) - 1):
        cells = confusion_matrix(y, (score >= thresholds[i]).astype(int), labels=[0, 1]).ravel()
        assert np.array_equal(cells, [tns[i], fps[i], fns[i], tps[i]])


@pytest.mark.parametrize("seed", range(3))
def test_scaling_costs_or_shifting_one_true_class_keeps_the_cheaper_matrix(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 500)
    score = y + rng.normal(0, 1, y.size)
    a, b = (confusion_matrix(y, (score >= t).astype(int), labels=[0, 1]) for t in (0.2, 0.8))
    cost = np.array([[0.0, 1.0], [5.0, 0.0]])
    shifted = 3 * cost + np.array([[2.0], [-1.0]])  # scale, then add a constant per true class (row)
    assert ((a * cost).sum() < (b * cost).sum()) == ((a * shifted).sum() < (b * shifted).sum())
    # The totals move by the same amount, because both matrices have the same row sums.
    assert (a * shifted).sum() - 3 * (a * cost).sum() == pytest.approx((b * shifted).sum() - 3 * (b * cost).sum())
