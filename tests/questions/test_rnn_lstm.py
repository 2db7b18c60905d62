"""Claims of deep-learning/rnn_lstm.md checked beyond the one sequence and the few weights its snippet uses."""

import numpy as np
import pytest

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("rnn_lstm")


def rnn_params(rng, n_x, n_h, n_y, scale=1.0):
    return (
        scale * rng.normal(size=(n_h, n_x)) / np.sqrt(n_x),
        scale * rng.normal(size=(n_h, n_h)) / np.sqrt(n_h),
        0.1 * rng.normal(size=n_h),
        rng.normal(size=(n_y, n_h)) / np.sqrt(n_h),
    )


@pytest.mark.parametrize("seed,T", [(0, 1), (1, 4), (2, 12), (3, 25)])
def test_bptt_matches_finite_differences_for_other_sizes_and_lengths(ns, seed, T):
    rng = np.random.default_rng(seed)
    n_x, n_h, n_y = 2, 4, 3
    Wx, Wh, b, V = rnn_params(rng, n_x, n_h, n_y, scale=1.2)
    xs, ys = rng.normal(size=(T, n_x)), rng.normal(size=(T, n_y))
    grads = ns["rnn_backward"](xs, ys, Wx, Wh, b, V)
    if T == 1:  # one step sees no past: h_0 = 0, so the recurrent weights get no gradient
        np.testing.assert_array_equal(grads[1], 0.0)
    for param, grad in zip((Wx, Wh, b, V), grads):
        num = ns["numeric_grad"](lambda: ns["rnn_loss"](xs, ys, Wx, Wh, b, V), param)
        assert ns["rel_error"](grad, num) < 1e-6


@pytest.mark.parametrize("seed", range(3))
def test_the_gradient_of_a_shared_weight_is_the_sum_over_steps_of_its_copies(ns, seed):
    """Untie Wh into one copy per step: the tied gradient is the sum of the copies' gradients."""
    rng = np.random.default_rng(seed)
    n_x, n_h, n_y, T = 2, 3, 2, 5
    Wx, Wh, b, V = rnn_params(rng, n_x, n_h, n_y)
    xs, ys = rng.normal(size=(T, n_x)), rng.normal(size=(T, n_y))
    copies = np.stack([Wh.copy() for _ in range(T)])

    def untied_loss():
        h, loss = np.zeros(n_h), 0.0
        for t in range(T):
            h = np.tanh(Wx @ xs[t] + copies[t] @ h + b)
            loss += 0.5 * np.sum((V @ h - ys[t]) ** 2)
        return loss

    per_copy = ns["numeric_grad"](untied_loss, copies)
    _, dWh, _, _ = ns["rnn_backward"](xs, ys, Wx, Wh, b, V)
    np.testing.assert_allclose(per_copy.sum(axis=0), dWh, rtol=1e-6, atol=1e-9)
    # Every copy after the first gets its own share; the first multiplies h_0 = 0 and gets none.
    assert np.all(np.linalg.norm(per_copy[1:], axis=(1, 2)) > 1e-6)
    np.testing.assert_allclose(per_copy[0], 0.0, atol=1e-9)


def jacobian_products(W, xs, Wx, act, dact):
    """||d h_T / d h_t||_2 for t = T-1, ..., 0 of h_t = act(Wx x_t + W h_{t-1})."""
    hs, zs = [np.zeros(W.shape[0])], []
    for x in xs:
        zs.append(Wx @ x + W @ hs[-1])
        hs.append(act(zs[-1]))
    J, norms = np.eye(W.shape[0]), []
    for z in reversed(zs):
        J = J @ np.diag(dact(z)) @ W
        norms.append(np.linalg.norm(J, 2))
    return np.array(norms)


def tanh_prime(z):
    return 1 - np.tanh(z) ** 2


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


def test_the_derivative_bounds_are_one_for_tanh_and_a_quarter_for_the_sigmoid():
    z = np.linspace(-10, 10, 20_001)
    assert tanh_prime(z).max() == pytest.approx(1.0) and sigmoid_prime(z).max() == pytest.approx(0.25)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("activation", ["tanh", "sigmoid"])
def test_the_jacobian_product_stays_under_the_singular_value_bound(seed, activation):
    rng = np.random.default_rng(seed)
    n_h, n_x, T = 6, 2, 40
    act, dact, gamma = (np.tanh, tanh_prime, 1.0) if activation == "tanh" else (sigmoid, sigmoid_prime, 0.25)
    W = rng.normal(size=(n_h, n_h))  # a generic matrix, not the snippet's orthogonal one
    sigma = 0.7 / gamma if activation == "tanh" else 3.0  # below 1 / gamma for tanh, below 4 for the sigmoid
    W *= sigma / np.linalg.norm(W, 2)
    norms = jacobian_products(W, rng.normal(size=(T, n_x)), rng.normal(size=(n_h, n_x)), act, dact)
    bound = (gamma * sigma) ** np.arange(1, T + 1)
    assert np.all(norms <= bound * (1 + 1e-9))
    assert norms[-1] < 1e-4  # geometric decay: forty steps back is all but gone


def test_a_singular_value_above_one_can_explode_but_need_not(ns):
    Q = ns["Q"]
    n_h, n_x, T = Q.shape[0], 3, 100
    grew = []
    for seed in range(5):
        rng = np.random.default_rng(seed)
        Wx = 0.5 * rng.normal(size=(n_h, n_x)) / np.sqrt(n_x)
        grew.append(jacobian_products(2.0 * Q, rng.normal(size=(T, n_x)), Wx, np.tanh, tanh_prime)[-1] > 1)
    assert any(grew)  # it can explode
    # Large inputs saturate the tanh units: the same singular value, and the gradient vanishes.
    rng = np.random.default_rng(0)
    Wx = 20 * rng.normal(size=(n_h, n_x))
    saturated = jacobian_products(1.5 * Q, rng.normal(size=(T, n_x)), Wx, np.tanh, tanh_prime)
    assert saturated[-1] < 1e-6


@pytest.mark.parametrize("seed", range(4))
def test_lstm_jacobians_match_finite_differences_and_the_cell_path_is_diag_f(ns, seed):
    rng = np.random.default_rng(seed)
    n_x, n_h = ns["n_x"], ns["n_h"]
    W, bias = ns["make_lstm"](float(seed), seed=seed + 10)
    x, h, c = rng.normal(size=n_x), rng.normal(size=n_h), 2 * rng.normal(size=n_h)
    J_state, J_x = ns["lstm_jacobians"](W, bias, x, h, c)
    step = ns["lstm_step"]

    def f(v):  # (h, c, x) -> (h_new, c_new)
        return np.concatenate(step(W, bias, v[2 * n_h :], v[:n_h], v[n_h : 2 * n_h])[:2])

    v0, eps = np.concatenate([h, c, x]), 1e-6
    J_num = np.stack([(f(v0 + eps * e) - f(v0 - eps * e)) / (2 * eps) for e in np.eye(v0.size)], axis=1)
    assert ns["rel_error"](J_state, J_num[:, : 2 * n_h]) < 1e-6
    assert ns["rel_error"](J_x, J_num[:, 2 * n_h :]) < 1e-6
    forget = step(W, bias, x, h, c)[2][1]
    np.testing.assert_allclose(J_state[n_h:, n_h:], np.diag(forget))  # d c_t / d c_{t-1} = diag(f_t)


def test_a_cell_with_the_forget_gate_open_and_the_input_gate_shut_keeps_its_value(ns):
    """The constant error carousel: f = 1 and i = 0 copy c forward and pass the gradient unchanged."""
    n_x, n_h = ns["n_x"], ns["n_h"]
    W, bias = ns["make_lstm"](0.0, seed=5)
    bias = bias.copy()
    bias[:n_h] = -50.0  # input gate shut
    bias[n_h : 2 * n_h] = 50.0  # forget gate open
    rng = np.random.default_rng(5)
    h, c = np.zeros(n_h), rng.normal(size=n_h)
    c_start, P = c.copy(), np.eye(2 * n_h)
    for x in rng.normal(size=(200, n_x)):
        J_state, _ = ns["lstm_jacobians"](W, bias, x, h, c)
        P = J_state @ P
        h, c, _ = ns["lstm_step"](W, bias, x, h, c)
    np.testing.assert_allclose(c, c_start, atol=1e-12)
    np.testing.assert_allclose(P[n_h:, n_h:], np.eye(n_h), atol=1e-10)


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_forget_gates_near_one_keep_the_distant_input_alive_for_other_weights(ns, seed):
    n_x, n_h, T = ns["n_x"], ns["n_h"], 100
    xs = np.random.default_rng(seed).normal(size=(T, n_x))

    def influence(forget_bias):
        W, bias = ns["make_lstm"](forget_bias, seed=seed)
        h, c, saved = np.zeros(n_h), np.zeros(n_h), []
        for x in xs:
            saved.append((x, h, c))
            h, c, _ = ns["lstm_step"](W, bias, x, h, c)
        P, norms = np.eye(2 * n_h)[:n_h], []
        for x, hp, cp in reversed(saved):
            J_state, J_x = ns["lstm_jacobians"](W, bias, x, hp, cp)
            norms.append(np.linalg.norm(P @ J_x, 2))
            P = P @ J_state
        return np.array(norms)

    open_gates, half_gates = influence(3.0), influence(0.0)
    assert open_gates[-1] / open_gates[0] > 1e-3
    assert half_gates[-1] / half_gates[0] < 1e-12
    assert open_gates[-1] > 1e8 * half_gates[-1]


def test_an_lstm_has_four_times_the_parameters_of_a_plain_rnn_of_the_same_size(ns):
    n_h = ns["n_h"]
    plain = ns["Q"].size + ns["Wx_long"].size + n_h  # the snippet's long RNN: Wh, Wx and a bias
    for forget_bias in (0.0, 3.0):
        W, bias = ns["make_lstm"](forget_bias)
        assert W.size + bias.size == 4 * plain
        # one block of rows per gate, each as large as the plain RNN's weights
        assert W.shape == (4 * n_h, ns["n_x"] + n_h)


def gru_step(W, bias, x, h, n_h):
    """One GRU step (Chung et al.'s convention): W stacks the update, reset and candidate weights on [x, h]."""
    n_x = x.size
    zr = sigmoid(W[: 2 * n_h] @ np.concatenate([x, h]) + bias[: 2 * n_h])
    z, r = zr[:n_h], zr[n_h:]
    Wc = W[2 * n_h :]
    candidate = np.tanh(Wc[:, :n_x] @ x + Wc[:, n_x:] @ (r * h) + bias[2 * n_h :])
    return (1 - z) * h + z * candidate, z


def test_a_gru_has_three_times_the_parameters_and_copies_its_state_when_the_update_gate_is_shut(ns):
    n_x, n_h = ns["n_x"], ns["n_h"]
    rng = np.random.default_rng(11)
    W, bias = rng.normal(size=(3 * n_h, n_x + n_h)), np.zeros(3 * n_h)
    plain = n_h * n_x + n_h * n_h + n_h
    assert W.size + bias.size == 3 * plain  # three blocks against the LSTM's four
    lstm_W, lstm_bias = ns["make_lstm"](1.0)
    assert lstm_W.size + lstm_bias.size == 4 * plain
    # Update gate shut (z near 0): the state is copied forward and so is its gradient.
    bias[:n_h] = -50.0
    h = rng.normal(size=n_h)
    h_start = h.copy()
    for x in rng.normal(size=(100, n_x)):
        h, z = gru_step(W, bias, x, h, n_h)
    np.testing.assert_allclose(h, h_start, atol=1e-12)
    eps, x = 1e-6, rng.normal(size=n_x)
    J = np.stack(
        [
            (gru_step(W, bias, x, h + eps * e, n_h)[0] - gru_step(W, bias, x, h - eps * e, n_h)[0]) / (2 * eps)
            for e in np.eye(n_h)
        ],
        axis=1,
    )
    np.testing.assert_allclose(J, np.eye(n_h), atol=1e-8)
    # Update gate open (z near 1): the old state is overwritten by the candidate.
    bias[:n_h] = 50.0
    h_new, _ = gru_step(W, bias, x, h_start, n_h)
    assert not np.allclose(h_new, h_start)
    reset = sigmoid(W[n_h : 2 * n_h] @ np.concatenate([x, h_start]))
    candidate = np.tanh(W[2 * n_h :, :n_x] @ x + W[2 * n_h :, n_x:] @ (reset * h_start))
    np.testing.assert_allclose(h_new, candidate, atol=1e-12)
