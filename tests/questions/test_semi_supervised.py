"""Claims of fundamentals/semi_supervised.md checked beyond the one dataset its snippet uses."""

import warnings

import numpy as np
import pytest
from sklearn.datasets import make_moons
from sklearn.kernel_approximation import RBFSampler
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.semi_supervised import LabelSpreading, SelfTrainingClassifier
from sklearn.svm import SVC
from sklearn.utils._param_validation import InvalidParameterError


def hide_labels(y, per_class, rng):
    keep = np.concatenate([rng.choice(np.flatnonzero(y == c), per_class, replace=False) for c in (0, 1)])
    y_partial = np.full_like(y, -1)
    y_partial[keep] = y[keep]
    return y_partial


def base_model():  # the page's base model
    return make_pipeline(RBFSampler(gamma=2.0, random_state=0), LogisticRegression(C=10.0, solver="newton-cg"))


def spreading(**kw):
    return LabelSpreading(kernel="rbf", **({"gamma": 50, "alpha": 0.99, "max_iter": 1000} | kw))


def clusters_that_ignore_the_class(n, seed):
    """Two clusters far apart on x1; the class is the sign of x2, so each cluster holds both classes."""
    rng = np.random.default_rng(seed)
    side = rng.integers(0, 2, size=n)
    X = np.c_[np.where(side == 1, 3.0, -3.0), np.zeros(n)] + rng.normal(size=(n, 2))
    return X, (X[:, 1] > 0).astype(int)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_label_spreading_beats_the_supervised_baseline_on_moons_with_one_label_per_class(seed):
    X, y = make_moons(n_samples=200, noise=0.1, random_state=seed)
    X_test, y_test = make_moons(n_samples=500, noise=0.1, random_state=seed + 100)
    rng = np.random.default_rng(seed)
    sup, ls = [], []
    for _ in range(4):
        y_part = hide_labels(y, 1, rng)
        known = y_part != -1
        sup.append(base_model().fit(X[known], y[known]).score(X_test, y_test))
        ls.append(spreading().fit(X, y_part).score(X_test, y_test))
    assert np.mean(ls) > np.mean(sup) + 0.1
    assert np.mean(ls) > 0.9


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_when_classes_cut_through_clusters_the_unlabeled_rows_mislead(seed):
    X, y = clusters_that_ignore_the_class(1200, seed)
    rng = np.random.default_rng(seed)
    sup, ls, st, nearest = [], [], [], []
    for _ in range(5):
        y_part = hide_labels(y[:200], 5, rng)
        known = y_part != -1
        sup.append(LogisticRegression(solver="newton-cg").fit(X[:200][known], y[:200][known]).score(X[200:], y[200:]))
        ls.append(spreading().fit(X[:200], y_part).score(X[200:], y[200:]))
        st.append(
            SelfTrainingClassifier(LogisticRegression(solver="newton-cg")).fit(X[:200], y_part).score(X[200:], y[200:])
        )
        nearest.append(KNeighborsClassifier(n_neighbors=1).fit(X[:200][known], y[:200][known]).score(X[200:], y[200:]))
    assert np.mean(ls) < np.mean(sup) - 0.05
    # Not only the linear model's well-matched bias at work: copying the nearest labeled row, which ignores the
    # unlabeled rows as well, also beats label spreading here.
    assert np.mean(ls) < np.mean(nearest) - 0.05
    # Self-training does not rescue it either: its confident mistakes become training labels.
    assert np.mean(st) <= np.mean(sup)


def test_the_default_clamping_factor_spreads_labels_less_far():
    X, y = make_moons(n_samples=200, noise=0.1, random_state=0)
    X_test, y_test = make_moons(n_samples=500, noise=0.1, random_state=1)
    rng = np.random.default_rng(0)
    default, strong = [], []
    for _ in range(5):
        y_part = hide_labels(y, 1, rng)
        default.append(spreading(alpha=0.2).fit(X, y_part).score(X_test, y_test))
        strong.append(spreading().fit(X, y_part).score(X_test, y_test))
    assert LabelSpreading().alpha == 0.2
    assert np.mean(strong) > np.mean(default) + 0.05


def test_self_training_adds_nothing_when_no_prediction_is_confident_enough():
    X, y = make_moons(n_samples=200, noise=0.1, random_state=0)
    y_part = hide_labels(y, 3, np.random.default_rng(0))
    known = y_part != -1
    timid = LogisticRegression(C=1e-3)  # heavily regularized: probabilities stay near 0.5
    st = SelfTrainingClassifier(timid, threshold=0.9).fit(X, y_part)
    assert not np.any(st.labeled_iter_ > 0)
    assert st.termination_condition_ == "no_change"
    np.testing.assert_array_equal(st.predict(X), LogisticRegression(C=1e-3).fit(X[known], y[known]).predict(X))


def test_pseudo_labels_are_never_revised():
    # Rows pseudo-labeled in the first round keep that label through later rounds, right or wrong.
    X, y = make_moons(n_samples=200, noise=0.1, random_state=0)
    y_part = hide_labels(y, 2, np.random.default_rng(1))
    one_round = SelfTrainingClassifier(base_model(), max_iter=1).fit(X, y_part)
    many_rounds = SelfTrainingClassifier(base_model(), max_iter=10).fit(X, y_part)
    first = one_round.labeled_iter_ == 1
    assert first.any() and many_rounds.n_iter_ > 1
    np.testing.assert_array_equal(many_rounds.labeled_iter_[first], 1)
    np.testing.assert_array_equal(many_rounds.transduction_[first], one_round.transduction_[first])


def test_self_training_api_in_current_scikit_learn():
    # `base_estimator` is gone; `estimator` is required and must offer predict_proba.
    with pytest.raises(TypeError):
        SelfTrainingClassifier(base_estimator=LogisticRegression())
    X, y = make_moons(n_samples=60, noise=0.1, random_state=0)
    y_part = hide_labels(y, 3, np.random.default_rng(0))
    with pytest.raises(InvalidParameterError):
        SelfTrainingClassifier().fit(X, y_part)
    with pytest.raises(AttributeError):
        SelfTrainingClassifier(SVC()).fit(X, y_part)


def test_svc_probability_is_deprecated():
    X, y = make_moons(n_samples=40, noise=0.1, random_state=0)
    with pytest.warns(FutureWarning, match="probability"):
        SVC(probability=True).fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        SVC().fit(X, y)


def test_minus_one_marks_unlabeled_rows():
    X, y = make_moons(n_samples=100, noise=0.1, random_state=0)
    y_part = hide_labels(y, 2, np.random.default_rng(0))
    model = spreading().fit(X, y_part)
    assert set(model.classes_) == {0, 1}  # -1 is not a class
    assert set(np.unique(model.transduction_)) <= {0, 1}  # every row gets a real label


@pytest.mark.parametrize("alpha", [0.2, 0.9])
def test_label_spreading_reaches_the_closed_form_on_the_page(alpha):
    # F* = (1 - alpha) (I - alpha S)^{-1} Y with S = D^{-1/2} W D^{-1/2}, W_ij = exp(-gamma |xi - xj|^2), W_ii = 0.
    X, y = make_moons(n_samples=80, noise=0.1, random_state=0)
    y_part = hide_labels(y, 3, np.random.default_rng(0))
    gamma = 5.0
    W = np.exp(-gamma * ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(W, 0.0)
    d = W.sum(axis=1)
    S = W / np.sqrt(np.outer(d, d))
    Y = np.zeros((len(y), 2))
    Y[y_part != -1, y_part[y_part != -1]] = 1.0
    F = (1 - alpha) * np.linalg.solve(np.eye(len(y)) - alpha * S, Y)
    model = LabelSpreading(kernel="rbf", gamma=gamma, alpha=alpha, max_iter=10_000, tol=1e-12).fit(X, y_part)
    np.testing.assert_allclose(model.label_distributions_, F / F.sum(axis=1, keepdims=True), atol=1e-8)
    np.testing.assert_array_equal(model.transduction_, F.argmax(axis=1))


def test_with_alpha_near_one_a_given_label_can_change():
    # One label flipped on purpose, deep inside the other moon: spreading overrides it.
    X, y = make_moons(n_samples=200, noise=0.05, random_state=0)
    rng = np.random.default_rng(0)
    y_part = hide_labels(y, 10, rng)
    wrong = np.flatnonzero(y_part == 0)[0]
    y_part[wrong] = 1
    model = spreading().fit(X, y_part)
    assert model.transduction_[wrong] == 0
    assert spreading(alpha=0.01).fit(X, y_part).transduction_[wrong] == 1


def test_k_best_criterion_adds_a_fixed_number_of_rows_per_round():
    X, y = make_moons(n_samples=200, noise=0.1, random_state=0)
    y_part = hide_labels(y, 3, np.random.default_rng(0))
    st = SelfTrainingClassifier(base_model(), criterion="k_best", k_best=5, max_iter=4).fit(X, y_part)
    per_round = np.bincount(st.labeled_iter_[st.labeled_iter_ > 0])[1:]
    np.testing.assert_array_equal(per_round, [5, 5, 5, 5])
    assert SelfTrainingClassifier(base_model()).criterion == "threshold"  # the default the page describes
