"""Ranking metrics by hand in NumPy (precision@k, recall@k, reciprocal rank, average
precision, NDCG), checked against scikit-learn, with the pitfalls of averaging them.

Run on its own: python snippets/ranking_metrics.py
"""

import numpy as np
from sklearn.metrics import average_precision_score, ndcg_score

# --8<-- [start:by_hand]
# `rel` is one query's relevance labels in ranked order (best-scored item first);
# an item is "relevant" for the binary metrics when its label is above 0.


def ranked(relevance, scores):
    """The relevance labels in the order the scores rank the items, highest first."""
    return relevance[np.argsort(-scores, kind="stable")]


def precision_at_k(rel, k):
    return np.sum(rel[:k] > 0) / k


def recall_at_k(rel, k):
    return np.sum(rel[:k] > 0) / np.sum(
        rel > 0
    )  # 0/0 if the query has no relevant item


def reciprocal_rank(rel):
    hits = np.flatnonzero(rel > 0)
    return 1 / (hits[0] + 1) if hits.size else 0.0


def average_precision(rel):
    hit = rel > 0
    precision_at_each_hit = np.cumsum(hit)[hit] / (np.flatnonzero(hit) + 1)
    return precision_at_each_hit.sum() / hit.sum()  # divide by ALL relevant items


def dcg_at_k(gains, k):
    gains = np.asarray(gains, dtype=float)[:k]
    return np.sum(gains / np.log2(np.arange(2, gains.size + 2)))  # 1/log2(rank + 1)


def ndcg_at_k(rel, k):
    ideal = np.sort(rel)[::-1]  # the best possible order of the same labels
    return dcg_at_k(rel, k) / dcg_at_k(ideal, k)


# --8<-- [end:by_hand]

# --8<-- [start:one_query]
relevance = np.array([3, 0, 2, 0, 1, 0, 0, 2, 0, 0])  # graded 0-3, catalogue order
scores = np.array([0.8, 0.9, 0.5, 0.6, 0.7, 0.4, 0.2, 0.3, 0.1, 0.05])
rel = ranked(relevance, scores)
k = 5
print("relevance in ranked order:", rel)
print(f"precision@{k} = {precision_at_k(rel, k):.3f}", end="   ")
print(f"recall@{k} = {recall_at_k(rel, k):.3f}")
print(f"reciprocal rank = {reciprocal_rank(rel):.3f}", end="   ")
print(f"AP = {average_precision(rel):.3f}")
print(f"NDCG@{k} by hand = {ndcg_at_k(rel, k):.3f}", end="   ")
print(f"ndcg_score(k={k}) = {ndcg_score([relevance], [scores], k=k):.3f}")
ap_sklearn = average_precision_score(relevance > 0, scores)
print(f"AP by average_precision_score = {ap_sklearn:.3f}")
# --8<-- [end:one_query]

assert np.array_equal(rel, [0, 3, 1, 0, 2, 0, 2, 0, 0, 0])
assert np.isclose(precision_at_k(rel, 5), 3 / 5)
assert np.isclose(recall_at_k(rel, 5), 3 / 4)
assert np.isclose(reciprocal_rank(rel), 1 / 2)
assert np.isclose(average_precision(rel), (1 / 2 + 2 / 3 + 3 / 5 + 4 / 7) / 4)
assert np.isclose(ndcg_at_k(rel, k), ndcg_score([relevance], [scores], k=k))
assert np.isclose(average_precision(rel), ap_sklearn)

# --8<-- [start:rewards]
# Four orders of the same eight items, three of them relevant with grades 3, 2 and 1.
orders = {
    "perfect": [3, 2, 1, 0, 0, 0, 0, 0],
    "grades reversed": [1, 2, 3, 0, 0, 0, 0, 0],
    "one hit, then late": [3, 0, 0, 0, 0, 0, 2, 1],
    "first slot missed": [0, 3, 2, 1, 0, 0, 0, 0],
}
print(f"{'order':20s}   P@3   R@3    RR    AP  NDCG@3")
table = {}
for name, r in orders.items():
    r = np.array(r)
    table[name] = (
        precision_at_k(r, 3),
        recall_at_k(r, 3),
        reciprocal_rank(r),
        average_precision(r),
        ndcg_at_k(r, 3),
    )
    print(f"{name:20s}", " ".join(f"{v:5.2f}" for v in table[name]))
# --8<-- [end:rewards]

# The binary metrics cannot see the grades; NDCG can.
assert table["grades reversed"][:4] == table["perfect"][:4]
assert table["grades reversed"][4] < 0.8 < table["perfect"][4] == 1.0
# Reciprocal rank only looks at the first hit: it rates "one hit, then late" perfect.
assert table["one hit, then late"][2] == 1.0 > table["first slot missed"][2]
assert table["one hit, then late"][3] < table["first slot missed"][3]  # AP disagrees
# ...and NDCG@3 sides with RR: the grade-3 item at rank 1 carries most of the gain.
assert table["one hit, then late"][4] > table["first slot missed"][4]

# --8<-- [start:many_queries]
# 400 queries with 25 candidates each. A latent quality q decides the graded label
# (0 for most items); two rankers see q through different amounts of noise.
rng = np.random.default_rng(0)
n_queries, n_items = 400, 25
quality = rng.normal(size=(n_queries, n_items))
labels = np.digitize(quality, [1.0, 1.6, 2.2])  # 0, 1, 2 or 3
rankers = {
    "ranker A": quality + rng.normal(0, 0.5, quality.shape),
    "ranker B": quality + rng.normal(0, 1.0, quality.shape),
}
has_relevant = (labels > 0).any(axis=1)
Y, binary = labels[has_relevant], labels[has_relevant] > 0
print(f"{has_relevant.sum()} of {n_queries} queries have a relevant item")
print("            P@10   R@10    MRR    MAP  NDCG@10")


def five_metrics(r, k=10):
    return (
        precision_at_k(r, k),
        recall_at_k(r, k),
        reciprocal_rank(r),
        average_precision(r),
        ndcg_at_k(r, k),
    )


results = {}
for name, S in rankers.items():
    S = S[has_relevant]
    per_query = np.array([five_metrics(ranked(y_q, s_q)) for y_q, s_q in zip(Y, S)])
    results[name] = per_query.mean(axis=0)  # every metric: the mean over queries
    print(f"{name:9s}", " ".join(f"{v:6.3f}" for v in results[name]))
    # scikit-learn agrees: NDCG averaged over rows, AP per row then averaged (MAP).
    assert np.isclose(results[name][4], ndcg_score(Y, S, k=10))
    assert np.isclose(
        results[name][3], average_precision_score(binary, S, average="samples")
    )
# With about four relevant items a query, no ranker can fill ten slots with them.
ceiling = np.mean(np.minimum(binary.sum(axis=1), 10) / 10)
print(f"best possible P@10 on these queries: {ceiling:.3f}")
# --8<-- [end:many_queries]

assert np.all(results["ranker A"] > results["ranker B"])  # A wins on every metric
assert results["ranker A"][0] < 0.4 < ceiling < 0.45  # A's P@10 is close to its ceiling
assert ceiling - results["ranker A"][0] < 0.02
assert 3.5 < binary.sum(axis=1).mean() < 4.5  # about four relevant items a query
# At k = 25, the whole list, precision and recall are the same for any order.
for metric in (precision_at_k, recall_at_k):
    a, b = (
        [metric(ranked(y_q, s_q), n_items) for y_q, s_q in zip(Y, S[has_relevant])]
        for S in rankers.values()
    )
    assert np.allclose(a, b)

# --8<-- [start:pitfalls]
import warnings

# 1. Queries with no relevant item: ndcg_score gives them 0, which drags the mean down.
S_a = rankers["ranker A"]
ndcg_all = ndcg_score(labels, S_a, k=10)
ndcg_some = ndcg_score(Y, S_a[has_relevant], k=10)
print(
    f"NDCG@10 over all {n_queries} queries: {ndcg_all:.3f}; "
    f"over the {has_relevant.sum()} with a relevant item: {ndcg_some:.3f}"
)

# 2. Ties: ndcg_score averages over the orders of tied items unless told not to.
one = np.array([[1, 0, 0, 0]])  # one relevant item...
tie = np.array([[0.8, 0.8, 0.3, 0.1]])  # ...tied at the top with an irrelevant one
print(
    f"tied top two, NDCG@1: averaged {ndcg_score(one, tie, k=1):.2f}, "
    f"ignore_ties=True {ndcg_score(one, tie, k=1, ignore_ties=True):.2f}"
)

# 3. The ideal DCG of the top k, or of the whole list: six relevant items, k = 3.
r6 = np.array([1, 1, 1, 0, 0, 1, 1, 1, 0, 0])
whole = dcg_at_k(r6, 3) / dcg_at_k(np.sort(r6)[::-1], r6.size)
print(
    f"perfect top 3 of 6 relevant: NDCG@3 = {ndcg_at_k(r6, 3):.2f} with IDCG@3, "
    f"{whole:.2f} with the IDCG of the whole list"
)

# 4. Averaging: the mean of per-query recall, or all hits over all relevant items
#    (which weights a query by how many relevant items it has). Ranker B, k = 5:
ranked_b = [ranked(y_q, s_q) for y_q, s_q in zip(Y, rankers["ranker B"][has_relevant])]
macro = np.mean([recall_at_k(r, 5) for r in ranked_b])
pooled = sum(np.sum(r[:5] > 0) for r in ranked_b) / binary.sum()
print(f"recall@5: mean over queries {macro:.3f}, pooled over queries {pooled:.3f}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ap_empty = average_precision_score([0, 0, 0, 0], [0.4, 0.3, 0.2, 0.1])
print(
    f"AP of a query with no relevant item: {ap_empty} ({caught[0].category.__name__})"
)
# --8<-- [end:pitfalls]

assert ndcg_all < ndcg_some
assert np.isclose(ndcg_all, ndcg_some * has_relevant.mean())  # the zeros, averaged in
assert (
    ndcg_score(one, tie, k=1) == 0.5
    and ndcg_score(one, tie, k=1, ignore_ties=True) == 1
)
assert np.isclose(ndcg_at_k(r6, 3), 1.0) and whole < 0.7
assert macro > pooled + 0.02
assert ap_empty == 0.0 and caught
