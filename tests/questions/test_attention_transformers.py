"""Claims of deep-learning/attention_transformers.md checked beyond the snippet's own examples."""

import numpy as np
import pytest

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("attention_transformers")


def projections(rng, d_model, scale=None):
    scale = scale or 1 / np.sqrt(d_model)
    return [rng.standard_normal((d_model, d_model)) * scale for _ in range(4)]


@pytest.mark.parametrize("d_k", [8, 32, 128, 512])
def test_a_dot_product_of_unit_variance_vectors_has_variance_d_k(d_k):
    rng = np.random.default_rng(d_k)
    q, k = rng.standard_normal((20_000, d_k)), rng.standard_normal((20_000, d_k))
    dots = np.einsum("nd,nd->n", q, k)
    assert dots.var() == pytest.approx(d_k, rel=0.05)
    assert (dots / np.sqrt(d_k)).var() == pytest.approx(1, rel=0.05)


def mean_max_weight(ns, d_k, divisor, n_keys=16, trials=300, seed=0):
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((trials, 1, d_k))
    K = rng.standard_normal((trials, n_keys, d_k))
    scores = (q @ np.swapaxes(K, -1, -2))[:, 0, :] / divisor
    return ns["softmax"](scores).max(axis=1).mean()


def test_unscaled_scores_saturate_sqrt_scaling_is_stable_and_dividing_by_d_k_flattens(ns):
    dims = [16, 256, 2048]
    unscaled = [mean_max_weight(ns, d, 1.0) for d in dims]
    by_sqrt = [mean_max_weight(ns, d, np.sqrt(d)) for d in dims]
    by_d = [mean_max_weight(ns, d, d) for d in dims]
    assert unscaled[-1] > 0.95 and unscaled[0] < unscaled[1] < unscaled[2]
    assert max(by_sqrt) - min(by_sqrt) < 0.05
    # Dividing by d_k overshoots: the weights drift towards uniform, 1/16 for 16 keys.
    assert by_d[-1] < 1 / 16 + 0.01 < by_d[0]


@pytest.mark.parametrize("seed", range(4))
def test_the_softmax_jacobian_matches_finite_differences_and_vanishes_when_saturated(ns, seed):
    rng = np.random.default_rng(seed)
    z = rng.standard_normal(8) * 2
    p = ns["softmax"](z)
    J = np.diag(p) - np.outer(p, p)
    numeric = np.column_stack([(ns["softmax"](z + e) - ns["softmax"](z - e)) / 2e-6 for e in np.eye(8) * 1e-6])
    assert np.linalg.norm(J - numeric) / np.linalg.norm(J + numeric) < 1e-6
    big = z * 50  # the same scores, far larger: nearly one-hot softmax
    p_big = ns["softmax"](big)
    assert np.linalg.norm(np.diag(p_big) - np.outer(p_big, p_big)) < 1e-2 * np.linalg.norm(J)


def test_the_stable_softmax_handles_huge_scores_that_a_naive_one_overflows(ns):
    z = np.array([1000.0, 999.0, 0.0])
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(z) / np.exp(z).sum()
    assert np.isnan(naive).any()
    stable = ns["softmax"](z)
    assert np.isfinite(stable).all() and stable.sum() == pytest.approx(1)
    assert np.allclose(stable, ns["softmax"](z - 1000))  # shifting the scores changes nothing


@pytest.mark.parametrize("seed", range(3))
def test_outputs_are_convex_combinations_of_the_values(ns, seed):
    rng = np.random.default_rng(seed)
    Q, K, V = (rng.standard_normal((7, 5)) for _ in range(3))
    out, w = ns["attention"](Q, K, V)
    assert np.allclose(w.sum(axis=1), 1) and (w >= 0).all()
    assert (out >= V.min(axis=0) - 1e-12).all() and (out <= V.max(axis=0) + 1e-12).all()


@pytest.mark.parametrize("seed", range(4))
def test_a_causal_mask_stops_every_position_from_seeing_later_ones(ns, seed):
    rng = np.random.default_rng(seed)
    n, d = 7, 8
    Wq, Wk, Wv, _ = projections(rng, d)
    X = rng.standard_normal((n, d))
    causal = np.tril(np.ones((n, n), dtype=bool))
    out, w = ns["attention"](X @ Wq, X @ Wk, X @ Wv, mask=causal)
    assert np.all(w[~causal] == 0)
    for t in range(n - 1):
        Y = X.copy()
        Y[t + 1 :] = rng.standard_normal((n - t - 1, d))
        changed, _ = ns["attention"](Y @ Wq, Y @ Wk, Y @ Wv, mask=causal)
        assert np.array_equal(changed[: t + 1], out[: t + 1])
        leaky, _ = ns["attention"](Y @ Wq, Y @ Wk, Y @ Wv)
        full, _ = ns["attention"](X @ Wq, X @ Wk, X @ Wv)
        assert not np.allclose(leaky[: t + 1], full[: t + 1])


def test_a_fully_masked_row_gives_nan_and_a_finite_negative_mask_avoids_it(ns):
    rng = np.random.default_rng(0)
    Q, K, V = (rng.standard_normal((3, 4)) for _ in range(3))
    mask = np.ones((3, 3), dtype=bool)
    mask[1] = False  # query 1 may look at nothing
    with np.errstate(invalid="ignore"):
        out, _ = ns["attention"](Q, K, V, mask=mask)
    assert np.isnan(out[1]).all() and np.isfinite(out[[0, 2]]).all()
    scores = np.where(mask, Q @ K.T / 2, -1e9)  # a large finite negative instead of -inf
    assert np.isfinite(ns["softmax"](scores)).all()


@pytest.mark.parametrize("h", [1, 2, 4, 8])
def test_multi_head_equals_a_loop_over_heads_and_keeps_the_parameter_count(ns, h):
    rng = np.random.default_rng(h)
    n, d_model = 5, 16
    Wq, Wk, Wv, Wo = projections(rng, d_model)
    X = rng.standard_normal((n, d_model))
    Y, w = ns["multi_head"](X, Wq, Wk, Wv, Wo, h)
    d_k = d_model // h
    cols = [slice(i * d_k, (i + 1) * d_k) for i in range(h)]
    heads = [ns["attention"](X @ Wq[:, c], X @ Wk[:, c], X @ Wv[:, c])[0] for c in cols]
    assert np.allclose(Y, np.hstack(heads) @ Wo)
    assert w.shape == (h, n, n)
    assert sum(M.size for M in (Wq, Wk, Wv, Wo)) == 4 * d_model**2
    if h == 1:  # one head is plain attention followed by the output projection
        assert np.allclose(Y, ns["attention"](X @ Wq, X @ Wk, X @ Wv)[0] @ Wo)


@pytest.mark.parametrize("seed", range(4))
def test_without_positions_self_attention_is_permutation_equivariant(ns, seed):
    rng = np.random.default_rng(seed)
    n, d_model, h = 8, 16, 4
    Wq, Wk, Wv, Wo = projections(rng, d_model)
    X = rng.standard_normal((n, d_model))
    perm = rng.permutation(n)
    Y = ns["multi_head"](X, Wq, Wk, Wv, Wo, h)[0]
    assert np.allclose(ns["multi_head"](X[perm], Wq, Wk, Wv, Wo, h)[0], Y[perm])
    PE = ns["sinusoidal"](n, d_model)
    Y_pe = ns["multi_head"](X + PE, Wq, Wk, Wv, Wo, h)[0]
    assert not np.allclose(ns["multi_head"](X[perm] + PE, Wq, Wk, Wv, Wo, h)[0], Y_pe[perm])


@pytest.mark.parametrize("k", [1, 5, 17])
def test_a_sinusoidal_shift_is_one_rotation_for_every_position(ns, k):
    d_model = 32
    pe = ns["sinusoidal"](100, d_model)
    freq = 1.0 / 10000 ** (np.arange(0, d_model, 2) / d_model)
    R = np.zeros((d_model, d_model))
    for i, f in enumerate(freq):
        c, s = np.cos(k * f), np.sin(k * f)
        R[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[c, -s], [s, c]]
    assert np.allclose(pe[k:], pe[:-k] @ R)
    assert np.allclose(R @ R.T, np.eye(d_model))  # a rotation: lengths are kept
    assert np.allclose(np.linalg.norm(pe, axis=1), np.sqrt(d_model / 2))


@pytest.mark.parametrize("seed", range(3))
def test_rope_scores_depend_only_on_the_offset(ns, seed):
    rng = np.random.default_rng(seed)
    q, k = rng.standard_normal(16), rng.standard_normal(16)
    rope = ns["rope"]
    for offset in (0, 3, 9):
        scores = [rope(q, m + offset) @ rope(k, m) for m in (0, 4, 11, 30)]
        assert np.allclose(scores, scores[0])


def test_doubling_the_sequence_quadruples_the_score_matrix_and_doubles_the_projections():
    d_model = 512
    for n in (256, 1024, 4096):
        attn = lambda m: 4 * m * m * d_model  # noqa: E731
        proj = lambda m: 8 * m * d_model**2  # noqa: E731
        assert attn(2 * n) == 4 * attn(n) and proj(2 * n) == 2 * proj(n)
    # the crossover of the two is at n = 2 d_model
    assert 4 * (2 * d_model) ** 2 * d_model == 8 * (2 * d_model) * d_model**2
    # with a feed-forward network of width 4 d_model (16 n d_model^2 operations) it moves to 6 d_model
    ffn = lambda m: 2 * (2 * m * d_model * 4 * d_model)  # noqa: E731
    n = 6 * d_model
    assert 4 * n * n * d_model == 8 * n * d_model**2 + ffn(n)
    assert 4 * (n - 1) ** 2 * d_model < 8 * (n - 1) * d_model**2 + ffn(n - 1)
