"""How does attention work in a transformer?

Scaled dot-product attention in NumPy: a soft dictionary lookup, why the scores are
divided by sqrt(d_k) (softmax saturation, with the softmax Jacobian checked against
finite differences), causal masking, multi-head attention, positional encodings, and
what attention costs as the sequence grows.

Run on its own: python snippets/attention_transformers.py
"""

import numpy as np


# --8<-- [start:attention]
def softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)  # same result, and exp cannot overflow
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def attention(Q, K, V, mask=None):
    """softmax(Q K^T / sqrt(d_k)) V. mask[i, j] False: query i may not look at key j."""
    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)  # exp(-inf) = 0: no weight at all
    weights = softmax(scores)
    return weights @ V, weights


# A soft dictionary: four keys, each with a value; the query resembles key 2.
K = 3.0 * np.eye(4)
V = np.array([[10.0], [20.0], [30.0], [40.0]])
q = np.array([[0.2, 0.1, 2.5, 0.0]])
out, w = attention(q, K, V)
print("weights on the four keys:", np.round(w[0], 3))
print(f"output: {out[0, 0]:.2f} (value of key 2 is 30; a weighted average of all four)")
# --8<-- [end:attention]

assert np.isclose(w.sum(), 1.0) and w[0].argmax() == 2
assert np.isclose(out[0, 0], w[0] @ V[:, 0])
assert V.min() <= out[0, 0] <= V.max()  # a convex combination stays within the values

# --8<-- [start:scaling]
rng = np.random.default_rng(0)
n_keys, trials = 16, 400
dims = [4, 16, 64, 256, 1024]
rows = []
print(
    f"{'d_k':>5} {'score sd':>9} {'scaled sd':>9} {'max weight':>11} "
    f"{'scaled max':>10} {'grad':>8} {'scaled grad':>11}"
)
for d_k in dims:
    # query and keys with independent components of mean 0 and variance 1
    q = rng.standard_normal((trials, 1, d_k))
    K = rng.standard_normal((trials, n_keys, d_k))
    raw = (q @ np.swapaxes(K, -1, -2))[:, 0, :]  # (trials, n_keys) dot products
    row = {"d_k": d_k, "sd": raw.std(), "sd_scaled": (raw / np.sqrt(d_k)).std()}
    for name, s in (("", raw), ("_scaled", raw / np.sqrt(d_k))):
        p = softmax(s)
        # Jacobian of softmax: diag(p) - p p^T; its size says how much gradient passes.
        J = p[:, :, None] * np.eye(n_keys) - p[:, :, None] * p[:, None, :]
        row["max" + name] = p.max(axis=1).mean()
        row["grad" + name] = np.linalg.norm(J, axis=(1, 2)).mean()
    rows.append(row)
    print(
        f"{d_k:5d} {row['sd']:9.1f} {row['sd_scaled']:9.2f} {row['max']:11.2f} "
        f"{row['max_scaled']:10.2f} {row['grad']:8.3f} {row['grad_scaled']:11.3f}"
    )
# --8<-- [end:scaling]

# The dot product of two independent unit-variance vectors has variance d_k.
for row in rows:
    assert abs(row["sd"] / np.sqrt(row["d_k"]) - 1) < 0.1
    assert abs(row["sd_scaled"] - 1) < 0.1
# Unscaled, the softmax saturates as d_k grows and its gradient vanishes; scaled, not.
first, last = rows[0], rows[-1]
assert last["max"] > 0.9 and last["grad"] < 0.25 * last["grad_scaled"]
assert max(r["max_scaled"] for r in rows) - min(r["max_scaled"] for r in rows) < 0.1
assert all(a["grad"] > b["grad"] for a, b in zip(rows, rows[1:]))
assert max(r["grad_scaled"] for r in rows) - min(r["grad_scaled"] for r in rows) < 0.02

# --8<-- [start:jacobian]
# The softmax Jacobian by hand, checked against central finite differences.
z = rng.standard_normal(6)
p = softmax(z)
J_hand = np.diag(p) - np.outer(p, p)
J_num = np.zeros((6, 6))
for j in range(6):
    step = np.zeros(6)
    step[j] = 1e-6
    J_num[:, j] = (softmax(z + step) - softmax(z - step)) / 2e-6
rel_err = np.linalg.norm(J_hand - J_num) / np.linalg.norm(J_hand + J_num)
print(f"softmax Jacobian: relative error against finite differences {rel_err:.1e}")
# --8<-- [end:jacobian]

assert rel_err < 1e-6

# --8<-- [start:mask]
rng = np.random.default_rng(1)
n, d_model = 5, 8
tokens = ["the", "cat", "sat", "on", "it"]
X = rng.standard_normal((n, d_model))
W_q, W_k, W_v = (
    rng.standard_normal((d_model, d_model)) / np.sqrt(d_model) for _ in "qkv"
)

causal = np.tril(np.ones((n, n), dtype=bool))  # position i sees positions 0..i
out_full, w_full = attention(X @ W_q, X @ W_k, X @ W_v)
out_causal, w_causal = attention(X @ W_q, X @ W_k, X @ W_v, mask=causal)
print("causal attention weights (row = query, column = key):")
for t, row in zip(tokens, w_causal):
    print(f"  {t:>4}: " + " ".join(f"{x:.2f}" for x in row))

# Change the last two tokens: with the mask, the first three outputs do not move.
X_future = X.copy()
X_future[3:] = rng.standard_normal((2, d_model))
out_changed, _ = attention(X_future @ W_q, X_future @ W_k, X_future @ W_v, mask=causal)
moved = np.abs(out_changed[:3] - out_causal[:3]).max()
print(f"largest change in outputs 0-2 after editing tokens 3-4: {moved:.1e}")
# --8<-- [end:mask]

assert np.all(w_causal[~causal] == 0) and np.allclose(w_causal.sum(axis=1), 1)
assert moved == 0.0
assert np.allclose(w_causal[0], [1, 0, 0, 0, 0])  # the first token can only see itself
out_full_changed, _ = attention(X_future @ W_q, X_future @ W_k, X_future @ W_v)
assert np.abs(out_full_changed[:3] - out_full[:3]).max() > 0.01  # unmasked: it leaks


# --8<-- [start:multihead]
def multi_head(X, W_q, W_k, W_v, W_o, h, mask=None):
    """Split d_model into h heads of d_model / h, attend in each, concatenate, mix."""
    n, d_model = X.shape
    d_k = d_model // h

    def split(M):  # (n, d_model) -> (h, n, d_k)
        return M.reshape(n, h, d_k).transpose(1, 0, 2)

    heads, weights = attention(split(X @ W_q), split(X @ W_k), split(X @ W_v), mask)
    concat = heads.transpose(1, 0, 2).reshape(n, d_model)
    return concat @ W_o, weights


rng = np.random.default_rng(2)
n, d_model, h = 6, 16, 4
X = rng.standard_normal((n, d_model))
W_q, W_k, W_v, W_o = (rng.standard_normal((d_model, d_model)) / 4 for _ in range(4))
Y, weights = multi_head(X, W_q, W_k, W_v, W_o, h)

# The same head by head: head i uses columns i*d_k .. (i+1)*d_k of each projection.
d_k = d_model // h
cols = [slice(i * d_k, (i + 1) * d_k) for i in range(h)]
loop = np.hstack(
    [attention(X @ W_q[:, c], X @ W_k[:, c], X @ W_v[:, c])[0] for c in cols]
)
print(f"output {Y.shape}; attention weights {weights.shape} (heads, queries, keys)")
print("equal to a loop over the heads:", np.allclose(Y, loop @ W_o))
print("token 0 looks hardest at token", weights[:, 0].argmax(axis=1), "in heads 0-3")
params = sum(M.size for M in (W_q, W_k, W_v, W_o))
print(f"projection parameters: {params} = 4 x d_model^2, whatever the number of heads")
# --8<-- [end:multihead]

assert np.allclose(Y, loop @ W_o)
assert params == 4 * d_model**2
# The heads attend to different tokens.
assert len(set(weights[:, 0].argmax(axis=1))) > 1


# --8<-- [start:positions]
def sinusoidal(n, d_model):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same)."""
    pos = np.arange(n)[:, None]
    freq = 1.0 / 10000 ** (np.arange(0, d_model, 2) / d_model)
    pe = np.zeros((n, d_model))
    pe[:, 0::2], pe[:, 1::2] = np.sin(pos * freq), np.cos(pos * freq)
    return pe


rng = np.random.default_rng(3)
n, d_model = 6, 16
X = rng.standard_normal((n, d_model))
perm = rng.permutation(n)


def self_attention(X):
    return multi_head(X, W_q, W_k, W_v, W_o, h)[0]


# Without positions, shuffling the tokens only shuffles the outputs.
equivariant = np.allclose(self_attention(X[perm]), self_attention(X)[perm])
print("no positions: shuffled input gives shuffled output:", equivariant)
PE = sinusoidal(n, d_model)
with_pe = np.allclose(self_attention(X[perm] + PE), self_attention(X + PE)[perm])
print("with sinusoidal positions added:                 ", with_pe)

# For a fixed offset k, PE[pos + k] is PE[pos] rotated: the same matrix for every pos.
k = 3
freq = 1.0 / 10000 ** (np.arange(0, d_model, 2) / d_model)
R = np.zeros((d_model, d_model))
for i, f in enumerate(freq):
    c, s = np.cos(k * f), np.sin(k * f)
    R[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[c, -s], [s, c]]
long_pe = sinusoidal(40, d_model)
linear = np.allclose(long_pe[k:], long_pe[:-k] @ R)
print(f"PE[pos + {k}] = PE[pos] @ R for every pos:", linear)


# Rotary embeddings (RoPE) rotate the query and the key by their own positions instead;
# their dot product then depends only on the offset between the two positions.
def rope(x, pos):
    x0, x1 = x[0::2], x[1::2]
    c, s = np.cos(pos * freq), np.sin(pos * freq)
    out = np.empty_like(x)
    out[0::2], out[1::2] = x0 * c - x1 * s, x0 * s + x1 * c
    return out


q_vec, k_vec = rng.standard_normal(d_model), rng.standard_normal(d_model)
same = np.isclose(rope(q_vec, 5) @ rope(k_vec, 2), rope(q_vec, 13) @ rope(k_vec, 10))
print("RoPE: score(query at 5, key at 2) = score(query at 13, key at 10):", same)
# --8<-- [end:positions]

assert equivariant and not with_pe and linear and same
# ... and RoPE scores do change with the offset.
assert not np.isclose(rope(q_vec, 5) @ rope(k_vec, 2), rope(q_vec, 5) @ rope(k_vec, 4))

# --8<-- [start:cost]
d_model = 768  # the width of BERT-base and GPT-2 small
print(f"{'n':>6} {'weights MiB':>12} {'attention GFLOP':>16} {'projections GFLOP':>18}")
cost = {}
for n in [512, 2048, 8192, 32768]:
    mib = n * n * 4 / 2**20  # one float32 n x n weight matrix, per head and layer
    attn = 2 * (2 * n * n * d_model) / 1e9  # Q K^T and weights @ V, all heads together
    proj = 4 * (2 * n * d_model**2) / 1e9  # the Q, K, V and output projections
    cost[n] = (mib, attn, proj)
    print(f"{n:6d} {mib:12.0f} {attn:16.1f} {proj:18.1f}")
print(f"the n x n part outgrows the projections beyond n = 2 d_model = {2 * d_model}")
# A feed-forward network of width 4 d_model adds 2 x (2 n d_model 4 d_model) operations.
ffn = lambda n: 2 * (2 * n * d_model * 4 * d_model) / 1e9  # noqa: E731
print(f"... and the projections plus that FFN beyond n = 6 d_model = {6 * d_model}")
# --8<-- [end:cost]

# Doubling n quadruples the attention part and doubles the projections.
assert np.isclose(cost[2048][1] / cost[512][1], 16) and np.isclose(cost[2048][0], 16)
assert np.isclose(cost[2048][2] / cost[512][2], 4)
assert cost[512][1] < cost[512][2] and cost[2048][1] > cost[2048][2]
# The crossovers: attention = projections at n = 2 d_model,
# and = projections + FFN at n = 6 d_model.
attn_ops = lambda n: 2 * (2 * n * n * d_model) / 1e9  # noqa: E731
proj_ops = lambda n: 4 * (2 * n * d_model**2) / 1e9  # noqa: E731
assert np.isclose(attn_ops(2 * d_model), proj_ops(2 * d_model))
assert np.isclose(attn_ops(6 * d_model), proj_ops(6 * d_model) + ffn(6 * d_model))
assert attn_ops(4096) < proj_ops(4096) + ffn(4096)
assert attn_ops(8192) > proj_ops(8192) + ffn(8192)
