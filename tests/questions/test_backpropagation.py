"""Claims of deep-learning/backpropagation.md checked beyond the one data set its snippet uses."""

import numpy as np
import pytest
from scipy.special import expit, log_softmax, softmax

# Element-wise activations and their derivatives, written as the page's formula uses them.
ACTIVATIONS = {
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "sigmoid": (expit, lambda z: expit(z) * (1 - expit(z))),
    "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float)),
}


def init(rng, D, H, K, scale=1.0):
    return {
        "W1": rng.normal(0, scale / np.sqrt(D), (D, H)),
        "b1": rng.normal(0, 0.1, H),
        "W2": rng.normal(0, scale / np.sqrt(H), (H, K)),
        "b2": rng.normal(0, 0.1, K),
    }


def loss_and_grads(p, X, y, act="tanh"):
    """The page's two-layer network: forward pass, then the backward pass by the chain rule."""
    f, df = ACTIVATIONS[act]
    N, K = X.shape[0], p["b2"].size
    Y = np.eye(K)[y]
    Z1 = X @ p["W1"] + p["b1"]
    A1 = f(Z1)
    Z2 = A1 @ p["W2"] + p["b2"]
    loss = -np.mean(log_softmax(Z2, axis=1)[np.arange(N), y])
    dZ2 = (softmax(Z2, axis=1) - Y) / N
    dZ1 = (dZ2 @ p["W2"].T) * df(Z1)
    grads = {"W1": X.T @ dZ1, "b1": dZ1.sum(0), "W2": A1.T @ dZ2, "b2": dZ2.sum(0)}
    return loss, grads, Z1


def central_differences(p, X, y, act="tanh", h=1e-5):
    num = {}
    for name, v in p.items():
        g = np.zeros_like(v)
        for i in np.ndindex(v.shape):
            old = v[i]
            v[i] = old + h
            plus = loss_and_grads(p, X, y, act)[0]
            v[i] = old - h
            minus = loss_and_grads(p, X, y, act)[0]
            v[i] = old
            g[i] = (plus - minus) / (2 * h)
        num[name] = g
    return num


def flat(g):
    return np.concatenate([v.ravel() for v in g.values()])


def rel_err(a, b):
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("act", ["tanh", "sigmoid", "relu"])
def test_backprop_matches_central_differences_for_other_data_sizes_and_activations(seed, act):
    rng = np.random.default_rng(seed)
    N, D, H, K = rng.integers(5, 30), rng.integers(2, 6), rng.integers(3, 9), rng.integers(2, 5)
    X, y = rng.normal(size=(N, D)), rng.integers(0, K, N)
    p = init(rng, D, H, K)
    _, grads, Z1 = loss_and_grads(p, X, y, act)
    if act == "relu":  # the check is only meaningful away from the kink at 0
        assert np.abs(Z1).min() > 1e-3
    assert rel_err(flat(grads), flat(central_differences(p, X, y, act))) < 1e-6


def test_a_relu_kink_inside_the_step_breaks_the_check_though_backprop_is_right():
    # One pre-activation sits at z = 2e-6, closer to ReLU's kink than the step h = 1e-5: the finite
    # difference straddles the kink and averages the slopes 0 and 1, so it disagrees with backprop.
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 3)), np.array([0, 1, 2, 0, 1, 2])
    p = init(rng, 3, 4, 3, scale=2.0)
    Z1 = X @ p["W1"] + p["b1"]
    p["b1"][0] -= Z1[0, 0] - 2e-6  # move unit 0's pre-activation on row 0 to just above the kink
    _, grads, Z1 = loss_and_grads(p, X, y, "relu")
    assert 0 < Z1[0, 0] < 1e-5
    num = central_differences(p, X, y, "relu")
    assert rel_err(grads["b1"], num["b1"]) > 1e-3
    # Away from the kink, with a step smaller than the distance to it, the check passes again.
    num_small = central_differences(p, X, y, "relu", h=1e-7)
    assert rel_err(grads["b1"], num_small["b1"]) < 1e-5


@pytest.mark.parametrize(
    "bug",
    ["no 1/N", "sigmoid derivative for tanh", "missing transpose", "forgot the bias sum"],
)
def test_the_gradient_check_catches_common_backprop_bugs(bug):
    rng = np.random.default_rng(1)
    N, D, H, K = 20, 4, 4, 3  # H == D, so a missing transpose still has the right shape
    X, y = rng.normal(size=(N, D)), rng.integers(0, K, N)
    p = init(rng, D, H, K)
    _, grads, Z1 = loss_and_grads(p, X, y)
    Y = np.eye(K)[y]
    A1 = np.tanh(Z1)
    dZ2 = (softmax(A1 @ p["W2"] + p["b2"], axis=1) - Y) / N
    wrong = dict(grads)
    if bug == "no 1/N":
        wrong["W2"] = A1.T @ (dZ2 * N)
    elif bug == "sigmoid derivative for tanh":
        dZ1 = (dZ2 @ p["W2"].T) * A1 * (1 - A1)
        wrong["W1"] = X.T @ dZ1
    elif bug == "missing transpose":
        dZ1 = (dZ2 @ p["W2"].T) * (1 - A1**2)
        wrong["W1"] = (X.T @ dZ1).T  # (H, D) instead of (D, H): same shape when H == D
    else:
        wrong["b2"] = dZ2[0]  # the first row's gradient instead of the sum over rows
    num = central_differences(p, X, y)
    assert rel_err(flat(grads), flat(num)) < 1e-6
    assert rel_err(flat(wrong), flat(num)) > 1e-2


@pytest.mark.parametrize("seed", range(5))
def test_softmax_cross_entropy_gradient_with_respect_to_the_logits_is_p_minus_y(seed):
    rng = np.random.default_rng(seed)
    z, k = rng.normal(size=6) * 3, rng.integers(0, 6)
    loss = lambda z: -log_softmax(z)[k]  # noqa: E731
    h = 1e-6
    num = np.array([(loss(z + h * e) - loss(z - h * e)) / (2 * h) for e in np.eye(6)])
    assert np.allclose(num, softmax(z) - np.eye(6)[k], atol=1e-8)


@pytest.mark.parametrize("seed", range(3))
def test_central_difference_error_falls_like_h_squared_and_forward_like_h(seed):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(15, 3)), rng.integers(0, 3, 15)
    p = init(rng, 3, 5, 3)
    _, grads, _ = loss_and_grads(p, X, y)
    w = p["W1"]  # one entry is enough for the order of the error
    exact = grads["W1"][0, 0]

    def f(t):
        old, w[0, 0] = w[0, 0], t
        value = loss_and_grads(p, X, y)[0]
        w[0, 0] = old
        return value

    t = w[0, 0]
    central = [abs((f(t + h) - f(t - h)) / (2 * h) - exact) for h in (1e-2, 1e-3)]
    forward = [abs((f(t + h) - f(t)) / h - exact) for h in (1e-2, 1e-3)]
    assert 70 < central[0] / central[1] < 130  # h ten times smaller: error 100 times smaller
    assert 7 < forward[0] / forward[1] < 13  # ... 10 times smaller


@pytest.mark.parametrize("seed", range(3))
def test_equal_initial_weights_keep_hidden_units_identical_for_any_data(seed):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(40, 3)), rng.integers(0, 3, 40)
    p = {"W1": np.full((3, 6), 0.3), "b1": np.zeros(6), "W2": np.full((6, 3), -0.2), "b2": np.zeros(3)}
    for _ in range(200):
        _, g, _ = loss_and_grads(p, X, y)
        for name in p:
            p[name] -= 0.5 * g[name]
    assert np.allclose(p["W1"], p["W1"][:, :1])  # all six columns still equal
    # A random start differs: the units end up different from one another.
    q = init(rng, 3, 6, 3)
    assert not np.allclose(q["W1"], q["W1"][:, :1])


def test_the_gradient_of_a_mean_loss_is_the_mean_of_per_example_gradients():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(12, 4)), rng.integers(0, 3, 12)
    p = init(rng, 4, 5, 3)
    _, batch, _ = loss_and_grads(p, X, y)
    singles = [loss_and_grads(p, X[i : i + 1], y[i : i + 1])[1] for i in range(12)]
    mean = {n: np.mean([g[n] for g in singles], axis=0) for n in p}
    assert np.allclose(flat(batch), flat(mean))


def test_a_weight_used_twice_gets_the_sum_of_the_gradients_from_each_use():
    # A tied autoencoder, reconstruction = tanh(X W) W^T: W is used by the encoder and, transposed, by the
    # decoder. The chain rule adds over the two paths, so the gradient is the sum of both uses' gradients.
    rng = np.random.default_rng(0)
    X, W = rng.normal(size=(10, 4)), rng.normal(0, 0.5, (4, 3))
    N = X.shape[0]

    def loss(W):
        return 0.5 * np.sum((np.tanh(X @ W) @ W.T - X) ** 2) / N

    A = np.tanh(X @ W)
    dR = (A @ W.T - X) / N  # dL/d(reconstruction)
    through_decoder = dR.T @ A  # the use as W^T: (A^T dR)^T
    through_encoder = X.T @ ((dR @ W) * (1 - A**2))  # the use in X W
    h = 1e-5
    num = np.zeros_like(W)
    for i in np.ndindex(W.shape):
        e = np.zeros_like(W)
        e[i] = h
        num[i] = (loss(W + e) - loss(W - e)) / (2 * h)
    assert rel_err(through_encoder + through_decoder, num) < 1e-6
    assert rel_err(through_encoder, num) > 1e-2 and rel_err(through_decoder, num) > 1e-2
