"""Claims of deep-learning/batch_layer_norm.md checked beyond the arrays its snippet uses."""

import contextlib
import io
import runpy
from pathlib import Path

import numpy as np
import pytest

SNIPPET = Path(__file__).resolve().parents[2] / "snippets" / "batch_layer_norm.py"


@pytest.fixture(scope="module")
def page():
    """The page's own functions (normalize, normalize_backward, BatchNorm), run quietly."""
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPET), run_name="snippet")


def bn(z, page):
    return page["normalize"](z, 0)


def ln(z, page):
    return page["normalize"](z, 1)


# Invariances in Ba, Kiros and Hinton (2016), table 1, for a layer z = X @ W (no bias).
@pytest.mark.parametrize("seed", range(3))
def test_invariances_of_batch_norm_and_layer_norm(seed, page):
    rng = np.random.default_rng(seed)
    X, W = rng.normal(size=(16, 6)), rng.normal(size=(6, 5))
    base_bn, base_ln = bn(X @ W, page), ln(X @ W, page)

    def same(a, b):
        return np.allclose(a, b, atol=1e-3)

    # Whole weight matrix re-scaled: both invariant.
    assert same(bn(X @ (3 * W), page), base_bn) and same(ln(X @ (3 * W), page), base_ln)
    # One unit's weight vector re-scaled: batch norm invariant, layer norm not.
    W_col = W * np.r_[4.0, np.ones(4)]
    assert same(bn(X @ W_col, page), base_bn) and not same(ln(X @ W_col, page), base_ln)
    # One training case re-scaled: layer norm invariant, batch norm not.
    X_row = X * np.r_[5.0, np.ones(15)][:, None]
    assert same(ln(X_row @ W, page), base_ln) and not same(bn(X_row @ W, page), base_bn)
    # The same vector added to every unit's weights (weight matrix re-centering):
    # every unit of one example shifts by the same amount, which layer norm removes.
    W_shift = W + rng.normal(size=(6, 1))
    assert same(ln(X @ W_shift, page), base_ln) and not same(bn(X @ W_shift, page), base_bn)
    # The whole data set shifted by one vector: each unit shifts by a constant over the
    # batch, which batch norm removes.
    X_shift = X + rng.normal(size=6)
    assert same(bn(X_shift @ W, page), base_bn) and not same(ln(X_shift @ W, page), base_ln)


@pytest.mark.parametrize(
    "shape, axis",
    [((5, 4), 0), ((5, 4), 1), ((4, 3, 2, 2), (0, 2, 3)), ((4, 3, 2, 2), (1, 2, 3)), ((2, 5, 6), -1)],
    ids=["bn-dense", "ln-dense", "bn-conv", "ln-conv", "ln-tokens"],
)
def test_the_hand_written_backward_pass_matches_finite_differences(shape, axis, page):
    normalize, backward = page["normalize"], page["normalize_backward"]
    rng = np.random.default_rng(len(shape))
    x, R = rng.normal(size=shape) * 3 + 1, rng.normal(size=shape)
    analytic = backward(R, x, axis)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[i] += 1e-6
        xm[i] -= 1e-6
        numeric[i] = np.sum(R * (normalize(xp, axis) - normalize(xm, axis))) / 2e-6
    assert np.linalg.norm(analytic - numeric) / np.linalg.norm(analytic + numeric) < 1e-6


def test_the_running_mean_is_an_exponential_moving_average(page):
    layer = page["BatchNorm"](2, momentum=0.1)
    batch = np.array([[1.0, 10.0], [3.0, 30.0]])  # mean (2, 20)
    for k in range(1, 31):
        layer(batch)
        assert np.allclose(layer.running_mean, np.array([2.0, 20.0]) * (1 - 0.9**k))


def test_the_running_variance_uses_the_unbiased_estimate_even_for_tiny_batches(page):
    rng = np.random.default_rng(0)
    layer = page["BatchNorm"](1, momentum=0.01)
    biased = []
    for _ in range(3000):
        batch = rng.normal(0, 2.0, size=(4, 1))
        layer(batch)
        biased.append(batch.var())
    # The batch variance (divide by B) averages (B - 1) / B of the truth; the running one does not.
    assert np.mean(biased) == pytest.approx(0.75 * 4.0, rel=0.05)
    assert layer.running_var[0] == pytest.approx(4.0, rel=0.15)


@pytest.mark.parametrize("seed", range(3))
def test_inference_batch_norm_folds_into_the_previous_linear_layer(seed, page):
    rng = np.random.default_rng(seed)
    layer = page["BatchNorm"](4)
    for _ in range(50):
        layer(rng.normal(rng.normal(size=4), 2.0, size=(16, 4)))
    layer.gamma, layer.beta = rng.normal(size=4), rng.normal(size=4)
    layer.training = False
    W, b, x = rng.normal(size=(6, 4)), rng.normal(size=4), rng.normal(size=(9, 6))
    scale = layer.gamma / np.sqrt(layer.running_var + page["EPS"])
    folded = x @ (W * scale) + (b - layer.running_mean) * scale + layer.beta
    assert np.allclose(layer(x @ W + b), folded, atol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_a_training_mode_batch_of_one_outputs_beta_whatever_the_input(seed, page):
    normalize = page["normalize"]
    rng = np.random.default_rng(seed)
    gamma, beta = rng.normal(size=5), rng.normal(size=5)
    for _ in range(3):
        one = rng.normal(size=(1, 5)) * 100
        assert np.allclose(gamma * normalize(one, 0) + beta, beta)
    # The page's layer refuses it in training, as PyTorch does, and accepts it at inference.
    layer = page["BatchNorm"](5)
    with pytest.raises(ValueError):
        layer(rng.normal(size=(1, 5)))
    layer(rng.normal(size=(8, 5)))
    layer.training = False
    x = rng.normal(size=(1, 5))
    assert np.all(np.isfinite(layer(x))) and not np.allclose(layer(x), layer(x + 1.0))


@pytest.mark.parametrize("x0", [-1.0, 0.0, 1.5])
def test_batch_norm_noise_shrinks_like_one_over_root_batch_size(x0, page):
    normalize = page["normalize"]
    rng = np.random.default_rng(1)
    spreads = []
    for B in (32, 128, 512):
        others = rng.normal(size=(2000, B - 1, 1))
        batches = np.concatenate([np.full((2000, 1, 1), x0), others], axis=1)
        spreads.append(normalize(batches, axis=1)[:, 0, 0].std())
    # Once the batch is not tiny, quadrupling it halves the spread, within sampling error.
    assert spreads[0] / spreads[1] == pytest.approx(2.0, rel=0.1)
    assert spreads[1] / spreads[2] == pytest.approx(2.0, rel=0.1)


@pytest.mark.parametrize("axis", [0, 1])
def test_a_scale_invariant_layer_gets_gradients_orthogonal_to_its_weights(axis, page):
    """So a gradient step can only grow the weights, and a larger norm means smaller steps."""
    normalize_backward = page["normalize_backward"]
    rng = np.random.default_rng(axis)
    X, W, R = rng.normal(size=(32, 5)), rng.normal(size=(5, 8)), rng.normal(size=(32, 8))
    G = X.T @ normalize_backward(R, X @ W, axis)
    if axis == 0:  # batch norm: each unit's own weight vector is scale-free
        cosines = (G * W).sum(axis=0) / (np.linalg.norm(G, axis=0) * np.linalg.norm(W, axis=0))
        assert np.all(np.abs(cosines) < 1e-3)
    else:  # layer norm: only the whole matrix is
        assert abs((G * W).sum()) / (np.linalg.norm(G) * np.linalg.norm(W)) < 1e-3
    step = W - 0.1 * G
    assert np.linalg.norm(step) > np.linalg.norm(W)


@pytest.mark.parametrize("seed", range(3))
def test_a_bias_before_batch_norm_is_cancelled_but_not_before_layer_norm(seed, page):
    """Ioffe and Szegedy drop the bias b of Wu + b: batch norm's mean subtraction removes it."""
    rng = np.random.default_rng(seed)
    X, W, b = rng.normal(size=(16, 6)), rng.normal(size=(6, 5)), rng.normal(size=5)
    assert np.allclose(bn(X @ W + b, page), bn(X @ W, page), atol=1e-12)
    assert not np.allclose(ln(X @ W + b, page), ln(X @ W, page), atol=1e-3)


@pytest.mark.parametrize("seed", range(3))
def test_batch_norm_over_positions_leaks_later_tokens_into_earlier_ones_and_layer_norm_does_not(seed, page):
    """Statistics pooled over (batch, positions) let token t's training output depend on tokens after t."""
    normalize = page["normalize"]
    rng = np.random.default_rng(seed)
    tokens = rng.normal(size=(2, 7, 16))  # (batch, sequence, d_model)
    later = tokens.copy()
    later[:, -1, :] += 3.0  # change only the last token of each sequence
    bn_first = normalize(tokens, (0, 1))[:, 0], normalize(later, (0, 1))[:, 0]
    ln_first = normalize(tokens, -1)[:, 0], normalize(later, -1)[:, 0]
    assert not np.allclose(*bn_first, atol=1e-3)  # the first token "sees" the last one
    assert np.array_equal(*ln_first)  # each token is normalized on its own
