"""Claims of coding/stable_softmax.md checked beyond the candidate's tests."""

import warnings

import numpy as np
import pytest
from scipy import special
from sklearn.metrics import log_loss

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("stable_softmax")


@pytest.mark.parametrize("seed", range(3))
def test_adding_a_constant_to_a_row_changes_no_probability(ns, seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(6, 5))
    shift = rng.normal(scale=100, size=(6, 1))
    np.testing.assert_allclose(ns["softmax"](z + shift), ns["softmax"](z), rtol=1e-9)
    np.testing.assert_allclose(ns["log_softmax"](z + shift), ns["log_softmax"](z), rtol=1e-9, atol=1e-9)


def test_float64_exp_overflows_above_709_and_underflows_below_minus_745():
    assert np.log(np.finfo(np.float64).max) == pytest.approx(709.78, abs=0.01)
    with np.errstate(over="ignore", under="ignore"):
        assert np.isinf(np.exp(710.0)) and np.isfinite(np.exp(709.0))
        assert np.exp(-745.2) == 0.0 and np.exp(-745.0) > 0.0


def test_lower_precisions_overflow_much_sooner():
    assert np.log(np.finfo(np.float32).max) == pytest.approx(88.72, abs=0.01)
    assert float(np.log(np.finfo(np.float16).max)) == pytest.approx(11.09, abs=0.01)
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float32(89.0)))
        assert np.isinf(np.exp(np.float16(12.0)))


@pytest.mark.parametrize("seed", range(3))
def test_after_the_shift_the_sum_lies_between_1_and_k(seed):
    z = np.random.default_rng(seed).normal(scale=1000, size=(50, 8))
    sums = np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1)
    assert np.all(sums >= 1.0) and np.all(sums <= 8.0)  # so its log is finite


def test_the_examples_cross_entropy_is_the_mean_of_the_two_rows(ns):
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]])
    rows = special.logsumexp(z, axis=1) - z[:, 2]
    assert rows[1] == pytest.approx(2000.0)
    assert ns["cross_entropy"](z, np.array([2, 2])) == pytest.approx(rows.mean())


def test_log_loss_clips_a_zero_probability_so_it_cannot_show_the_true_loss(ns):
    # The true loss of logits [1000, -1000] with class 1 is 2000; log_loss clips p at eps.
    p = special.softmax(np.array([[1000.0, -1000.0]]), axis=1)
    assert p[0, 1] == 0.0
    clipped = log_loss([1], p, labels=[0, 1])
    assert clipped == pytest.approx(-np.log(np.finfo(np.float64).eps))  # about 36
    assert ns["cross_entropy"](np.array([[1000.0, -1000.0]]), np.array([1])) == 2000.0


def test_scipy_softmax_defaults_to_the_whole_array():
    z = np.random.default_rng(0).normal(size=(3, 4))
    assert special.softmax(z).sum() == pytest.approx(1.0)  # axis=None: one distribution
    np.testing.assert_allclose(special.softmax(z, axis=-1).sum(axis=1), 1.0)


@pytest.mark.parametrize("seed", range(3))
def test_the_gradient_of_mean_cross_entropy_is_p_minus_one_hot_over_n(ns, seed):
    rng = np.random.default_rng(seed)
    n, k = 5, 4
    z, y = rng.normal(size=(n, k)), rng.integers(0, k, size=n)
    analytic = (ns["softmax"](z, axis=1) - np.eye(k)[y]) / n
    numeric = np.zeros_like(z)
    h = 1e-6
    for idx in np.ndindex(z.shape):
        step = np.zeros_like(z)
        step[idx] = h
        plus, minus = ns["cross_entropy"](z + step, y), ns["cross_entropy"](z - step, y)
        numeric[idx] = (plus - minus) / (2 * h)
    np.testing.assert_allclose(numeric, analytic, rtol=1e-5, atol=1e-8)


def test_minus_infinity_masks_work_until_a_whole_row_is_masked(ns):
    z = np.array([[0.0, -np.inf, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = ns["softmax"](z)
    np.testing.assert_allclose(p, special.softmax(z, axis=-1))
    assert p[0, 1] == 0.0
    with np.errstate(invalid="ignore"):
        fully = ns["softmax"](np.full((1, 3), -np.inf))
    assert np.isnan(fully).all()  # -inf - (-inf) is nan


@pytest.mark.parametrize("seed", range(3))
def test_the_one_pass_online_softmax_matches(ns, seed):
    z = np.random.default_rng(seed).normal(scale=300, size=40)
    m, s = -np.inf, 0.0  # running maximum and the sum of exp(z_i - m) so far
    for x in z:
        new_m = max(m, x)
        s = s * np.exp(m - new_m) + np.exp(x - new_m)
        m = new_m
    np.testing.assert_allclose(np.exp(z - m) / s, ns["softmax"](z), rtol=1e-12)
    assert m + np.log(s) == pytest.approx(special.logsumexp(z), rel=1e-12)
