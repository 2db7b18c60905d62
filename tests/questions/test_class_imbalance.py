"""Claims of evaluation/class_imbalance.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.pipeline import make_pipeline
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, cross_validate
from sklearn.neighbors import NearestNeighbors
from sklearn.tree import DecisionTreeClassifier
from sklearn.utils.class_weight import compute_class_weight


def imbalanced(seed, n=2000, rate=0.05):
    return make_classification(
        n_samples=n,
        n_features=6,
        n_informative=3,
        n_redundant=1,
        n_clusters_per_class=1,
        weights=[1 - rate],
        class_sep=0.7,
        random_state=seed,
    )


def logistic_data(seed, n, intercept=-3.0):
    """Rows whose true P(y = 1 | x) is a logistic function of x: logistic regression is the right model."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    p = 1 / (1 + np.exp(-(X @ np.array([1.2, -0.8, 0.5, 0.0]) + intercept)))
    return X, (rng.random(n) < p).astype(int)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("n_classes", [2, 3])
def test_balanced_weights_give_every_class_the_same_total_weight(seed, n_classes):
    rng = np.random.default_rng(seed)
    y = rng.choice(n_classes, size=500, p=np.r_[0.8, np.full(n_classes - 1, 0.2 / (n_classes - 1))])
    classes = np.arange(n_classes)
    weights = compute_class_weight("balanced", classes=classes, y=y)
    counts = np.bincount(y)
    assert np.allclose(weights, len(y) / (n_classes * counts))
    assert np.allclose(weights * counts, len(y) / n_classes)


@pytest.mark.parametrize("seed", range(3))
def test_class_weight_is_a_per_row_weight_in_the_loss(seed):
    X, y = imbalanced(seed)
    weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=y)
    a = LogisticRegression(class_weight="balanced").fit(X, y)
    b = LogisticRegression().fit(X, y, sample_weight=weights[y])
    assert np.allclose(a.coef_, b.coef_, atol=1e-4) and np.allclose(a.intercept_, b.intercept_, atol=1e-4)


def test_copying_each_positive_k_times_is_the_same_fit_as_weight_k():
    X, y = imbalanced(0)
    k = 7
    pos = y == 1
    X_copies = np.r_[X, np.repeat(X[pos], k - 1, axis=0)]
    y_copies = np.r_[y, np.ones((k - 1) * pos.sum(), dtype=int)]
    copied = LogisticRegression(tol=1e-10).fit(X_copies, y_copies)
    weighted = LogisticRegression(tol=1e-10).fit(X, y, sample_weight=np.where(pos, k, 1.0))
    assert np.allclose(copied.coef_, weighted.coef_, atol=1e-5)


@pytest.mark.parametrize("seed", range(3))
def test_balanced_weights_on_a_right_model_are_a_threshold_at_the_positive_rate(seed):
    X, y = logistic_data(seed, 40_000)
    plain = LogisticRegression(C=1e6).fit(X, y)
    balanced = LogisticRegression(C=1e6, class_weight="balanced").fit(X, y)
    n1 = y.sum()
    n0 = y.size - n1
    # Same slopes; the intercept moves by log(n0 / n1) ...
    assert np.allclose(balanced.coef_, plain.coef_, rtol=0.1, atol=0.05)
    assert balanced.intercept_[0] - plain.intercept_[0] == pytest.approx(np.log(n0 / n1), abs=0.15)
    # ... so predicting at 0.5 with weights is predicting at the positive rate without them.
    same = balanced.predict(X) == (plain.predict_proba(X)[:, 1] >= y.mean())
    assert same.mean() > 0.99


def test_weights_can_cost_a_wrong_model_ranking_quality_and_buy_little():
    changes = []
    for seed in range(4):
        X, y = imbalanced(seed, n=4000)
        Xtr, ytr, Xte, yte = X[::2], y[::2], X[1::2], y[1::2]
        ap = [
            average_precision_score(yte, LogisticRegression(class_weight=w).fit(Xtr, ytr).predict_proba(Xte)[:, 1])
            for w in (None, "balanced")
        ]
        changes.append(ap[1] - ap[0])
    # On make_classification data a linear model is not the true model: the weights change the fit.
    assert min(changes) < -0.05 and max(changes) < 0.02


@pytest.mark.parametrize(("c_fp", "c_fn"), [(1, 10), (1, 3), (2, 1)])
def test_cost_minimising_threshold_of_calibrated_probabilities_is_cfp_over_the_sum(c_fp, c_fn):
    rng = np.random.default_rng(c_fn)
    p = rng.random(200_000)  # calibrated by construction: y is drawn with probability p
    y = rng.random(p.size) < p
    grid = np.linspace(0.01, 0.99, 99)
    costs = [c_fp * np.sum(~y & (p >= t)) + c_fn * np.sum(y & (p < t)) for t in grid]
    assert grid[int(np.argmin(costs))] == pytest.approx(c_fp / (c_fp + c_fn), abs=0.03)


@pytest.mark.parametrize("seed", range(3))
def test_oversampling_before_the_split_inflates_the_cross_validated_score(seed):
    X, y = imbalanced(seed)
    cv = StratifiedKFold(5, shuffle=True, random_state=seed)
    tree = DecisionTreeClassifier(random_state=0)
    X_over, y_over = RandomOverSampler(random_state=seed).fit_resample(X, y)
    leaky = cross_val_score(tree, X_over, y_over, cv=cv, scoring="roc_auc").mean()
    honest = cross_val_score(make_pipeline(RandomOverSampler(random_state=seed), tree), X, y, cv=cv, scoring="roc_auc")
    assert leaky > 0.95 and leaky > honest.mean() + 0.1


def test_the_pipeline_resamples_each_training_fold_and_leaves_the_validation_fold_alone():
    X, y = imbalanced(1)
    pipe = make_pipeline(RandomOverSampler(random_state=0), DecisionTreeClassifier(random_state=0))
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    result = cross_validate(pipe, X, y, cv=cv, return_estimator=True, return_indices=True)
    for fitted, train, test in zip(result["estimator"], result["indices"]["train"], result["indices"]["test"]):
        negatives_in_fold = np.sum(y[train] == 0)
        assert fitted[-1].tree_.n_node_samples[0] == 2 * negatives_in_fold  # resampled: its own rows only
        assert fitted.predict_proba(X[test]).shape == (test.size, 2)  # predict: no resampling


def test_random_oversampling_only_copies_existing_rows():
    X, y = imbalanced(2, n=500)
    X_over, y_over = RandomOverSampler(random_state=0).fit_resample(X, y)
    assert np.bincount(y_over)[0] == np.bincount(y_over)[1]
    originals = {row.tobytes() for row in X}
    assert all(row.tobytes() in originals for row in X_over)


def test_smote_points_lie_between_a_minority_row_and_one_of_its_nearest_minority_neighbours():
    rng = np.random.default_rng(0)
    X = np.r_[rng.normal(0, 1, (200, 2)), rng.normal(2, 0.5, (20, 2))]
    y = np.r_[np.zeros(200, int), np.ones(20, int)]
    k = 3
    X_res, y_res = SMOTE(k_neighbors=k, random_state=0).fit_resample(X, y)
    minority = X[y == 1]
    synthetic = X_res[len(X) :]
    assert len(synthetic) == 180 and np.all(y_res[len(X) :] == 1)
    # The k nearest minority neighbours of each minority row (the first hit is the row itself).
    neighbours = NearestNeighbors(n_neighbors=k + 1).fit(minority).kneighbors(minority)[1][:, 1:]
    for s in synthetic:
        best = np.inf
        for i, row in enumerate(minority):
            for j in neighbours[i]:
                d = minority[j] - row
                lam = np.clip((s - row) @ d / (d @ d), 0, 1)
                best = min(best, np.linalg.norm(row + lam * d - s))
        assert best < 1e-9


@pytest.mark.parametrize("seed", range(2))
def test_smote_and_class_weights_give_logistic_regression_no_ranking_gain(seed):
    X, y = imbalanced(seed + 10)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)

    def cv_ap(model):
        return cross_val_score(model, X, y, cv=cv, scoring="average_precision").mean()

    plain = cv_ap(LogisticRegression())
    assert cv_ap(make_pipeline(SMOTE(random_state=0), LogisticRegression())) < plain + 0.03
    assert cv_ap(LogisticRegression(class_weight="balanced")) < plain + 0.03


def test_the_page_names_the_pinned_imbalanced_learn_version():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pins = dict(line.split("==", 1) for line in (root / "requirements.txt").read_text().splitlines() if "==" in line)
    page = (root / "docs" / "evaluation" / "class_imbalance.md").read_text(encoding="utf-8")
    assert f"({pins['imbalanced-learn'].strip()} here)" in page
