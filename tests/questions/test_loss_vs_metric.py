"""Claims of evaluation/loss_vs_metric.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from sklearn.linear_model import HuberRegressor, LinearRegression
from sklearn.metrics import (
    brier_score_loss,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    root_mean_squared_error,
)

SKEWED = {
    "lognormal": lambda rng: rng.lognormal(0.0, 1.0, 3001),
    "shifted exponential": lambda rng: 1 + rng.exponential(2.0, 3001),
    "gamma": lambda rng: rng.gamma(2.0, 1.0, 3001),
}


def best_constant(metric, y):
    res = minimize_scalar(lambda c: metric(y, np.full_like(y, c)), bounds=(y.min(), y.max()), method="bounded")
    return res.x


@pytest.mark.parametrize("name", SKEWED)
def test_the_best_constant_is_the_median_for_mae_and_the_mean_for_squared_error(name):
    y = SKEWED[name](np.random.default_rng(1))
    assert best_constant(mean_absolute_error, y) == pytest.approx(np.median(y), abs=0.02)
    assert best_constant(mean_squared_error, y) == pytest.approx(y.mean(), rel=1e-4)
    assert y.mean() > np.median(y)  # right skew: the two answers differ


@pytest.mark.parametrize("name", SKEWED)
def test_the_best_constant_under_mape_is_a_weighted_median_below_the_median(name):
    y = SKEWED[name](np.random.default_rng(2))
    # sum |y - c| / y is minimized by the median of y weighted by 1 / y
    order = np.argsort(y)
    w = (1 / y)[order]
    weighted_median = y[order][np.searchsorted(np.cumsum(w), w.sum() / 2)]

    def mape(c):
        return mean_absolute_percentage_error(y, np.full_like(y, c))

    grid = np.quantile(y, np.linspace(0.01, 0.99, 99))
    assert all(mape(weighted_median) <= mape(c) + 1e-12 for c in grid)
    assert weighted_median < np.median(y)


@pytest.mark.parametrize("seed", range(5))
def test_rmse_is_between_mae_and_sqrt_n_times_mae(seed):
    rng = np.random.default_rng(seed)
    y, pred = rng.normal(size=50), rng.standard_t(2, size=50)
    mae, rmse = mean_absolute_error(y, pred), root_mean_squared_error(y, pred)
    assert mae <= rmse <= np.sqrt(50) * mae


@pytest.mark.parametrize("q", [0.05, 0.3, 0.5, 0.8])
def test_log_loss_and_brier_are_proper_and_absolute_error_is_not(q):
    p = np.linspace(0.005, 0.995, 199)
    outcome, weight = [1, 0], [q, 1 - q]
    ll = [log_loss(outcome, [pi, pi], sample_weight=weight) for pi in p]
    bs = [brier_score_loss(outcome, [pi, pi], sample_weight=weight) for pi in p]
    ae = [mean_absolute_error(outcome, [pi, pi], sample_weight=weight) for pi in p]
    assert p[np.argmin(ll)] == pytest.approx(q, abs=0.005)
    assert p[np.argmin(bs)] == pytest.approx(q, abs=0.005)
    if q != 0.5:  # at 0.5 every forecast ties under absolute error
        assert p[np.argmin(ae)] in (p[0], p[-1])


@pytest.mark.parametrize("p", [0.5, 0.1, 1e-3, 1e-8])
def test_log_loss_of_a_miss_is_minus_log_p_and_brier_stays_below_one(p):
    assert log_loss([1], [p], labels=[0, 1]) == pytest.approx(-np.log(p))
    assert brier_score_loss([1], [p]) == pytest.approx((1 - p) ** 2)
    assert brier_score_loss([1], [p]) <= 1


def test_mape_at_a_zero_target_is_huge_and_mape_is_asymmetric():
    assert mean_absolute_percentage_error([0.0], [1e-3]) > 1e12
    for actual, forecast in [(100, 150), (10, 20), (2, 3)]:
        high = mean_absolute_percentage_error([actual], [forecast])  # forecast above the actual
        low = mean_absolute_percentage_error([forecast], [actual])  # same miss, below
        assert high > low


@pytest.mark.parametrize("seed", range(3))
def test_huber_resists_outliers_and_a_huge_epsilon_gives_least_squares(seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 10, size=(200, 1))
    y = 2.0 * x[:, 0] + rng.normal(0, 1, 200)
    bad = np.argsort(x[:, 0])[-10:]  # the sensor fails at the highest loads
    y[bad] += rng.uniform(30, 60, size=10)
    ols = LinearRegression().fit(x, y).coef_[0]
    assert abs(HuberRegressor().fit(x, y).coef_[0] - 2) < 0.15
    assert ols > 2.5  # least squares chases the outliers
    assert HuberRegressor(epsilon=100.0).fit(x, y).coef_[0] == pytest.approx(ols, abs=0.05)


def test_with_calibrated_probabilities_the_cost_optimal_threshold_is_c_fp_over_c_fp_plus_c_fn():
    rng = np.random.default_rng(0)
    p = rng.random(200_000)
    y = (rng.random(p.size) < p).astype(int)  # calibrated: P(y = 1 | p) = p
    c_fp, c_fn = 1, 10
    thresholds = np.linspace(0.01, 0.5, 50)
    costs = [c_fn * np.sum((p < t) & (y == 1)) + c_fp * np.sum((p >= t) & (y == 0)) for t in thresholds]
    assert thresholds[np.argmin(costs)] == pytest.approx(c_fp / (c_fp + c_fn), abs=0.02)


@pytest.mark.parametrize("z", [-12.0, -8.0, 8.0])
def test_squared_error_through_a_sigmoid_saturates_while_log_loss_keeps_a_gradient_of_p_minus_y(z):
    y = 1 if z < 0 else 0  # a confidently wrong prediction either way

    def sigmoid(t):
        return 1 / (1 + np.exp(-t))

    def d_dz(f, h=1e-5):  # central difference in the logit
        return (f(z + h) - f(z - h)) / (2 * h)

    p = sigmoid(z)
    grad_log = d_dz(lambda t: -(y * np.log(sigmoid(t)) + (1 - y) * np.log(1 - sigmoid(t))))
    grad_sq = d_dz(lambda t: (sigmoid(t) - y) ** 2)
    assert grad_log == pytest.approx(p - y, rel=1e-4)  # about -1 or +1: a full-size push
    assert grad_sq == pytest.approx(2 * (p - y) * p * (1 - p), rel=1e-3)
    assert abs(grad_sq) < 1e-3 < abs(grad_log) / 100  # squared error barely moves the worst mistake


@pytest.mark.parametrize("tau", [0.1, 0.5, 0.9])
def test_the_best_constant_under_pinball_loss_is_the_tau_quantile(tau):
    from sklearn.metrics import mean_pinball_loss

    y = np.random.default_rng(3).lognormal(0.0, 0.75, 2001)
    best = best_constant(lambda yy, c: mean_pinball_loss(yy, c, alpha=tau), y)
    assert best == pytest.approx(np.quantile(y, tau), abs=0.02)
    if tau == 0.5:  # half the absolute error
        c = np.full_like(y, 1.3)
        assert mean_pinball_loss(y, c, alpha=0.5) == pytest.approx(mean_absolute_error(y, c) / 2)
