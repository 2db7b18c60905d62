"""Claims of deep-learning/optimizers.md checked beyond the snippet's one function and seed.

The optimisers are the page's own definitions, loaded from the snippet; the tests run them on other
functions, seeds and settings.
"""

import contextlib
import io
import runpy
from pathlib import Path

import numpy as np
import pytest

SNIPPET = Path(__file__).resolve().parents[2] / "snippets" / "optimizers.py"


@pytest.fixture(scope="module")
def opt():
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPET), run_name="__main__")


def quadratic(H):
    return (lambda p: 0.5 * np.einsum("...i,ij,...j->...", p, H, p)), (lambda p: H @ p)


@pytest.mark.parametrize("lam_max", [10.0, 100.0, 1000.0])
def test_gradient_descent_is_stable_below_two_over_the_largest_curvature(opt, lam_max):
    f, grad = quadratic(np.diag([1.0, lam_max]))
    start = np.array([1.0, 1.0])
    below = opt["run"](opt["sgd"], grad, start, 300, lr=1.9 / lam_max)
    above = opt["run"](opt["sgd"], grad, start, 300, lr=2.1 / lam_max)
    assert f(below[-1]) < f(start) and f(above[-1]) > 1e3 * f(start)


def test_momentum_multiplies_a_steady_gradient_by_one_over_one_minus_mu(opt):
    g = np.array([0.5, -2.0])
    for mu in (0.5, 0.9, 0.99):
        theta, v = np.zeros(2), 0.0
        for t in range(1, 3000):
            new, v = opt["momentum"](theta, g, v, t, lr=1e-3, mu=mu)
            step, theta = new - theta, new
        assert np.allclose(step, -1e-3 * g / (1 - mu), rtol=1e-6)


@pytest.mark.parametrize("seed", range(5))
def test_adams_first_step_is_the_learning_rate_in_every_coordinate(opt, seed):
    rng = np.random.default_rng(seed)
    g = rng.choice([-1.0, 1.0], size=20) * 10.0 ** rng.uniform(-3, 5, size=20)  # far above eps
    theta, _ = opt["adam"](np.zeros(20), g, (0.0, 0.0), 1, lr=0.01)
    assert np.allclose(theta, -0.01 * np.sign(g), rtol=1e-4)


@pytest.mark.parametrize("b1,b2", [(0.9, 0.999), (0.8, 0.999), (0.95, 0.9999)])
def test_without_bias_correction_early_steps_are_larger_not_smaller(b1, b2):
    # Holds whenever 1 - b2 < (1 - b1)^2, as for the defaults: v starts further below its
    # stationary value than m does.
    # For a constant gradient the uncorrected ratio m / sqrt(v) is (1 - b1^t) / sqrt(1 - b2^t).
    m = v = 0.0
    ratios = []
    for _ in range(199):
        m, v = b1 * m + (1 - b1) * 3.0, b2 * v + (1 - b2) * 9.0
        ratios.append(m / np.sqrt(v))
    assert ratios[0] == pytest.approx((1 - b1) / np.sqrt(1 - b2))
    assert min(ratios) > 1  # every early uncorrected step is longer than lr


@pytest.mark.parametrize("seed", range(3))
def test_adam_is_invariant_to_rescaling_a_coordinate_but_sgd_is_not(opt, seed):
    rng = np.random.default_rng(seed)
    c = 10.0 ** rng.uniform(-2, 2, size=3)  # a fixed positive scale per coordinate
    H = np.diag(rng.uniform(0.5, 5.0, size=3))
    _, grad = quadratic(H)
    start = rng.normal(size=3)
    a = opt["run"](opt["adam"], grad, start, 50, (0.0, 0.0), lr=0.05, eps=0.0)
    b = opt["run"](opt["adam"], lambda p: c * grad(p), start, 50, (0.0, 0.0), lr=0.05, eps=0.0)
    assert np.allclose(a, b)
    s1 = opt["run"](opt["sgd"], grad, start, 50, lr=0.01)
    s2 = opt["run"](opt["sgd"], lambda p: c * grad(p), start, 50, lr=0.01)
    assert not np.allclose(s1, s2)


def test_rotating_the_ravine_hurts_adam_but_not_sgd_or_momentum(opt):
    angle = np.pi / 4
    R = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    D = np.diag([1.0, 100.0])
    f0, g0 = quadratic(D)
    f1, g1 = quadratic(R @ D @ R.T)
    s0, s1 = np.array([-8.0, 1.0]), R @ np.array([-8.0, 1.0])
    for name, state, lr in (("sgd", None, 0.018), ("momentum", 0.0, 0.018)):
        aligned = f0(opt["run"](opt[name], g0, s0, 100, state, lr=lr)[-1])
        rotated = f1(opt["run"](opt[name], g1, s1, 100, state, lr=lr)[-1])
        assert rotated == pytest.approx(aligned, rel=1e-6)
    aligned = f0(opt["run"](opt["adam"], g0, s0, 100, (0.0, 0.0), lr=0.3)[-1])
    rotated = f1(opt["run"](opt["adam"], g1, s1, 100, (0.0, 0.0), lr=0.3)[-1])
    assert rotated > 100 * aligned


@pytest.mark.parametrize("seed", range(3))
def test_l2_equals_decoupled_decay_for_sgd_but_not_for_adam(opt, seed):
    rng = np.random.default_rng(seed)
    lr, lam = 0.05, 0.3
    grads = rng.normal(size=(50, 4)) * np.array([100.0, 1.0, 0.1, 0.01])
    theta0 = rng.normal(size=4)
    s_l2 = s_wd = a_l2 = a_wd = theta0
    st_l2 = st_wd = (0.0, 0.0)
    for t, g in enumerate(grads, start=1):
        s_l2 = s_l2 - lr * (g + lam * s_l2)
        s_wd = (1 - lr * lam) * s_wd - lr * g
        a_l2, st_l2 = opt["adam"](a_l2, g + lam * a_l2, st_l2, t, lr)
        a_wd, st_wd = opt["adam"](a_wd, g, st_wd, t, lr, weight_decay=lam)
    assert np.allclose(s_l2, s_wd)
    assert not np.allclose(a_l2, a_wd, atol=1e-3)


def test_under_adam_plus_l2_noisier_weights_are_regularised_less(opt):
    rng = np.random.default_rng(7)
    lr, lam, T, R = 0.01, 0.1, 600, 500
    scale = np.array([10.0, 1.0, 0.1, 0.01])
    th_l2 = th_w = np.ones((R, 4))
    st_l2 = st_w = (0.0, 0.0)
    for t in range(1, T + 1):
        g = rng.normal(size=(R, 4)) * scale
        th_l2, st_l2 = opt["adam"](th_l2, g + lam * th_l2, st_l2, t, lr)
        th_w, st_w = opt["adam"](th_w, g, st_w, t, lr, weight_decay=lam)
    kept = th_l2.mean(axis=0)
    assert np.all(np.diff(kept) < 0)  # the less noise, the more shrinkage
    assert np.allclose(th_w.mean(axis=0), (1 - lr * lam) ** T, atol=0.04)  # AdamW: the same for all


@pytest.mark.parametrize("lr", [0.1, 0.05, 0.025])
def test_sgd_noise_floor_is_proportional_to_the_learning_rate(lr):
    rng = np.random.default_rng(0)
    a = np.linspace(0.5, 2.0, 10)
    theta = np.zeros((1000, 10))
    losses = []
    for t in range(1500):
        theta = theta - lr * (a * theta + rng.normal(size=theta.shape))
        if t >= 1000:
            losses.append(np.mean(0.5 * np.sum(a * theta**2, axis=1)))
    predicted = np.sum(lr / (2 * (2 - lr * a)))  # about n * lr / 4 for small lr
    assert np.mean(losses) == pytest.approx(predicted, rel=0.1)


@pytest.mark.parametrize("peak,warmup,total", [(1.0, 10, 100), (3e-4, 2000, 100_000), (0.1, 1, 50)])
def test_warmup_cosine_rises_linearly_peaks_then_decays_to_the_floor(opt, peak, warmup, total):
    sched = np.array([opt["warmup_cosine"](t, peak, warmup, total, floor=peak / 100) for t in range(total)])
    assert sched[warmup - 1] == pytest.approx(peak) and sched.max() == pytest.approx(peak)
    if warmup > 1:
        assert np.all(np.diff(sched[:warmup]) > 0)
    assert np.all(np.diff(sched[warmup:]) <= 0)
    assert opt["warmup_cosine"](total, peak, warmup, total, floor=peak / 100) == pytest.approx(peak / 100)
    assert peak / 100 < sched[-1] < peak / 100 + 0.01 * peak
