"""A recommender's candidate stage on synthetic implicit feedback with planted taste
groups: popularity, item-item cosine similarity and a truncated SVD, compared by
recall@k on held-out interactions; the popularity fallback for a new user; and the
serving numbers.

Run on its own: python snippets/recommender_system.py
"""

import numpy as np

SECONDS_PER_DAY = 86_400

# --8<-- [start:envelope]
# Assumptions for a video app's home feed (say them aloud):
DAILY_USERS = 50e6
FEED_LOADS_PER_USER = 8  # home-feed requests per user per day
PEAK_TO_AVERAGE = 3
CATALOGUE = 10e6  # items that can be recommended
DIM = 64  # embedding size of the candidate model
CANDIDATES = 500  # items per request handed to the ranking model

average_qps = DAILY_USERS * FEED_LOADS_PER_USER / SECONDS_PER_DAY
peak_qps = average_qps * PEAK_TO_AVERAGE
print(f"feed requests: {average_qps:,.0f}/s average, {peak_qps:,.0f}/s at peak")
print(f"ranking model: {peak_qps * CANDIDATES / 1e6:,.1f} M item scores/s at peak")
print(
    f"whole catalogue instead: {peak_qps * CATALOGUE / 1e9:,.0f} billion item scores/s"
)
# Ranker cost: CPU time per candidate (features in hand, a tree ensemble or small net),
# and the utilisation we plan for at peak.
CPU_US_PER_SCORE = 20
TARGET_UTILISATION = 0.5
ranker_cores = peak_qps * CANDIDATES * CPU_US_PER_SCORE / 1e6 / TARGET_UTILISATION
print(
    f"ranker CPU cores at peak: {ranker_cores:,.0f} (whole catalogue: "
    f"{ranker_cores * CATALOGUE / CANDIDATES / 1e6:,.1f} million)"
)

index_gb = CATALOGUE * DIM * 4 / 1e9  # float32 item vectors, before index overhead
print(f"ANN index of item vectors: {index_gb:.1f} GB per replica")
# Precomputing the candidates of every daily user overnight (item id + score, 8 bytes):
precomputed_gb = DAILY_USERS * CANDIDATES * 8 / 1e9
print(f"precomputed candidates for every daily user: {precomputed_gb:,.0f} GB")

# The feed must render in 200 ms at p99; candidate sources run in parallel.
budget_ms = {
    "candidate generation (ANN + other sources)": 30,
    "feature fetch for 500 candidates": 40,
    "ranking model": 60,
    "re-ranking: diversity, business rules": 10,
    "network and serialisation": 20,
}
for step, ms in budget_ms.items():
    print(f"  {step:44s} {ms:3d} ms")
print(f"  {'headroom':44s} {200 - sum(budget_ms.values()):3d} ms of 200")
# --8<-- [end:envelope]

assert round(average_qps) == 4_630 and round(peak_qps) == 13_889
assert round(peak_qps * CATALOGUE / 1e9) == 139
assert CATALOGUE / CANDIDATES == 20_000  # whole catalogue vs candidates
assert round(ranker_cores) == 278
assert round(ranker_cores * CATALOGUE / CANDIDATES / 1e6, 1) == 5.6
assert round(index_gb, 1) == 2.6 and round(precomputed_gb) == 200
assert sum(budget_ms.values()) == 160

# --8<-- [start:data]
# Implicit feedback with planted structure: every item belongs to one of 12 taste
# groups, every user likes one group (affinity 1) and barely touches the others
# (0.05); item popularity follows a power law, independent of the group.
rng = np.random.default_rng(0)
n_users, n_items, n_groups = 2_000, 500, 12
item_group = rng.integers(0, n_groups, n_items)
user_group = rng.integers(0, n_groups, n_users)
popularity = rng.permutation(1 / np.arange(1, n_items + 1) ** 0.7)
affinity = np.where(user_group[:, None] == item_group[None, :], 1.0, 0.05)
weights = affinity * popularity
n_seen = rng.integers(10, 40, n_users)  # interactions per user

# Each user's items, drawn without replacement in proportion to `weights`
# (Gumbel top-k: add Gumbel noise to the log weights and keep the n largest).
keys = np.log(weights) + rng.gumbel(size=weights.shape)
picks = np.argsort(-keys, axis=1)  # each user's items, first pick first
R = np.zeros((n_users, n_items))  # 1 = watched; 0 = not watched, NOT disliked
np.put_along_axis(R, picks, np.arange(n_items) < n_seen[:, None], axis=1)

# Hold out a fifth of each user's interactions, chosen at random, as the test set.
shuffled = np.argsort(np.where(R > 0, rng.random(R.shape), np.inf), axis=1)
test = np.zeros_like(R)
n_test = np.maximum(1, n_seen // 5)
np.put_along_axis(test, shuffled, np.arange(n_items) < n_test[:, None], axis=1)
train = R - test
counts = train.sum(axis=0)
top_decile = np.argsort(-counts)[: n_items // 10]
print(
    f"{n_users} users x {n_items} items, {R.sum():,.0f} interactions "
    f"({R.mean():.1%} of the matrix)"
)
head_share = counts[top_decile].sum() / counts.sum()
print(f"the most popular 10 % of items hold {head_share:.0%} of training interactions")
# --8<-- [end:data]

assert 0.03 < R.mean() < 0.05 and (test.sum(axis=1) >= 1).all()
assert (train >= 0).all() and train.sum() + test.sum() == R.sum()
pop_share = counts[top_decile].sum() / counts.sum()
assert 0.3 < pop_share < 0.5

# --8<-- [start:candidates]
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize

X = sparse.csr_matrix(train)


def top_k(scores, k):
    """The k highest-scoring items per user, best first, never one already seen."""
    scores = np.where(train > 0, -np.inf, scores)
    best = np.argpartition(-scores, k, axis=1)[:, :k]  # the top k, unordered
    order = np.argsort(-np.take_along_axis(scores, best, axis=1), axis=1)
    return np.take_along_axis(best, order, axis=1)


def recall_at_k(recommended):
    """Per user: held-out items found in the list / held-out items; then the mean."""
    hits = np.take_along_axis(test, recommended, axis=1).sum(axis=1)
    return np.mean(hits / test.sum(axis=1))


# 1. Popularity: the same list for everyone (minus what they have seen).
pop_scores = np.tile(counts, (n_users, 1))
# 2. Item-item: cosine similarity between item columns, summed over the user's items.
item_vectors = normalize(X.T.tocsr())  # one unit-length row per item
similarity = (item_vectors @ item_vectors.T).toarray()
np.fill_diagonal(similarity, 0)
item_item_scores = X @ similarity
# 3. Factorisation: a rank-12 truncated SVD of the 0/1 matrix, R ~ U S V^T.
svd = TruncatedSVD(n_components=n_groups, random_state=0).fit(X)
svd_scores = svd.transform(X) @ svd.components_  # U S V^T, row by row

generators = {
    "popularity": pop_scores,
    "item-item cosine": item_item_scores,
    "truncated SVD": svd_scores,
}
ks = (10, 20, 50, 100)
print(f"{'recall@k':18s}" + "".join(f"{k:>7d}" for k in ks))
recall, ranked = {}, {}
for name, scores in generators.items():
    ranked[name] = top_k(scores, max(ks))  # the top 10 are the first 10 of the top 100
    recall[name] = [recall_at_k(ranked[name][:, :k]) for k in ks]
    print(f"{name:18s}" + "".join(f"{r:7.3f}" for r in recall[name]))
# --8<-- [end:candidates]

# The personalised candidates beat popularity at every k, by a wide margin at small k.
# The neighbour method matches the SVD at k = 10 and passes it at k = 100.
assert abs(recall["item-item cosine"][0] - recall["truncated SVD"][0]) < 0.01
assert recall["item-item cosine"][-1] > recall["truncated SVD"][-1] + 0.03
for name in ("item-item cosine", "truncated SVD"):
    assert all(p > q for p, q in zip(recall[name], recall["popularity"]))
# ...twice as many hits as popularity at k = 10.
assert recall["truncated SVD"][0] > 2 * recall["popularity"][0]


# --8<-- [start:cold_start]
def recommend(history, k=10):
    """Items for one user from the ids of the items they interacted with."""
    if len(history) == 0:  # a new user: nothing to personalise from
        return np.argsort(-counts, kind="stable")[:k]
    row = np.zeros((1, n_items))
    row[0, history] = 1
    scores = (svd.transform(row) @ svd.components_)[0]  # fold in without retraining
    scores[history] = -np.inf
    return np.argsort(-scores, kind="stable")[:k]


empty = np.zeros((1, n_items))
print(
    "SVD scores for an empty history:",
    np.unique(svd.transform(empty) @ svd.components_),
)
print("fallback for a new user:       ", recommend([]))
print("ten most popular items:        ", np.argsort(-counts, kind="stable")[:10])

# A user who has watched three items of group 4: the list moves to group 4 at once.
fan = np.flatnonzero(item_group == 4)[:3]
print(f"after 3 views of group 4, groups of the top 10: {item_group[recommend(fan)]}")

# A new item has no interactions, so its factor is zero and it scores 0 for everyone.
# Content places it instead: here its group (a category tag), at the mean factor of
# the items of that group.
X_new = sparse.hstack([X, sparse.csr_matrix((n_users, 1))]).tocsr()
svd_new = TruncatedSVD(n_components=n_groups, random_state=0).fit(X_new)
print(f"factor of the new item: {np.abs(svd_new.components_[:, -1]).max():.1e}")
content_factor = svd_new.components_[:, :-1][:, item_group == 4].mean(axis=1)
new_scores = svd_new.transform(X_new) @ content_factor
fans = user_group == 4
print(
    f"content-based score: {new_scores[fans].mean():.3f} for group-4 users, "
    f"{new_scores[~fans].mean():.3f} for the others"
)
# --8<-- [end:cold_start]

# With no history the factorisation scores every item 0: it cannot rank anything...
assert np.allclose(svd.transform(empty) @ svd.components_, 0)
# ...so the fallback recommends exactly the most popular items,
assert np.array_equal(recommend([]), np.argsort(-counts, kind="stable")[:10])
# and three interactions are enough to personalise.
assert (item_group[recommend(fan)] == 4).mean() >= 0.8
# A new item's factor is zero; the content-based one targets the right audience.
assert np.abs(svd_new.components_[:, -1]).max() < 1e-10
assert new_scores[fans].mean() > 5 * new_scores[~fans].mean()

# --8<-- [start:coverage]
# Popularity bias: how much of the catalogue each generator ever recommends.
print(f"{'top-10 lists':18s} {'catalogue coverage':>19s} {'from the top 10 %':>18s}")
coverage, head = {}, {}
for name in generators:
    lists = ranked[name][:, :10]
    coverage[name] = np.unique(lists).size / n_items
    head[name] = np.isin(lists, top_decile).mean()
    print(f"{name:18s} {coverage[name]:19.1%} {head[name]:18.1%}")
# --8<-- [end:coverage]

assert coverage["popularity"] < 0.1 < coverage["truncated SVD"]
assert coverage["item-item cosine"] > coverage["popularity"]
assert coverage["popularity"] < 0.05  # "a few per cent"
assert min(coverage["item-item cosine"], coverage["truncated SVD"]) > 0.5  # over half
assert head["popularity"] == 1.0  # "all of it from the head"
