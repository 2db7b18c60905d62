"""Claims of the page system-design/recommender_system.md checked beyond the one dataset its snippet uses."""

import contextlib
import io
import runpy

import numpy as np
import pytest
from scipy import sparse
from sklearn.decomposition import TruncatedSVD

from scripts.paths import SNIPPETS


@pytest.fixture(scope="module")
def ns():
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / "recommender_system.py"), run_name="__main__")


def planted(seed, n_users=1_200, n_items=300, n_groups=8):
    """The snippet's world (taste groups, power-law popularity, a fifth held out), with another seed and size."""
    rng = np.random.default_rng(seed)
    item_group = rng.integers(0, n_groups, n_items)
    user_group = rng.integers(0, n_groups, n_users)
    popularity = rng.permutation(1 / np.arange(1, n_items + 1) ** 0.7)
    weights = np.where(user_group[:, None] == item_group[None, :], 1.0, 0.05) * popularity
    n_seen = rng.integers(10, 40, n_users)
    picks = np.argsort(-(np.log(weights) + rng.gumbel(size=weights.shape)), axis=1)
    R = np.zeros((n_users, n_items))
    np.put_along_axis(R, picks, np.arange(n_items) < n_seen[:, None], axis=1)
    shuffled = np.argsort(np.where(R > 0, rng.random(R.shape), np.inf), axis=1)
    test = np.zeros_like(R)
    np.put_along_axis(test, shuffled, np.arange(n_items) < np.maximum(1, n_seen // 5)[:, None], axis=1)
    return R - test, test, n_groups


def recall_at(scores, train, test, k):
    scores = np.where(train > 0, -np.inf, scores)
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return np.mean(np.take_along_axis(test, top, axis=1).sum(axis=1) / test.sum(axis=1))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_factorisation_beats_popularity_at_every_k(seed):
    train, test, rank = planted(seed)
    X = sparse.csr_matrix(train)
    svd = TruncatedSVD(n_components=rank, random_state=0).fit(X)
    svd_scores = svd.transform(X) @ svd.components_
    pop_scores = np.tile(train.sum(axis=0), (train.shape[0], 1))
    for k in (10, 20, 50):
        assert recall_at(svd_scores, train, test, k) > recall_at(pop_scores, train, test, k) + 0.05


@pytest.mark.parametrize("seed", range(3))
def test_an_empty_history_scores_every_item_zero_and_an_unseen_item_has_a_zero_factor(seed):
    # TruncatedSVD does not centre the data, so the projection of an all-zero row is exactly zero, and a column
    # of zeros (an item nobody has touched) gets a zero row in V.
    rng = np.random.default_rng(seed)
    X = (rng.random((400, 120)) < 0.05).astype(float)
    X[:, 7] = 0
    svd = TruncatedSVD(n_components=6, random_state=0).fit(sparse.csr_matrix(X))
    assert np.allclose(svd.transform(np.zeros((1, 120))), 0)
    assert np.abs(svd.components_[:, 7]).max() < 1e-10
    assert np.abs(svd.components_[:, :7]).max() > 0.01  # ...while the other items' factors are not zero


def test_the_fallback_is_popularity_and_personal_lists_never_repeat_the_history(ns):
    counts, recommend = ns["counts"], ns["recommend"]
    assert np.array_equal(recommend([], k=25), np.argsort(-counts, kind="stable")[:25])
    rng = np.random.default_rng(0)
    for _ in range(20):
        history = rng.choice(counts.size, size=rng.integers(1, 10), replace=False)
        assert not set(recommend(history, k=50)) & set(history)


def test_candidate_lists_exclude_seen_items_and_recall_grows_with_k(ns):
    train, ranked, recall = ns["train"], ns["ranked"], ns["recall"]
    for name, lists in ranked.items():
        assert not np.take_along_axis(train, lists, axis=1).any(), name  # nothing the user already has
        assert all(a <= b for a, b in zip(recall[name], recall[name][1:])), name


def test_the_envelope_arithmetic(ns):
    # 50 M users x 8 loads / 86,400 s; the index is items x dimensions x 4 bytes.
    assert ns["average_qps"] == pytest.approx(50e6 * 8 / 86_400)
    assert ns["index_gb"] == pytest.approx(10e6 * 64 * 4 / 1e9)
    assert ns["peak_qps"] * ns["CATALOGUE"] / (ns["peak_qps"] * ns["CANDIDATES"]) == 20_000
    # Ranker cores: scores a second x CPU seconds per score / utilisation; the catalogue needs 20,000 times more.
    cores = ns["peak_qps"] * ns["CANDIDATES"] * ns["CPU_US_PER_SCORE"] * 1e-6 / ns["TARGET_UTILISATION"]
    assert ns["ranker_cores"] == pytest.approx(cores)
    assert 100 < cores < 1_000 and cores * 20_000 > 1e6  # "a few hundred cores against millions"
