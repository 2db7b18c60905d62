"""Claims of deep-learning/vanishing_exploding_gradients.md checked beyond the snippet's one network.

The tests use their own small implementation (the backpropagated signal through a stack of layers),
so they check the claims, not the snippet's code.
"""

import numpy as np
import pytest
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_blas_thread():
    with threadpool_limits(limits=1):
        yield


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


ACT = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0) * 1.0),
}


def backprop_ratio(act, std, *, n=64, depth=30, batch=64, seed=0, residual=False):
    """|dL/dz_1| / |dL/dz_L| for a random upstream gradient, and the activations' std at the top."""
    rng = np.random.default_rng(seed)
    f, df = ACT[act]
    Ws = [rng.normal(0, std, (n, n)) for _ in range(depth)]
    zs = [rng.normal(size=(batch, n)) @ Ws[0]]
    for W in Ws[1:]:
        branch = f(zs[-1]) @ W
        zs.append(zs[-1] + branch if residual else branch)
    g = top = rng.normal(size=(batch, n))
    for k in range(depth - 1, 0, -1):
        g = (g @ Ws[k].T) * df(zs[k - 1]) + (g if residual else 0.0)
    return np.linalg.norm(g) / np.linalg.norm(top), zs[-1].std()


@pytest.mark.parametrize("seed", range(5))
def test_the_five_networks_vanish_explode_or_stay_in_range_for_other_seeds(seed):
    n = 64
    assert backprop_ratio("sigmoid", np.sqrt(1 / n), seed=seed)[0] < 1e-15
    assert backprop_ratio("relu", 0.01, seed=seed)[0] < 1e-30
    assert backprop_ratio("relu", 1.0, seed=seed)[0] > 1e18
    assert 1 / 20 < backprop_ratio("relu", np.sqrt(2 / n), seed=seed)[0] < 20
    assert 1 / 20 < backprop_ratio("tanh", np.sqrt(1 / n), seed=seed)[0] < 20


def test_he_initialisations_spread_grows_with_depth_over_width():
    # He's rule preserves the gradient's scale on average; how far one initialisation lands from it
    # grows with depth / width (Hanin 2018): compare the spread of log-ratios over seeds.
    def spread(n, depth):
        logs = [np.log(backprop_ratio("relu", np.sqrt(2 / n), n=n, depth=depth, seed=s)[0]) for s in range(20)]
        return np.std(logs)

    narrow, wide = spread(16, 30), spread(256, 30)
    shallow, deep = spread(64, 8), spread(64, 60)
    assert narrow > 2 * wide and deep > 2 * shallow


@pytest.mark.parametrize("n", [32, 128, 256])
@pytest.mark.parametrize("std", [0.01, 0.3, 1.0])
def test_relu_factor_per_layer_is_std_times_sqrt_half_the_width(n, std):
    depth = 30
    ratio = backprop_ratio("relu", std, n=n, depth=depth, seed=n)[0]
    factor = ratio ** (1 / (depth - 1))
    assert factor == pytest.approx(std * np.sqrt(n / 2), rel=0.15)


def test_vanishing_is_geometric_in_depth():
    # Twice the depth squares the ratio (on a log scale: doubles the exponent), within noise.
    r15 = backprop_ratio("sigmoid", np.sqrt(1 / 64), depth=16, seed=3)[0]
    r30 = backprop_ratio("sigmoid", np.sqrt(1 / 64), depth=31, seed=3)[0]
    assert np.log(r30) / np.log(r15) == pytest.approx(2.0, rel=0.15)


def test_activation_slopes_are_bounded_as_the_page_says():
    z = np.linspace(-20, 20, 400_001)
    d_sig = ACT["sigmoid"][1](z)
    assert d_sig.max() == pytest.approx(0.25) and z[d_sig.argmax()] == pytest.approx(0.0, abs=1e-4)
    assert ACT["tanh"][1](z).max() == pytest.approx(1.0)
    assert set(np.unique(ACT["relu"][1](z))) == {0.0, 1.0}
    assert d_sig[np.abs(z) > 10].max() < 1e-4  # a saturated sigmoid passes almost nothing


@pytest.mark.parametrize("seed", range(3))
def test_he_initialisation_keeps_the_activations_scale_and_small_std_does_not(seed):
    n, depth = 256, 20
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(256, n))
    for std, lo, hi in ((np.sqrt(2 / n), 0.3, 3.0), (0.5 * np.sqrt(2 / n), 0, 1e-4)):
        z = x @ rng.normal(0, std, (n, n))
        first = z.std()
        for _ in range(depth - 1):
            z = np.maximum(z, 0) @ rng.normal(0, std, (n, n))
        assert lo < z.std() / first < hi


@pytest.mark.parametrize("seed", range(3))
def test_residual_connections_rescue_the_sigmoid_network(seed):
    plain = backprop_ratio("sigmoid", np.sqrt(1 / 64), seed=seed)[0]
    residual = backprop_ratio("sigmoid", np.sqrt(1 / 64), seed=seed, residual=True)[0]
    assert plain < 1e-15 and 0.1 < residual < 10


def test_he_scaled_relu_branches_double_the_variance_per_block():
    n, depth = 256, 20
    stds = []
    for seed in range(3):
        _, top = backprop_ratio("relu", np.sqrt(2 / n), n=n, depth=depth, seed=seed, residual=True)
        stds.append(top)
    # z_1 has variance about 2 (input variance 1, He scale); every block doubles it.
    doublings = np.log2(np.mean(np.square(stds)) / 2.0)
    assert doublings == pytest.approx(depth - 1, rel=0.15)
    # Branches scaled down by sqrt(depth) keep the activations in range.
    _, top = backprop_ratio("relu", np.sqrt(2 / n / depth), n=n, depth=depth, residual=True)
    assert top < 5


def clip_by_global_norm(grads, max_norm):
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    return [g * min(1.0, max_norm / total) for g in grads]


@pytest.mark.parametrize("seed", range(5))
def test_clipping_by_norm_bounds_the_norm_and_keeps_the_direction(seed):
    rng = np.random.default_rng(seed)
    scale = 10.0 ** rng.uniform(-3, 6)
    grads = [rng.normal(0, scale, size) for size in ((8, 8), (8,), (8, 3))]
    clipped = clip_by_global_norm(grads, 1.0)
    flat, flat_c = np.concatenate([g.ravel() for g in grads]), np.concatenate([g.ravel() for g in clipped])
    assert np.linalg.norm(flat_c) == pytest.approx(min(1.0, np.linalg.norm(flat)))
    assert flat @ flat_c / (np.linalg.norm(flat) * np.linalg.norm(flat_c)) == pytest.approx(1.0)
    assert np.linalg.norm(flat_c) <= np.linalg.norm(flat) + 1e-12  # clipping never enlarges


def test_clipping_by_value_changes_the_direction():
    g = np.array([100.0, 1.0, 0.5])
    c = np.clip(g, -1, 1)
    assert g @ c / (np.linalg.norm(g) * np.linalg.norm(c)) < 0.7


@pytest.mark.parametrize("w0", [1.1, 1.15, 1.2, 1.3])
def test_clipping_tames_the_cliff_of_a_scalar_recurrence(w0):
    T, target, lr = 30, 2.0, 1e-4

    def grad(w):
        return T * w ** (T - 1) * (w**T - target)

    def descend(w, max_norm=None, steps=400):
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(steps):
                g = grad(w)
                if max_norm is not None:
                    g = np.clip(g, -max_norm, max_norm)
                w = w - lr * g
        return w

    best = target ** (1 / T)
    plain = descend(np.float64(w0))
    # Unclipped, one step off the cliff either overflows or lands on the flat part near w = 0.4,
    # where w^29 is so small that the gradient has vanished: it never comes back.
    assert not np.isfinite(plain) or abs(plain - best) > 0.5
    assert descend(np.float64(w0), max_norm=100.0) == pytest.approx(best, abs=1e-4)


def test_cross_entropy_on_a_sigmoid_output_has_gradient_p_minus_y():
    # The sigmoid's slope cancels at the output: dBCE/dlogit = p - y.
    z = np.linspace(-6, 6, 13)
    for y in (0.0, 1.0):

        def bce(t, y=y):
            return -(y * np.log(sigmoid(t)) + (1 - y) * np.log(1 - sigmoid(t)))

        eps = 1e-6
        numeric = (bce(z + eps) - bce(z - eps)) / (2 * eps)
        assert np.allclose(numeric, sigmoid(z) - y, atol=1e-8)
