"""A recurrent network and an LSTM cell from scratch in NumPy.

The recurrence, backpropagation through time (checked against finite differences),
the product of Jacobians that makes gradients vanish or explode, and the LSTM's
additive cell state, whose gradient is scaled by a learned forget gate instead.

Run on its own: python snippets/rnn_lstm.py
"""

import numpy as np

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# --8<-- [start:forward]
n_x, n_h, n_y, T = 3, 5, 2, 6  # input, hidden and output sizes; sequence length

Wx = rng.normal(size=(n_h, n_x)) / np.sqrt(n_x)  # input -> hidden
Wh = rng.normal(size=(n_h, n_h)) / np.sqrt(n_h)  # hidden -> hidden (the recurrence)
b = np.zeros(n_h)
V = rng.normal(size=(n_y, n_h)) / np.sqrt(n_h)  # hidden -> output
xs = rng.normal(size=(T, n_x))  # one input sequence
ys = rng.normal(size=(T, n_y))  # a target at every step


def rnn_forward(xs, Wx, Wh, b, V):
    """h_t = tanh(Wx x_t + Wh h_{t-1} + b), y_hat_t = V h_t; h_0 = 0."""
    hs = [np.zeros(Wh.shape[0])]
    for x in xs:  # one step at a time: step t needs h_{t-1}
        hs.append(np.tanh(Wx @ x + Wh @ hs[-1] + b))
    return hs, [V @ h for h in hs[1:]]


def rnn_loss(xs, ys, Wx, Wh, b, V):
    _, y_hat = rnn_forward(xs, Wx, Wh, b, V)
    return 0.5 * sum(np.sum((p - y) ** 2) for p, y in zip(y_hat, ys))


hs, y_hat = rnn_forward(xs, Wx, Wh, b, V)
n_params = Wx.size + Wh.size + b.size + V.size
print(f"{T} steps, hidden state of {n_h}: {len(hs) - 1} states, {len(y_hat)} outputs")
print(f"parameters: {n_params}, the same at every step and for any sequence length")
print(f"loss: {rnn_loss(xs, ys, Wx, Wh, b, V):.4f}")
assert n_params == 15 + 25 + 5 + 10
# --8<-- [end:forward]


# --8<-- [start:bptt]
def rnn_backward(xs, ys, Wx, Wh, b, V):
    """Backpropagation through time: walk the unrolled graph from the last step."""
    hs, y_hat = rnn_forward(xs, Wx, Wh, b, V)
    dWx, dWh, db, dV = (np.zeros_like(a) for a in (Wx, Wh, b, V))
    dh_next = np.zeros(Wh.shape[0])  # gradient arriving from step t + 1
    for t in reversed(range(len(xs))):
        h, h_prev = hs[t + 1], hs[t]
        err = y_hat[t] - ys[t]
        dV += np.outer(err, h)
        dh = V.T @ err + dh_next  # from this step's output and from the future
        dz = dh * (1 - h**2)  # through tanh
        dWx += np.outer(dz, xs[t])  # shared weights: add up every step's share
        dWh += np.outer(dz, h_prev)
        db += dz
        dh_next = Wh.T @ dz  # one more factor of the Jacobian product
    return dWx, dWh, db, dV


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


grads = rnn_backward(xs, ys, Wx, Wh, b, V)
for name, param, grad in zip(("Wx", "Wh", "b", "V"), (Wx, Wh, b, V), grads):
    num = numeric_grad(lambda: rnn_loss(xs, ys, Wx, Wh, b, V), param)
    err = rel_error(grad, num)
    print(f"dL/d{name:2s} relative error against finite differences: {err:.1e}")
    assert err < 1e-6
# --8<-- [end:bptt]

# --8<-- [start:products]
# How much does the input at step t still move h_T? The answer is a product of
# T - t Jacobians diag(1 - h_k^2) Wh, one per step in between.
n_h, T = 8, 100
Q, _ = np.linalg.qr(rng.normal(size=(n_h, n_h)))  # orthogonal: all singular values 1
Wx_long = 0.5 * rng.normal(size=(n_h, n_x)) / np.sqrt(n_x)
xs_long = rng.normal(size=(T, n_x))


def rnn_influence(sigma):
    """||d h_T / d x_t||_2 for t = T, T-1, ..., 1 with Wh = sigma * Q."""
    Wh_s = sigma * Q
    hs = [np.zeros(n_h)]
    for x in xs_long:
        hs.append(np.tanh(Wx_long @ x + Wh_s @ hs[-1]))
    J, norms = np.eye(n_h), []  # J = d h_T / d h_t, built backwards
    for t in range(T, 0, -1):
        local = np.diag(1 - hs[t] ** 2)  # tanh' at step t, at most 1
        norms.append(np.linalg.norm(J @ local @ Wx_long, 2))
        J = J @ local @ Wh_s
    return np.array(norms)


rnn_curves = {s: rnn_influence(s) for s in (0.8, 1.0, 2.0)}
print(f"{'sigma_max(Wh)':>18s} | ||dh_T/dx_t|| at 0, 10, 50, 99 steps back")
for s, curve in rnn_curves.items():
    print(f"{s:18.1f} | " + "  ".join(f"{curve[k]:8.1e}" for k in (0, 10, 50, 99)))

# tanh' <= 1, so the norm is at most sigma^(steps back) x ||Wx||: below 1, it must
# vanish geometrically. Above 1, it may grow (here it does), but need not.
steps = np.arange(T)
bound = 0.8**steps * np.linalg.norm(Wx_long, 2)
assert np.all(rnn_curves[0.8] <= bound * (1 + 1e-12))
assert rnn_curves[0.8][99] < 1e-9 and rnn_curves[1.0][99] < 1e-3
assert rnn_curves[2.0][99] > 1.0 > rnn_curves[2.0][0]  # at 2 it grows instead
# --8<-- [end:products]


# --8<-- [start:lstm]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_step(W, bias, x, h, c):
    """One LSTM step. W stacks the four gates' weights on [x, h]."""
    z = W @ np.concatenate([x, h]) + bias
    i, f, o = sigmoid(z[:n_h]), sigmoid(z[n_h : 2 * n_h]), sigmoid(z[2 * n_h : 3 * n_h])
    g = np.tanh(z[3 * n_h :])  # candidate values
    c_new = f * c + i * g  # additive update: keep a share f, write a share i
    return o * np.tanh(c_new), c_new, (i, f, o, g)


def lstm_jacobians(W, bias, x, h, c):
    """d(h_t, c_t) / d(h_{t-1}, c_{t-1}) and d(h_t, c_t) / d x_t, by hand."""
    h_new, c_new, (i, f, o, g) = lstm_step(W, bias, x, h, c)
    tc = np.tanh(c_new)

    def through_gates(Wpart):  # Wpart: the gates' weights on h (or on x)
        Wi, Wf = Wpart[:n_h], Wpart[n_h : 2 * n_h]
        Wo, Wg = Wpart[2 * n_h : 3 * n_h], Wpart[3 * n_h :]
        dc = (
            (c * f * (1 - f))[:, None] * Wf
            + (g * i * (1 - i))[:, None] * Wi
            + (i * (1 - g**2))[:, None] * Wg
        )
        dh = (tc * o * (1 - o))[:, None] * Wo + (o * (1 - tc**2))[:, None] * dc
        return dh, dc

    dh_dh, dc_dh = through_gates(W[:, n_x:])
    dc_dc = np.diag(f)  # the direct path: the cell state is only scaled by f
    dh_dc = (o * (1 - tc**2))[:, None] * dc_dc
    J_state = np.block([[dh_dh, dh_dc], [dc_dh, dc_dc]])
    J_x = np.vstack(through_gates(W[:, :n_x]))
    return J_state, J_x


def make_lstm(forget_bias, seed=1):
    r = np.random.default_rng(seed)
    W = 0.5 * r.normal(size=(4 * n_h, n_x + n_h)) / np.sqrt(n_x + n_h)
    bias = np.zeros(4 * n_h)
    bias[n_h : 2 * n_h] = forget_bias  # sigmoid(forget_bias) is the initial f
    return W, bias


# Four gates: four times the parameters of a plain RNN with the same state size.
W, bias = make_lstm(1.0)
lstm_params = W.size + bias.size
rnn_params = n_h * n_x + n_h * n_h + n_h
print(f"hidden size {n_h}: LSTM {lstm_params} parameters, plain RNN {rnn_params}")
assert lstm_params == 4 * rnn_params == 384

# Check the hand-derived Jacobians against central finite differences.
x0, h0, c0 = rng.normal(size=n_x), 0.5 * rng.normal(size=n_h), rng.normal(size=n_h)
J_state, J_x = lstm_jacobians(W, bias, x0, h0, c0)
state, eps = np.concatenate([h0, c0]), 1e-6
J_num = np.zeros_like(J_state)
for k in range(2 * n_h):
    up, down = state.copy(), state.copy()
    up[k] += eps
    down[k] -= eps
    f_up = np.concatenate(lstm_step(W, bias, x0, up[:n_h], up[n_h:])[:2])
    f_down = np.concatenate(lstm_step(W, bias, x0, down[:n_h], down[n_h:])[:2])
    J_num[:, k] = (f_up - f_down) / (2 * eps)
Jx_num = np.zeros_like(J_x)
for k in range(n_x):
    up, down = x0.copy(), x0.copy()
    up[k] += eps
    down[k] -= eps
    f_up = np.concatenate(lstm_step(W, bias, up, h0, c0)[:2])
    f_down = np.concatenate(lstm_step(W, bias, down, h0, c0)[:2])
    Jx_num[:, k] = (f_up - f_down) / (2 * eps)
err = max(rel_error(J_state, J_num), rel_error(J_x, Jx_num))
print(f"LSTM Jacobians, relative error against finite differences: {err:.1e}")
assert err < 1e-6


def lstm_influence(forget_bias):
    """||d h_T / d x_t||_2 for t = T, ..., 1, the same measure as for the RNN."""
    W, bias = make_lstm(forget_bias)
    h, c, saved, fs = np.zeros(n_h), np.zeros(n_h), [], []
    for x in xs_long:
        saved.append((x, h, c))
        h, c, gates = lstm_step(W, bias, x, h, c)
        fs.append(gates[1])
    P, norms = np.eye(2 * n_h)[:n_h], []  # P = d h_T / d(h_t, c_t)
    for x, h_prev, c_prev in reversed(saved):
        J_state, J_x = lstm_jacobians(W, bias, x, h_prev, c_prev)
        norms.append(np.linalg.norm(P @ J_x, 2))
        P = P @ J_state
    return np.array(norms), float(np.mean(fs))


lstm_curves, mean_f = {}, {}
for fb in (0.0, 1.0, 3.0):
    lstm_curves[fb], mean_f[fb] = lstm_influence(fb)
print(
    f"{'forget bias':>11s} {'mean f':>6s} | ||dh_T/dx_t|| at 0, 10, 50, 99 steps back"
)
for fb, curve in lstm_curves.items():
    print(
        f"{fb:11.0f} {mean_f[fb]:6.2f} | "
        + "  ".join(f"{curve[k]:8.1e}" for k in (0, 10, 50, 99))
    )

# With f near 1, the input from 99 steps back still reaches h_T at a few per cent of
# the latest input's strength; with f near 0.5 it is gone, as in the plain RNN.
ratio = {fb: curve[99] / curve[0] for fb, curve in lstm_curves.items()}
print(
    f"99 steps back / latest input: LSTM with f = 0.95 {ratio[3.0]:.1e}, "
    f"RNN at sigma 1 {rnn_curves[1.0][99] / rnn_curves[1.0][0]:.1e}"
)
assert mean_f[0.0] < 0.55 and mean_f[3.0] > 0.9
assert ratio[3.0] > 0.01 and ratio[1.0] < 1e-6 and ratio[0.0] < 1e-15
rnn_ratio = rnn_curves[1.0][99] / rnn_curves[1.0][0]
assert ratio[3.0] > 1e9 * rnn_ratio and ratio[0.0] < rnn_ratio
# --8<-- [end:lstm]

# The page's quiz: the bound after 50 steps with a largest singular value of 0.9.
assert f"{0.9**50:.3f}" == "0.005"
