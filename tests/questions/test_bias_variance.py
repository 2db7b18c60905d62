"""Claims of fundamentals/bias_variance.md checked beyond the one simulation its snippet runs."""

import numpy as np
import pytest
from numpy.polynomial import legendre
from scipy.stats import norm
from sklearn.ensemble import BaggingRegressor
from sklearn.neighbors import KNeighborsRegressor
from sklearn.tree import DecisionTreeRegressor
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_thread():
    """Small arrays: one BLAS/OpenMP thread is faster, and steadier on a busy machine, than several."""
    with threadpool_limits(limits=1):
        yield


def true_f(x):
    return np.sin(3 * x + 0.5)


def training_sets(rng, n_sets, n, sigma):
    x = rng.uniform(-1, 1, size=(n_sets, n))
    return x, true_f(x) + sigma * rng.standard_normal((n_sets, n))


def poly_predictions(x, y, x_eval, degree, ridge=0.0):
    """Polynomial (optionally ridge-penalized) least squares for every training set (row)."""
    A = legendre.legvander(x, degree)
    gram = np.swapaxes(A, 1, 2) @ A + ridge * np.eye(degree + 1)
    coef = np.linalg.solve(gram, np.swapaxes(A, 1, 2) @ y[..., None]) if ridge else np.linalg.pinv(A) @ y[..., None]
    return (legendre.legvander(x_eval, degree) @ coef)[..., 0]


def decompose(pred, f_test):
    return np.mean((pred.mean(axis=0) - f_test) ** 2), np.mean(pred.var(axis=0))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("degree", [0, 2, 5])
def test_the_three_terms_add_up_to_the_measured_error(seed, degree):
    rng = np.random.default_rng(seed)
    sigma = 0.4
    x, y = training_sets(rng, 300, 40, sigma)
    x_test = rng.uniform(-1, 1, 200)
    pred = poly_predictions(x, y, x_test, degree)
    y_new = true_f(x_test) + sigma * rng.standard_normal(pred.shape)
    bias2, variance = decompose(pred, true_f(x_test))
    assert bias2 + variance + sigma**2 == pytest.approx(np.mean((y_new - pred) ** 2), rel=0.03)


def test_the_decomposition_is_not_specific_to_polynomials():
    # k-nearest neighbors, fitted with scikit-learn one training set at a time.
    rng = np.random.default_rng(0)
    sigma = 0.5
    x, y = training_sets(rng, 150, 40, sigma)
    x_test = rng.uniform(-1, 1, 100)
    terms = {}
    for k in (1, 15):
        model = KNeighborsRegressor(n_neighbors=k)
        pred = np.array([model.fit(xs[:, None], ys).predict(x_test[:, None]) for xs, ys in zip(x, y)])
        y_new = true_f(x_test) + sigma * rng.standard_normal(pred.shape)
        terms[k] = decompose(pred, true_f(x_test))
        assert sum(terms[k]) + sigma**2 == pytest.approx(np.mean((y_new - pred) ** 2), rel=0.04)
    # One neighbor is the high-variance end, fifteen the high-bias end (the page's complexity paragraph).
    assert terms[1][1] > 3 * terms[15][1] and terms[15][0] > 3 * terms[1][0]


@pytest.mark.parametrize("seed", range(3))
def test_total_error_is_u_shaped_in_the_degree(seed):
    rng = np.random.default_rng(seed)
    sigma = 0.5
    x, y = training_sets(rng, 300, 50, sigma)
    x_test = rng.uniform(-1, 1, 200)
    totals = [sum(decompose(poly_predictions(x, y, x_test, d), true_f(x_test))) + sigma**2 for d in range(11)]
    best = int(np.argmin(totals))
    assert 0 < best < 10 and totals[0] > totals[best] and totals[10] > totals[best]


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("degree", [1, 4, 8])
def test_more_data_lowers_variance_without_raising_bias(seed, degree):
    rng = np.random.default_rng(seed)
    x_test = rng.uniform(-1, 1, 200)
    small, large = training_sets(rng, 300, 40, 0.5), training_sets(rng, 300, 320, 0.5)
    b_small, v_small = decompose(poly_predictions(*small, x_test, degree), true_f(x_test))
    b_large, v_large = decompose(poly_predictions(*large, x_test, degree), true_f(x_test))
    assert v_large < v_small / 4
    assert b_large < b_small + 0.01


def test_bagging_cuts_the_variance_of_deep_trees_at_little_cost_in_bias():
    rng = np.random.default_rng(0)
    x, y = training_sets(rng, 25, 60, 0.5)
    x_test = np.linspace(-0.95, 0.95, 50)[:, None]
    tree = np.array(
        [DecisionTreeRegressor(random_state=0).fit(xs[:, None], ys).predict(x_test) for xs, ys in zip(x, y)]
    )
    bagged = np.array(
        [
            BaggingRegressor(DecisionTreeRegressor(), n_estimators=15, random_state=0)
            .fit(xs[:, None], ys)
            .predict(x_test)
            for xs, ys in zip(x, y)
        ]
    )
    (b_tree, v_tree), (b_bag, v_bag) = decompose(tree, true_f(x_test[:, 0])), decompose(bagged, true_f(x_test[:, 0]))
    assert v_bag < 0.6 * v_tree
    assert b_bag < b_tree + 0.02


def test_a_ridge_penalty_trades_a_little_bias_for_a_lot_of_variance():
    rng = np.random.default_rng(0)
    x, y = training_sets(rng, 300, 40, 0.5)
    x_test = rng.uniform(-1, 1, 200)
    b0, v0 = decompose(poly_predictions(x, y, x_test, 9), true_f(x_test))
    b1, v1 = decompose(poly_predictions(x, y, x_test, 9, ridge=1.0), true_f(x_test))
    assert v1 < v0 / 4 and b1 > b0 and b1 - b0 < v0 - v1


def test_double_descent_with_minimum_norm_least_squares():
    # y depends weakly on many features; the model uses the first p of them, fitted by minimum-norm least
    # squares (pinv). Error peaks where p reaches the number of rows, then falls again as p keeps growing.
    rng = np.random.default_rng(0)
    n, total, sigma, reps = 40, 400, 0.5, 20
    beta = rng.standard_normal(total) / np.sqrt(total)
    X = rng.standard_normal((reps, n, total))
    y = X @ beta + sigma * rng.standard_normal((reps, n))
    X_test = rng.standard_normal((500, total))

    def test_error(p):
        coef = np.linalg.pinv(X[:, :, :p]) @ y[..., None]
        errors = np.mean(((X_test[:, :p] @ coef)[..., 0] - X_test @ beta) ** 2, axis=1)
        return np.median(errors) + sigma**2  # median over training sets: the peak is heavy-tailed

    under, peak, over = test_error(n // 2), test_error(n), test_error(total)
    assert peak > 5 * under  # the classical picture: past the sweet spot, error explodes ...
    assert over < under  # ... but ten times more parameters than rows beats the moderate model


@pytest.mark.parametrize("mean_score", [-0.5, -0.2])
def test_under_0_1_loss_variance_can_lower_the_error_when_the_average_prediction_is_wrong(mean_score):
    # The true class at x is positive; a classifier's score s ~ N(mean_score, spread) over training sets predicts
    # positive when s > 0. With the average score on the wrong side, more spread means fewer errors.
    rng = np.random.default_rng(0)
    errors = []
    for spread in (0.1, 0.5, 2.0):
        scores = mean_score + spread * rng.standard_normal(200_000)
        errors.append(np.mean(scores <= 0))
        assert errors[-1] == pytest.approx(norm.cdf(-mean_score / spread), abs=0.01)
    assert errors[0] > errors[1] > errors[2]
    # while on the right side of the boundary, spread hurts, as it always does under squared loss
    right = [np.mean(-mean_score + s * rng.standard_normal(200_000) <= 0) for s in (0.1, 0.5, 2.0)]
    assert right[0] < right[1] < right[2]


def test_plug_in_bias_squared_is_inflated_by_variance_over_the_number_of_training_sets():
    # An unbiased procedure (the sample mean of y when f is constant) has bias^2 = 0 and variance sigma^2 / n;
    # the plug-in estimate (mean of R fits - truth)^2 averages variance / R instead of 0.
    rng = np.random.default_rng(0)
    n, sigma, repeats = 20, 1.0, 4000
    for R in (10, 300):
        # R fits per repeat; each fit is the mean of n noisy labels around the truth 0
        fits = rng.normal(scale=sigma / np.sqrt(n), size=(repeats, R))
        plug_in = fits.mean(axis=1) ** 2
        assert plug_in.mean() == pytest.approx(sigma**2 / n / R, rel=0.1)


def test_bias_squared_plus_variance_is_the_mean_squared_distance_exactly():
    rng = np.random.default_rng(3)
    pred = rng.standard_t(df=3, size=(500, 30))  # heavy tails: the identity is algebra, not an approximation
    target = rng.standard_normal(30)
    bias2, variance = decompose(pred, target)
    assert bias2 + variance == pytest.approx(np.mean((pred - target) ** 2), rel=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_variance_from_the_inputs_positions_collapses_once_the_model_can_follow_the_curve(seed):
    # Noise-free labels: all variance comes from where each training set's x values fall. A quadratic cannot
    # follow sin(3x + 0.5) and fits a different compromise to each sample; a cubic nearly follows it.
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(300, 50))
    x_test = rng.uniform(-1, 1, 200)
    clean = {d: decompose(poly_predictions(x, true_f(x), x_test, d), true_f(x_test))[1] for d in (2, 3)}
    assert clean[3] < clean[2] / 3


def test_a_bootstrap_resample_holds_about_63_percent_of_the_distinct_rows():
    rng = np.random.default_rng(0)
    n = 1000
    shares = [np.unique(rng.integers(0, n, n)).size / n for _ in range(200)]
    assert np.mean(shares) == pytest.approx(1 - np.exp(-1), abs=0.005)


def test_averaging_correlated_models_keeps_rho_sigma_squared():
    rng = np.random.default_rng(2)
    sigma2, rho = 2.0, 0.4
    for B in (5, 50):
        cov = sigma2 * (rho * np.ones((B, B)) + (1 - rho) * np.eye(B))
        preds = rng.multivariate_normal(np.zeros(B), cov, size=40_000)
        assert preds.mean(axis=1).var() == pytest.approx(rho * sigma2 + (1 - rho) * sigma2 / B, rel=0.03)
