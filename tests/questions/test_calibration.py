"""Claims of evaluation/calibration.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from sklearn.calibration import CalibratedClassifierCV, calibration_curve
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.naive_bayes import GaussianNB
from sklearn.svm import SVC, LinearSVC
from threadpoolctl import threadpool_limits


def logistic_data(seed, n, intercept=-2.0):
    """Rows whose true P(y = 1 | x) is known and logistic in x; returns it too."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    p = 1 / (1 + np.exp(-(X @ np.array([1.5, -1.0, 0.7, 0.0]) + intercept)))
    return X, (rng.random(n) < p).astype(int), p


@pytest.mark.parametrize("p_true", [0.05, 0.3, 0.8])
def test_brier_and_log_loss_are_minimised_in_expectation_by_the_true_probability(p_true):
    q = np.linspace(0.001, 0.999, 999)
    expected_brier = p_true * (1 - q) ** 2 + (1 - p_true) * q**2
    expected_log = -(p_true * np.log(q) + (1 - p_true) * np.log(1 - q))
    assert q[np.argmin(expected_brier)] == pytest.approx(p_true, abs=1e-3)
    assert q[np.argmin(expected_log)] == pytest.approx(p_true, abs=1e-3)


@pytest.mark.parametrize("seed", range(3))
def test_the_brier_score_is_reliability_minus_resolution_plus_uncertainty(seed):
    rng = np.random.default_rng(seed)
    forecasts = rng.choice([0.1, 0.3, 0.6, 0.9], size=5000)  # a forecaster with four values
    y = (rng.random(forecasts.size) < np.clip(forecasts + 0.1, 0, 1)).astype(int)  # slightly off
    base = y.mean()
    rel = res = 0.0
    for f in np.unique(forecasts):
        in_bin = forecasts == f
        share, observed = in_bin.mean(), y[in_bin].mean()
        rel += share * (f - observed) ** 2
        res += share * (observed - base) ** 2
    assert brier_score_loss(y, forecasts) == pytest.approx(rel - res + base * (1 - base))
    assert rel > 0.005  # the forecaster is off by 0.1 and the decomposition sees it


@pytest.mark.parametrize("seed", range(3))
def test_logistic_regression_mean_prediction_equals_the_positive_rate_on_its_training_rows(seed):
    X, y = make_classification(n_samples=1000, weights=[0.8], random_state=seed)
    p = LogisticRegression().fit(X, y).predict_proba(X)[:, 1]
    assert p.mean() == pytest.approx(y.mean(), abs=1e-3)
    pw = LogisticRegression(class_weight="balanced").fit(X, y).predict_proba(X)[:, 1]
    assert pw[y == 1].mean() + pw[y == 0].mean() == pytest.approx(1, abs=1e-3)
    assert pw.mean() > y.mean() + 0.03


@pytest.mark.parametrize("seed", range(3))
def test_dividing_the_odds_by_the_class_ratio_undoes_weights_and_undersampling(seed):
    X, y, p_true = logistic_data(seed, 30_000)
    n1 = y.sum()
    n0 = y.size - n1
    weighted = LogisticRegression(class_weight="balanced").fit(X, y).predict_proba(X)[:, 1]
    keep = (y == 1) | (np.random.default_rng(seed).random(y.size) < n1 / n0)  # about 50/50
    beta = keep[y == 0].mean()  # share of the negatives kept
    under = LogisticRegression().fit(X[keep], y[keep]).predict_proba(X)[:, 1]

    def shift(p, factor):
        odds = p / (1 - p) * factor
        return odds / (1 + odds)

    for p, factor in ((weighted, n1 / n0), (under, beta)):
        assert np.mean(np.abs(p - p_true)) > 0.1  # far off before the correction
        assert np.mean(np.abs(shift(p, factor) - p_true)) < 0.01
    # The undersampling correction in the form Dal Pozzolo et al. give it.
    assert np.allclose(shift(under, beta), beta * under / (beta * under - under + 1))


def independent_or_redundant(seed, copies):
    """Two features that are independent given the class (naive Bayes is the right model),
    plus `copies` exact copies of the first one."""
    rng = np.random.default_rng(seed)
    y = (rng.random(6000) < 0.2).astype(int)
    X = rng.normal(size=(y.size, 2)) + 1.2 * y[:, None]
    X = np.c_[X, np.repeat(X[:, :1], copies, axis=1) + rng.normal(0, 0.05, (y.size, copies))]
    return X[:3000], y[:3000], X[3000:], y[3000:]


@pytest.mark.parametrize("seed", range(3))
def test_naive_bayes_is_calibrated_when_its_assumption_holds_and_overconfident_when_not(seed):
    Xtr, ytr, Xte, yte = independent_or_redundant(seed, copies=0)
    right = log_loss(yte, GaussianNB().fit(Xtr, ytr).predict_proba(Xte)[:, 1])
    reference = log_loss(yte, LogisticRegression().fit(Xtr, ytr).predict_proba(Xte)[:, 1])
    assert right == pytest.approx(reference, abs=0.01)
    Xtr, ytr, Xte, yte = independent_or_redundant(seed, copies=5)
    p = GaussianNB().fit(Xtr, ytr).predict_proba(Xte)[:, 1]
    assert log_loss(yte, p) > reference + 0.1
    observed, predicted = calibration_curve(yte, p, n_bins=5)
    assert predicted[-1] > observed[-1] + 0.05  # the top bin claims more than it delivers


@pytest.mark.parametrize("seed", range(4))
def test_isotonic_overfits_small_calibration_sets_where_the_sigmoid_does_not(seed):
    X, y, _ = logistic_data(seed, 6000)
    X_small, y_small, X_test, y_test = X[:100], y[:100], X[1000:], y[1000:]
    p = {
        method: CalibratedClassifierCV(LinearSVC(), method=method).fit(X_small, y_small).predict_proba(X_test)[:, 1]
        for method in ("sigmoid", "isotonic")
    }
    assert log_loss(y_test, p["isotonic"]) > log_loss(y_test, p["sigmoid"]) + 0.1
    assert np.mean((p["isotonic"] == 0) | (p["isotonic"] == 1)) > 0.1


def test_a_sigmoid_fitted_once_keeps_the_ranking_and_isotonic_adds_ties():
    X, y, _ = logistic_data(0, 4000)
    Xtr, ytr, Xte, yte = X[:2000], y[:2000], X[2000:], y[2000:]
    base_auc = roc_auc_score(yte, LinearSVC().fit(Xtr, ytr).decision_function(Xte))
    # ensemble=False: one model fitted on all rows, one calibrator on out-of-fold scores.
    sig = CalibratedClassifierCV(LinearSVC(), method="sigmoid", ensemble=False).fit(Xtr, ytr)
    assert roc_auc_score(yte, sig.predict_proba(Xte)[:, 1]) == pytest.approx(base_auc, abs=1e-12)
    iso = CalibratedClassifierCV(LinearSVC(), method="isotonic", ensemble=False).fit(Xtr, ytr)
    p_iso = iso.predict_proba(Xte)[:, 1]
    assert np.unique(p_iso).size < 0.2 * p_iso.size  # a step function: many ties


def test_svc_probability_is_deprecated_in_favour_of_calibrated_classifier_cv():
    X, y, _ = logistic_data(1, 200)
    with pytest.warns(FutureWarning, match="CalibratedClassifierCV"):
        SVC(probability=True).fit(X, y)


def test_an_overfitted_boosted_model_is_over_confident_and_recalibration_fixes_it():
    X, y = make_classification(n_samples=2400, n_features=8, n_informative=4, flip_y=0.1, random_state=0)
    Xtr, ytr, Xte, yte = X[:1200], y[:1200], X[1200:], y[1200:]
    overfit = HistGradientBoostingClassifier(
        max_iter=100, learning_rate=0.3, early_stopping=False, min_samples_leaf=5, random_state=0
    )
    with threadpool_limits(1):  # small data: OpenMP threads only add overhead
        p = overfit.fit(Xtr, ytr).predict_proba(Xte)[:, 1]
        p_iso = CalibratedClassifierCV(overfit, method="isotonic", cv=3).fit(Xtr, ytr).predict_proba(Xte)[:, 1]
    assert log_loss(yte, p) > 1.2 * log_loss(yte, p_iso)
    observed, predicted = calibration_curve(yte, p, n_bins=10)
    assert predicted[-1] > observed[-1] + 0.03 and predicted[0] < observed[0]
