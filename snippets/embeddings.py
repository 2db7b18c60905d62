"""What are embeddings and how are they learned?

One-hot codes against dense vectors, an embedding layer as a table lookup, a
word-context matrix factorised with TruncatedSVD, skip-gram with negative sampling
(word2vec) from scratch with a gradient check, and nearest neighbours by cosine.

Run on its own: python snippets/embeddings.py
"""

import numpy as np

# A toy corpus about three topics. Each sentence is "subject verb the adjective noun".
# The nouns of one topic never share a sentence, but they share their contexts (the
# verbs and adjectives), which is all an embedding method gets to learn from.
TOPICS = {
    "animal": (
        ["cat", "dog", "horse", "rabbit"],
        ["feeds", "pets", "brushes", "washes"],
        ["furry", "hungry", "sleepy"],
    ),
    "vehicle": (
        ["car", "bus", "truck", "bike"],
        ["drives", "parks", "repairs", "washes"],  # "washes": shared with animals
        ["fast", "red", "noisy"],
    ),
    "food": (
        ["apple", "bread", "soup", "cheese"],
        ["eats", "cooks", "bakes", "serves"],
        ["tasty", "fresh", "red"],  # "red": shared with vehicles
    ),
}
SUBJECTS = ["she", "he", "they"]
SHARED_VERB = "likes"  # said of every topic


def make_corpus(n_sentences, seed):
    """Sentences from the templates above, with a fixed seed. Each noun has its own
    taste in verbs and adjectives, so nouns of a topic are alike but not identical."""
    rng = np.random.default_rng(seed)
    topics = list(TOPICS)
    taste = {}  # noun -> (weights over the topic's verbs, over its adjectives)
    for nouns, verbs, adjectives in TOPICS.values():
        for noun in nouns:
            taste[noun] = (
                rng.dirichlet(np.ones(len(verbs))),
                rng.dirichlet(np.ones(3)),
            )
    sentences = []
    for _ in range(n_sentences):
        nouns, verbs, adjectives = TOPICS[topics[rng.integers(len(topics))]]
        noun = nouns[rng.integers(len(nouns))]
        p_verb, p_adjective = taste[noun]
        verb = verbs[rng.choice(len(verbs), p=p_verb)]
        if rng.random() < 0.2:
            verb = SHARED_VERB
        adjective = adjectives[rng.choice(len(adjectives), p=p_adjective)]
        sentences.append(
            [SUBJECTS[rng.integers(len(SUBJECTS))], verb, "the", adjective, noun]
        )
    return sentences


def cooccurrence(sentences, index):
    """Count how often each word appears in the same sentence as each other word."""
    counts = np.zeros((len(index), len(index)))
    for sentence in sentences:
        ids = [index[w] for w in sentence]
        for i, w in enumerate(ids):
            for j, c in enumerate(ids):
                if i != j:
                    counts[w, c] += 1
    return counts


def ppmi(counts):
    """Positive pointwise mutual information: max(0, log P(w, c) / (P(w) P(c)))."""
    total = counts.sum()
    p_w = counts.sum(axis=1, keepdims=True) / total
    p_c = counts.sum(axis=0, keepdims=True) / total
    with np.errstate(divide="ignore"):
        pmi = np.log(counts / total / (p_w * p_c))
    return np.maximum(pmi, 0.0)  # log 0 = -inf becomes 0


def nearest(vectors, word, vocab, k=3):
    """The k words whose vectors have the highest cosine similarity to `word`'s."""
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = unit @ unit[vocab.index(word)]
    order = [i for i in np.argsort(-sims, kind="stable") if vocab[i] != word]
    return [(vocab[i], float(sims[i])) for i in order[:k]]


def topic_of(word):
    return next((t for t, (nouns, _, _) in TOPICS.items() if word in nouns), None)


corpus = make_corpus(600, seed=0)
vocab = sorted({w for sentence in corpus for w in sentence})
index = {w: i for i, w in enumerate(vocab)}
V = len(vocab)

# --8<-- [start:one_hot]
rng = np.random.default_rng(0)

one_hot = np.eye(V)  # word i is the i-th unit vector: V numbers, one of them 1
cat, dog = one_hot[index["cat"]], one_hot[index["dog"]]
print(f"vocabulary: {V} words; a one-hot vector has {V} entries")
distance = np.linalg.norm(cat - dog)
print(f"one-hot: cosine(cat, dog) = {cat @ dog:.1f}, distance = {distance:.3f}")

# An embedding layer is a V x d table of trainable numbers, one row per word.
d = 8
E = rng.normal(0.0, 0.1, size=(V, d))
ids = [index[w] for w in ["she", "feeds", "the", "hungry", "cat"]]
looked_up = E[ids]  # what the layer does: pick rows
assert np.allclose(one_hot[ids] @ E, looked_up)  # the same as one-hot times the table
print(f"lookup of 5 tokens: shape {looked_up.shape}, equal to one_hot @ E")

# Backpropagation into the table: the gradient is one_hot.T @ upstream, so only the
# rows of the tokens in the batch receive anything.
upstream = rng.normal(size=looked_up.shape)  # stand-in for dLoss/d(looked_up)
grad_E = one_hot[ids].T @ upstream
touched = np.flatnonzero(np.abs(grad_E).sum(axis=1))
print(f"rows of E with a non-zero gradient: {len(touched)} of {V}")
# --8<-- [end:one_hot]

# Every pair of distinct one-hot vectors is orthogonal and sqrt(2) apart.
pairwise = one_hot @ one_hot.T
assert np.allclose(pairwise, np.eye(V))
assert np.isclose(distance, np.sqrt(2))
assert sorted(touched) == sorted(set(ids)) and len(touched) == 5

# --8<-- [start:svd]
from sklearn.decomposition import TruncatedSVD

counts = cooccurrence(corpus, index)
M = ppmi(counts)
svd = TruncatedSVD(n_components=8, random_state=0)
word_vectors = svd.fit_transform(M)  # U * Sigma: one 8-number row per word

print(f"corpus: {len(corpus)} sentences, e.g. {' '.join(corpus[0])!r}")
print(f"PPMI matrix {M.shape}, {np.mean(M > 0):.0%} of cells non-zero")
print(
    f"cat and dog in the same sentence: {counts[index['cat'], index['dog']]:.0f} times"
)
for word in ["cat", "car", "soup"]:
    pairs = nearest(word_vectors, word, vocab)
    print(f"{word:5s} -> " + ", ".join(f"{w} {s:.2f}" for w, s in pairs))
# --8<-- [end:svd]


def cosine(a, b):
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


nouns = [n for nouns_, _, _ in TOPICS.values() for n in nouns_]
# Nouns of one topic never co-occur, yet their vectors end up close.
for nouns_, _, _ in TOPICS.values():
    for a in nouns_:
        for b in nouns_:
            if a != b:
                assert counts[index[a], index[b]] == 0
assert cosine(word_vectors[index["cat"]], word_vectors[index["dog"]]) > 0.8
assert cosine(word_vectors[index["cat"]], word_vectors[index["car"]]) < 0.3
# ... and they share contexts: cat and dog are both fed, petted and hungry.
for context in ["feeds", "pets", "hungry"]:
    assert (
        counts[index["cat"], index[context]] > 0 < counts[index["dog"], index[context]]
    )
# Every noun's nearest nouns are from its own topic.
noun_vectors = word_vectors[[index[n] for n in nouns]]
for n in nouns:
    top = [w for w, _ in nearest(noun_vectors, n, nouns, k=3)]
    assert all(topic_of(w) == topic_of(n) for w in top), (n, top)
for word in ["cat", "car", "soup"]:
    assert all(
        topic_of(w) == topic_of(word) for w, _ in nearest(word_vectors, word, vocab)
    )

# Words used with every topic get the shortest vectors: their PPMI rows are small.
everywhere = {"the", "she", "he", "they", SHARED_VERB}
norms = np.linalg.norm(word_vectors, axis=1)
assert {vocab[i] for i in np.argsort(norms)[:5]} == everywhere
assert {vocab[i] for i in np.argsort(np.linalg.norm(M, axis=1))[:5]} == everywhere

# --8<-- [start:search]
from sklearn.neighbors import NearestNeighbors

unit = word_vectors / np.linalg.norm(word_vectors, axis=1, keepdims=True)
query = unit[index["bread"]]
by_hand = np.argsort(-(unit @ query), kind="stable")[:4]  # the query itself comes first

nn = NearestNeighbors(n_neighbors=4, metric="cosine").fit(word_vectors)
dist, found = nn.kneighbors(word_vectors[[index["bread"]]])
print("by hand:     ", [vocab[i] for i in by_hand])
print("scikit-learn:", [vocab[i] for i in found[0]])
print("cosine distance = 1 - cosine similarity:", np.round(dist[0], 2))

# On unit vectors, squared Euclidean distance is 2 - 2 cos: the same ranking.
euclid = np.linalg.norm(unit - query, axis=1)
assert np.allclose(euclid**2, 2 - 2 * unit @ query)
assert list(np.argsort(euclid, kind="stable")[:4]) == list(by_hand)
# --8<-- [end:search]

assert list(found[0]) == list(by_hand)
assert np.allclose(dist[0], 1 - unit[found[0]] @ query)


# --8<-- [start:sgns]
def log_sigmoid(x):
    return -np.logaddexp(0.0, -x)


def sgns_loss_and_grads(W, C, centre, context, negatives):
    """Skip-gram with negative sampling, summed over a batch of (centre, context) pairs.

    loss = -log sigmoid(w . c) - sum_j log sigmoid(-w . n_j) for each pair, where w is
    the centre word's row of W, c the context word's row of C, n_j the noise words'.
    """
    w, c, n = W[centre], C[context], C[negatives]  # (B, d), (B, d), (B, k, d)
    s_pos = np.sum(w * c, axis=1)  # (B,)
    s_neg = np.einsum("bd,bkd->bk", w, n)  # (B, k)
    loss = -(log_sigmoid(s_pos).sum() + log_sigmoid(-s_neg).sum())
    g_pos = -np.exp(log_sigmoid(-s_pos))  # dloss/ds_pos = sigmoid(s_pos) - 1
    g_neg = np.exp(log_sigmoid(s_neg))  # dloss/ds_neg = sigmoid(s_neg)
    dW, dC = np.zeros_like(W), np.zeros_like(C)
    np.add.at(dW, centre, g_pos[:, None] * c + np.einsum("bk,bkd->bd", g_neg, n))
    np.add.at(dC, context, g_pos[:, None] * w)
    np.add.at(dC, negatives, g_neg[:, :, None] * w[:, None, :])
    return loss, dW, dC


# Training pairs: every (word, other word in its sentence); noise words are drawn from
# the unigram distribution raised to the power 3/4, as word2vec does.
pairs = np.argwhere(counts > 0)
pairs = np.repeat(pairs, counts[pairs[:, 0], pairs[:, 1]].astype(int), axis=0)
freq = np.bincount([index[w] for s in corpus for w in s], minlength=V)
noise = freq**0.75 / np.sum(freq**0.75)
k, d = 5, 8

# Check the hand-written gradient against central finite differences first.
W = rng.normal(0.0, 0.5, size=(V, d))
C = rng.normal(0.0, 0.5, size=(V, d))
b = rng.choice(len(pairs), size=6)
neg = rng.choice(V, size=(6, k), p=noise)
_, dW, dC = sgns_loss_and_grads(W, C, pairs[b, 0], pairs[b, 1], neg)
numeric = []
for P in (W, C):
    g = np.zeros_like(P)
    for idx in np.ndindex(P.shape):
        old = P[idx]
        P[idx] = old + 1e-6
        up = sgns_loss_and_grads(W, C, pairs[b, 0], pairs[b, 1], neg)[0]
        P[idx] = old - 1e-6
        down = sgns_loss_and_grads(W, C, pairs[b, 0], pairs[b, 1], neg)[0]
        P[idx] = old
        g[idx] = (up - down) / 2e-6
    numeric.append(g)
analytic = np.concatenate([dW.ravel(), dC.ravel()])
numeric = np.concatenate([g.ravel() for g in numeric])
rel_err = np.linalg.norm(analytic - numeric) / np.linalg.norm(analytic + numeric)
print(f"gradient check: relative error {rel_err:.1e}")

# Then train by plain SGD on mini-batches.
W = rng.normal(0.0, 0.1, size=(V, d))
C = np.zeros((V, d))  # word2vec starts the context vectors at zero
losses = []
for epoch in range(15):
    order = rng.permutation(len(pairs))
    total = 0.0
    for start in range(0, len(order), 64):
        batch = pairs[order[start : start + 64]]
        neg = rng.choice(V, size=(len(batch), k), p=noise)
        loss, dW, dC = sgns_loss_and_grads(W, C, batch[:, 0], batch[:, 1], neg)
        W -= 0.02 * dW
        C -= 0.02 * dC
        total += loss
    losses.append(total / len(pairs))
print(f"loss per pair: epoch 1 {losses[0]:.2f}, epoch {len(losses)} {losses[-1]:.2f}")
for word in ["cat", "car", "soup"]:
    print(
        f"{word:5s} -> " + ", ".join(f"{w} {s:.2f}" for w, s in nearest(W, word, vocab))
    )
# --8<-- [end:sgns]

assert rel_err < 1e-6
assert losses[-1] < 0.8 * losses[0]
for word in ["cat", "car", "soup"]:
    assert all(topic_of(w) == topic_of(word) for w, _ in nearest(W, word, vocab))
sgns_noun_vectors = W[[index[n] for n in nouns]]
for n in nouns:
    top = [w for w, _ in nearest(sgns_noun_vectors, n, nouns, k=3)]
    assert all(topic_of(w) == topic_of(n) for w in top), (n, top)

# --8<-- [start:pmi]
# Levy and Goldberg: at its optimum, SGNS sets w . c to log(#(w,c) / (k #(w) Pn(c))),
# the PMI shifted by log k when the noise is the unigram distribution. How close do
# eight dimensions get on the pairs that occur?
row = counts.sum(axis=1, keepdims=True)
target = np.log(
    counts / (k * row * noise[None, :]), where=counts > 0, out=np.zeros_like(M)
)
seen = counts > 0
learned = W @ C.T
r = np.corrcoef(learned[seen], target[seen])[0, 1]
print(f"correlation of w . c with shifted PMI over {seen.sum()} word pairs: {r:.2f}")
# --8<-- [end:pmi]

assert r > 0.7
