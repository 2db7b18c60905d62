"""Claims of evaluation/ranking_metrics.md checked beyond the queries its snippet uses."""

import contextlib
import io
import itertools
import runpy
import warnings
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import (
    average_precision_score,
    label_ranking_average_precision_score,
    ndcg_score,
)

SNIPPET = Path(__file__).resolve().parents[2] / "snippets" / "ranking_metrics.py"


@pytest.fixture(scope="module")
def m():
    """The page's hand-written metrics (the snippet's namespace)."""
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return runpy.run_path(str(SNIPPET))


def queries(seed, n_queries=50, n_items=12, grades=4):
    """Graded labels with at least one relevant item per query, and tie-free scores."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, grades, (n_queries, n_items)) * (rng.random((n_queries, n_items)) < 0.4)
    labels[:, 0] = np.maximum(labels[:, 0], 1)  # every query has a relevant item
    scores = labels + rng.normal(0, 1.5, labels.shape)
    return labels, scores


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("k", [1, 3, 5, None])
def test_hand_written_ndcg_matches_sklearn(m, seed, k):
    labels, scores = queries(seed)
    kk = k or labels.shape[1]
    mine = np.mean([m["ndcg_at_k"](m["ranked"](y, s), kk) for y, s in zip(labels, scores)])
    assert mine == pytest.approx(ndcg_score(labels, scores, k=k))


@pytest.mark.parametrize("seed", range(4))
def test_hand_written_ap_is_sklearn_average_precision_per_query_and_lrap(m, seed):
    labels, scores = queries(seed)
    binary = labels > 0
    aps = [m["average_precision"](m["ranked"](y, s)) for y, s in zip(labels, scores)]
    assert aps == pytest.approx([average_precision_score(b, s) for b, s in zip(binary, scores)])
    assert np.mean(aps) == pytest.approx(average_precision_score(binary, scores, average="samples"))
    assert np.mean(aps) == pytest.approx(label_ranking_average_precision_score(binary, scores))


@pytest.mark.parametrize("rank", [1, 2, 5, 9])
def test_with_one_relevant_item_ap_equals_the_reciprocal_rank(m, rank):
    rel = np.zeros(10)
    rel[rank - 1] = 2
    assert m["average_precision"](rel) == pytest.approx(1 / rank) == m["reciprocal_rank"](rel)


def test_binary_metrics_cannot_see_grades_but_ndcg_can(m):
    # The page's second quiz: swap a grade-3 and a grade-1 item at the top.
    before, after = np.array([3, 1, 0, 0, 2, 0]), np.array([1, 3, 0, 0, 2, 0])
    for metric in (lambda r: m["precision_at_k"](r, 2), m["average_precision"], m["reciprocal_rank"]):
        assert metric(before) == metric(after)
    assert m["ndcg_at_k"](after, 6) < m["ndcg_at_k"](before, 6)
    assert m["dcg_at_k"](after, 2) == pytest.approx(1 + 3 / np.log2(3))


@pytest.mark.parametrize("seed", range(3))
def test_ndcg_is_one_for_the_ideal_order_and_blind_to_order_within_a_grade(m, seed):
    rng = np.random.default_rng(seed)
    rel = rng.integers(0, 4, 15)
    ideal = np.sort(rel)[::-1]
    assert m["ndcg_at_k"](ideal, 5) == pytest.approx(1.0)
    # Any other order of equal labels is the same list of gains.
    shuffled = ideal.copy()
    for grade in np.unique(ideal):
        where = np.flatnonzero(ideal == grade)
        shuffled[where] = ideal[rng.permutation(where)]
    assert m["ndcg_at_k"](shuffled, 5) == pytest.approx(1.0)
    assert m["ndcg_at_k"](rel, 15) <= 1.0 + 1e-12


def test_ndcg_score_averages_over_the_orders_of_tied_items():
    labels = np.array([[3, 0, 1, 2, 0]])
    scores = np.array([[0.9, 0.9, 0.5, 0.5, 0.1]])  # two tied pairs
    tied_groups = [[0, 1], [2, 3], [4]]
    values = []
    for orders in itertools.product(*(itertools.permutations(g) for g in tied_groups)):
        order = np.concatenate(orders)
        fake = np.empty(5)
        fake[order] = np.arange(5, 0, -1)  # tie-free scores that produce this order
        values.append(ndcg_score(labels, fake[None, :], k=3))
    assert ndcg_score(labels, scores, k=3) == pytest.approx(np.mean(values))
    assert len(set(np.round(values, 9))) > 1  # the orders really differ


def test_queries_without_relevant_items(m):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert average_precision_score([0, 0, 0], [0.3, 0.2, 0.1]) == 0.0
    assert caught
    assert ndcg_score([[0, 0, 0]], [[0.3, 0.2, 0.1]]) == 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        assert np.isnan(m["recall_at_k"](np.zeros(5, dtype=int), 3))  # 0/0


def test_ndcg_at_k_normalises_by_the_ideal_top_k():
    rel = np.array([[1, 1, 1, 0, 1, 1, 1, 0]])
    scores = np.array([[8, 7, 6, 5, 4, 3, 2, 1]])
    assert ndcg_score(rel, scores, k=3) == pytest.approx(1.0)  # 6 relevant, top 3 perfect


@pytest.mark.parametrize("n_relevant", [1, 3, 10, 14])
def test_precision_at_k_has_a_ceiling_of_min_r_k_over_k(m, n_relevant):
    rel = np.r_[np.ones(n_relevant), np.zeros(20 - n_relevant)]  # the best possible order
    assert m["precision_at_k"](rel, 10) == pytest.approx(min(n_relevant, 10) / 10)


@pytest.mark.parametrize("seed", range(3))
def test_recall_at_k_never_falls_as_k_grows(m, seed):
    labels, scores = queries(seed, n_queries=10)
    for y, s in zip(labels, scores):
        r = m["ranked"](y, s)
        recalls = [m["recall_at_k"](r, k) for k in range(1, r.size + 1)]
        assert all(b >= a for a, b in zip(recalls, recalls[1:])) and recalls[-1] == 1.0


def test_pooled_recall_weights_queries_by_their_number_of_relevant_items(m):
    # One query with 1 relevant item found, one with 9 relevant items of which 1 found.
    a = np.r_[1, np.zeros(9)]
    b = np.r_[1, np.zeros(4), np.ones(8)]
    mean_recall = np.mean([m["recall_at_k"](a, 5), m["recall_at_k"](b, 5)])
    pooled = (1 + 1) / (1 + 9)
    assert mean_recall == pytest.approx((1 + 1 / 9) / 2) and pooled < mean_recall


@pytest.mark.parametrize("seed", range(3))
def test_with_one_held_out_item_per_user_hit_rate_at_k_is_recall_at_k(m, seed):
    rng = np.random.default_rng(seed)
    labels = np.zeros((200, 30), dtype=int)
    labels[np.arange(200), rng.integers(0, 30, 200)] = 1  # one relevant item per user
    scores = labels + rng.normal(0, 1, labels.shape)
    lists = [m["ranked"](y, s) for y, s in zip(labels, scores)]
    for k in (1, 5, 10):
        hit_rate = np.mean([r[:k].any() for r in lists])
        assert hit_rate == pytest.approx(np.mean([m["recall_at_k"](r, k) for r in lists]))
        assert 0 < hit_rate < 1


def test_sklearn_refuses_negative_labels_and_single_item_queries():
    with pytest.raises(ValueError):
        ndcg_score([[1, -1, 0]], [[0.3, 0.2, 0.1]])
    with pytest.raises(ValueError):
        ndcg_score([[1]], [[0.3]])


@pytest.mark.parametrize("seed", range(3))
def test_exponential_gain_is_ndcg_score_of_two_to_the_label_minus_one(m, seed):
    # The variant 2^rel - 1: pass the transformed labels; a grade 3 is then worth seven grade 1s.
    labels, scores = queries(seed)
    mine = np.mean([m["ndcg_at_k"](2.0 ** m["ranked"](y, s) - 1, 5) for y, s in zip(labels, scores)])
    assert ndcg_score(2**labels - 1, scores, k=5) == pytest.approx(mine)
    assert (2**3 - 1) / (2**1 - 1) == 7
    assert ndcg_score(2**labels - 1, scores, k=5) != pytest.approx(ndcg_score(labels, scores, k=5))
