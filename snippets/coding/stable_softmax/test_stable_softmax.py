"""Tests for the stable softmax problem: softmax, log_softmax and cross_entropy.

Run them with `pytest` (your file is solution.py beside this one) or with
`pytest --solution FILE`. They compare with scipy.special and sklearn.metrics.log_loss,
and feed logits of +-1000.
"""

import warnings

import numpy as np
import pytest
from scipy import special
from sklearn.metrics import log_loss

SEEDS = range(5)
HUGE = np.array(
    [[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 999.0], [1000.0, 1000.0, 1000.0]]
)


def quietly(function, *args, **kwargs):
    """Call function; return its result and the RuntimeWarning messages it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(*args, **kwargs)
    return result, [
        str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)
    ]


def logits(seed, shape=(20, 7), scale=5.0):
    return np.random.default_rng(seed).normal(scale=scale, size=shape)


@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_matches_scipy(solution, seed):
    z = logits(seed)
    np.testing.assert_allclose(
        solution.softmax(z),
        special.softmax(z, axis=-1),
        rtol=1e-9,
        atol=1e-12,
        err_msg="softmax(z) differs from scipy.special.softmax(z, axis=-1) "
        f"for a (20, 7) z (seed {seed})",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_log_softmax_matches_scipy(solution, seed):
    z = logits(seed)
    np.testing.assert_allclose(
        solution.log_softmax(z),
        special.log_softmax(z, axis=-1),
        rtol=1e-9,
        atol=1e-9,
        err_msg="log_softmax(z) differs from scipy.special.log_softmax(z, axis=-1) "
        f"(seed {seed})",
    )


def test_rows_sum_to_one(solution):
    z = logits(0, shape=(50, 6), scale=10.0)
    sums = np.asarray(solution.softmax(z)).sum(axis=1)
    bad = np.flatnonzero(~np.isclose(sums, 1.0, rtol=0, atol=1e-9))
    assert bad.size == 0, (
        f"rows of softmax must sum to 1; row {bad[0]} of a (50, 6) input sums to "
        f"{sums[bad[0]]:.6g}: normalise by the sum along `axis` (keepdims=True), "
        "not along another axis"
    )


@pytest.mark.parametrize("shape", [(4, 5), (2, 3, 4)])
def test_result_has_the_input_shape_and_a_float_dtype(solution, shape):
    z = logits(1, shape=shape)
    for name in ("softmax", "log_softmax"):
        result = np.asarray(getattr(solution, name)(z))
        assert result.shape == z.shape, (
            f"{name} of an input of shape {shape} has shape {result.shape}"
        )
        assert np.issubdtype(result.dtype, np.floating), (
            f"{name} returned dtype {result.dtype}, not a float"
        )


def test_one_dimensional_input(solution):
    z = np.array([1.0, 2.0, 3.0, -4.0])
    for name in ("softmax", "log_softmax"):
        result = np.asarray(getattr(solution, name)(z))
        assert result.shape == (4,), (
            f"{name} of a 1-D array of 4 logits has shape {result.shape}, expected (4,)"
        )
        np.testing.assert_allclose(
            result,
            getattr(special, name)(z),
            rtol=1e-9,
            atol=1e-12,
            err_msg=f"{name} of the 1-D array {z} differs from scipy.special.{name}",
        )


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2])
def test_the_axis_argument_picks_the_dimension_that_sums_to_one(solution, axis):
    z = logits(2, shape=(3, 4, 5))
    for name in ("softmax", "log_softmax"):
        np.testing.assert_allclose(
            getattr(solution, name)(z, axis=axis),
            getattr(special, name)(z, axis=axis),
            rtol=1e-9,
            atol=1e-9,
            err_msg=f"{name}(z, axis={axis}) for z of shape (3, 4, 5) differs from "
            f"scipy.special.{name}(z, axis={axis})",
        )


def test_huge_logits_give_finite_softmax_without_warnings(solution):
    p, warned = quietly(solution.softmax, HUGE)
    assert not warned, (
        f"softmax of logits of +-1000 raised RuntimeWarning '{warned[0]}': "
        "np.exp(1000) overflows to inf; subtract each row's maximum before np.exp"
    )
    p = np.asarray(p)
    bad = np.flatnonzero(~np.isfinite(p).all(axis=1))
    assert bad.size == 0, (
        f"softmax of logits of +-1000: row {bad[0]} is {p[bad[0]]}; "
        "subtract each row's maximum before np.exp"
    )
    np.testing.assert_allclose(
        p,
        special.softmax(HUGE, axis=-1),
        rtol=1e-9,
        atol=1e-12,
        err_msg="softmax of logits of +-1000 is finite but differs from "
        "scipy.special.softmax(z, axis=-1)",
    )


def test_huge_logits_give_finite_log_softmax_without_warnings(solution):
    logp, warned = quietly(solution.log_softmax, HUGE)
    assert not warned, (
        f"log_softmax of logits of +-1000 raised RuntimeWarning '{warned[0]}': "
        "subtract each row's maximum before np.exp, and take log-probabilities as "
        "z - logsumexp(z) rather than np.log(softmax(z))"
    )
    logp = np.asarray(logp)
    expected = special.log_softmax(
        HUGE, axis=-1
    )  # row 0 is [0, -1000, -2000]: all finite
    bad = np.flatnonzero(~np.isfinite(logp).all(axis=1))
    assert bad.size == 0, (
        f"log_softmax of logits of +-1000: row {bad[0]} is {logp[bad[0]]}, expected "
        f"{expected[bad[0]]}; take log-probabilities as z - logsumexp(z) rather than "
        "np.log(softmax(z))"
    )
    np.testing.assert_allclose(
        logp,
        expected,
        rtol=1e-9,
        atol=1e-9,
        err_msg="log_softmax of logits of +-1000 is finite but differs from "
        "scipy.special.log_softmax(z, axis=-1): it is (z - m) - log(sum(exp(z - m))) "
        "with m each row's maximum",
    )


def test_each_row_is_shifted_by_its_own_maximum(solution):
    base = np.array([0.0, 1.0, 2.0])
    z = np.stack(
        [base, base - 2000.0, base + 3000.0]
    )  # equal softmax, very different scales
    expected = special.softmax(base)
    p, _ = quietly(solution.softmax, z)
    p = np.asarray(p)
    for i in range(3):
        np.testing.assert_allclose(
            p[i],
            expected,
            rtol=1e-9,
            atol=1e-12,
            err_msg=f"row {i} of softmax is {p[i]}, expected {np.round(expected, 6)}: "
            "the rows differ in scale, so subtract each row's own maximum "
            "(z.max(axis=axis, keepdims=True)), not the maximum of the whole array",
        )
    logp, _ = quietly(solution.log_softmax, z)
    np.testing.assert_allclose(
        logp,
        np.tile(special.log_softmax(base), (3, 1)),
        rtol=1e-9,
        atol=1e-9,
        err_msg="log_softmax of rows that differ only by a constant must be equal "
        "row by row: subtract each row's own maximum, "
        "not the maximum of the whole array",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_cross_entropy_matches_sklearn_log_loss(solution, seed):
    rng = np.random.default_rng(seed)
    n, k = 40, 4
    z, y = rng.normal(scale=2.0, size=(n, k)), rng.integers(0, k, size=n)
    loss = solution.cross_entropy(z, y)
    assert isinstance(loss, (float, np.floating)) and np.ndim(loss) == 0, (
        "cross_entropy must return one float (the mean over samples), "
        f"got {type(loss).__name__} {loss!r}"
    )
    expected = log_loss(y, special.softmax(z, axis=1), labels=np.arange(k))
    np.testing.assert_allclose(
        loss,
        expected,
        rtol=1e-9,
        err_msg=f"cross_entropy differs from sklearn.metrics.log_loss (seed {seed}); "
        "it is the mean over samples of -log softmax(logits)[i, y[i]], natural log",
    )


def test_cross_entropy_is_finite_for_a_confidently_wrong_huge_logit(solution):
    z = np.array([[1000.0, -1000.0], [0.0, 0.0], [1000.0, -1000.0]])
    y = np.array(
        [1, 0, 0]
    )  # row 0: sure of class 0, wrong by a margin of 2000; row 2: right
    expected = float(
        np.mean(special.logsumexp(z, axis=1) - z[np.arange(3), y])
    )  # (2000 + log 2) / 3
    loss, warned = quietly(solution.cross_entropy, z, y)
    assert np.isfinite(loss) and np.isclose(loss, expected, rtol=1e-9), (
        f"cross_entropy of a confidently wrong logit (margin 2000) is {loss}, "
        f"expected {expected:.4f}: the true class's probability exp(-2000) underflows "
        "to 0.0, so np.log gives -inf (or, after clipping, a wrong value); take "
        "log-probabilities as z - logsumexp(z), each row shifted by its own maximum, "
        "rather than np.log(softmax(z))"
    )
    assert not warned, (
        f"cross_entropy of logits of +-1000 raised RuntimeWarning '{warned[0]}'"
    )


def test_cross_entropy_of_confident_right_answers_is_zero(solution):
    z = np.array([[1000.0, -1000.0], [-50.0, 50.0]])
    loss, _ = quietly(solution.cross_entropy, z, np.array([0, 1]))
    assert np.isclose(loss, 0.0, atol=1e-12), (
        "cross_entropy of two sure, right predictions (logits [1000, -1000] and "
        f"[-50, 50]) is {loss}, not 0: the true class's log-probability is 0 here, "
        "so look for an exp that overflows or a log of 0"
    )


def test_inputs_are_not_modified(solution):
    z, y = logits(3, shape=(6, 3)), np.array([0, 1, 2, 2, 1, 0])
    z_before, y_before = z.copy(), y.copy()
    for name, args in (
        ("softmax", (z,)),
        ("log_softmax", (z,)),
        ("cross_entropy", (z, y)),
    ):
        getattr(solution, name)(*args)
        assert np.array_equal(z, z_before), (
            f"{name} changed its input array in place (e.g. `z -= z.max(...)`); "
            "compute on a new array"
        )
        assert np.array_equal(y, y_before), f"{name} changed the labels y in place"
