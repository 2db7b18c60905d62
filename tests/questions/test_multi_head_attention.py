"""Claims of coding/multi_head_attention.md checked against the reference solution."""

import numpy as np
import pytest
from scipy.special import softmax

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("multi_head_attention")


def projections(seed, d_model=8):
    rng = np.random.default_rng(seed)
    return tuple(rng.normal(0, d_model**-0.5, (d_model, d_model)) for _ in range(4))


def split_by_columns(M, n_heads):
    d_k = M.shape[-1] // n_heads
    return np.stack([M[..., i * d_k : (i + 1) * d_k] for i in range(n_heads)], axis=-3)


@pytest.mark.parametrize("n_heads", [1, 2, 4, 8])
def test_reshape_then_swap_is_the_column_slices_and_reshape_alone_is_not(n_heads):
    M = np.arange(2 * 5 * 8, dtype=float).reshape(2, 5, 8)
    d_k = 8 // n_heads
    right = np.swapaxes(M.reshape(2, 5, n_heads, d_k), -2, -3)
    np.testing.assert_array_equal(right, split_by_columns(M, n_heads))
    wrong = M.reshape(2, n_heads, 5, d_k)
    assert np.array_equal(wrong, right) == (n_heads == 1)  # only one head hides the bug


def test_a_causal_mask_never_fully_masks_a_row():
    for n in range(1, 20):
        assert np.tril(np.ones((n, n), bool)).any(axis=-1).all()


def test_without_the_check_a_fully_masked_row_is_nan(ns):
    # The reference's softmax lines, minus the ValueError: all -inf gives 0/0.
    scores = np.array([[1.0, 2.0], [-np.inf, -np.inf]])
    with np.errstate(invalid="ignore"):
        shifted = scores - scores.max(axis=-1, keepdims=True)
        e = np.exp(shifted)
        w = e / e.sum(axis=-1, keepdims=True)
    assert np.isfinite(w[0]).all() and np.isnan(w[1]).all()
    Q = K = V = np.eye(2)
    with pytest.raises(ValueError):
        ns["scaled_dot_product_attention"](Q, K, V, np.array([[True, True], [False, False]]))


def test_a_large_finite_negative_gives_uniform_weights_to_ignored_keys():
    rng = np.random.default_rng(0)
    scores = rng.normal(size=(3, 5))
    mask = np.ones((3, 5), bool)
    mask[1] = False
    w = softmax(np.where(mask, scores, -1e9), axis=-1)
    np.testing.assert_allclose(w[1], np.full(5, 0.2))  # attends evenly to keys it should ignore
    assert np.all(w[0] > 0)  # other rows: masked keys would get exp(-1e9) = 0


def test_right_padding_with_causal_is_fine_but_left_padding_masks_a_row_fully(ns):
    n, lengths = 5, [5, 3, 1]
    causal = np.tril(np.ones((n, n), bool))
    right = np.array([[j < L for j in range(n)] for L in lengths])  # real tokens first
    left = np.array([[j >= n - L for j in range(n)] for L in lengths])  # real tokens last
    assert (causal & right[:, None, :]).any(axis=-1).all()
    combined = causal & left[:, None, :]
    assert not combined.any(axis=-1).all()
    assert not combined[1, 0].any()  # sequence 1, query 0: a pad that may see only itself
    Q = K = V = np.random.default_rng(0).normal(size=(3, n, 4))
    with pytest.raises(ValueError):
        ns["scaled_dot_product_attention"](Q, K, V, combined)


@pytest.mark.parametrize("seed", range(3))
def test_kv_cache_row_t_needs_only_keys_and_values_up_to_t(ns, seed):
    rng = np.random.default_rng(seed)
    n, d = 6, 4
    Q, K, V = rng.normal(size=(3, n, d))
    full, _ = ns["scaled_dot_product_attention"](Q, K, V, np.tril(np.ones((n, n), bool)))
    for t in range(n):
        step, _ = ns["scaled_dot_product_attention"](Q[t : t + 1], K[: t + 1], V[: t + 1])
        np.testing.assert_allclose(step[0], full[t], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_query_chunks_give_exactly_the_full_attention(ns, chunk):
    rng = np.random.default_rng(chunk)
    Q, K, V = rng.normal(size=(2, 7, 4)), rng.normal(size=(2, 9, 4)), rng.normal(size=(2, 9, 3))
    full, _ = ns["scaled_dot_product_attention"](Q, K, V)
    parts = [ns["scaled_dot_product_attention"](Q[:, i : i + chunk], K, V)[0] for i in range(0, 7, chunk)]
    np.testing.assert_allclose(np.concatenate(parts, axis=1), full, rtol=1e-12, atol=1e-14)


def test_dividing_by_d_k_flattens_the_weights_towards_uniform():
    rng = np.random.default_rng(0)
    d_k, n_keys = 64, 16
    q, K = rng.normal(size=(500, 1, d_k)), rng.normal(size=(500, n_keys, d_k))
    raw = (q @ np.swapaxes(K, -1, -2))[:, 0]
    assert abs(raw.var() / d_k - 1) < 0.1  # variance d_k
    assert abs((raw / np.sqrt(d_k)).var() - 1) < 0.1  # unit variance after sqrt(d_k)
    by_sqrt = softmax(raw / np.sqrt(d_k), axis=-1).max(axis=-1).mean()
    by_dk = softmax(raw / d_k, axis=-1).max(axis=-1).mean()
    assert 1 / n_keys < by_dk < 0.1 < 0.2 < by_sqrt  # by d_k: close to the uniform 1/16


def test_example_output_claims(ns):
    w, w_huge = ns["weights"], ns["w_huge"]
    np.testing.assert_array_equal(w[0], [1.0, 0.0, 0.0])  # the first query sees only itself
    assert np.abs(100 * ns["Q"] @ (100 * ns["K"]).T / 2).max() > 1e4  # scores of order 1e4
    np.testing.assert_allclose(w_huge.max(axis=-1), 1.0, atol=1e-9)  # all weight on the largest score
    assert ns["Y"].shape == ns["X"].shape == (2, 5, 8)


def test_the_figure_heads_differ_and_are_causal(ns):
    from scripts.figures.multi_head_attention import head_weights

    causal, weights = head_weights(ns)
    assert len(weights) == ns["n_heads"] == 2
    for w in weights:
        assert np.all(w[~causal] == 0)
        np.testing.assert_allclose(w.sum(axis=-1), 1.0)
    assert not np.allclose(weights[0], weights[1], atol=0.05)


@pytest.mark.parametrize("n", [8, 16, 32])
def test_score_memory_is_quadratic_in_the_sequence_length(ns, n):
    # The weights array: b * h * n * n numbers.
    b, h, d_model = 2, 4, 8
    X = np.random.default_rng(n).normal(size=(b, n, d_model))
    Q = np.swapaxes(X.reshape(b, n, h, d_model // h), 1, 2)
    _, w = ns["scaled_dot_product_attention"](Q, Q, Q)
    assert w.shape == (b, h, n, n)
