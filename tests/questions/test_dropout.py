"""Claims of deep-learning/dropout.md checked beyond the one network and data set its snippet uses."""

import itertools

import numpy as np
import pytest
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny arrays: extra BLAS threads only add overhead, badly so on a loaded machine."""
    with threadpool_limits(limits=1):
        yield


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def all_masks(n, p):
    """Every 0/1 mask over n units with its probability when each unit is dropped with probability p."""
    masks = np.array(list(itertools.product([0, 1], repeat=n)))
    probs = np.prod(np.where(masks == 1, 1 - p, p), axis=1)
    return masks, probs


@pytest.mark.parametrize("p", [0.1, 0.3, 0.5, 0.8])
def test_inverted_dropout_keeps_the_mean_and_unscaled_dropout_shrinks_it(p):
    rng = np.random.default_rng(int(p * 10))
    a = rng.normal(size=5)
    keep = rng.random((400_000, 5)) >= p
    inverted, unscaled = a * keep / (1 - p), a * keep
    se = np.abs(a) * np.sqrt(p / (1 - p)) / np.sqrt(len(keep)) + 1e-12
    assert np.all(np.abs(inverted.mean(axis=0) - a) < 5 * se)
    assert np.all(np.abs(unscaled.mean(axis=0) - (1 - p) * a) < 5 * se * (1 - p))
    # ... while the variance grows with p: a^2 p / (1 - p)
    assert np.allclose(inverted.var(axis=0), a**2 * p / (1 - p), rtol=0.02)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("p", [0.2, 0.5])
def test_one_pass_is_the_exact_geometric_mean_when_only_the_last_hidden_layer_drops(seed, p):
    rng = np.random.default_rng(seed)
    n_hidden = 7
    W1, b1, w2 = rng.normal(size=(3, n_hidden)), rng.normal(size=n_hidden), rng.normal(size=n_hidden)
    x = rng.normal(size=(6, 3))
    h = np.maximum(x @ W1 + b1, 0)
    masks, probs = all_masks(n_hidden, p)
    logits = (h[:, None, :] * masks / (1 - p)) @ w2  # (inputs, sub-networks)
    weighted_log_odds = logits @ probs  # log of the weighted geometric mean odds
    one_pass = h @ w2
    assert np.allclose(one_pass, weighted_log_odds, atol=1e-12)
    # ... but the arithmetic mean of the sub-networks' probabilities is a different number.
    arithmetic = sigmoid(logits) @ probs
    assert np.abs(sigmoid(one_pass) - arithmetic).max() > 1e-4


@pytest.mark.parametrize("seed", range(5))
def test_one_pass_is_the_exact_average_for_a_linear_output_of_a_regression(seed):
    rng = np.random.default_rng(seed)
    W1, w2 = rng.normal(size=(2, 6)), rng.normal(size=6)
    x = rng.normal(size=(5, 2))
    h = np.maximum(x @ W1, 0)
    masks, probs = all_masks(6, 0.3)
    preds = (h[:, None, :] * masks / 0.7) @ w2
    assert np.allclose(preds @ probs, h @ w2, atol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_with_a_non_linearity_between_two_dropped_layers_one_pass_is_only_approximate(seed):
    rng = np.random.default_rng(seed)
    W1, b1, w2 = rng.normal(size=(3, 5)), rng.normal(size=5), rng.normal(size=5)
    x = rng.normal(size=(4, 3))
    in_masks, in_probs = all_masks(3, 0.5)
    hid_masks, hid_probs = all_masks(5, 0.5)
    mean_logit = np.zeros(len(x))
    for m_in, q_in in zip(in_masks, in_probs):
        h = np.maximum((x * m_in / 0.5) @ W1 + b1, 0)
        mean_logit += q_in * ((h[:, None, :] * hid_masks / 0.5) @ w2) @ hid_probs
    one_pass = np.maximum(x @ W1 + b1, 0) @ w2
    assert np.abs(mean_logit - one_pass).max() > 1e-3


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("p", [0.1, 0.5])
def test_input_dropout_on_linear_regression_is_a_feature_weighted_ridge_penalty(seed, p):
    rng = np.random.default_rng(seed)
    X, y, w = rng.normal(size=(8, 5)), rng.normal(size=8), rng.normal(size=5)
    masks, probs = all_masks(5, p)
    expected = sum(q * np.sum((y - (X * m / (1 - p)) @ w) ** 2) for m, q in zip(masks, probs))
    penalty = p / (1 - p) * np.sum(w**2 * (X**2).sum(axis=0))
    assert expected == pytest.approx(np.sum((y - X @ w) ** 2) + penalty, rel=1e-12)


def train_mlp(X, y, p_in, p_hid, steps=400, hidden=64, lr=1e-2, seed=0):
    """A one-hidden-layer ReLU classifier trained full-batch with Adam and inverted dropout."""
    r = np.random.default_rng(seed)
    d = X.shape[1]
    P = {
        "W1": r.normal(0, np.sqrt(2 / d), (d, hidden)),
        "b1": np.zeros(hidden),
        "w2": r.normal(0, np.sqrt(1 / hidden), hidden),
    }
    M = {k: np.zeros_like(v) for k, v in P.items()}
    V = {k: np.zeros_like(v) for k, v in P.items()}
    for t in range(1, steps + 1):
        m_in = (r.random(X.shape) >= p_in) / (1 - p_in)
        m_hid = (r.random((len(X), hidden)) >= p_hid) / (1 - p_hid)
        x = X * m_in
        z1 = x @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0) * m_hid
        d_logit = (sigmoid(h @ P["w2"]) - y) / len(y)
        dz1 = np.outer(d_logit, P["w2"]) * m_hid * (z1 > 0)
        g = {"w2": h.T @ d_logit, "W1": x.T @ dz1, "b1": dz1.sum(axis=0)}
        for k in P:
            M[k] = 0.9 * M[k] + 0.1 * g[k]
            V[k] = 0.999 * V[k] + 0.001 * g[k] ** 2
            P[k] = P[k] - lr * (M[k] / (1 - 0.9**t)) / (np.sqrt(V[k] / (1 - 0.999**t)) + 1e-8)
    return lambda Z: np.maximum(Z @ P["W1"] + P["b1"], 0) @ P["w2"]  # inference: no mask


@pytest.mark.parametrize("seed", [10, 11, 12])
def test_dropout_improves_test_accuracy_of_a_network_that_memorizes_its_training_set(seed):
    rng = np.random.default_rng(seed)
    beta = np.r_[rng.normal(0, 2, 5), np.zeros(45)]
    X = rng.normal(size=(1100, 50))
    y = ((X @ beta + 0.5 * X[:, 0] * X[:, 1] + rng.normal(size=1100)) > 0).astype(float)
    Xtr, ytr, Xte, yte = X[:100], y[:100], X[100:], y[100:]
    plain = train_mlp(Xtr, ytr, 0.0, 0.0)
    dropped = train_mlp(Xtr, ytr, 0.2, 0.5)
    assert np.mean((plain(Xtr) > 0) == ytr) == 1.0  # memorized
    acc_plain = np.mean((plain(Xte) > 0) == yte)
    acc_drop = np.mean((dropped(Xte) > 0) == yte)
    assert acc_drop > acc_plain + 0.02
