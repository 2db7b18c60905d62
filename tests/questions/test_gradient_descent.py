"""Claims of classical/gradient_descent.md checked beyond the snippet's one data set.

The optimiser is the page's own `gradient_descent`, loaded from the snippet; the tests run it on other
problems, seeds, learning rates and batch sizes.
"""

import contextlib
import io
import runpy
import warnings
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression, SGDRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SNIPPET = Path(__file__).resolve().parents[2] / "snippets" / "gradient_descent.py"


@pytest.fixture(scope="module")
def gd():
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPET), run_name="__main__")["gradient_descent"]


def loss(X, y, w):
    r = X @ w - y
    return r @ r / (2 * len(y))


def problem(seed, n=400, d=3, scales=None, noise=1.0):
    """Centred least squares with correlated columns, optionally in very different units."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) @ (np.eye(d) + 0.3 * rng.normal(size=(d, d)))
    if scales is not None:
        X = X * scales
    X -= X.mean(axis=0)
    y = X @ rng.normal(size=d) + noise * rng.normal(size=n)
    return X, y - y.mean()


def eigenvalues(X):
    return np.linalg.eigvalsh(X.T @ X / len(X))


def excess_curve(gd, X, y, **kw):
    w_opt = np.linalg.lstsq(X, y, rcond=None)[0]
    path = gd(X, y, **kw)
    return np.array([loss(X, y, w) for w in path]) - loss(X, y, w_opt)


@pytest.mark.parametrize("seed", range(4))
def test_batch_gradient_descent_converges_below_two_over_L_and_diverges_above(gd, seed):
    X, y = problem(seed, scales=np.array([1.0, 5.0, 0.2]))
    L = eigenvalues(X)[-1]
    below = excess_curve(gd, X, y, lr=1.98 / L, batch_size=len(y), epochs=400)
    above = excess_curve(gd, X, y, lr=2.02 / L, batch_size=len(y), epochs=400)
    assert below[-1] < 1e-3 * below[0]
    assert np.all(np.diff(below) < 0)  # on a quadratic, every step below 2/L lowers the loss
    assert above[-1] > 1e3 * above[0]


@pytest.mark.parametrize("seed", range(3))
def test_beyond_quadratics_every_step_below_two_over_L_lowers_a_logistic_loss(seed):
    # The logistic loss's Hessian is X^T S X / n with S <= 1/4, so its gradient is Lipschitz with
    # L = lambda_max(X^T X / n) / 4, and the descent inequality makes every step below 2/L go downhill.
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(300, 3)) * [1.0, 4.0, 0.5]
    y = (X @ [1.0, -0.5, 2.0] + rng.logistic(size=300) > 0).astype(float)

    def logistic_loss(w):
        z = X @ w
        return np.mean(np.logaddexp(0.0, z) - y * z)

    L = eigenvalues(X)[-1] / 4
    w, losses = np.zeros(3), []
    for _ in range(300):
        losses.append(logistic_loss(w))
        w = w - 1.95 / L * X.T @ (1 / (1 + np.exp(-(X @ w))) - y) / len(y)
    assert np.all(np.diff(losses) < 1e-12)
    assert losses[-1] < 0.9 * losses[0]


@pytest.mark.parametrize("kappa", [10.0, 100.0, 1000.0])
def test_steps_to_converge_grow_with_the_condition_number_as_the_page_says(gd, kappa):
    # Orthogonal columns with curvatures 1 and kappa: the best constant step 2/(L + mu) shrinks the
    # loss by ((kappa - 1)/(kappa + 1))^2 per step, so the steps to 1e-6 are about kappa * ln(1e6) / 4.
    rng = np.random.default_rng(0)
    n = 200
    Q, _ = np.linalg.qr(rng.normal(size=(n, 2)))
    X = np.sqrt(n) * Q * np.sqrt([1.0, kappa])
    y = X @ np.array([1.0, 1.0]) + rng.normal(size=n)
    gap = excess_curve(gd, X, y, lr=2 / (1 + kappa), batch_size=n, epochs=int(4 * kappa) + 50, w0=[-3.0, 3.0])
    steps = int(np.argmax(gap < 1e-6 * gap[0]))
    predicted = np.log(1e-6) / np.log(((kappa - 1) / (kappa + 1)) ** 2)
    assert abs(steps - predicted) <= 2
    assert abs(steps - kappa * np.log(1e6) / 4) < 0.05 * steps + 2


@pytest.mark.parametrize("seed", range(5))
def test_standardising_features_in_different_units_cuts_the_condition_number(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(500, 4)) * 10.0 ** rng.uniform(-3, 3, size=4)
    X -= X.mean(axis=0)
    mu, *_, L = eigenvalues(X)
    mu_s, *_, L_s = eigenvalues(X / X.std(axis=0))
    assert L / mu > 100 and L_s / mu_s < 2


def test_standardising_does_not_remove_ill_conditioning_from_correlation():
    rng = np.random.default_rng(0)
    z = rng.normal(size=500)
    X = np.column_stack([z + 0.05 * rng.normal(size=500), z + 0.05 * rng.normal(size=500)])
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    mu, L = eigenvalues(X)
    assert L / mu > 100  # 1 + r over 1 - r, with r close to 1


def test_an_uncentred_feature_next_to_an_intercept_column_is_ill_conditioned():
    rng = np.random.default_rng(0)
    x = 100.0 + rng.normal(size=500)  # unit variance, but mean 100
    with_intercept = np.column_stack([np.ones(500), x])
    centred = np.column_stack([np.ones(500), x - x.mean()])
    mu, L = eigenvalues(with_intercept)
    mu_c, L_c = eigenvalues(centred)
    assert L / mu > 1e4 and L_c / mu_c < 1.5


def test_a_mini_batch_gradient_is_unbiased_and_its_variance_falls_as_one_over_the_batch_size():
    X, y = problem(0, n=2000)
    w = np.array([0.5, -1.0, 2.0])
    full = X.T @ (X @ w - y) / len(y)
    rng = np.random.default_rng(1)
    spread = {}
    for B in (1, 4, 16, 64):
        rows = rng.integers(0, len(y), size=(20_000, B))  # batches drawn with replacement
        grads = np.einsum("kbi,kb->ki", X[rows], (X[rows] @ w - y[rows])) / B
        assert np.allclose(grads.mean(axis=0), full, atol=6 * grads.std(axis=0).max() / np.sqrt(20_000))
        spread[B] = grads.var(axis=0).sum()
    for B in (4, 16, 64):
        assert spread[1] / spread[B] == pytest.approx(B, rel=0.1)


def floor(gd, X, y, lr, batch_size, epochs=40, decay=0.0):
    per_epoch = -(-len(y) // batch_size)
    gap = excess_curve(gd, X, y, lr=lr, batch_size=batch_size, epochs=epochs, decay=decay, seed=1)
    return gap[-10 * per_epoch :].mean()  # the mean excess loss over the last ten passes


def standardised_problem(seed):
    X, y = problem(seed, d=2)
    return X / X.std(axis=0), y


@pytest.mark.parametrize("seed", range(4))
def test_constant_step_sgd_stalls_at_a_floor_that_falls_with_the_step_and_the_batch(gd, seed):
    X, y = standardised_problem(seed)
    sgd = floor(gd, X, y, lr=0.04, batch_size=1)
    assert sgd > 1e-4  # it stops improving: a noise floor, not convergence
    assert sgd / floor(gd, X, y, lr=0.02, batch_size=1) > 1.8  # half the step, at most about half the floor
    assert sgd / floor(gd, X, y, lr=0.04, batch_size=16) > 10  # a bigger batch, less noise
    assert floor(gd, X, y, lr=0.04, batch_size=1, decay=0.01) < sgd / 5  # a decaying step goes lower


@pytest.mark.parametrize("seed", range(4))
def test_per_pass_over_the_data_sgd_is_far_ahead_of_batch_gradient_descent_at_first(gd, seed):
    # The page's design: two standardised features with correlation 0.5 (condition number about 3).
    # On a nearly perfectly conditioned problem one full step of size 1/L would almost solve it.
    rng = np.random.default_rng(seed)
    z1, z2 = rng.normal(size=(2, 500))
    X = np.column_stack([z1, 0.5 * z1 + np.sqrt(0.75) * z2])
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = X @ np.array([2.0, -3.0]) + rng.normal(size=500)
    y -= y.mean()
    mu, L = eigenvalues(X)
    assert 2.5 < L / mu < 4
    n = len(y)
    batch = excess_curve(gd, X, y, lr=1 / L, batch_size=n, epochs=1, w0=[-2.0, 3.0])
    sgd = excess_curve(gd, X, y, lr=0.04, batch_size=1, epochs=1, w0=[-2.0, 3.0])
    assert sgd[-1] < batch[-1] / 10


@pytest.mark.parametrize("seed", range(3))
def test_sgd_regressor_diverges_silently_on_large_features_and_matches_ols_once_scaled(seed):
    X, y = problem(seed, scales=np.array([1.0, 100.0, 1.0]))
    ols = LinearRegression().fit(X, y).score(X, y)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raw = SGDRegressor(random_state=seed).fit(X, y).score(X, y)
    assert not caught  # it diverges without a warning
    scaled = make_pipeline(StandardScaler(), SGDRegressor(random_state=seed)).fit(X, y).score(X, y)
    assert raw < -1e6
    assert abs(scaled - ols) < 0.01


def test_sgd_regressor_default_schedule_decays_like_t_to_the_minus_quarter():
    # eta = eta0 / t^power_t with power_t = 0.25: the step sizes shrink, but their squares do not sum
    # to a finite value, so the sum(eta_t^2) < infinity condition is sufficient, not necessary.
    params = SGDRegressor().get_params()
    assert params["learning_rate"] == "invscaling" and params["eta0"] == 0.01 and params["power_t"] == 0.25
    t = np.arange(1, 10**6 + 1)
    partial = np.cumsum((0.01 / t**0.25) ** 2)
    assert partial[-1] > 5 * partial[10**4 - 1]  # grows like sqrt(t): no finite limit


@pytest.mark.parametrize("seed", range(3))
def test_constant_step_sgd_converges_exactly_when_the_model_fits_every_row(gd, seed):
    # No noise: every row's gradient x_i (x_i^T w - y_i) is zero at the minimum, so there is no floor.
    X, y = problem(seed, d=2, noise=0.0)
    X = X / X.std(axis=0)
    noisy = floor(gd, X, y + np.random.default_rng(seed).normal(size=len(y)), lr=0.04, batch_size=1)
    exact = excess_curve(gd, X, y, lr=0.04, batch_size=1, epochs=40)
    assert exact[-1] < 1e-12 < noisy
