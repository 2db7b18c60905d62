"""Claims of deep-learning/cnn.md checked beyond the one digit and the few shapes its snippet uses."""

import numpy as np
import pytest
from scipy import signal

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("cnn")


@pytest.mark.parametrize("seed", range(4))
def test_deep_learning_convolution_is_cross_correlation_and_true_convolution_flips_the_kernel(ns, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(7 + seed, 9))
    k = rng.normal(size=(3, 2 + seed % 2))
    mine = ns["correlate2d"](x, k)
    np.testing.assert_allclose(mine, signal.correlate2d(x, k, mode="valid"))
    np.testing.assert_allclose(ns["correlate2d"](x, k[::-1, ::-1]), signal.convolve2d(x, k, mode="valid"))
    assert not np.allclose(mine, signal.convolve2d(x, k, mode="valid"))  # an asymmetric kernel: they differ


@pytest.mark.parametrize("stride,pad", [(1, 0), (1, 1), (2, 0), (2, 2), (3, 1)])
def test_the_layer_is_a_sum_of_per_channel_correlations_sampled_at_the_stride(ns, stride, pad):
    rng = np.random.default_rng(stride * 10 + pad)
    c_in, c_out, k = 2, 3, 3
    x = rng.normal(size=(c_in, 10, 11))
    w, b = rng.normal(size=(c_out, c_in, k, k)), rng.normal(size=c_out)
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    ref = np.stack(
        [sum(signal.correlate2d(xp[c], w[o, c], "valid") for c in range(c_in)) + b[o] for o in range(c_out)]
    )[:, ::stride, ::stride]
    np.testing.assert_allclose(ns["conv2d"](x, w, b, stride=stride, pad=pad), ref)


@pytest.mark.parametrize("k,c_in,c_out", [(1, 3, 8), (3, 64, 128), (5, 16, 4)])
def test_parameter_count_is_c_out_times_c_in_k_squared_plus_one_whatever_the_image(ns, k, c_in, c_out):
    w = np.zeros((c_out, c_in, k, k))
    b = np.zeros(c_out)
    assert w.size + b.size == c_out * (c_in * k * k + 1)
    for n in (8, 12):  # the same weights run on any image size
        assert ns["conv2d"](np.zeros((c_in, n, n)), w, b).shape == (c_out, n - k + 1, n - k + 1)


@pytest.mark.parametrize("n,k", [(6, 3), (9, 2), (10, 5)])
def test_a_convolution_is_a_sparse_dense_layer_with_tied_weights(ns, n, k):
    rng = np.random.default_rng(n + k)
    kernel = rng.normal(size=(k, k))
    M = np.stack([ns["correlate2d"](e, kernel).ravel() for e in np.eye(n * n).reshape(-1, n, n)], axis=1)
    m = n - k + 1
    assert M.shape == (m * m, n * n)
    assert np.count_nonzero(M) == m * m * k * k  # every row holds one copy of the kernel
    assert set(np.unique(M[M != 0])) == set(kernel.ravel())
    x = rng.normal(size=(n, n))
    np.testing.assert_allclose(M @ x.ravel(), ns["correlate2d"](x, kernel).ravel())


@pytest.mark.parametrize("seed", range(4))
def test_convolution_is_equivariant_to_shifts_but_not_to_rotations(ns, seed):
    rng = np.random.default_rng(seed)
    canvas = np.zeros((16, 16))
    canvas[4:11, 4:11] = rng.normal(size=(7, 7))  # content with a zero margin, so nothing falls off
    kernel = rng.normal(size=(3, 3))
    shift = tuple(rng.integers(-2, 3, size=2))
    corr = ns["correlate2d"]
    shifted_then_conv = corr(np.roll(canvas, shift, axis=(0, 1)), kernel)
    np.testing.assert_allclose(shifted_then_conv, np.roll(corr(canvas, kernel), shift, axis=(0, 1)), atol=1e-12)
    rotated_then_conv = corr(np.rot90(canvas), kernel)
    assert not np.allclose(rotated_then_conv, np.rot90(corr(canvas, kernel)))


@pytest.mark.parametrize("n", range(3, 16))
def test_output_size_formula_including_dilation(ns, n):
    out_size, conv2d = ns["out_size"], ns["conv2d"]
    for k in (2, 3):
        for d in (1, 2, 3):
            dilated = np.zeros((k + (k - 1) * (d - 1),) * 2)
            dilated[::d, ::d] = 1.0  # k taps with d - 1 zeros between them
            k_eff = dilated.shape[0]
            for p in (0, 1, 2):
                for s in (1, 2):
                    if k_eff > n + 2 * p:
                        continue
                    h = conv2d(np.zeros((1, n, n)), dilated[None, None], np.zeros(1), stride=s, pad=p).shape[1]
                    assert h == out_size(n, k_eff, p, s) == (n + 2 * p - k_eff) // s + 1


def test_same_padding_keeps_the_size_only_for_odd_kernels_at_stride_one(ns):
    out_size = ns["out_size"]
    for n in range(5, 40):
        for k in (1, 3, 5, 7):
            assert out_size(n, k, (k - 1) // 2, 1) == n
        assert out_size(n, 4, 2, 1) == n + 1 and out_size(n, 4, 1, 1) == n - 1  # even kernel: no symmetric fix
        assert out_size(n, 3, 1, 2) == (n + 1) // 2  # a stride changes the size whatever the padding


@pytest.mark.parametrize("seed", range(3))
def test_max_pooling_ignores_moves_inside_a_window_but_not_across(ns, seed):
    max_pool = ns["max_pool"]
    rng = np.random.default_rng(seed)
    base = rng.random((8, 8)) * 0.1  # small background
    r, c = 2 * rng.integers(0, 4), 2 * rng.integers(0, 4)  # top-left corner of a window
    for dr in (0, 1):
        for dc in (0, 1):
            moved = base.copy()
            moved[r + dr, c + dc] = 5.0
            first = base.copy()
            first[r, c] = 5.0
            np.testing.assert_array_equal(max_pool(moved), max_pool(first))
    across = base.copy()
    across[(r + 2) % 8, c] = 5.0
    assert not np.array_equal(max_pool(across), max_pool(first))
    assert max_pool(rng.random((9, 7))).shape == (4, 3)  # windows that do not fit are dropped


@pytest.mark.parametrize("stride,pad", [(1, 0), (1, 2), (2, 1), (3, 0)])
def test_backward_pass_matches_finite_differences_for_other_strides_and_padding(ns, stride, pad):
    rng = np.random.default_rng(7 * stride + pad)
    conv2d, backward, numeric, rel = ns["conv2d"], ns["conv2d_backward"], ns["numeric_grad"], ns["rel_error"]
    x, w, b = rng.normal(size=(2, 7, 8)), rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    G = rng.normal(size=conv2d(x, w, b, stride, pad).shape)

    def loss():
        return np.sum(G * np.tanh(conv2d(x, w, b, stride, pad)))

    upstream = G * (1 - np.tanh(conv2d(x, w, b, stride, pad)) ** 2)
    dx, dw, db = backward(x, w, upstream, stride, pad)
    assert rel(dx, numeric(loss, x)) < 1e-6
    assert rel(dw, numeric(loss, w)) < 1e-6
    assert rel(db, numeric(loss, b)) < 1e-6


@pytest.mark.parametrize("seed", range(6))
def test_receptive_field_formula_matches_the_measured_field_of_random_stacks(ns, seed):
    rng = np.random.default_rng(seed)
    layers = [(int(rng.integers(1, 5)), int(rng.integers(1, 3))) for _ in range(int(rng.integers(1, 4)))]
    g = ns["influence"](layers, n=41)
    rows, cols = np.flatnonzero(g.any(axis=1)), np.flatnonzero(g.any(axis=0))
    r = ns["receptive_field"](layers)
    assert rows[-1] - rows[0] + 1 == r and cols[-1] - cols[0] + 1 == r


def test_stacked_small_kernels_match_a_large_one_with_fewer_weights(ns):
    rf = ns["receptive_field"]
    assert rf([(3, 1)] * 2) == rf([(5, 1)]) and rf([(3, 1)] * 3) == rf([(7, 1)])
    for c in (16, 64, 256):
        assert 3 * (3 * 3 * c * c) == 27 * c * c < 7 * 7 * c * c


@pytest.mark.parametrize("depth", [3, 5, 8])
def test_influence_concentrates_in_the_centre_of_the_receptive_field(ns, depth):
    g = ns["influence"]([(3, 1)] * depth, n=2 * depth + 9)
    r = 2 * depth + 1
    nz = g[g > 0]
    assert nz.size == r * r
    c = g.shape[0] // 2
    core = g[c - 1 : c + 2, c - 1 : c + 2]
    assert core.sum() / g.sum() > 2 * 9 / (r * r)  # the central 3x3 carries over twice its area share
    assert g.max() == g[c, c] and g[c, c] > 5 * g[c, c - depth]  # strongest at the centre, weak at the edge


@pytest.mark.parametrize("c_in,c_out,k", [(32, 64, 3), (128, 128, 3), (64, 256, 5)])
def test_depthwise_separable_cost_ratio(c_in, c_out, k):
    per_pixel_standard = k * k * c_in * c_out
    per_pixel_separable = k * k * c_in + c_in * c_out  # depthwise k x k, then a 1x1 mix
    assert per_pixel_separable / per_pixel_standard == pytest.approx(1 / c_out + 1 / k**2)


def test_a_one_by_one_convolution_is_a_dense_layer_at_every_pixel(ns):
    rng = np.random.default_rng(3)
    x, w, b = rng.normal(size=(5, 6, 7)), rng.normal(size=(4, 5, 1, 1)), rng.normal(size=4)
    dense = np.einsum("oc,chw->ohw", w[:, :, 0, 0], x) + b[:, None, None]
    np.testing.assert_allclose(ns["conv2d"](x, w, b), dense)


@pytest.mark.parametrize("seed", range(3))
def test_with_stride_two_only_even_shifts_carry_through(ns, seed):
    rng = np.random.default_rng(seed)
    canvas = np.zeros((1, 20, 20))
    canvas[0, 6:13, 6:13] = rng.normal(size=(7, 7))  # zero margin: no border effects
    w, b = rng.normal(size=(1, 1, 3, 3)), np.zeros(1)
    conv2d = ns["conv2d"]
    base = conv2d(canvas, w, b, stride=2)
    by_two = conv2d(np.roll(canvas, (2, 2), axis=(1, 2)), w, b, stride=2)
    np.testing.assert_allclose(by_two, np.roll(base, (1, 1), axis=(1, 2)), atol=1e-12)  # shift 2 -> shift 1
    by_one = conv2d(np.roll(canvas, (1, 0), axis=(1, 2)), w, b, stride=2)
    assert not any(
        np.allclose(by_one, np.roll(base, (d, 0), axis=(1, 2))) for d in (0, 1)
    )  # a one-pixel shift is not a shift of the output


@pytest.mark.parametrize("seed", range(3))
def test_max_pooling_sends_each_windows_gradient_to_its_maximum_alone(ns, seed):
    max_pool, numeric = ns["max_pool"], ns["numeric_grad"]
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(6, 6))  # continuous values: no ties within a window
    G = rng.normal(size=(3, 3))
    grad = numeric(lambda: np.sum(G * max_pool(x)), x)
    windows = x.reshape(3, 2, 3, 2)
    is_max = windows == windows.max(axis=(1, 3), keepdims=True)
    expected = (is_max * G[:, None, :, None]).reshape(6, 6)
    np.testing.assert_allclose(grad, expected, atol=1e-8)
    assert np.count_nonzero(np.abs(grad) > 1e-8) == 9  # one input per window gets the gradient
    # Average pooling shares each window's gradient equally among its four inputs.
    avg = numeric(lambda: np.sum(G * x.reshape(3, 2, 3, 2).mean(axis=(1, 3))), x)
    np.testing.assert_allclose(avg, np.kron(G, np.full((2, 2), 0.25)), atol=1e-8)
