"""Claims of evaluation/train_validation_test.md checked beyond the one dataset its snippet uses."""

import math

import numpy as np
import pytest
from sklearn.model_selection import train_test_split


def three_way(y, seed, stratify=True):
    rows = np.arange(len(y))
    rest, test = train_test_split(rows, test_size=0.2, stratify=y if stratify else None, random_state=seed)
    train, val = train_test_split(rest, test_size=0.25, stratify=y[rest] if stratify else None, random_state=seed)
    return train, val, test


@pytest.mark.parametrize("n, rate", [(200, 0.1), (1_000, 0.3), (5_003, 0.05)])
@pytest.mark.parametrize("seed", range(3))
def test_two_stratified_calls_give_a_disjoint_60_20_20_split_with_the_class_balance(n, rate, seed):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < rate).astype(int)
    train, val, test = three_way(y, seed)
    assert np.array_equal(np.sort(np.concatenate([train, val, test])), np.arange(n))
    assert len(test) == math.ceil(0.2 * n)  # train_test_split rounds the test share up
    for part, share in [(train, 0.6), (val, 0.2), (test, 0.2)]:
        assert abs(len(part) / n - share) < 0.01
        assert abs(y[part].mean() - y.mean()) <= 1 / len(part)


def test_without_stratify_a_small_test_set_can_miss_the_class_balance():
    # The page's reason for `stratify`: 200 rows with 10 % positives, 40 test rows.
    y = np.r_[np.ones(20, int), np.zeros(180, int)]
    off_by = [abs(y[three_way(y, seed, stratify=False)[2]].mean() - y.mean()) for seed in range(30)]
    on_by = [abs(y[three_way(y, seed)[2]].mean() - y.mean()) for seed in range(30)]
    assert max(off_by) > 2 / 40  # some unstratified test set is off by more than two rows
    assert max(on_by) <= 1 / 40


def simulate_selection(true_acc, n_rows, repeats, rng):
    """Fixed candidates with the given true accuracies; fresh validation and test rows each repeat.

    Returns the mean gap (reported test score minus true accuracy) when the candidate is chosen on
    the validation set and when it is chosen on the test set itself.
    """
    k = len(true_acc)
    val = rng.binomial(n_rows, true_acc, size=(repeats, k)) / n_rows
    test = rng.binomial(n_rows, true_acc, size=(repeats, k)) / n_rows
    rows = np.arange(repeats)
    by_val, by_test = val.argmax(axis=1), test.argmax(axis=1)
    honest = test[rows, by_val] - true_acc[by_val]
    optimistic = test[rows, by_test] - true_acc[by_test]
    return honest.mean(), optimistic.mean()


@pytest.mark.parametrize("seed", range(4))
def test_choosing_on_the_test_set_is_optimistic_and_choosing_on_validation_is_not(seed):
    rng = np.random.default_rng(seed)
    true_acc = rng.uniform(0.70, 0.80, size=50)
    honest, optimistic = simulate_selection(true_acc, n_rows=200, repeats=4_000, rng=rng)
    assert abs(honest) < 0.003
    assert optimistic > 0.01


def test_the_optimism_grows_with_the_number_of_candidates():
    rng = np.random.default_rng(0)
    gaps = [simulate_selection(np.full(k, 0.75), 200, 4_000, rng)[1] for k in (1, 10, 100)]
    assert abs(gaps[0]) < 0.003  # one candidate: nothing is selected, no bias
    assert gaps[0] < gaps[1] < gaps[2]


def test_selecting_on_the_test_set_finds_signal_in_pure_noise():
    # 100 "models" that guess at random: true accuracy 0.5 for all. The best test score says otherwise.
    rng = np.random.default_rng(0)
    y_test, y_new = rng.integers(0, 2, 200), rng.integers(0, 2, 20_000)
    test_pred = rng.integers(0, 2, (100, 200))
    best = (test_pred == y_test).mean(axis=1).max()
    new_acc = (rng.integers(0, 2, (1, 20_000)) == y_new).mean()  # the chosen model on new rows
    assert best > 0.55
    assert abs(new_acc - 0.5) < 0.02


@pytest.mark.parametrize("n", [100, 1_000, 10_000])
@pytest.mark.parametrize("p", [0.6, 0.8, 0.95])
def test_standard_error_of_accuracy_matches_a_simulation(n, p):
    rng = np.random.default_rng(0)
    simulated = rng.binomial(n, p, size=50_000) / n
    assert simulated.std() == pytest.approx(math.sqrt(p * (1 - p) / n), rel=0.03)


def test_one_percent_of_ten_million_rows_pins_accuracy_to_a_quarter_point():
    n_test = 10_000_000 // 100
    half_width = 1.96 * math.sqrt(0.8 * 0.2 / n_test)
    assert half_width < 0.0025 < 1.96 * math.sqrt(0.8 * 0.2 / 200)  # and a 200-row test set is far worse


def test_wilson_interval_stays_inside_0_1_where_the_normal_approximation_does_not():
    from statsmodels.stats.proportion import proportion_confint

    assert 0.95 + 1.96 * math.sqrt(0.95 * 0.05 / 20) > 1  # by hand, it spills past a perfect score
    assert proportion_confint(19, 20, method="normal")[1] == 1.0  # statsmodels clips it at 1
    assert proportion_confint(20, 20, method="normal") == (1.0, 1.0)  # 20 of 20: a zero-width interval
    low, high = proportion_confint(19, 20, method="wilson")
    assert 0 < low < high < 1
    assert proportion_confint(20, 20, method="wilson")[0] < 0.9  # still honest about 20 rows
    # With 100,000 rows the two agree closely.
    normal = proportion_confint(80_000, 100_000, method="normal")
    wilson = proportion_confint(80_000, 100_000, method="wilson")
    assert np.allclose(normal, wilson, atol=1e-4)


def test_mcnemar_exact_is_a_binomial_test_on_the_discordant_rows_and_pairing_shrinks_the_se():
    from scipy.stats import binomtest
    from statsmodels.stats.contingency_tables import mcnemar

    rng = np.random.default_rng(0)
    n = 1_000
    a = rng.random(n) < 0.80  # model A right on about 80 % of rows
    b = a.copy()
    flip = rng.random(n) < 0.05  # B agrees with A except on a few rows
    b[flip] = rng.random(flip.sum()) < 0.4
    table = [[np.sum(a & b), np.sum(a & ~b)], [np.sum(~a & b), np.sum(~a & ~b)]]
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(~a & b))
    assert mcnemar(table, exact=True).pvalue == pytest.approx(binomtest(only_a, only_a + only_b).pvalue)
    paired = np.std(a.astype(int) - b.astype(int), ddof=1) / math.sqrt(n)
    unpaired = math.sqrt((a.mean() * (1 - a.mean()) + b.mean() * (1 - b.mean())) / n)
    assert paired < 0.5 * unpaired


def test_second_split_must_stratify_on_the_rows_it_splits_and_stratify_needs_shuffling():
    y = np.r_[np.zeros(80, int), np.ones(20, int)]
    rest, _ = train_test_split(np.arange(100), test_size=0.2, stratify=y, random_state=0)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        train_test_split(rest, test_size=0.25, stratify=y, random_state=0)
    with pytest.raises(ValueError):
        train_test_split(np.arange(100), test_size=0.2, stratify=y, shuffle=False)
