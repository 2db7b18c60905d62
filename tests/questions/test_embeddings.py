"""Claims of deep-learning/embeddings.md checked beyond the one corpus its snippet uses."""

import numpy as np
import pytest
from scipy.linalg import orthogonal_procrustes
from scipy.optimize import minimize_scalar
from scipy.stats import ortho_group
from sklearn.decomposition import TruncatedSVD

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("embeddings")


def unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def svd_vectors(ns, seed, n_sentences=600):
    corpus = ns["make_corpus"](n_sentences, seed=seed)
    vocab = sorted({w for s in corpus for w in s})
    index = {w: i for i, w in enumerate(vocab)}
    counts = ns["cooccurrence"](corpus, index)
    vectors = TruncatedSVD(n_components=8, random_state=0).fit_transform(ns["ppmi"](counts))
    return vocab, index, counts, vectors


def within_minus_between(ns, vectors, index):
    """Mean cosine of noun pairs of one topic minus that of noun pairs of different topics."""
    nouns = [n for nouns, _, _ in ns["TOPICS"].values() for n in nouns]
    u = unit(vectors[[index[n] for n in nouns]])
    sims = u @ u.T
    topic = np.array([ns["topic_of"](n) for n in nouns])
    same = (topic[:, None] == topic[None, :]) & ~np.eye(len(nouns), dtype=bool)
    different = topic[:, None] != topic[None, :]
    return sims[same].mean() - sims[different].mean()


@pytest.mark.parametrize("V", [3, 50, 1000])
def test_distinct_one_hot_vectors_are_orthogonal_and_sqrt2_apart(V):
    one_hot = np.eye(V)
    assert np.allclose(one_hot @ one_hot.T, np.eye(V))
    i, j = 0, V - 1
    assert np.isclose(np.linalg.norm(one_hot[i] - one_hot[j]), np.sqrt(2))


@pytest.mark.parametrize("seed", range(3))
def test_an_embedding_lookup_is_one_hot_times_the_table_and_its_gradient_is_row_sparse(seed):
    rng = np.random.default_rng(seed)
    V, d = 40, 6
    E = rng.normal(size=(V, d))
    ids = rng.integers(0, V, size=12)
    ids[1] = ids[0]  # a repeated token
    one_hot = np.eye(V)[ids]
    assert np.allclose(one_hot @ E, E[ids])
    upstream = rng.normal(size=(len(ids), d))
    grad = one_hot.T @ upstream
    touched = set(np.flatnonzero(np.abs(grad).sum(axis=1)))
    assert touched == set(ids)
    # A repeated token's row receives the sum of its occurrences' gradients.
    assert np.allclose(grad[ids[0]], upstream[ids == ids[0]].sum(axis=0))


@pytest.mark.parametrize("seed", range(1, 9))
def test_nouns_of_a_topic_never_cooccur_yet_the_nearest_noun_is_from_the_same_topic(ns, seed):
    vocab, index, counts, vectors = svd_vectors(ns, seed)
    nouns = [n for nouns, _, _ in ns["TOPICS"].values() for n in nouns]
    for topic_nouns, _, _ in ns["TOPICS"].values():
        rows = [index[n] for n in topic_nouns]
        assert counts[np.ix_(rows, rows)].sum() == 0
    noun_vectors = vectors[[index[n] for n in nouns]]
    for n in nouns:
        [(w, _)] = ns["nearest"](noun_vectors, n, nouns, k=1)
        assert ns["topic_of"](w) == ns["topic_of"](n), (seed, n, w)


def test_topics_meet_only_through_a_shared_context_word(ns):
    """Across corpora, a noun sometimes has a noun of another topic among its three nearest,
    but only animal-vehicle ("washes") or vehicle-food ("red"): animals and food share no
    context word, and never meet."""
    crossings = set()
    for seed in range(1, 25):
        vocab, index, _, vectors = svd_vectors(ns, seed)
        nouns = [n for nouns, _, _ in ns["TOPICS"].values() for n in nouns]
        noun_vectors = vectors[[index[n] for n in nouns]]
        for n in nouns:
            for w, _ in ns["nearest"](noun_vectors, n, nouns, k=3):
                pair = frozenset([ns["topic_of"](n), ns["topic_of"](w)])
                if len(pair) == 2:
                    crossings.add(pair)
    assert crossings  # the shared words do pull some nouns across
    assert frozenset(["animal", "food"]) not in crossings


@pytest.mark.parametrize("seed", range(3))
def test_a_random_table_carries_no_topic_structure_but_the_learned_one_does(ns, seed):
    vocab, index, _, vectors = svd_vectors(ns, seed)
    random_table = np.random.default_rng(seed).normal(size=vectors.shape)
    assert abs(within_minus_between(ns, random_table, index)) < 0.2
    assert within_minus_between(ns, vectors, index) > 0.6


@pytest.mark.parametrize("seed", range(3))
def test_words_used_with_every_topic_get_the_shortest_vectors(ns, seed):
    vocab, _, _, vectors = svd_vectors(ns, seed)
    everywhere = {"the", "she", "he", "they", ns["SHARED_VERB"]}
    norms = np.linalg.norm(vectors, axis=1)
    assert {vocab[i] for i in np.argsort(norms)[: len(everywhere)]} == everywhere


@pytest.mark.parametrize("seed", range(3))
def test_a_common_rotation_leaves_every_dot_product_and_procrustes_recovers_it(seed):
    rng = np.random.default_rng(seed)
    W, C = rng.normal(size=(30, 8)), rng.normal(size=(30, 8))
    Q = ortho_group.rvs(8, random_state=seed)
    assert np.allclose((W @ Q) @ (C @ Q).T, W @ C.T)
    assert np.allclose(unit(W @ Q) @ unit(W @ Q).T, unit(W) @ unit(W).T)
    # The rotated coordinates themselves differ, which is why runs are not comparable.
    assert not np.allclose(W @ Q, W, atol=0.1)
    R, _ = orthogonal_procrustes(W, W @ Q)
    assert np.allclose(W @ R, W @ Q)


@pytest.mark.parametrize("seed", range(3))
def test_euclidean_distance_of_unit_vectors_ranks_like_cosine(seed):
    rng = np.random.default_rng(seed)
    X = unit(rng.normal(size=(200, 16)))
    q = X[0]
    cos = X @ q
    dist = np.linalg.norm(X - q, axis=1)
    assert np.allclose(dist**2, 2 - 2 * cos)
    assert np.array_equal(np.argsort(dist, kind="stable"), np.argsort(-cos, kind="stable"))


def test_manhattan_distance_of_unit_vectors_can_rank_differently_from_cosine():
    q = np.array([1.0, 0.0])
    a = np.array([np.cos(3 * np.pi / 4), np.sin(3 * np.pi / 4)])  # cosine -0.71
    b = np.array([-1.0, 0.0])  # cosine -1: less similar than a
    assert q @ a > q @ b
    assert np.abs(q - b).sum() < np.abs(q - a).sum()  # yet closer in Manhattan distance


@pytest.mark.parametrize("seed", range(4))
def test_the_sgns_optimum_of_one_cell_is_pmi_shifted_by_log_k(seed):
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 50, size=(6, 6)).astype(float)
    total = counts.sum()
    row, col = counts.sum(axis=1), counts.sum(axis=0)
    unigram = col / total
    pmi = np.log(counts * total / np.outer(row, col))
    for k in (1, 5, 15):
        for w, c in [(0, 0), (2, 5), (4, 1)]:

            def cell_loss(x, w=w, c=c, k=k):
                log_sig = -np.logaddexp(0, -x)
                log_sig_neg = -np.logaddexp(0, x)
                return -counts[w, c] * log_sig - k * row[w] * unigram[c] * log_sig_neg

            best = minimize_scalar(cell_loss, bounds=(-20, 20), method="bounded", options={"xatol": 1e-10}).x
            assert best == pytest.approx(pmi[w, c] - np.log(k), abs=1e-5)


@pytest.mark.parametrize("seed", range(3))
def test_the_hand_written_sgns_gradient_matches_finite_differences(ns, seed):
    rng = np.random.default_rng(seed)
    V, d, k, B = 12, 4, 3, 5
    W, C = rng.normal(size=(V, d)), rng.normal(size=(V, d))
    centre, context = rng.integers(0, V, B), rng.integers(0, V, B)
    negatives = rng.integers(0, V, (B, k))
    negatives[0, 0] = context[0]  # a noise word that is also the context: still exact
    f = ns["sgns_loss_and_grads"]
    _, dW, dC = f(W, C, centre, context, negatives)
    for P, G in ((W, dW), (C, dC)):
        numeric = np.zeros_like(P)
        for idx in np.ndindex(P.shape):
            old = P[idx]
            P[idx] = old + 1e-6
            up = f(W, C, centre, context, negatives)[0]
            P[idx] = old - 1e-6
            down = f(W, C, centre, context, negatives)[0]
            P[idx] = old
            numeric[idx] = (up - down) / 2e-6
        assert np.linalg.norm(G - numeric) / np.linalg.norm(G + numeric) < 1e-6


@pytest.mark.parametrize("seed", range(3))
def test_any_invertible_map_of_the_tables_keeps_the_dot_products_but_not_the_cosines(seed):
    """The SGNS loss sees only W C^T, so W A with C A^-T gives the same loss for any invertible A:
    more freedom than a rotation, and cosines within W are not preserved."""
    rng = np.random.default_rng(seed)
    W, C = rng.normal(size=(30, 8)), rng.normal(size=(30, 8))
    A = rng.normal(size=(8, 8))
    assert abs(np.linalg.det(A)) > 1e-3
    assert np.allclose((W @ A) @ (C @ np.linalg.inv(A).T).T, W @ C.T)
    assert not np.allclose(unit(W @ A) @ unit(W @ A).T, unit(W) @ unit(W).T, atol=0.05)


def test_with_three_quarter_power_noise_the_optimum_is_a_pmi_that_rare_contexts_inflate_less():
    rng = np.random.default_rng(0)
    counts = rng.integers(1, 50, size=(6, 6)).astype(float)
    counts[:, 0] = 1.0  # context 0 is rare
    total, row, col = counts.sum(), counts.sum(axis=1), counts.sum(axis=0)
    k = 5
    unigram = col / total
    smoothed = col**0.75 / np.sum(col**0.75)
    for w in range(6):
        for c in range(6):

            def cell_loss(x, w=w, c=c):
                return -counts[w, c] * -np.logaddexp(0, -x) - k * row[w] * smoothed[c] * -np.logaddexp(0, x)

            best = minimize_scalar(cell_loss, bounds=(-20, 20), method="bounded", options={"xatol": 1e-10}).x
            assert best == pytest.approx(np.log(counts[w, c] / (k * row[w] * smoothed[c])), abs=1e-5)
    # The rare context gets a larger noise share than its frequency, so a smaller optimum than PMI - log k.
    assert smoothed[0] > unigram[0]
    pmi_rare = np.log(counts[:, 0] * total / (row * col[0])) - np.log(k)
    assert np.all(np.log(counts[:, 0] / (k * row * smoothed[0])) < pmi_rare)
