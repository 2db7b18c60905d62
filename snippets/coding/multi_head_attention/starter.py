"""Implement scaled dot-product attention and multi-head self-attention.

NumPy only. Run the tests with: pytest (they look for solution.py beside them).
"""

import numpy as np  # noqa: F401 (you will need it)


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
    raise NotImplementedError("write your solution here")


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
    raise NotImplementedError("write your solution here")
