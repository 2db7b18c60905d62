"""Tests for the ROC-AUC problem: auc_pairs (all pairs) and auc_rank (ranks).

Run them with `pytest` (your file is solution.py beside this one) or with
`pytest --solution FILE`. Both functions are compared with
sklearn.metrics.roc_auc_score, with and without ties.
"""

import time
import tracemalloc

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

SEEDS = range(4)
FUNCTIONS = ("auc_pairs", "auc_rank")
LARGE_N = 200_000
CPU_LIMIT_S = 3.0  # the reference takes well under 0.1 s; all pairs would take minutes
MID_N = 20_000  # one (n_pos, n_neg) boolean matrix of all pairs: 89 MB at this size
MEMORY_LIMIT_MB = 32  # the reference needs about 1 MB here
RANK_HINT = (
    ": the rank of scores[i] is its 1-based position in sorted order, "
    "np.argsort(np.argsort(scores)) + 1 when there are no ties; np.argsort(scores) "
    "alone is the sorting order, not the ranks"
)


def data(seed, n=800, decimals=None):
    """Labels with both classes; scores higher, on average, for the positives."""
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % 3 == 0).astype(int)  # a third positives
    scores = 0.8 * y + rng.normal(size=n)
    return y, scores if decimals is None else np.round(scores, decimals)


def peak_memory_mb(function, *args):
    """Peak memory allocated while function(*args) runs, in MB (NumPy arrays included)."""
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        function(*args)
        return (tracemalloc.get_traced_memory()[1] - before) / 1e6
    finally:
        if not was_tracing:
            tracemalloc.stop()


def check_float(name, got):
    assert isinstance(got, (float, np.floating)) and np.ndim(got) == 0, (
        f"{name} must return one float, got {type(got).__name__} {got!r}"
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", FUNCTIONS)
def test_matches_sklearn_on_continuous_scores(solution, name, seed):
    y, scores = data(seed)
    got = getattr(solution, name)(y, scores)
    check_float(name, got)
    np.testing.assert_allclose(
        got,
        roc_auc_score(y, scores),
        rtol=0,
        atol=1e-9,
        err_msg=f"{name} differs from sklearn.metrics.roc_auc_score "
        f"(seed {seed}, no ties){RANK_HINT if name == 'auc_rank' else ''}",
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", FUNCTIONS)
def test_matches_sklearn_with_many_ties(solution, name, seed):
    y, scores = data(seed, decimals=1)  # about 60 distinct values for 800 scores
    np.testing.assert_allclose(
        getattr(solution, name)(y, scores),
        roc_auc_score(y, scores),
        rtol=0,
        atol=1e-9,
        err_msg=f"{name} differs from sklearn.metrics.roc_auc_score on scores "
        f"rounded to 1 decimal (seed {seed}): a tied (positive, negative) pair "
        "counts 1/2",
    )


def test_a_tied_pair_counts_one_half(solution):
    y = np.array([0, 1, 0, 1])
    scores = np.array([0.5, 0.5, 0.2, 0.8])  # 3 pairs ordered right, 1 tied at 0.5
    for name in FUNCTIONS:
        got = getattr(solution, name)(y, scores)
        assert np.isclose(got, 0.875, rtol=0, atol=1e-12), (
            f"{name}(y={y.tolist()}, scores={scores.tolist()}) is {got}, expected "
            "(3 + 1/2) / 4 = 0.875: a tie must count 1/2 (auc_pairs: count the "
            "== pairs as half; auc_rank: give tied scores the average of their ranks)"
        )


def test_all_scores_equal_give_one_half(solution):
    y = np.array([1, 0, 1, 0, 0, 1, 1, 0])
    for name in FUNCTIONS:
        got = getattr(solution, name)(y, np.full(8, 0.3))
        assert np.isclose(got, 0.5, rtol=0, atol=1e-12), (
            f"{name} of 8 equal scores is {got}, expected 0.5: every pair is a tie. "
            "With ranks, tied scores must share the average of their ranks "
            "(four scores tied for ranks 1-4 all get rank 2.5)"
        )


def test_perfect_separation_gives_one(solution):
    y = np.array([1, 0, 1, 0, 0])
    scores = np.array([0.9, 0.1, 0.8, 0.3, 0.2])  # every positive above every negative
    for name in FUNCTIONS:
        got = getattr(solution, name)(y, scores)
        assert np.isclose(got, 1.0, rtol=0, atol=1e-12), (
            f"{name}: every positive scores above every negative, so the AUC is 1.0, "
            f"got {got:.4f}: divide the count by the number of (positive, negative) "
            "pairs, n_pos * n_neg (and with ranks, start them at 1)"
        )


def test_reversed_order_gives_zero(solution):
    y = np.array([1, 0, 1, 0, 0])
    scores = np.array([0.1, 0.9, 0.2, 0.8, 0.7])  # every positive below every negative
    for name in FUNCTIONS:
        got = getattr(solution, name)(y, scores)
        assert np.isclose(got, 0.0, rtol=0, atol=1e-12), (
            f"{name}: every positive scores below every negative, so the AUC is 0.0, "
            f"got {got:.4f}. With ranks: the smallest score has rank 1 (not 0) in "
            "U = R_pos - n_pos * (n_pos + 1) / 2, and a higher score gets a higher rank"
        )


def test_a_single_class_raises_value_error(solution):
    cases = {"only 1s": np.ones(5, dtype=int), "only 0s": np.zeros(5, dtype=int)}
    scores = np.array([0.1, 0.4, 0.3, 0.9, 0.5])
    for name in FUNCTIONS:
        function = getattr(solution.raw, name)
        for what, y in cases.items():
            try:
                got = function(y, scores)
            except ValueError:
                continue
            except Exception as exc:
                pytest.fail(
                    f"{name}(y_true with {what}) raised {type(exc).__name__}: {exc}; "
                    "it must raise ValueError",
                    pytrace=False,
                )
            pytest.fail(
                f"{name}(y_true with {what}) returned {got!r}: with a single class "
                "there are no (positive, negative) pairs and the AUC is undefined, "
                "so raise ValueError",
                pytrace=False,
            )


def test_inputs_are_not_modified(solution):
    y, scores = data(0, n=50, decimals=1)
    y_before, scores_before = y.copy(), scores.copy()
    for name in FUNCTIONS:
        getattr(solution, name)(y, scores)
        assert np.array_equal(scores, scores_before), (
            f"{name} changed the scores array in place (scores.sort()?); sort a copy, "
            "or use np.argsort / np.unique, which return new arrays"
        )
        assert np.array_equal(y, y_before), f"{name} changed y_true in place"


def test_rank_version_is_fast_on_a_large_input(solution):
    # Memory first, on a size where all pairs still fit: a quadratic auc_rank would
    # need 18 GB for the full input.
    y, scores = data(8, n=MID_N, decimals=3)
    megabytes = peak_memory_mb(solution.auc_rank, y, scores)
    if megabytes > MEMORY_LIMIT_MB:
        pytest.fail(
            f"auc_rank allocated {megabytes:.0f} MB for n = {MID_N} (limit "
            f"{MEMORY_LIMIT_MB} MB; the {LARGE_N:,}-row run was skipped): it builds "
            "an (n_pos, n_neg) matrix of all pairs; sort once (np.argsort or np.unique) "
            "for O(n log n) time and O(n) memory instead of comparing all pairs",
            pytrace=False,
        )
    y, scores = data(7, n=LARGE_N, decimals=3)  # ties as well
    start = time.process_time()
    got = solution.auc_rank(y, scores)
    seconds = time.process_time() - start
    assert seconds < CPU_LIMIT_S, (
        f"auc_rank took {seconds:.1f} s of CPU time for n = {LARGE_N} (limit "
        f"{CPU_LIMIT_S} s): sort once (np.argsort or np.unique) for O(n log n) "
        "instead of comparing all pairs"
    )
    np.testing.assert_allclose(
        got,
        roc_auc_score(y, scores),
        rtol=0,
        atol=1e-9,
        err_msg="auc_rank differs from sklearn.metrics.roc_auc_score "
        f"for n = {LARGE_N}",
    )
