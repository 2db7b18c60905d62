"""Claims of fundamentals/supervised_unsupervised.md checked beyond the iris data its snippet uses."""

import itertools

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment
from scipy.special import comb
from sklearn.cluster import KMeans
from sklearn.datasets import load_breast_cancer, load_wine, make_blobs
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, adjusted_rand_score, confusion_matrix, rand_score
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import StandardScaler


def ari_by_formula(labels_a, labels_b):
    """The contingency-table formula shown on the page."""
    table = confusion_matrix(labels_a, labels_b)
    pairs = comb(table, 2).sum()
    rows, cols = comb(table.sum(axis=1), 2).sum(), comb(table.sum(axis=0), 2).sum()
    expected = rows * cols / comb(table.sum(), 2)
    return (pairs - expected) / (0.5 * (rows + cols) - expected)


@pytest.mark.parametrize("seed", range(4))
def test_the_page_formula_equals_adjusted_rand_score(seed):
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 4, 200)
    b = np.where(rng.random(200) < 0.6, a, rng.integers(0, 4, 200))  # partly agreeing
    assert ari_by_formula(a, b) == pytest.approx(adjusted_rand_score(a, b))


@pytest.mark.parametrize("seed", range(3))
def test_ari_ignores_every_renaming_of_the_clusters_but_accuracy_does_not(seed):
    X, y = make_blobs(n_samples=240, centers=4, cluster_std=2.0, random_state=seed)
    clusters = KMeans(n_clusters=4, random_state=0).fit_predict(X)
    aris, accuracies = set(), set()
    for perm in itertools.permutations(range(4)):
        renamed = np.array(perm)[clusters]
        aris.add(round(adjusted_rand_score(y, renamed), 12))
        accuracies.add(round(accuracy_score(y, renamed), 12))
    assert len(aris) == 1
    assert len(accuracies) > 1


@pytest.mark.parametrize(("n", "k"), [(150, 3), (600, 2), (1000, 8)])
def test_random_labelings_have_ari_near_zero_but_a_high_rand_index(n, k):
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(k), n // k)  # k balanced classes
    aris, ris = [], []
    for _ in range(200):
        guess = rng.integers(0, k, y.size)
        aris.append(adjusted_rand_score(y, guess))
        ris.append(rand_score(y, guess))
    assert np.mean(aris) == pytest.approx(0.0, abs=0.01)
    # The page's chance level of the plain Rand index: 1/k^2 + (1 - 1/k)^2.
    assert np.mean(ris) == pytest.approx(1 / k**2 + (1 - 1 / k) ** 2, abs=0.01)


def test_ari_can_be_negative_when_agreement_is_worse_than_chance():
    # Every pair the classes keep together, the clustering separates, and vice versa where possible.
    assert adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) < 0
    assert adjusted_rand_score([0, 0, 1, 1], [5, 5, 9, 9]) == 1.0


@pytest.mark.parametrize("loader", [load_wine, load_breast_cancer], ids=["wine", "breast_cancer"])
def test_labels_buy_accuracy_beyond_the_best_matched_clustering(loader):
    X, y = loader(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    k = len(np.unique(y))
    clusters = KMeans(n_clusters=k, random_state=0).fit_predict(X)
    counts = confusion_matrix(y, clusters)
    rows, cols = linear_sum_assignment(counts, maximize=True)
    matched_accuracy = counts[rows, cols].sum() / y.size
    supervised = cross_val_score(LogisticRegression(max_iter=1000), X, y, cv=5).mean()
    assert supervised > matched_accuracy


def test_kmeans_without_scaling_is_dominated_by_large_features():
    # Wine: proline is measured in the hundreds to thousands, most other features below 10.
    X, y = load_wine(return_X_y=True)
    raw = adjusted_rand_score(y, KMeans(n_clusters=3, random_state=0).fit_predict(X))
    scaled = adjusted_rand_score(y, KMeans(n_clusters=3, random_state=0).fit_predict(StandardScaler().fit_transform(X)))
    assert scaled > raw + 0.3


def test_lda_describes_each_document_as_a_mixture_of_topics():
    from sklearn.decomposition import LatentDirichletAllocation

    # Word counts over a six-word vocabulary: documents 0-1 use words 0-2, documents 2-3 words 3-5,
    # and document 4 uses both halves equally.
    counts = np.array(
        [[5, 4, 6, 0, 0, 0], [6, 5, 4, 0, 0, 0], [0, 0, 0, 5, 6, 4], [0, 0, 0, 4, 5, 6], [3, 3, 3, 3, 3, 3]]
    )
    lda = LatentDirichletAllocation(n_components=2, random_state=0).fit(counts)
    theta = lda.transform(counts)
    assert np.allclose(theta.sum(axis=1), 1.0)  # one distribution over topics per document
    assert theta[0].max() > 0.8 and theta[2].max() > 0.8  # the pure documents are mostly one topic
    assert 0.3 < theta[4, 0] < 0.7  # the mixed document is a mixture, not a member of one group


def test_silhouette_formula_on_the_page_matches_scikit_learn():
    from sklearn.metrics import pairwise_distances, silhouette_samples

    X, _ = make_blobs(n_samples=60, centers=3, cluster_std=1.5, random_state=0)
    labels = KMeans(n_clusters=3, random_state=0).fit_predict(X)
    D = pairwise_distances(X)
    s = []
    for i in range(len(X)):
        own = (labels == labels[i]) & (np.arange(len(X)) != i)
        a = D[i, own].mean()
        b = min(D[i, labels == c].mean() for c in set(labels) - {labels[i]})
        s.append((b - a) / max(a, b))
    assert np.allclose(s, silhouette_samples(X, labels))


@pytest.mark.parametrize("k", [2, 3, 5, 10])
def test_apart_in_both_pairs_are_a_majority_only_for_larger_k(k):
    # Chance agreement of a random labeling: 1/k^2 together in both, (1 - 1/k)^2 apart in both.
    rng = np.random.default_rng(k)
    y = np.repeat(np.arange(k), 600 // k)
    guess = rng.integers(0, k, y.size)
    i, j = np.triu_indices(y.size, k=1)
    apart = np.mean((y[i] != y[j]) & (guess[i] != guess[j]))
    assert apart == pytest.approx((1 - 1 / k) ** 2, abs=0.01)
    assert (apart > 0.5) == (k > 3)
