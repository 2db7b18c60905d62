"""A convolutional layer from scratch in NumPy, checked against scipy.signal.

Cross-correlation and convolution by hand, a multi-channel layer with padding and
stride, parameter sharing, the output-size formula, max pooling, the backward pass
(checked against finite differences) and the receptive field of a stack of layers.

Run on its own: python snippets/cnn.py
"""

import numpy as np
from scipy import signal
from sklearn.datasets import load_digits

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# One 8x8 handwritten digit (a zero), shipped with scikit-learn, scaled to [0, 1].
digit = load_digits().images[0] / 16.0


# --8<-- [start:by_hand]
def correlate2d(x, k):
    """Slide k over x without flipping it: the 'convolution' of deep learning."""
    kh, kw = k.shape
    out = np.empty((x.shape[0] - kh + 1, x.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i : i + kh, j : j + kw] * k)
    return out


# A vertical-edge detector (Sobel): responds where brightness changes left to right.
sobel_x = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])

mine = correlate2d(digit, sobel_x)
scipy_corr = signal.correlate2d(digit, sobel_x, mode="valid")
scipy_conv = signal.convolve2d(digit, sobel_x, mode="valid")
print(f"input {digit.shape} * kernel {sobel_x.shape} -> output {mine.shape}")
print(f"by hand == scipy correlate2d:          {np.allclose(mine, scipy_corr)}")
print(f"by hand == scipy convolve2d:           {np.allclose(mine, scipy_conv)}")
flipped = sobel_x[::-1, ::-1]  # true convolution flips the kernel in both axes
conv_by_hand = correlate2d(digit, flipped)
print(f"with the flipped kernel == convolve2d: {np.allclose(conv_by_hand, scipy_conv)}")
assert np.allclose(mine, scipy_corr) and not np.allclose(mine, scipy_conv)
assert np.allclose(conv_by_hand, scipy_conv)
assert np.allclose(flipped, -sobel_x)  # this kernel flips into its own negative
assert np.allclose(scipy_conv, -mine)  # so convolving reverses the edge map's sign
# --8<-- [end:by_hand]


# --8<-- [start:layer]
def conv2d(x, w, b, stride=1, pad=0):
    """x: (C_in, H, W), w: (C_out, C_in, k, k), b: (C_out,) -> (C_out, H_out, W_out)."""
    x = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))  # zero padding on each side
    c_out, c_in, k, _ = w.shape
    h_out = (x.shape[1] - k) // stride + 1
    w_out = (x.shape[2] - k) // stride + 1
    out = np.empty((c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            r, c = i * stride, j * stride
            patch = x[:, r : r + k, c : c + k]  # every input channel at once
            out[:, i, j] = np.tensordot(w, patch, axes=3) + b  # same w everywhere
    return out


x = rng.normal(size=(3, 9, 9))  # 3 channels (say RGB), 9x9 pixels
w = rng.normal(size=(4, 3, 3, 3))  # 4 filters, each 3 channels x 3 x 3
b = rng.normal(size=4)
y = conv2d(x, w, b, stride=2, pad=1)

# The same layer from scipy: sum the 2-D correlations over input channels, add the
# bias, and keep every second position for stride 2.
xp = np.pad(x, ((0, 0), (1, 1), (1, 1)))
ref = np.stack(
    [
        sum(signal.correlate2d(xp[c], w[o, c], "valid") for c in range(3)) + b[o]
        for o in range(4)
    ]
)[:, ::2, ::2]
print(f"input {x.shape}, weights {w.shape}, stride 2, padding 1 -> output {y.shape}")
print(f"matches scipy channel by channel: {np.allclose(y, ref)}")
assert y.shape == (4, 5, 5) and np.allclose(y, ref)
# --8<-- [end:layer]

# --8<-- [start:sharing]
# Parameters of a 3x3 convolution from 3 to 16 channels, padding 1, on a 32x32 image,
# against a dense layer that maps the same input to an output of the same size.
c_in, c_out, k, n = 3, 16, 3, 32
conv_params = c_out * c_in * k * k + c_out
dense_params = (c_in * n * n) * (c_out * n * n) + c_out * n * n
print(f"conv layer:  {conv_params:,} parameters, whatever the image size")
print(f"dense layer: {dense_params:,} parameters for the same 3x32x32 -> 16x32x32")

# A convolution IS a dense layer whose matrix is mostly zeros, the rest tied copies
# of the kernel. Build that matrix for one 8x8 channel by feeding in unit impulses.
kernel = rng.normal(size=(3, 3))
impulses = np.eye(64).reshape(64, 8, 8)
M = np.stack([correlate2d(e, kernel).ravel() for e in impulses], axis=1)
print(
    f"equivalent dense matrix {M.shape}: {np.count_nonzero(M)} of {M.size} "
    f"entries non-zero, {len(np.unique(M[M != 0]))} distinct values"
)
assert np.allclose(M @ digit.ravel(), correlate2d(digit, kernel).ravel())
assert conv_params == 448 and dense_params == 50_348_032
assert np.count_nonzero(M) == 36 * 9 and len(np.unique(M[M != 0])) == 9

# Equivariance: shift the input and the feature map shifts by the same amount.
canvas = np.zeros((14, 14))
canvas[2:10, 2:10] = digit
shifted = np.roll(canvas, (2, 1), axis=(0, 1))  # 2 pixels down, 1 right
fmap, fmap_shifted = correlate2d(canvas, sobel_x), correlate2d(shifted, sobel_x)
same = np.allclose(fmap_shifted, np.roll(fmap, (2, 1), axis=(0, 1)))
print(f"conv(shift(x)) == shift(conv(x)): {same}")
assert same
# --8<-- [end:sharing]


# --8<-- [start:output_size]
def out_size(n, k, p=0, s=1):
    """Output length along one axis: floor((n + 2p - k) / s) + 1."""
    return (n + 2 * p - k) // s + 1


cases = [(32, 3, 1, 1), (32, 3, 0, 1), (32, 3, 1, 2), (224, 7, 3, 2), (8, 3, 0, 2)]
for n_, k_, p_, s_ in cases:
    print(f"n={n_:3d} k={k_} p={p_} s={s_}  ->  {out_size(n_, k_, p_, s_):3d}")

# The formula agrees with the layer above for every small combination.
for n_ in range(3, 12):
    for k_ in (1, 2, 3, 5):
        for p_ in range(3):
            for s_ in (1, 2, 3):
                if k_ > n_ + 2 * p_:
                    continue
                h = conv2d(
                    np.zeros((1, n_, n_)),
                    np.zeros((1, 1, k_, k_)),
                    np.zeros(1),
                    stride=s_,
                    pad=p_,
                ).shape[1]
                assert h == out_size(n_, k_, p_, s_)
assert out_size(32, 3, 1, 1) == 32 and out_size(224, 7, 3, 2) == 112
# n=8, k=3, s=2: windows start at 0, 2, 4; the last input column is never read.
assert out_size(8, 3, 0, 2) == 3 and 2 * (3 - 1) + 3 == 7
# --8<-- [end:output_size]


# --8<-- [start:pooling]
def max_pool(x, size=2):
    """Non-overlapping max pooling (stride = size); no parameters to learn."""
    h, w = x.shape[0] // size, x.shape[1] // size
    return x[: h * size, : w * size].reshape(h, size, w, size).max(axis=(1, 3))


fmap = np.maximum(correlate2d(digit, sobel_x), 0.0)  # ReLU of the edge map
pooled = max_pool(fmap)
print(f"feature map {fmap.shape} -> pooled {pooled.shape}")


# Approximate invariance: a spike that moves inside a pooling window leaves the
# pooled map unchanged; one that crosses into the next window moves it.
def spike(r, c):
    z = np.zeros((8, 8))
    z[r, c] = 1.0
    return z


same_window = np.array_equal(max_pool(spike(2, 2)), max_pool(spike(3, 3)))
next_window = np.array_equal(max_pool(spike(2, 2)), max_pool(spike(4, 4)))
print(f"shift by 1 inside the window, pooled map unchanged:  {same_window}")
print(f"shift by 2 across windows,    pooled map unchanged:  {next_window}")
assert pooled.shape == (3, 3) and same_window and not next_window
# --8<-- [end:pooling]


# --8<-- [start:backward]
def conv2d_backward(x, w, g, stride=1, pad=0):
    """Gradients of sum(g * conv2d(x, w, b)) with respect to x, w and b."""
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    k = w.shape[2]
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for i in range(g.shape[1]):
        for j in range(g.shape[2]):
            r, c = i * stride, j * stride
            patch = xp[:, r : r + k, c : c + k]
            dw += np.einsum("o,chw->ochw", g[:, i, j], patch)  # input x upstream
            dxp[:, r : r + k, c : c + k] += np.tensordot(g[:, i, j], w, axes=1)
    db = g.sum(axis=(1, 2))
    return dxp[:, pad : xp.shape[1] - pad, pad : xp.shape[2] - pad], dw, db


# A non-linear loss so that the check is not trivially exact: L = sum(G * tanh(y)).
G = rng.normal(size=y.shape)


def loss(x, w, b):
    return np.sum(G * np.tanh(conv2d(x, w, b, stride=2, pad=1)))


upstream = G * (1 - np.tanh(conv2d(x, w, b, stride=2, pad=1)) ** 2)
dx, dw, db = conv2d_backward(x, w, upstream, stride=2, pad=1)


def numeric_grad(f, a, eps=1e-6):
    """Central finite differences, one entry at a time."""
    out = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        old = a[idx]
        a[idx] = old + eps
        up = f()
        a[idx] = old - eps
        down = f()
        a[idx] = old
        out[idx] = (up - down) / (2 * eps)
    return out


def rel_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


errors = {
    "dL/dx": rel_error(dx, numeric_grad(lambda: loss(x, w, b), x)),
    "dL/dw": rel_error(dw, numeric_grad(lambda: loss(x, w, b), w)),
    "dL/db": rel_error(db, numeric_grad(lambda: loss(x, w, b), b)),
}
for name, err in errors.items():
    print(f"{name}: relative error against finite differences {err:.1e}")
assert max(errors.values()) < 1e-6

# For one channel, stride 1 and no padding, both gradients are themselves 2-D
# convolutions: dL/dw correlates the input with the upstream gradient, and dL/dx is
# the 'full' convolution of the upstream gradient with the kernel.
g1 = rng.normal(size=(1, 6, 6))
dx1, dw1, _ = conv2d_backward(digit[None], sobel_x[None, None], g1)
ok_w = np.allclose(dw1[0, 0], signal.correlate2d(digit, g1[0], "valid"))
ok_x = np.allclose(dx1[0], signal.convolve2d(g1[0], sobel_x, "full"))
print(f"dL/dw is a correlation, dL/dx a full convolution: {ok_w and ok_x}")
assert ok_w and ok_x
# --8<-- [end:backward]


# --8<-- [start:receptive_field]
def receptive_field(layers):
    """layers: [(kernel, stride), ...]. r = 1 + sum of (k - 1) x (product of the
    strides of the layers before it)."""
    r, jump = 1, 1
    for k_, s_ in layers:
        r += (k_ - 1) * jump
        jump *= s_
    return r


def influence(layers, n=23):
    """|d(centre output) / d(input)| for a linear stack of all-ones kernels."""
    sizes = [n]
    for k_, s_ in layers:
        sizes.append(out_size(sizes[-1], k_, 0, s_))
    g = np.zeros((1, sizes[-1], sizes[-1]))
    g[0, sizes[-1] // 2, sizes[-1] // 2] = 1.0  # one output unit
    for (k_, s_), m in zip(reversed(layers), reversed(sizes[:-1])):
        ones = np.ones((1, 1, k_, k_))
        g, _, _ = conv2d_backward(np.zeros((1, m, m)), ones, g, stride=s_)
    return g[0]


stacks = {
    "one 3x3": [(3, 1)],
    "two 3x3": [(3, 1)] * 2,
    "three 3x3": [(3, 1)] * 3,
    "3x3, 3x3 stride 2, 3x3": [(3, 1), (3, 2), (3, 1)],
}
maps = {}
for name, layers in stacks.items():
    maps[name] = influence(layers)
    rows = np.flatnonzero(maps[name].any(axis=1))
    measured = rows[-1] - rows[0] + 1  # extent of the inputs that can affect it
    print(f"{name:24s} formula {receptive_field(layers):2d}   measured {measured:2d}")
    assert measured == receptive_field(layers)

# Three 3x3 layers see 7x7 with 27 weights per channel pair; one 7x7 layer needs 49.
centre = maps["three 3x3"]
share = centre[10:13, 10:13].sum() / centre.sum()
print(
    f"three 3x3 layers: the central 3x3 of the 7x7 field carries {share:.0%} "
    "of the influence"
)
assert 3 * 3 * 3 == 27 < 7 * 7 and share > 0.4
# --8<-- [end:receptive_field]

# The page's quiz answers: output sizes, a parameter count and a receptive field.
assert out_size(32, 5, 2, 2) == 16 and out_size(32, 5, 0, 2) == 14
assert out_size(32, 5, 2, 1) == 32 and (32 + 4 - 5 + 1) // 2 + 1 == 17
assert 128 * (64 * 9 + 1) == 73_856 and 128 * 64 * 9 == 73_728
assert 128 * 9 + 128 == 1_280 and 32 + 2 * 2 == 36 and 2 * (16 - 1) == 30
assert receptive_field([(3, 1)] * 3) == 7
