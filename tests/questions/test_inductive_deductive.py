"""Claims of fundamentals/inductive_deductive.md checked beyond the one dataset its snippet uses."""

import itertools

import numpy as np
import pytest
from scipy import stats
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB
from sklearn.tree import DecisionTreeClassifier


def policy(income, debt):
    return (income > 2 * debt).astype(int)


def examples(seed, n=200):
    rng = np.random.default_rng(seed)
    X = np.column_stack([rng.uniform(0, 10, n), rng.uniform(0, 5, n)])
    far = np.column_stack([rng.uniform(10, 40, 2000), rng.uniform(5, 20, 2000)])
    return X, policy(X[:, 0], X[:, 1]), far, policy(far[:, 0], far[:, 1])


@pytest.mark.parametrize("seed", range(4))
def test_a_tree_extends_its_outermost_boxes_beyond_the_training_range(seed):
    X, y, far, _ = examples(seed)
    tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    # Every threshold lies inside the training range, so a far point falls on the same side of every split
    # as the point clipped to the edge of that range: the regions continue as flat blocks.
    clipped = np.clip(far, X.min(axis=0), X.max(axis=0))
    assert np.array_equal(tree.predict(far), tree.predict(clipped))


@pytest.mark.parametrize("seed", range(4))
def test_held_out_accuracy_does_not_transfer_outside_the_range_but_the_right_bias_does(seed):
    X, y, far, y_far = examples(seed)
    rng = np.random.default_rng(seed + 100)
    X_new = np.column_stack([rng.uniform(0, 10, 1000), rng.uniform(0, 5, 1000)])
    y_new = policy(X_new[:, 0], X_new[:, 1])
    tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    linear = LogisticRegression(C=100.0).fit(X, y)
    assert tree.score(X_new, y_new) > 0.85  # good in the training range
    assert tree.score(far, y_far) < 0.7  # not beyond it
    assert linear.score(X_new, y_new) > 0.95 and linear.score(far, y_far) > 0.95


def test_deduction_is_deterministic_and_exact_everywhere():
    rng = np.random.default_rng(0)
    income, debt = rng.uniform(0, 1e6, 10_000), rng.uniform(0, 1e6, 10_000)
    first, second = policy(income, debt), policy(income, debt)
    assert np.array_equal(first, second)
    assert np.array_equal(first == 1, income > 2 * debt)


@pytest.mark.parametrize(
    "make_learner",
    [
        lambda: DecisionTreeClassifier(random_state=0),
        lambda: GaussianNB(),
        lambda: DummyClassifier(strategy="most_frequent"),
    ],
    ids=["tree", "naive-bayes", "majority"],
)
def test_no_free_lunch_every_learner_averages_one_half_off_the_training_set(make_learner):
    # All 3-bit inputs; train on four of them, score on the other four, over every possible target function.
    X = np.array(list(itertools.product([0, 1], repeat=3)), dtype=float)
    train, test = [0, 3, 5, 6], [1, 2, 4, 7]
    accuracies = []
    for bits in itertools.product([0, 1], repeat=8):
        y = np.array(bits)
        if y[train].min() == y[train].max():
            pred = np.full(len(test), y[train][0])  # a single class seen: predict it
        else:
            pred = make_learner().fit(X[train], y[train]).predict(X[test])
        accuracies.append(np.mean(pred == y[test]))
    assert np.mean(accuracies) == 0.5


def test_the_finite_class_bound_holds_in_simulation():
    # H = 21 threshold rules on [0, 1]; labels follow x > 0.5 with 10 % flipped.
    rng = np.random.default_rng(0)
    thresholds = np.linspace(0, 1, 21)
    true_risk = 0.1 + 0.8 * np.abs(thresholds - 0.5)  # error of "x > t" under this distribution
    n, delta, reps = 200, 0.1, 500
    eps = np.sqrt((np.log(len(thresholds)) + np.log(2 / delta)) / (2 * n))
    x = rng.random((reps, n))
    y = (x > 0.5) ^ (rng.random((reps, n)) < 0.1)
    empirical = np.mean((x[:, :, None] > thresholds) != y[:, :, None], axis=1)  # reps x |H|
    worst = np.abs(empirical - true_risk).max(axis=1)
    assert np.mean(worst > eps) <= delta
    # and the bound is not vacuous here: the deviations are of the order of eps
    assert worst.max() > eps / 4


@pytest.mark.parametrize("s, n", [(0, 0), (5, 5), (3, 10), (1000, 1000)])
def test_laplace_rule_of_succession_is_the_posterior_mean_under_a_uniform_prior(s, n):
    assert stats.beta(1 + s, 1 + n - s).mean() == pytest.approx((s + 1) / (n + 2))


def test_the_far_applicants_in_the_figure_alt_text_two_of_four_are_approved_wrongly():
    from scripts.figures import snippet_namespace

    ns = snippet_namespace("inductive_deductive")
    tree_far, policy_far = ns["tree"].predict(ns["far"]), ns["policy_far"]
    assert np.sum((tree_far == 1) & (policy_far == 0)) == 2 and len(policy_far) == 4


def test_convolution_is_equivariant_to_translation():
    # The inductive bias of a convolutional layer: shifting the input shifts the output, same weights everywhere.
    rng = np.random.default_rng(0)
    signal, kernel = np.r_[rng.normal(size=40), np.zeros(10)], rng.normal(size=5)
    shifted = np.roll(signal, 7)  # the zero tail absorbs the wrap-around
    out, out_shifted = np.convolve(signal, kernel, mode="full"), np.convolve(shifted, kernel, mode="full")
    np.testing.assert_allclose(out_shifted[7 : 7 + 44], out[:44], atol=1e-12)
