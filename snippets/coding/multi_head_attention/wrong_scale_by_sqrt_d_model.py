"""Wrong: multi-head attention divides the scores by sqrt(d_model), not by one head's sqrt(d_k).

A plausible mistake for the multi-head attention problem; the tests must catch it.
"""

CAUGHT_BY = "test_multi_head_matches_per_head_loop"
MESSAGE = "Yours divides the scores by sqrt(d_model)"

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    """softmax(Q K^T / sqrt(d_k)) V over the last two axes, with optional masking.

    Q: (..., n_q, d_k), K: (..., n_k, d_k), V: (..., n_k, d_v), float64; the leading
    axes (batch, heads) must match or broadcast.
    mask: None, or a boolean array broadcastable to (..., n_q, n_k); True means query i
    may attend to key j, False means it may not (its weight is exactly 0).
    Returns (out, weights): out (..., n_q, d_v), weights (..., n_q, n_k) float64, each
    row of weights summing to 1. The softmax subtracts each row's maximum, so scores of
    any size give no overflow.
    Raises ValueError if some query row has every key masked (there is nothing to
    attend to). Does not modify its inputs.
    """
    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)  # (..., n_q, n_k)
    if mask is not None:
        mask = np.broadcast_to(mask, scores.shape)
        if not mask.any(axis=-1).all():
            raise ValueError("a query row is fully masked: it has no key to attend to")
        scores = np.where(mask, scores, -np.inf)  # exp(-inf) = 0 exactly
    scores = scores - scores.max(axis=-1, keepdims=True)  # each row's maximum is 0
    e = np.exp(scores)
    weights = e / e.sum(axis=-1, keepdims=True)  # softmax over the keys
    return weights @ V, weights


def multi_head_self_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    """Multi-head self-attention of a sequence (or a batch of them), no biases.

    X: (n, d_model) or (batch, n, d_model) float64. Wq, Wk, Wv, Wo: (d_model, d_model).
    Head i uses columns i*d_k:(i+1)*d_k of X @ Wq, X @ Wk and X @ Wv, where
    d_k = d_model // n_heads; the head outputs are concatenated in head order and
    multiplied by Wo. causal=True lets position t attend to positions 0..t only.
    Returns an array of the shape of X.
    Raises ValueError if n_heads < 1 or d_model is not divisible by n_heads.
    Does not modify its inputs.
    """
    d_model = X.shape[-1]
    if n_heads < 1 or d_model % n_heads != 0:
        raise ValueError(f"d_model={d_model} is not divisible by n_heads={n_heads}")
    d_k, n = d_model // n_heads, X.shape[-2]

    def split(M):  # (..., n, d_model) -> (..., n_heads, n, d_k)
        return np.swapaxes(M.reshape(*M.shape[:-1], n_heads, d_k), -2, -3)

    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    mask = np.tril(np.ones((n, n), dtype=bool)) if causal else None
    # the scores scaled by the full width: sqrt(d_model) instead of sqrt(d_k)
    heads, _ = scaled_dot_product_attention(Q * np.sqrt(d_k / d_model), K, V, mask)
    concat = np.swapaxes(heads, -2, -3).reshape(X.shape)  # (..., n, d_model)
    return concat @ Wo
