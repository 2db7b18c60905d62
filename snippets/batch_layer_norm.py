"""Batch norm and layer norm from scratch in NumPy: one operation on different axes,
its backward pass, running statistics at inference, batch size 1, and scale invariance.

Run on its own: python snippets/batch_layer_norm.py
"""

import numpy as np
from threadpoolctl import threadpool_limits

# Tiny arrays: one BLAS thread is fastest, and steadier on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

EPS = 1e-5  # the default of PyTorch's BatchNorm1d and LayerNorm


# --8<-- [start:axes]
def normalize(x, axis):
    """Subtract the mean and divide by the standard deviation along `axis`."""
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, keepdims=True)  # biased (divide by n), as in training
    return (x - mean) / np.sqrt(var + EPS)


rng = np.random.default_rng(0)
# A batch of 6 examples with 4 features on very different scales.
X = rng.normal(loc=[0.0, 5.0, -3.0, 10.0], scale=[1.0, 2.0, 0.5, 4.0], size=(6, 4))

bn = normalize(X, axis=0)  # batch norm: each feature, across the batch
ln = normalize(X, axis=1)  # layer norm: each example, across its features
print("batch norm, per-feature mean:", bn.mean(axis=0).round(3) + 0.0)
print("batch norm, per-feature sd:  ", bn.std(axis=0).round(3))
print("layer norm, per-example mean:", ln.mean(axis=1).round(3) + 0.0)
print("layer norm, per-example sd:  ", ln.std(axis=1).round(3))

# Then a learned scale and shift per feature: y = gamma * x_hat + beta.
gamma, beta = np.ones(4), np.zeros(4)
y_bn = gamma * bn + beta

# Images (N, C, H, W): batch norm keeps one mean per channel, layer norm one per image.
images = rng.normal(size=(8, 3, 5, 5))
print(
    "batch norm statistics, images:", images.mean(axis=(0, 2, 3), keepdims=True).shape
)
print(
    "layer norm statistics, images:", images.mean(axis=(1, 2, 3), keepdims=True).shape
)
# Tokens (batch, sequence, d_model): a transformer's layer norm, one mean per token.
tokens = rng.normal(size=(2, 7, 16))
print("layer norm statistics, tokens:", tokens.mean(axis=-1, keepdims=True).shape)
# --8<-- [end:axes]

assert np.allclose(bn.mean(axis=0), 0) and np.allclose(bn.std(axis=0), 1, atol=1e-4)
assert np.allclose(ln.mean(axis=1), 0) and np.allclose(ln.std(axis=1), 1, atol=1e-4)
# Normalizing one axis does not normalize the other.
assert not np.allclose(bn.mean(axis=1), 0) and not np.allclose(ln.mean(axis=0), 0)
assert np.array_equal(y_bn, bn)  # gamma = 1, beta = 0 at initialization


# --8<-- [start:backward]
def normalize_backward(d_xhat, x, axis):
    """Gradient of the loss with respect to x, given its gradient at x_hat."""
    x_hat = normalize(x, axis)
    std = np.sqrt(x.var(axis=axis, keepdims=True) + EPS)
    mean_d = d_xhat.mean(axis=axis, keepdims=True)
    mean_dx = (d_xhat * x_hat).mean(axis=axis, keepdims=True)
    return (d_xhat - mean_d - x_hat * mean_dx) / std


R = rng.normal(size=X.shape)  # loss = sum(R * x_hat), so d loss / d x_hat = R
for name, axis in (("batch norm", 0), ("layer norm", 1)):
    analytic = normalize_backward(R, X, axis)
    numeric = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        Xp, Xm = X.copy(), X.copy()
        Xp[i] += 1e-6
        Xm[i] -= 1e-6
        numeric[i] = np.sum(R * (normalize(Xp, axis) - normalize(Xm, axis))) / 2e-6
    rel = np.linalg.norm(analytic - numeric) / np.linalg.norm(analytic + numeric)
    print(f"{name}: relative error vs finite differences {rel:.1e}")
    assert rel < 1e-6
    # The gradient sums to zero along the normalized axis (shifting x there changes
    # nothing) and is orthogonal to x_hat up to eps (nor does scaling it).
    assert np.allclose(analytic.sum(axis=axis), 0, atol=1e-9)
    cos = (analytic * normalize(X, axis)).sum(axis=axis) / (
        np.linalg.norm(analytic, axis=axis)
        * np.linalg.norm(normalize(X, axis), axis=axis)
    )
    assert np.all(np.abs(cos) < 1e-3)
# --8<-- [end:backward]


# --8<-- [start:running]
class BatchNorm:
    """Batch norm over axis 0 with running statistics, as PyTorch's BatchNorm1d."""

    def __init__(self, n_features, momentum=0.1):
        self.gamma, self.beta = np.ones(n_features), np.zeros(n_features)
        self.running_mean, self.running_var = np.zeros(n_features), np.ones(n_features)
        self.momentum, self.training = momentum, True

    def __call__(self, x):
        if self.training and len(x) < 2:  # PyTorch refuses this too
            raise ValueError("batch norm needs more than one value per feature")
        if self.training:  # normalize with this batch's statistics, update the averages
            mean, var = x.mean(axis=0), x.var(axis=0)
            m = self.momentum
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * x.var(axis=0, ddof=1)
        else:  # inference: fixed statistics, the same output whatever the batch
            mean, var = self.running_mean, self.running_var
        return self.gamma * (x - mean) / np.sqrt(var + EPS) + self.beta


mu, sigma = np.array([2.0, -1.0, 0.5]), np.array([3.0, 0.5, 1.0])  # the population
layer = BatchNorm(3)
for _ in range(200):  # 200 training batches of 32
    layer(rng.normal(mu, sigma, size=(32, 3)))
print("running mean:", layer.running_mean.round(2), " population:", mu)
print("running sd:  ", np.sqrt(layer.running_var).round(2), " population:", sigma)

example = rng.normal(mu, sigma, size=(1, 3))
batch_a = np.vstack([example, rng.normal(mu, sigma, size=(15, 3))])
batch_b = np.vstack([example, rng.normal(mu, sigma, size=(15, 3))])
train_a, train_b = layer(batch_a)[0], layer(batch_b)[0]
layer.training = False
eval_a, eval_b = layer(batch_a)[0], layer(batch_b)[0]
print("same example, training mode, two batches: ", train_a.round(3), train_b.round(3))
print("same example, inference mode, two batches:", eval_a.round(3), eval_b.round(3))

# At inference batch norm is a fixed affine map, so it folds into the layer before it.
W, b = rng.normal(size=(3, 3)), rng.normal(size=3)
scale = layer.gamma / np.sqrt(layer.running_var + EPS)
W_folded, b_folded = W * scale, (b - layer.running_mean) * scale + layer.beta
x_new = rng.normal(size=(5, 3))
fold_err = np.abs(layer(x_new @ W + b) - (x_new @ W_folded + b_folded)).max()
print(f"linear + batch norm vs the folded linear layer: max difference {fold_err:.0e}")
# --8<-- [end:running]

assert np.allclose(layer.running_mean, mu, atol=0.5 * sigma)
assert np.allclose(np.sqrt(layer.running_var), sigma, rtol=0.25)
assert not np.allclose(train_a, train_b)  # training mode: depends on the batch-mates
assert np.array_equal(eval_a, eval_b)  # inference mode: does not
assert fold_err < 1e-12
# Layer norm never looks at other examples: the same output in both batches.
assert np.array_equal(normalize(batch_a, axis=1)[0], normalize(batch_b, axis=1)[0])

# --8<-- [start:batch_one]
one = np.array([[3.0, -7.0, 0.2, 42.0]])  # a batch holding a single example
print("batch norm, training mode, batch of 1:", normalize(one, axis=0))
two = np.array([[3.0, -7.0, 0.2, 42.0], [1.0, 5.0, 0.9, -2.0]])
print("batch norm, training mode, batch of 2:\n", normalize(two, axis=0).round(3))
print("layer norm, one example:              ", normalize(one, axis=1).round(3))
# --8<-- [end:batch_one]

# A batch of one: x minus its own mean is 0, so every feature becomes beta, whatever
# the input, and no gradient reaches x. A batch of two: each feature becomes +-1.
assert np.all(normalize(one, axis=0) == 0)
assert np.allclose(normalize_backward(rng.normal(size=one.shape), one, 0), 0)
assert np.allclose(np.abs(normalize(two, axis=0)), 1, atol=1e-3)
assert np.allclose(normalize(one, axis=1).std(), 1, atol=1e-5)

# --8<-- [start:noise]
# How much does one example's training-mode output move with its batch-mates?
# Draw 300 batches of each size around the same example and measure the spread.
sizes = [2, 4, 8, 16, 32, 64, 128, 256]
x0 = np.array([1.0])  # one feature; the population is standard normal
spread, outputs_by_size = [], {}
for B in sizes:
    others = rng.normal(size=(300, B - 1, 1))
    batches = np.concatenate([np.broadcast_to(x0, (300, 1, 1)), others], axis=1)
    outputs = normalize(batches, axis=1)[:, 0, 0]  # the example's output per batch
    spread.append(outputs.std())
    outputs_by_size[B] = outputs
    print(f"batch size {B:3d}: sd of the example's output {outputs.std():.3f}")
# --8<-- [end:noise]

spread = np.array(spread)
assert np.all(np.diff(spread[1:]) < 0)  # shrinks as the batch grows, from B = 4 on
# ... roughly as 1/sqrt(B): the product sd * sqrt(B) stays within a narrow band.
assert np.ptp((spread * np.sqrt(sizes))[2:]) < 0.35
# B = 2: the output is +1 or -1 (up to eps), depending only on which of the two is
# larger; it is -1 whenever the batch-mate is above 1, a chance of about 0.16.
assert np.mean(np.abs(outputs_by_size[2]) > 0.9) > 0.95
assert 0.1 < np.mean(outputs_by_size[2] < 0) < 0.22
assert np.all(spread > 0.05)  # layer norm's spread would be exactly 0

# --8<-- [start:scale]
# Scale the weights before a normalization layer by 10: the output barely changes
# (only through eps), and the gradient with respect to the weights shrinks tenfold.
Xb = rng.normal(size=(32, 5))
Wb = rng.normal(size=(5, 8))
Rb = rng.normal(size=(32, 8))  # loss = sum(Rb * output)


def grad_W(W, axis):
    return Xb.T @ normalize_backward(Rb, Xb @ W, axis)


for name, axis in (("batch norm", 0), ("layer norm", 1)):
    change = np.abs(normalize(Xb @ (10 * Wb), axis) - normalize(Xb @ Wb, axis)).max()
    ratio = np.linalg.norm(grad_W(10 * Wb, axis)) / np.linalg.norm(grad_W(Wb, axis))
    print(
        f"{name}: W times 10 -> largest change in output {change:.0e}, "
        f"gradient norm ratio {ratio:.3f}"
    )
# --8<-- [end:scale]

for axis in (0, 1):
    change = np.abs(normalize(Xb @ (10 * Wb), axis) - normalize(Xb @ Wb, axis)).max()
    ratio = np.linalg.norm(grad_W(10 * Wb, axis)) / np.linalg.norm(grad_W(Wb, axis))
    assert change < 1e-4 and abs(ratio - 0.1) < 1e-3

_one_thread.restore_original_limits()
