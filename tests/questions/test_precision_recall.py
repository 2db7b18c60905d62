"""Claims of evaluation/precision_recall.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, precision_score, recall_score


@pytest.mark.parametrize("seed", range(5))
def test_recall_never_falls_when_the_threshold_drops(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 500)
    scores = rng.random(500) * 0.6 + 0.4 * y
    thresholds = np.linspace(0.99, 0.01, 50)  # falling
    recalls = [recall_score(y, (scores >= t).astype(int)) for t in thresholds]
    assert all(b >= a for a, b in zip(recalls, recalls[1:]))


def test_precision_is_not_monotone_in_the_threshold():
    # Scores that interleave classes: flagging more rows can raise precision again.
    y = np.array([0, 1, 1, 0, 1])
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    p = [precision_score(y, (scores >= t).astype(int)) for t in (0.85, 0.75, 0.65, 0.55, 0.45)]
    assert any(b > a for a, b in zip(p, p[1:])) and any(b < a for a, b in zip(p, p[1:]))


@pytest.mark.parametrize("rate", [0.05, 0.2, 0.5])
def test_random_scores_have_average_precision_near_the_positive_rate(rate):
    rng = np.random.default_rng(0)
    y = (rng.random(20_000) < rate).astype(int)
    ap = average_precision_score(y, rng.random(y.size))
    assert ap == pytest.approx(y.mean(), abs=0.02)


def test_precision_depends_on_the_positive_rate_but_recall_does_not():
    X, y = make_classification(
        n_samples=4000, n_features=6, n_informative=2, n_redundant=0, class_sep=0.5, random_state=1
    )
    model = LogisticRegression().fit(X[:2000], y[:2000])
    Xt, yt = X[2000:], y[2000:]
    keep_all = np.ones(yt.size, bool)
    # Same model, test set with three in four negatives dropped: positives become more common.
    fewer_negatives = (yt == 1) | (np.arange(yt.size) % 4 == 0)
    pred = model.predict(Xt)
    recall_all = recall_score(yt[keep_all], pred[keep_all])
    recall_sub = recall_score(yt[fewer_negatives], pred[fewer_negatives])
    precision_all = precision_score(yt[keep_all], pred[keep_all])
    precision_sub = precision_score(yt[fewer_negatives], pred[fewer_negatives])
    assert recall_sub == recall_all
    assert precision_sub > precision_all + 0.05


def test_precision_of_an_empty_prediction_is_what_zero_division_says():
    y, pred = [1, 0, 1], [0, 0, 0]
    assert precision_score(y, pred, zero_division=0.0) == 0.0
    assert precision_score(y, pred, zero_division=1.0) == 1.0
    with pytest.warns(Warning):
        precision_score(y, pred)


def test_micro_precision_equals_accuracy_for_single_label_multiclass():
    rng = np.random.default_rng(0)
    y, pred = rng.integers(0, 4, 300), rng.integers(0, 4, 300)
    assert precision_score(y, pred, average="micro") == pytest.approx(accuracy_score(y, pred))


@pytest.mark.parametrize("copies", [2, 10])
def test_more_negatives_of_the_same_kind_leave_roc_auc_but_lower_ap(copies):
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(copies)
    y = (rng.random(2_000) < 0.2).astype(int)
    s = y + rng.normal(0, 1, y.size)
    neg = y == 0
    y_k = np.r_[y, np.zeros((copies - 1) * neg.sum(), int)]
    s_k = np.r_[s, np.tile(s[neg], copies - 1)]
    assert roc_auc_score(y_k, s_k) == pytest.approx(roc_auc_score(y, s))
    assert average_precision_score(y_k, s_k) < average_precision_score(y, s) - 0.05


def test_roc_auc_is_the_chance_a_positive_outranks_a_negative():
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    s = np.round(y + rng.normal(0, 1, y.size), 1)  # rounded, so some scores tie
    pos, neg = s[y == 1], s[y == 0]
    pairs = (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()
    assert roc_auc_score(y, s) == pytest.approx(pairs)
