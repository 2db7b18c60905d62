"""Claims of classical/linear_regression_assumptions.md checked beyond the one sample its snippet uses."""

import numpy as np
import pytest
from scipy import stats
from statsmodels.regression.linear_model import OLS
from statsmodels.stats.diagnostic import het_breuschpagan, het_white, linear_reset
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.stats.stattools import durbin_watson, jarque_bera
from statsmodels.tools.tools import add_constant


def ar1(innovations, rho=0.8):
    e = innovations.copy()
    for t in range(1, e.shape[-1]):
        e[..., t] = rho * e[..., t - 1] + np.sqrt(1 - rho**2) * innovations[..., t]
    return e


def sample(kind, seed, n=200):
    rng = np.random.default_rng(seed)
    x1, x2, eps = rng.normal(size=(3, n))
    if kind == "collinear":
        x2 = x1 + 0.1 * x2
    y = (
        1
        + 2 * x1
        - x2
        + {
            "good": eps,
            "collinear": eps,
            "nonlinear": x1**2 + eps,
            "heteroscedastic": np.exp(0.8 * x1) * eps,
            "non-normal": (eps**2 - 1) / np.sqrt(2),
            "autocorrelated": ar1(eps),
        }[kind]
    )
    X = add_constant(np.column_stack([x1, x2]))
    return X, y, OLS(y, X).fit()


def flags(X, fit):
    r = fit.resid
    return {
        "RESET": linear_reset(fit, power=2, use_f=True).pvalue < 0.05,
        "BP": het_breuschpagan(r, X)[1] < 0.05,
        "JB": jarque_bera(r)[1] < 0.05,
        "DW": not 1.5 <= durbin_watson(r) <= 2.5,
        "VIF": max(variance_inflation_factor(X, j) for j in (1, 2)) > 10,
    }


@pytest.mark.parametrize(
    "kind, test",
    [
        ("nonlinear", "RESET"),
        ("heteroscedastic", "BP"),
        ("non-normal", "JB"),
        ("autocorrelated", "DW"),
        ("collinear", "VIF"),
        ("nonlinear", "JB"),
        ("heteroscedastic", "JB"),
    ],
)
def test_each_diagnostic_catches_its_violation_in_almost_every_sample(kind, test):
    hits = [flags(X, fit)[test] for X, _, fit in (sample(kind, s) for s in range(20))]
    assert np.mean(hits) >= 0.9


def test_on_good_data_false_alarms_happen_at_about_the_nominal_rate():
    rows = [flags(X, fit) for X, _, fit in (sample("good", s) for s in range(80))]
    for test in ("RESET", "BP", "JB"):
        assert np.mean([r[test] for r in rows]) <= 0.125  # nominal 0.05, with room for sampling noise
    assert not any(r["VIF"] for r in rows)
    # Three tests at 5% at once: about 1 - 0.95^3 = 0.14 of clean samples trip at least one.
    any_flag = np.mean([any(r.values()) for r in rows])
    assert 0.05 <= any_flag <= 0.3


@pytest.mark.parametrize("seed", range(5))
def test_residuals_are_orthogonal_to_every_column_whatever_the_errors(seed):
    rng = np.random.default_rng(seed)
    x1, u, eps = rng.normal(size=(3, 100))
    y = 1 + 2 * x1 + 1.5 * (0.6 * x1 + 0.8 * u) + eps  # omitted cause correlated with x1
    X = add_constant(x1)
    fit = OLS(y, X).fit()
    assert np.allclose(X.T @ fit.resid, 0, atol=1e-8)
    assert fit.params[1] > 2.4  # the slope is biased towards 2 + 1.5 * 0.6 = 2.9


def test_durbin_watson_is_about_two_times_one_minus_the_lag_one_autocorrelation():
    for rho in (0.0, 0.5, 0.8):
        e = ar1(np.random.default_rng(1).normal(size=2000), rho)
        r1 = np.corrcoef(e[:-1], e[1:])[0, 1]
        assert durbin_watson(e) == pytest.approx(2 * (1 - r1), abs=0.01)
        assert durbin_watson(e) == pytest.approx(2 * (1 - rho), abs=0.1)


def test_coefficient_variance_equals_the_vif_formula():
    X, y, fit = sample("collinear", 3)
    s2 = fit.scale  # residual variance estimate
    for j in (1, 2):
        others = np.delete(X, j, axis=1)
        r2 = OLS(X[:, j], others).fit().rsquared
        assert variance_inflation_factor(X, j) == pytest.approx(1 / (1 - r2))
        sst = np.sum((X[:, j] - X[:, j].mean()) ** 2)
        assert fit.cov_params()[j, j] == pytest.approx(s2 / sst / (1 - r2))


def test_perfect_collinearity_leaves_the_split_undetermined_but_the_sum_and_predictions_fixed():
    X, y, _ = sample("good", 0)
    X_dup = np.column_stack([X, X[:, 1]])
    assert np.linalg.matrix_rank(X_dup) == 3
    with pytest.warns(Warning, match="rank"):  # statsmodels warns, then uses the pseudo-inverse
        fit = OLS(y, X_dup).fit()  # which picks the minimum-norm split: equal halves
    good = OLS(y, X).fit()
    assert fit.params[1] + fit.params[3] == pytest.approx(good.params[1])
    assert fit.params[1] == pytest.approx(fit.params[3])
    assert np.allclose(fit.fittedvalues, good.fittedvalues)


def _coverage(n, errors, x_kind, reps, seed=0, level=0.95, predict=False):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(reps, n + 1)) if x_kind == "normal" else rng.exponential(size=(reps, n + 1)) ** 2
    e = rng.normal(size=(reps, n + 1))
    if errors == "skewed":
        e = (e**2 - 1) / np.sqrt(2)
    elif errors == "t20":
        e = rng.standard_t(df=20, size=e.shape)
    y = 1 + 2 * x + e
    x_new, y_new, x, y = x[:, -1], y[:, -1], x[:, :-1], y[:, :-1]
    xc = x - x.mean(axis=1, keepdims=True)
    b = (xc * y).sum(axis=1) / (xc**2).sum(axis=1)
    a = y.mean(axis=1) - b * x.mean(axis=1)
    s2 = ((y - a[:, None] - b[:, None] * x) ** 2).sum(axis=1) / (n - 2)
    t = stats.t.ppf(0.5 + level / 2, n - 2)
    if predict:
        h = 1 / n + (x_new - x.mean(axis=1)) ** 2 / (xc**2).sum(axis=1)
        return np.mean(np.abs(y_new - a - b * x_new) <= t * np.sqrt(s2 * (1 + h)))
    return np.mean(np.abs(b - 2) <= t * np.sqrt(s2 / (xc**2).sum(axis=1)))


def test_normal_errors_make_the_t_interval_exact_even_with_six_rows():
    # Skewed regressor, six rows: with normal errors the 95% interval is exact; with skewed errors it is not.
    assert _coverage(6, "normal", "skewed", reps=40_000) == pytest.approx(0.95, abs=0.006)
    assert _coverage(6, "skewed", "skewed", reps=40_000) < 0.94


def test_non_normal_errors_break_prediction_intervals_at_any_sample_size():
    assert _coverage(200, "normal", "normal", reps=4000, level=0.99, predict=True) == pytest.approx(0.99, abs=0.006)
    assert _coverage(200, "skewed", "normal", reps=4000, level=0.99, predict=True) < 0.98


def test_breusch_pagan_misses_variance_symmetric_in_x_that_white_catches():
    bp, white = [], []
    for seed in range(20):
        rng = np.random.default_rng(seed)
        x1, x2, eps = rng.normal(size=(3, 200))
        y = 1 + 2 * x1 - x2 + (0.2 + np.abs(x1)) * eps  # spread grows with |x1| in both directions
        X = add_constant(np.column_stack([x1, x2]))
        r = OLS(y, X).fit().resid
        bp.append(het_breuschpagan(r, X)[1] < 0.05)
        white.append(het_white(r, X)[1] < 0.05)
    assert np.mean(white) >= 0.9 and np.mean(bp) <= 0.5


def test_collinear_pair_individual_slopes_are_imprecise_but_their_sum_is_not():
    rng = np.random.default_rng(0)
    reps, n = 1000, 50
    x1, noise, eps = rng.normal(size=(3, reps, n))
    x2 = x1 + 0.1 * noise
    y = 1 + 2 * x1 + 1 * x2 + eps  # both slopes positive; their sum is 3
    X = np.stack([np.ones_like(x1), x1, x2], axis=-1)
    beta = np.linalg.solve(np.swapaxes(X, 1, 2) @ X, np.einsum("rnj,rn->rj", X, y)[..., None])[..., 0]
    for j, true in ((1, 2.0), (2, 1.0)):  # unbiased, within three Monte Carlo standard errors
        assert abs(beta[:, j].mean() - true) < 3 * beta[:, j].std() / np.sqrt(reps)
    assert np.std(beta[:, 1] + beta[:, 2]) < 0.2 * np.std(beta[:, 1])  # the sum is precise


def test_with_a_huge_sample_normality_tests_flag_harmless_deviations():
    rng = np.random.default_rng(0)
    e = rng.standard_t(df=20, size=50_000)  # nearly normal: slightly heavier tails
    assert jarque_bera(e)[1] < 0.05
    # ... a deviation that does not matter: the slope's 95% interval is right even with 30 rows
    assert _coverage(30, "t20", "normal", reps=20_000) == pytest.approx(0.95, abs=0.006)


def _slope_coverage_classical(scale_of, reps=4000, n=100, seed=0):
    """Coverage of the classical 95% interval for the slope of x1, and SE / true spread."""
    rng = np.random.default_rng(seed)
    x1, x2, z, eps = rng.normal(size=(4, reps, n))
    y = 1 + 2 * x1 - x2 + scale_of(x1, z) * eps
    X = np.stack([np.ones_like(x1), x1, x2], axis=-1)
    XtX_inv = np.linalg.inv(np.swapaxes(X, 1, 2) @ X)
    beta = np.einsum("rij,rnj,rn->ri", XtX_inv, X, y)
    resid = y - np.einsum("rnj,rj->rn", X, beta)
    se = np.sqrt((resid**2).sum(axis=1) / (n - 3) * XtX_inv[:, 1, 1])
    cover = np.mean(np.abs(beta[:, 1] - 2) <= stats.t.ppf(0.975, n - 3) * se)
    return cover, se.mean() / beta[:, 1].std()


def test_classical_se_needs_variance_unrelated_to_the_features_not_constant_variance():
    # The spread varies a lot from row to row, but with a variable z independent of the features:
    # X' Sigma X is close to sigma^2 X'X, and the textbook standard error is still right.
    cover, ratio = _slope_coverage_classical(lambda x1, z: np.exp(0.8 * z))
    assert cover == pytest.approx(0.95, abs=0.012) and ratio == pytest.approx(1, abs=0.06)
    # The same spread driven by x1 itself: the textbook standard error is far too small.
    cover, ratio = _slope_coverage_classical(lambda x1, z: np.exp(0.8 * x1))
    assert cover < 0.85 and ratio < 0.7


@pytest.mark.parametrize("seed", range(3))
def test_a_high_leverage_row_off_the_line_dominates_cooks_distance(seed):
    rng = np.random.default_rng(seed)
    x1, x2, eps = rng.normal(size=(3, 200))
    x1, x2 = np.append(x1, 5.0), np.append(x2, 0.0)
    y = np.append((1 + 2 * x1 - x2)[:-1] + eps, 3.0)  # the true line gives 11 at the added row
    fit = OLS(y, add_constant(np.column_stack([x1, x2]))).fit()
    cooks = fit.get_influence().cooks_distance[0]
    assert np.argmax(cooks) == 200 and cooks[200] > 1 and np.sort(cooks)[-2] < 0.2
    assert OLS(y[:-1], add_constant(np.column_stack([x1, x2]))[:-1]).fit().params[1] - fit.params[1] > 0.1
