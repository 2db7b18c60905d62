"""Claims of coding/roc_auc_from_scratch.md checked beyond the candidate's tests."""

import numpy as np
import pytest
from scipy.stats import mannwhitneyu, rankdata
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import roc_auc_score

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("roc_auc_from_scratch")


def sample(seed, n, decimals=None):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < rng.uniform(0.1, 0.9)).astype(int)
    y[:2] = [0, 1]  # both classes
    scores = 0.7 * y + rng.normal(size=n)
    return y, scores if decimals is None else np.round(scores, decimals)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("decimals", [None, 2, 1, 0])
def test_the_rank_version_agrees_with_counting_pairs(ns, seed, decimals):
    y, scores = sample(seed, 300 + 50 * seed, decimals)
    assert ns["auc_rank"](y, scores) == pytest.approx(ns["auc_pairs"](y, scores), abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_auc_is_mann_whitney_u_over_the_number_of_pairs(ns, seed):
    y, scores = sample(seed, 400, decimals=1)
    pos, neg = scores[y == 1], scores[y == 0]
    u = mannwhitneyu(pos, neg).statistic  # U of the first sample: R_pos - n_pos(n_pos+1)/2
    assert ns["auc_rank"](y, scores) == pytest.approx(u / (len(pos) * len(neg)), abs=1e-12)
    r = rankdata(scores, method="average")  # the ranks the page builds with np.unique
    u_by_hand = r[y == 1].sum() - len(pos) * (len(pos) + 1) / 2
    assert u_by_hand == pytest.approx(u)


def test_installed_scikit_learn_warns_and_returns_nan_for_a_single_class(ns):
    with pytest.warns(UndefinedMetricWarning, match="Only one class"):
        assert np.isnan(roc_auc_score([1, 1, 1], [0.2, 0.5, 0.9]))
    with pytest.raises(ValueError):
        ns["auc_rank"](np.array([1, 1, 1]), np.array([0.2, 0.5, 0.9]))


@pytest.mark.parametrize("seed", range(3))
def test_only_the_order_of_the_scores_matters(ns, seed):
    y, scores = sample(seed, 200, decimals=1)
    auc = ns["auc_rank"](y, scores)
    assert ns["auc_rank"](y, np.exp(3 * scores) + 5) == pytest.approx(auc, abs=1e-12)
    assert ns["auc_rank"](y, -scores) == pytest.approx(1 - auc, abs=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_weighted_auc_weights_each_pair_by_the_product_of_weights(seed):
    rng = np.random.default_rng(seed)
    y, scores = sample(seed, 150, decimals=1)
    w = rng.uniform(0.1, 3.0, size=len(y))
    sp, sn, wp, wn = scores[y == 1], scores[y == 0], w[y == 1], w[y == 0]
    pair_w = wp[:, None] * wn[None, :]
    wins = (pair_w * ((sp[:, None] > sn[None, :]) + 0.5 * (sp[:, None] == sn[None, :]))).sum()
    assert wins / pair_w.sum() == pytest.approx(roc_auc_score(y, scores, sample_weight=w), abs=1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_histograms_per_class_give_the_auc_of_the_binned_scores(ns, seed):
    y, scores = sample(seed, 5000)
    edges = np.linspace(scores.min(), scores.max(), 65)
    bins = np.clip(np.digitize(scores, edges[1:-1]), 0, 63)  # 64 bins
    pos = np.bincount(bins[y == 1], minlength=64)
    neg = np.bincount(bins[y == 0], minlength=64)
    neg_below = np.cumsum(neg) - neg  # negatives in lower bins
    auc_hist = (pos * (neg_below + 0.5 * neg)).sum() / (pos.sum() * neg.sum())
    assert auc_hist == pytest.approx(ns["auc_rank"](y, bins.astype(float)), abs=1e-12)
    assert abs(auc_hist - ns["auc_rank"](y, scores)) < 0.01  # 64 bins lose little


def test_one_vs_rest_macro_auc_is_the_mean_of_per_class_aucs(ns):
    rng = np.random.default_rng(0)
    n, k = 600, 3
    y = rng.integers(0, k, size=n)
    logits = rng.normal(size=(n, k)) + 1.5 * np.eye(k)[y]
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    per_class = [ns["auc_rank"]((y == c).astype(int), p[:, c]) for c in range(k)]
    assert np.mean(per_class) == pytest.approx(roc_auc_score(y, p, multi_class="ovr"), abs=1e-12)


def test_the_examples_and_the_figure_data(ns):
    y = np.array([0, 0, 1, 1, 0, 1])
    s = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.4])
    assert ns["auc_pairs"](y, s) == pytest.approx(6 / 9)  # (1 + 3 + 2) pairs of 9
    assert ns["auc_pairs"](y, s) == pytest.approx(roc_auc_score(y, s))
    from scripts.figures.roc_auc_from_scratch import labels, scores

    assert ns["auc_rank"](labels, scores) == pytest.approx(18.5 / 25)
    assert ns["auc_rank"](labels, scores) == pytest.approx(roc_auc_score(labels, scores))
