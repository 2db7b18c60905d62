"""Search or feed ranking: a capacity estimate, a pointwise and a pairwise
(RankNet-style) logistic ranker compared by NDCG@k, and position bias in click logs
corrected by inverse propensity weighting.

Run on its own: python snippets/feed_ranking.py
"""

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ndcg_score
from threadpoolctl import threadpool_limits

# Small data: one thread is fastest; extra OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# --8<-- [start:capacity]
# Assumptions (say them aloud): 50 M daily active users, 10 searches or feed loads
# each a day, peak traffic 3x the daily average, 500 candidates scored per request,
# 20 microseconds of one CPU core per scored document (a few hundred trees), and a
# 200 ms end-to-end budget at the 99th percentile, with headroom left for spikes.
daily_users, requests_per_user, peak_factor = 50e6, 10, 3
candidates_scored = 500
avg_qps = daily_users * requests_per_user / 86_400
peak_qps = peak_factor * avg_qps
scores_per_s = peak_qps * candidates_scored
print(f"average {avg_qps:,.0f} requests/s, peak {peak_qps:,.0f} requests/s")
print(f"ranker scores {scores_per_s / 1e6:.1f} M (request, document) pairs/s at peak")
cores = scores_per_s * 20e-6
print(f"at 20 us per document: {cores:.0f} CPU cores busy at peak, before headroom")

budget_ms = {  # milliseconds per stage, summed on the critical path
    "retrieval (inverted index + ANN)": 40,
    "feature fetch (online store)": 40,
    "ranking model (500 candidates)": 60,
    "re-ranking and business rules": 10,
    "network, merging, rendering": 30,
}
for stage, ms in budget_ms.items():
    print(f"  {stage:34s} {ms:4d} ms")
total_ms = sum(budget_ms.values())
print(f"  {'total':34s} {total_ms:4d} ms of a 200 ms budget, {200 - total_ms} ms spare")
# --8<-- [end:capacity]

assert round(avg_qps) == 5787 and round(peak_qps) == 17361 and round(cores) == 174
assert total_ms == 180  # 20 ms of headroom: stage p99s do not simply add up

# --8<-- [start:data]
rng = np.random.default_rng(0)
n_queries, n_docs, n_features = 400, 20, 6
w_true = np.array([1.0, 0.8, 0.6, 0.4, 0.0, 0.0])  # the last two: no signal in a query

# Queries differ: some have many relevant documents (a popular topic), some few.
# Feature 5 tracks that query-level popularity (say, how much engagement the topic
# gets) but says nothing about which document in the query is better. Every feature
# also has a per-query offset of its own, as text-match scores do for long queries.
popularity = rng.normal(size=(n_queries, 1))
offsets = rng.normal(size=(n_queries, 1, n_features))
offsets[:, :, 4] = 1.5 * popularity
within = rng.normal(size=(n_queries, n_docs, n_features))
X = within + offsets
latent = within @ w_true + popularity + rng.normal(scale=0.7, size=(n_queries, n_docs))
# Graded relevance 0-3, as a judge would give it: the best 5 % of documents get 3,
# the next 10 % 2, the next 25 % 1, the remaining 60 % 0.
cuts = np.quantile(latent, [0.60, 0.85, 0.95])
relevance = np.digitize(latent, cuts)  # 0, 1, 2 or 3
train, test = np.arange(300), np.arange(300, 400)  # split by query, never by row
# NDCG is 0/0 for a query with no relevant document: evaluate on the others.
test = test[(relevance[test] >= 1).any(axis=1)]
share = np.bincount(relevance.ravel()) / relevance.size
print(f"{n_queries} queries x {n_docs} documents, {n_features} features")
print("share of documents at grades 0-3:", share)
relevant_per_query = (relevance >= 1).sum(axis=1)
print(
    f"relevant documents per query: from {relevant_per_query.min()} "
    f"to {relevant_per_query.max()}; {len(test)} test queries have at least one"
)
# --8<-- [end:data]

assert np.allclose(share, [0.6, 0.25, 0.1, 0.05])

# --8<-- [start:pointwise]
# Pointwise: each document on its own, target "relevant at all" (grade >= 1).
pointwise = LogisticRegression().fit(
    X[train].reshape(-1, n_features), (relevance[train] >= 1).ravel()
)
# --8<-- [end:pointwise]


# --8<-- [start:pairwise]
def pairs_of(query_X, query_rel):
    """Feature differences x_i - x_j for every pair of documents with different
    grades in one query; label 1 when i is the more relevant of the two."""
    i, j = np.nonzero(query_rel[:, None] != query_rel[None, :])
    return query_X[i] - query_X[j], (query_rel[i] > query_rel[j]).astype(int)


diffs, wins = zip(*(pairs_of(X[q], relevance[q]) for q in train))
diffs, wins = np.concatenate(diffs), np.concatenate(wins)
# RankNet with a linear score s(x) = w.x: P(i above j) = sigmoid(s_i - s_j), fitted
# by logistic regression on the differences. No intercept: swapping i and j must
# flip the probability. Each pair appears in both orders, so the classes balance.
pairwise = LogisticRegression(fit_intercept=False).fit(diffs, wins)
print(f"{len(wins):,} ordered pairs from {len(train)} training queries")
# --8<-- [end:pairwise]

assert wins.mean() == 0.5  # both orders of every pair


# --8<-- [start:ndcg]
def per_query(a):
    return a.reshape(len(test), n_docs)


# The pointwise model again, on features centred within each query.
centred = X - X.mean(axis=1, keepdims=True)
pointwise_centred = LogisticRegression().fit(
    centred[train].reshape(-1, n_features), (relevance[train] >= 1).ravel()
)
scores = {
    "random": rng.random((len(test), n_docs)),
    "pointwise": per_query(
        pointwise.decision_function(X[test].reshape(-1, n_features))
    ),
    "pairwise": X[test] @ pairwise.coef_.ravel(),
    "pointwise, centred": per_query(
        pointwise_centred.decision_function(centred[test].reshape(-1, n_features))
    ),
}
ks = np.arange(1, 11)
# ndcg_score takes one row per query and returns the mean of the rows' NDCG@k.
ndcg = {
    name: np.array([ndcg_score(relevance[test], s, k=k) for k in ks])
    for name, s in scores.items()
}
print(f"{'mean NDCG@k':20s}" + "".join(f"{'k=' + str(k):>7s}" for k in (1, 3, 5, 10)))
for name, values in ndcg.items():
    print(f"{name:20s}" + "".join(f"{values[k - 1]:7.3f}" for k in (1, 3, 5, 10)))
print("weights, pointwise:", pointwise.coef_.ravel().round(2))
print("weights, pairwise: ", pairwise.coef_.ravel().round(2))
# --8<-- [end:ndcg]

# ndcg_score on a matrix is the mean over queries of each query's own NDCG@k.
one_by_one = [
    ndcg_score([relevance[q]], [scores["pairwise"][i]], k=5) for i, q in enumerate(test)
]
assert np.isclose(np.mean(one_by_one), ndcg["pairwise"][4])
# The pairwise ranker beats the pointwise one at every k, and both beat random.
assert np.all(ndcg["pairwise"] > ndcg["pointwise"] + 0.05)
assert np.all(ndcg["pointwise"] > ndcg["random"] + 0.3)
# Why: the pointwise model puts weight on feature 5, which predicts how many relevant
# documents a query has but not which ones; the pairwise weight on it is near zero.
w_point, w_pair = pointwise.coef_.ravel(), pairwise.coef_.ravel()
assert w_point[4] > 0.5 * w_point[0] and abs(w_pair[4]) < 0.05 * w_pair[0]
# Centring the features within each query closes the gap: within 0.02 at every k.
assert np.all(np.abs(ndcg["pointwise, centred"] - ndcg["pairwise"]) < 0.02)

# --8<-- [start:position_bias]
# Position bias: the chance that a user examines rank k falls as 1/k (a common
# position-based click model); a user clicks an examined result with the
# probability that it is relevant. Ten results; the old ranker shows them in an
# order that is not their order of relevance.
rng = np.random.default_rng(1)
n_positions = 10
examine = 1 / np.arange(1, n_positions + 1)  # propensity of each position, unknown
relevance_of = np.array([0.30, 0.50, 0.40, 0.60, 0.20, 0.45, 0.15, 0.35, 0.25, 0.55])
# Result d is shown at position d (index 0 = top): its relevance is relevance_of[d].

# 1. Production logs: 200,000 impressions of the list in its usual order.
n_logged = 200_000
clicks = rng.binomial(n_logged, examine * relevance_of)
ctr = clicks / n_logged  # click-through rate of each position, and of its result

# 2. Estimate the propensities from a small randomised bucket: 50,000 impressions
#    whose top 10 is shuffled, so every position holds the same mix of results and
#    its CTR is proportional to how often it is examined.
n_random = 50_000
shown = rng.permuted(np.tile(np.arange(n_positions), (n_random, 1)), axis=1)
clicked = rng.random(shown.shape) < examine * relevance_of[shown]
propensity = clicked.mean(axis=0) / clicked.mean(axis=0)[0]  # relative to rank 1

# 3. Inverse propensity weighting: each click counts 1 / propensity of its position.
ips = ctr / propensity
print(
    f"{'position':>8s} {'true relevance':>15s} {'CTR':>6s}",
    f"{'propensity':>11s} {'CTR/prop.':>10s}",
)
for k in range(n_positions):
    print(
        f"{k + 1:8d} {relevance_of[k]:15.2f} {ctr[k]:6.3f} {propensity[k]:11.3f} "
        f"{ips[k]:10.3f}"
    )
truth, naive, corrected = (np.argsort(-v) + 1 for v in (relevance_of, ctr, ips))
print("order by true relevance:", truth)
print("order by raw CTR:       ", naive)
print("order by CTR/propensity:", corrected)
# --8<-- [end:position_bias]

# Raw CTR puts the top position first although its result is only 7th most relevant,
# and it overstates how much better the top is: CTR falls ~10x over the page, the
# relevance of what is shown does not.
assert naive[0] == 1 and list(truth).index(1) == 6 and truth[0] == 4
assert ctr[0] / ctr[-1] > 4 * relevance_of[0] / relevance_of[-1]
# Dividing by the propensities estimated from the randomised bucket recovers the true
# order exactly, and the estimates are within 10 % of the true propensities.
assert np.array_equal(corrected, truth)
assert np.allclose(propensity, examine, rtol=0.1)
assert np.allclose(ips, relevance_of, atol=0.03)

_one_thread.restore_original_limits()
