"""Claims of classical/mle_map.md checked beyond the examples its snippet uses."""

import numpy as np
import pytest
from scipy.optimize import minimize, minimize_scalar
from scipy.special import expit, logit
from scipy.stats import beta, norm
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge

COINS = [(3, 3, 2.0, 2.0), (7, 10, 2.0, 2.0), (1, 20, 3.0, 5.0), (40, 50, 1.5, 8.0)]


def argmax(f, low, high):
    return minimize_scalar(lambda t: -f(t), bounds=(low, high), method="bounded", options={"xatol": 1e-10}).x


@pytest.mark.parametrize(("k", "n", "a", "b"), COINS)
def test_beta_bernoulli_map_and_posterior_mean_formulas(k, n, a, b):
    def log_post(t):  # log-likelihood + log-prior
        return k * np.log(t) + (n - k) * np.log1p(-t) + beta(a, b).logpdf(t)

    assert argmax(log_post, 1e-9, 1 - 1e-9) == pytest.approx((k + a - 1) / (n + a + b - 2), abs=1e-6)
    assert beta(k + a, n - k + b).mean() == pytest.approx((k + a) / (n + a + b))


@pytest.mark.parametrize(("k", "n", "a", "b"), COINS)
def test_map_is_a_weighted_average_of_the_mle_and_the_prior_mode(k, n, a, b):
    # (k + a - 1) / (n + a + b - 2) = [n * (k/n) + (a + b - 2) * prior_mode] / (n + a + b - 2)
    prior_mode = (a - 1) / (a + b - 2)
    weight = n / (n + a + b - 2)
    theta_map = (k + a - 1) / (n + a + b - 2)
    assert theta_map == pytest.approx(weight * k / n + (1 - weight) * prior_mode)
    assert min(k / n, prior_mode) <= theta_map <= max(k / n, prior_mode)


@pytest.mark.parametrize(("k", "n"), [(0, 5), (3, 10), (10, 10)])
def test_a_uniform_prior_makes_map_equal_to_mle(k, n):
    assert (k + 1 - 1) / (n + 1 + 1 - 2) == k / n


def test_map_and_mle_meet_as_data_grow():
    a, b = 4.0, 4.0
    gaps = [abs((0.7 * n + a - 1) / (n + a + b - 2) - 0.7) for n in (10, 100, 1000, 10_000)]
    assert np.all(np.diff(gaps) < 0) and gaps[-1] < 1e-3


@pytest.mark.parametrize(("k", "n", "a", "b"), COINS)
def test_map_moves_under_the_log_odds_reparametrisation_and_mle_does_not(k, n, a, b):
    post = beta(k + a, n - k + b)

    def log_post_phi(phi):  # density over phi = logit(theta) carries the Jacobian theta(1 - theta)
        t = expit(phi)
        return post.logpdf(t) + np.log(t) + np.log1p(-t)

    phi_map = argmax(log_post_phi, -15, 15)
    assert expit(phi_map) == pytest.approx((k + a) / (n + a + b), abs=1e-5)  # not (k+a-1)/(n+a+b-2)
    assert abs(expit(phi_map) - (k + a - 1) / (n + a + b - 2)) > 1e-3
    if 0 < k < n:
        phi_mle = argmax(lambda f: k * np.log(expit(f)) + (n - k) * np.log(expit(-f)), -15, 15)
        assert phi_mle == pytest.approx(logit(k / n), abs=1e-5)


def linear_problem(seed, n=60, p=6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p))
    return X, 1.5 + X @ rng.normal(size=p) + rng.normal(size=n)


@pytest.mark.parametrize(("sigma", "tau"), [(1.0, 0.5), (2.0, 1.0), (0.3, 3.0)])
@pytest.mark.parametrize("seed", range(3))
def test_ridge_is_the_map_of_a_gaussian_prior_with_alpha_sigma2_over_tau2(seed, sigma, tau):
    X, y = linear_problem(seed)

    def nlp(theta):
        r = y - theta[0] - X @ theta[1:]
        return r @ r / (2 * sigma**2) + theta[1:] @ theta[1:] / (2 * tau**2)

    res = minimize(nlp, np.zeros(X.shape[1] + 1), method="BFGS", options={"gtol": 1e-10})
    ridge = Ridge(alpha=sigma**2 / tau**2).fit(X, y)
    assert np.allclose(res.x, np.r_[ridge.intercept_, ridge.coef_], atol=1e-5)


def test_a_gaussian_prior_on_the_intercept_too_would_change_the_fit():
    X, y = linear_problem(0)
    free = Ridge(alpha=4.0).fit(X, y)
    Xb = np.column_stack([np.ones(len(y)), X])
    all_penalised = Ridge(alpha=4.0, fit_intercept=False).fit(Xb, y).coef_
    assert abs(all_penalised[0] - free.intercept_) > 1e-2


@pytest.mark.parametrize("seed", range(3))
def test_lasso_is_the_map_of_a_laplace_prior_with_alpha_sigma2_over_n_s(seed):
    X, y = linear_problem(seed)
    n, sigma, s = len(y), 1.0, 0.02  # prior density proportional to exp(-|w_j| / s)
    lasso = Lasso(alpha=sigma**2 / (n * s), tol=1e-12, max_iter=100_000).fit(X, y)

    def nlp(w, b):
        r = y - b - X @ w
        return r @ r / (2 * sigma**2) + np.abs(w).sum() / s

    best = nlp(lasso.coef_, lasso.intercept_)
    rng = np.random.default_rng(seed)
    for _ in range(100):
        assert nlp(lasso.coef_ + rng.normal(scale=1e-3, size=X.shape[1]), lasso.intercept_) >= best
    assert np.any(lasso.coef_ == 0)  # a strong Laplace prior: the mode has exact zeros


@pytest.mark.parametrize("C", [0.01, 0.3, 10.0])
def test_l2_logistic_regression_is_the_map_with_prior_variance_c(C):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(200, 4))
    y = (rng.random(200) < expit(X @ np.array([1.0, -2.0, 0.5, 0.0]))).astype(int)

    def nlp(theta):
        z = theta[0] + X @ theta[1:]
        return np.sum(np.logaddexp(0, z) - y * z) + theta[1:] @ theta[1:] / (2 * C)

    res = minimize(nlp, np.zeros(5), method="BFGS", options={"gtol": 1e-9})
    sk = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)
    assert np.allclose(res.x, np.r_[sk.intercept_, sk.coef_[0]], atol=1e-4)


def test_map_equals_posterior_mean_for_gaussian_posteriors_but_not_for_skewed_ones():
    X, y = linear_problem(2)
    sigma, tau = 1.0, 0.7
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    precision = Xc.T @ Xc / sigma**2 + np.eye(X.shape[1]) / tau**2
    post_mean = np.linalg.solve(precision, Xc.T @ yc / sigma**2)
    assert np.allclose(post_mean, Ridge(alpha=sigma**2 / tau**2).fit(X, y).coef_)
    k, n, a, b = 3, 3, 2.0, 2.0
    assert abs((k + a - 1) / (n + a + b - 2) - beta(k + a, n - k + b).mean()) > 0.05


def test_with_no_prior_weight_the_map_is_the_mle():
    X, y = linear_problem(1)
    assert np.allclose(Ridge(alpha=1e-10).fit(X, y).coef_, LinearRegression().fit(X, y).coef_, atol=1e-8)


def test_the_mle_of_a_gaussian_variance_divides_by_n_and_is_biased_low():
    rng = np.random.default_rng(0)
    n, sigma2 = 5, 4.0
    x = rng.normal(scale=np.sqrt(sigma2), size=(100_000, n))
    loc, scale = norm.fit(x[0])  # scipy's maximum-likelihood fit of one sample
    assert scale**2 == pytest.approx(x[0].var(ddof=0))
    assert x.var(axis=1, ddof=0).mean() == pytest.approx((n - 1) / n * sigma2, rel=0.02)  # 3.2, not 4
    assert x.var(axis=1, ddof=1).mean() == pytest.approx(sigma2, rel=0.02)
