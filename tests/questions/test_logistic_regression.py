"""Claims of classical/logistic_regression.md checked beyond the data its snippet uses."""

import numpy as np
import pytest
import statsmodels.api as sm
from scipy.special import expit
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from statsmodels.tools.sm_exceptions import ConvergenceWarning


def problem(seed, n=300, p=5):
    """Binary data drawn from a logistic model with an intercept."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p))
    w = rng.normal(size=p)
    y = (rng.random(n) < expit(0.5 + X @ w)).astype(int)
    return X, y


def objective(X, y, w, b, C):
    """scikit-learn's objective as the page writes it: C * sum of log-losses + ||w||^2 / 2."""
    z = X @ w + b
    return C * np.sum(np.logaddexp(0, z) - y * z) + 0.5 * w @ w


def newton(X, y, C, steps=50):
    n, p = X.shape
    Xb = np.column_stack([np.ones(n), X])
    pen = np.r_[0.0, np.ones(p)]
    theta = np.zeros(p + 1)
    for _ in range(steps):
        prob = expit(Xb @ theta)
        H = C * (Xb.T * (prob * (1 - prob))) @ Xb + np.diag(pen)
        theta -= np.linalg.solve(H, C * Xb.T @ (prob - y) + pen * theta)
    return theta


@pytest.mark.parametrize("C", [0.01, 1.0, 100.0])
@pytest.mark.parametrize("seed", range(3))
def test_newton_from_scratch_matches_logistic_regression(seed, C):
    X, y = problem(seed)
    theta = newton(X, y, C)
    sk = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)
    assert np.allclose(np.r_[sk.intercept_, sk.coef_[0]], theta, atol=1e-5)


@pytest.mark.parametrize("seed", range(3))
def test_the_fit_minimises_the_objective_the_page_writes_with_a_free_intercept(seed):
    X, y = problem(seed)
    sk = LogisticRegression(C=0.5, tol=1e-10, max_iter=10_000).fit(X, y)
    w, b = sk.coef_[0], sk.intercept_[0]
    best = objective(X, y, w, b, 0.5)
    rng = np.random.default_rng(seed)
    for _ in range(50):
        dw, db = rng.normal(scale=1e-3, size=w.shape), rng.normal(scale=1e-3)
        assert objective(X, y, w + dw, b + db, 0.5) >= best
    # Penalising the intercept too would move it: the minimiser with b in the penalty differs.
    Xb = np.column_stack([np.ones(len(y)), X])
    pen_all = LogisticRegression(C=0.5, fit_intercept=False, tol=1e-10).fit(Xb, y)
    assert abs(pen_all.coef_[0, 0] - b) > 1e-3


def test_duplicating_every_row_is_the_same_as_doubling_c():
    X, y = problem(0)
    twice = LogisticRegression(C=0.3, tol=1e-10).fit(np.vstack([X, X]), np.r_[y, y])
    doubled = LogisticRegression(C=0.6, tol=1e-10).fit(X, y)
    assert np.allclose(twice.coef_, doubled.coef_, atol=1e-6)


@pytest.mark.parametrize("seed", range(3))
def test_unpenalised_fit_is_the_maximum_likelihood_estimate_of_statsmodels(seed):
    X, y = problem(seed)
    sk = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    sm_fit = sm.Logit(y, sm.add_constant(X)).fit(disp=0)
    assert np.allclose(np.r_[sk.intercept_, sk.coef_[0]], sm_fit.params, atol=1e-5)
    default = LogisticRegression().fit(X, y)  # the penalty is on by default
    assert np.abs(default.coef_[0] - sm_fit.params[1:]).max() > 1e-3


def test_log_loss_objective_is_convex_and_squared_error_on_the_sigmoid_is_not():
    data = load_breast_cancer()
    X, y = StandardScaler().fit_transform(data.data[:, :5]), 1 - data.target
    rng = np.random.default_rng(0)
    for _ in range(20):  # log-loss: Hessian X^T W X is positive semidefinite everywhere
        w = rng.normal(scale=3, size=X.shape[1])
        p = expit(X @ w)
        assert np.linalg.eigvalsh((X.T * (p * (1 - p))) @ X).min() > -1e-9
    # squared error sum (y - p)^2: a negative Hessian eigenvalue where the rows are confident mistakes
    w = -LogisticRegression(C=np.inf, max_iter=10_000).fit(X, y).coef_[0]
    p = expit(X @ w)
    r = p - y  # residual
    curvature = 2 * (p * (1 - p)) ** 2 + 2 * r * p * (1 - p) * (1 - 2 * p)
    assert np.linalg.eigvalsh((X.T * curvature) @ X).min() < 0


@pytest.mark.parametrize("C", [0.01, 1.0, 1e4])
def test_mean_prediction_equals_positive_rate_even_with_a_penalty(C):
    X, y = problem(4)
    sk = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)
    assert sk.predict_proba(X)[:, 1].mean() == pytest.approx(y.mean(), abs=1e-6)


@pytest.mark.parametrize("seed", range(4))
def test_separable_data_weights_grow_with_c(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(80, 3))
    y = (X @ rng.normal(size=3) > 0).astype(int)
    norms = [
        np.linalg.norm(LogisticRegression(C=c, tol=1e-12, max_iter=100_000).fit(X, y).coef_)
        for c in (1.0, 1e2, 1e4, 1e6)
    ]
    assert np.all(np.diff(norms) > 0) and norms[-1] > 10 * norms[0]


def test_statsmodels_warns_that_it_did_not_converge_on_separable_data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2))
    y = (X.sum(axis=1) > 0).astype(int)
    with pytest.warns(ConvergenceWarning), np.errstate(over="ignore"):
        sm.Logit(y, sm.add_constant(X)).fit(disp=0)


def test_data_that_are_not_separable_have_a_finite_mle():
    X, y = problem(0)
    norms = [np.linalg.norm(LogisticRegression(C=c, tol=1e-12).fit(X, y).coef_) for c in (1e4, 1e6, np.inf)]
    assert np.ptp(norms) < 1e-3 * norms[0]


def test_odds_ratios_rescale_without_a_penalty_but_not_with_one():
    data = load_breast_cancer()
    X, y = data.data[:, [0, 1, 4]], 1 - data.target
    sd = X.std(axis=0)
    for C, should_match in ((np.inf, True), (0.01, False)):
        std = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X / sd, y).coef_[0]
        raw = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y).coef_[0]
        assert np.allclose(raw, std / sd, rtol=1e-4) == should_match


@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
def test_multinomial_coefficients_sum_to_zero_over_classes_under_l2(C):
    X, y = load_wine(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    coef = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y).coef_
    assert coef.shape == (3, X.shape[1])
    assert np.allclose(coef.sum(axis=0), 0, atol=1e-5)


def test_binary_fit_keeps_one_weight_vector_and_predicts_by_the_sign_of_the_score():
    X, y = problem(1)
    sk = LogisticRegression().fit(X, y)
    assert sk.coef_.shape == (1, X.shape[1])
    assert np.array_equal(sk.predict(X), (sk.decision_function(X) > 0).astype(int))
    assert np.allclose(sk.predict_proba(X)[:, 1], expit(sk.decision_function(X)))


def test_liblinear_refuses_three_classes_and_the_other_solvers_fit_the_softmax():
    X, y = load_wine(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    with pytest.raises(ValueError, match="liblinear"):
        LogisticRegression(solver="liblinear").fit(X, y)
    for solver in ("lbfgs", "newton-cg", "newton-cholesky"):
        fit = LogisticRegression(solver=solver, tol=1e-10, max_iter=10_000).fit(X, y)
        scores = fit.decision_function(X)
        assert np.allclose(fit.predict_proba(X), np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True))
