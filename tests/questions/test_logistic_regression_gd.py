"""Claims of coding/logistic_regression_gd.md checked beyond the candidate's tests."""

import warnings

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from scripts.figures import snippet_namespace


@pytest.fixture(autouse=True)
def one_thread():
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def ns():
    return snippet_namespace("logistic_regression_gd")


def data(seed, n=150, d=3):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = (rng.random(n) < 1 / (1 + np.exp(-(X @ rng.normal(size=d) + 0.3)))).astype(int)
    return X, y


def gradient(X, y, w, b, lam):
    z = X @ w + b
    r = np.exp(-np.logaddexp(0, -z)) - y  # sigmoid(z) - y
    return X.T @ r / len(y) + lam * w, r.mean()


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("lam", [0.003, 0.05, 1.0])
def test_sklearn_with_c_equal_one_over_n_lam_minimises_our_objective(seed, lam):
    # sklearn's lbfgs minimises mean(loss) + ||w||^2 / (2 C n) (its source sets
    # l2_reg_strength = 1 / (C * n)); with C = 1 / (n lam) that is our objective.
    X, y = data(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk = LogisticRegression(C=1 / (len(y) * lam), tol=1e-12, max_iter=10_000).fit(X, y)
    g_w, g_b = gradient(X, y, sk.coef_[0], sk.intercept_[0], lam)
    assert np.abs(g_w).max() < 1e-8 and abs(g_b) < 1e-8
    # ... and the mapping C = 1 / lam (forgetting n) gives another optimum.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wrong = LogisticRegression(C=1 / lam, tol=1e-12, max_iter=10_000).fit(X, y)
    assert np.abs(gradient(X, y, wrong.coef_[0], wrong.intercept_[0], lam)[0]).max() > 1e-3


def test_unpenalised_intercept_makes_probabilities_average_to_the_positive_share(ns):
    # The intercept's gradient is mean(p - y); at the optimum it is 0, whatever lam.
    X, y = data(4)
    for lam in (0.0, 0.5):
        w, b = ns["fit_logistic"](X, y, lam=lam, lr=1.0, tol=1e-10)
        assert ns["predict_proba"](X, w, b).mean() == pytest.approx(y.mean(), abs=1e-9)


def test_where_the_textbook_formulas_break():
    with np.errstate(over="raise"):
        np.exp(709.0)
        with pytest.raises(FloatingPointError):
            np.exp(710.0)  # so 1 / (1 + exp(-z)) overflows for z below about -709
    p = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    assert p(36.0) < 1.0 and p(37.0) == 1.0  # then log(1 - p) = log(0) = -inf for y = 0
    assert -np.log(1e-15) == pytest.approx(34.54, abs=0.01)  # the cap that clipping p puts on a row


def test_np_where_computes_both_branches():
    z = np.array([-1000.0, 1000.0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p = np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
    assert np.array_equal(p, [0.0, 1.0])  # the right values ...
    assert any("overflow" in str(w.message) for w in caught)  # ... but exp(1000) was computed


def test_the_stable_forms_are_exact(ns):
    z = np.array([-800.0, -40.0, -1.0, 0.0, 2.0, 40.0, 800.0])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        p = ns["predict_proba"](z[:, None], np.array([1.0]), 0.0)
        for label in (0, 1):
            losses = [ns["logistic_loss"](np.array([[v]]), np.array([label]), np.array([1.0]), 0.0) for v in z]
            expected = np.logaddexp(0, z) - label * z  # -log sigmoid(z) or -log(1 - sigmoid(z))
            np.testing.assert_allclose(losses, expected, rtol=1e-12)
    moderate = np.abs(z) <= 40
    np.testing.assert_allclose(p[moderate], 1 / (1 + np.exp(-z[moderate])), rtol=1e-12)
    assert p[0] == 0.0 and p[-1] == 1.0


def test_the_step_size_bound_holds():
    # The Hessian of the objective is X1.T diag(p(1-p)) X1 / n + lam (w block) with
    # p(1 - p) <= 1/4, so L <= lambda_max(X1.T X1) / (4 n) + lam.
    X, y = data(5)
    X1 = np.column_stack([X, np.ones(len(y))])
    lam = 0.1
    bound = np.linalg.eigvalsh(X1.T @ X1 / len(y)).max() / 4 + lam
    rng = np.random.default_rng(0)
    for _ in range(20):
        theta = rng.normal(size=X1.shape[1]) * 2
        s = 1 / (1 + np.exp(-(X1 @ theta)))
        H = X1.T @ (X1 * (s * (1 - s))[:, None]) / len(y) + lam * np.diag([1, 1, 1, 0])
        assert np.linalg.eigvalsh(H).max() <= bound + 1e-12


def test_gradient_descent_decreases_the_loss_below_two_over_l(ns):
    X, y = data(6)
    X1 = np.column_stack([X, np.ones(len(y))])
    L = np.linalg.eigvalsh(X1.T @ X1 / len(y)).max() / 4
    losses = [
        ns["logistic_loss"](X, y, *ns["fit_logistic"](X, y, lr=1.9 / L, n_iter=k, tol=0.0)) for k in range(0, 40, 3)
    ]
    assert all(b <= a + 1e-15 for a, b in zip(losses, losses[1:]))  # down to rounding
    assert losses[-1] < losses[0] - 0.2


def test_separable_data_without_a_penalty_drive_the_weights_up(ns):
    rng = np.random.default_rng(7)
    X = rng.normal(size=(100, 2))
    y = (X[:, 0] - X[:, 1] > 0).astype(int)
    norms = [np.linalg.norm(ns["fit_logistic"](X, y, lr=1.0, n_iter=k, tol=0.0)[0]) for k in (30, 300, 3000)]
    assert norms[0] < norms[1] < norms[2]  # no minimum: ||w|| keeps growing
    w, _ = ns["fit_logistic"](X, y, lam=0.1, lr=1.0, n_iter=1000, tol=0.0)
    w2, _ = ns["fit_logistic"](X, y, lam=0.1, lr=1.0, n_iter=2000, tol=0.0)
    np.testing.assert_allclose(w, w2, atol=1e-6)  # with a penalty it converges


def test_on_separable_data_the_gradient_vanishes_slowly_and_the_direction_tends_to_the_max_margin(ns):
    # Soudry et al. (2018), theorem 3: the loss falls like 1/t, so the gradient tends to 0 and a tol is met
    # eventually, only very late; (w, b) / ||(w, b)|| tends to the hard-margin separator of the rows [x, 1].
    from scipy.optimize import minimize

    rng = np.random.default_rng(7)
    X = rng.normal(size=(100, 2))
    y = (X[:, 0] - X[:, 1] > 0).astype(int)
    X1, s = np.column_stack([X, np.ones(len(y))]), 2 * y - 1
    margin = minimize(
        lambda v: v @ v,
        np.array([10.0, -10.0, 0.0]),
        jac=lambda v: 2 * v,
        constraints=[{"type": "ineq", "fun": lambda v: s * (X1 @ v) - 1, "jac": lambda v: s[:, None] * X1}],
        method="SLSQP",
        options={"ftol": 1e-12, "maxiter": 500},
    )
    assert margin.success and np.all(s * (X1 @ margin.x) > 1 - 1e-6)
    u = margin.x / np.linalg.norm(margin.x)
    gradients, angles = [], []
    for k in (100, 1_000, 10_000):
        w, b = ns["fit_logistic"](X, y, lr=1.0, n_iter=k, tol=0.0)
        g_w, g_b = gradient(X, y, w, b, 0.0)
        gradients.append(max(np.abs(g_w).max(), abs(g_b)))
        v = np.append(w, b)
        angles.append(1 - u @ v / np.linalg.norm(v))
    assert gradients[0] > gradients[1] > gradients[2] > 1e-4  # falling, but far above tol = 1e-8
    assert angles[0] > angles[1] > angles[2] and angles[2] < 1e-3  # the direction turns to the max margin
