"""Claims of the page system-design/feed_ranking.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ndcg_score


def queries(seed, n_queries=400, n_docs=20):
    """The snippet's generator: graded relevance, and a feature that tracks only how many relevant
    documents a query has."""
    rng = np.random.default_rng(seed)
    w_true = np.array([1.0, 0.8, 0.6, 0.4, 0.0, 0.0])
    popularity = rng.normal(size=(n_queries, 1))
    offsets = rng.normal(size=(n_queries, 1, 6))
    offsets[:, :, 4] = 1.5 * popularity
    within = rng.normal(size=(n_queries, n_docs, 6))
    latent = within @ w_true + popularity + rng.normal(scale=0.7, size=(n_queries, n_docs))
    relevance = np.digitize(latent, np.quantile(latent, [0.60, 0.85, 0.95]))
    return within + offsets, relevance


def fit_pairwise(X, relevance):
    diffs, wins = [], []
    for q in range(len(X)):
        i, j = np.nonzero(relevance[q][:, None] != relevance[q][None, :])
        diffs.append(X[q][i] - X[q][j])
        wins.append((relevance[q][i] > relevance[q][j]).astype(int))
    return LogisticRegression(fit_intercept=False).fit(np.concatenate(diffs), np.concatenate(wins))


def fit_pointwise(X, relevance):
    return LogisticRegression().fit(X.reshape(-1, X.shape[-1]), (relevance >= 1).ravel())


@pytest.mark.parametrize("seed", range(5))
def test_pairwise_beats_pointwise_and_centring_closes_the_gap(seed):
    X, relevance = queries(seed)
    train, test = np.arange(300), np.arange(300, 400)
    test = test[(relevance[test] >= 1).any(axis=1)]
    pairwise = fit_pairwise(X[train], relevance[train])
    pointwise = fit_pointwise(X[train], relevance[train])
    centred = X - X.mean(axis=1, keepdims=True)
    pointwise_centred = fit_pointwise(centred[train], relevance[train])

    def ndcg(model, features, k=10):
        scores = model.decision_function(features[test].reshape(-1, 6)).reshape(len(test), -1)
        return ndcg_score(relevance[test], scores, k=k)

    ndcg_pair = ndcg_score(relevance[test], X[test] @ pairwise.coef_.ravel(), k=10)
    assert ndcg_pair > ndcg(pointwise, X) + 0.05
    assert abs(ndcg(pointwise_centred, centred) - ndcg_pair) < 0.03
    # The pointwise model leans on the query-level feature; the pairwise one does not.
    assert pointwise.coef_[0, 4] > 0.5 * pointwise.coef_[0, 0]
    assert abs(pairwise.coef_[0, 4]) < 0.1 * pairwise.coef_[0, 0]


def test_a_pairwise_model_without_intercept_is_antisymmetric():
    X, relevance = queries(0, n_queries=50)
    model = fit_pairwise(X, relevance)
    d = X[0, 0] - X[0, 1]
    p_ij, p_ji = model.predict_proba(np.vstack([d, -d]))[:, 1]
    assert p_ij == pytest.approx(1 - p_ji)


@pytest.mark.parametrize("seed", range(3))
def test_shifting_a_whole_querys_scores_leaves_ndcg_unchanged(seed):
    rng = np.random.default_rng(seed)
    relevance = rng.integers(0, 4, size=(30, 20))
    scores = rng.normal(size=(30, 20))
    shifted = scores + rng.normal(scale=10, size=(30, 1))  # one constant per query
    for k in (1, 5, 10):
        assert ndcg_score(relevance, shifted, k=k) == pytest.approx(ndcg_score(relevance, scores, k=k))


def test_ndcg_score_on_a_matrix_is_the_mean_of_the_queries():
    rng = np.random.default_rng(0)
    relevance = rng.integers(0, 4, size=(25, 12))
    scores = rng.normal(size=(25, 12))
    one_by_one = [ndcg_score([r], [s], k=5) for r, s in zip(relevance, scores)]
    assert ndcg_score(relevance, scores, k=5) == pytest.approx(np.mean(one_by_one))


def test_a_click_divided_by_its_propensity_is_unbiased_for_relevance_at_every_rank():
    rng = np.random.default_rng(0)
    relevance = 0.4
    for rank in (1, 3, 10):
        theta = 1 / rank
        clicks = rng.random(400_000) < theta * relevance
        assert clicks.mean() == pytest.approx(theta * relevance, rel=0.03)  # raw CTR falls with rank
        assert (clicks / theta).mean() == pytest.approx(relevance, rel=0.03)  # IPS does not


@pytest.mark.parametrize("seed", range(5))
def test_a_randomised_bucket_and_ips_recover_the_true_order(seed):
    rng = np.random.default_rng(seed)
    n_positions = 10
    examine = 1 / np.arange(1, n_positions + 1)
    relevance_of = rng.permutation(np.linspace(0.1, 0.6, n_positions))  # spaced 0.055 apart
    ctr = rng.binomial(200_000, examine * relevance_of) / 200_000
    shown = rng.permuted(np.tile(np.arange(n_positions), (50_000, 1)), axis=1)
    clicked = rng.random(shown.shape) < examine * relevance_of[shown]
    propensity = clicked.mean(axis=0) / clicked.mean(axis=0)[0]
    assert np.allclose(propensity, examine, rtol=0.12)
    assert np.array_equal(np.argsort(-ctr / propensity), np.argsort(-relevance_of))
    # Raw CTR mixes position with relevance, so its order is not the true one.
    assert not np.array_equal(np.argsort(-ctr), np.argsort(-relevance_of))
