"""Claims of classical/hyperparameter_search.md checked beyond the one run its snippet shows."""

import numpy as np
import optuna
import pytest
from scipy.stats import loguniform, uniform
from sklearn.datasets import make_friedman1
from sklearn.kernel_ridge import KernelRidge
from sklearn.model_selection import (
    GridSearchCV,
    ParameterGrid,
    ParameterSampler,
    StratifiedKFold,
    cross_val_score,
    train_test_split,
)
from sklearn.tree import DecisionTreeClassifier

optuna.logging.set_verbosity(optuna.logging.WARNING)


@pytest.mark.parametrize(("n", "d"), [(16, 2), (64, 2), (64, 3), (81, 4), (100, 2)])
def test_a_grid_of_n_points_tries_n_to_the_one_over_d_values_and_random_search_n(n, d):
    k = round(n ** (1 / d))
    names = [f"p{j}" for j in range(d)]
    grid = list(ParameterGrid({p: np.linspace(0, 1, k) for p in names}))
    draws = list(ParameterSampler({p: uniform(0, 1) for p in names}, n, random_state=1))
    assert len(grid) == k**d == n
    for p in names:
        assert len({point[p] for point in grid}) == k
        assert len({point[p] for point in draws}) == n


@pytest.mark.parametrize("d", [1, 2, 10])
def test_the_chance_random_trials_hit_a_region_does_not_depend_on_d(d):
    # The region: the first parameter below 0.05, a share q = 5% of the space in any dimension.
    rng = np.random.default_rng(d)
    trials = rng.uniform(size=(4000, 60, d))
    hit = np.mean((trials[:, :, 0] < 0.05).any(axis=1))
    assert hit == pytest.approx(1 - 0.95**60, abs=0.015)


def _best_scores(seed, problems=400):
    rng = np.random.default_rng(seed)
    grid_x1 = np.linspace(0, 1, 4)
    grid, rand = [], []
    for peak in rng.uniform(0, 1, size=problems):
        grid.append(np.exp(-0.5 * ((grid_x1 - peak) / 0.1) ** 2).max())
        rand.append(np.exp(-0.5 * ((rng.uniform(0, 1, 16) - peak) / 0.1) ** 2).max())
    return np.array(grid), np.array(rand)


@pytest.mark.parametrize("seed", range(1, 5))
def test_random_search_beats_the_grid_when_one_of_two_parameters_matters(seed):
    grid, rand = _best_scores(seed)
    assert rand.mean() > grid.mean() + 0.2
    assert np.mean(rand > grid) > 0.7


def test_a_grid_misses_a_narrow_band_between_its_values_whatever_the_other_axis():
    # More grid points along the unimportant axis do not help: the important axis still has 4 values.
    peak = 0.5
    for k2 in (4, 16, 64):
        x1, _ = np.meshgrid(np.linspace(0, 1, 4), np.linspace(0, 1, k2))
        assert np.exp(-0.5 * ((x1 - peak) / 0.1) ** 2).max() < 0.3


def _kernel_ridge_objective():
    X, y = make_friedman1(n_samples=300, noise=1.0, random_state=0)
    X_tr, X_val, y_tr, y_val = train_test_split(X, y, test_size=0.5, random_state=0)

    def objective(trial):
        alpha = trial.suggest_float("alpha", 1e-4, 10.0, log=True)
        gamma = trial.suggest_float("gamma", 1e-3, 10.0, log=True)
        return KernelRidge(kernel="rbf", alpha=alpha, gamma=gamma).fit(X_tr, y_tr).score(X_val, y_val)

    return objective


def _values(sampler, objective, n=25):
    study = optuna.create_study(direction="maximize", sampler=sampler)
    study.optimize(objective, n_trials=n)
    return np.array([t.value for t in study.trials])


def test_tpe_puts_its_later_trials_near_the_good_region_for_other_seeds():
    objective = _kernel_ridge_objective()
    tpe_best, rand_best, tpe_late, rand_late = [], [], [], []
    for seed in range(1, 5):
        tpe = _values(optuna.samplers.TPESampler(seed=seed), objective)
        rand = _values(optuna.samplers.RandomSampler(seed=seed), objective)
        tpe_best.append(tpe.max())
        rand_best.append(rand.max())
        tpe_late.append(np.median(tpe[10:]))
        rand_late.append(np.median(rand[10:]))
    assert np.mean(tpe_late) > np.mean(rand_late) + 0.05
    assert np.mean(tpe_best) > np.mean(rand_best)


@pytest.mark.parametrize("seed", [1, 2])
def test_tpe_start_up_trials_are_random_draws(seed):
    objective = _kernel_ridge_objective()
    tpe = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    tpe.optimize(objective, n_trials=10)
    rand = optuna.create_study(direction="maximize", sampler=optuna.samplers.RandomSampler(seed=seed))
    rand.optimize(objective, n_trials=10)
    assert [t.params for t in tpe.trials] == [t.params for t in rand.trials]


def _noise_search(seed, grid, n=120):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(n, 10)), rng.integers(0, 2, size=n)
    search = GridSearchCV(
        DecisionTreeClassifier(random_state=0), grid, cv=StratifiedKFold(3, shuffle=True, random_state=0)
    )
    return search, X, y


GRID = {"max_depth": [1, 2, 3, 4, 6, 8], "min_samples_leaf": [1, 5, 10, 20]}


def test_the_inner_best_score_is_optimistic_and_the_nested_score_is_not_on_average():
    # 60 rows and 3 outer folds: a clear effect at a low cost (every seed's gap is positive, their mean is
    # 0.10; with 120 rows and 5 folds it was 0.04, one seed negative, and the test took longer).
    gaps, nested_scores = [], []
    for seed in range(2, 10):
        search, X, y = _noise_search(seed, GRID, n=60)
        best = search.fit(X, y).best_score_
        nested = cross_val_score(search, X, y, cv=StratifiedKFold(3, shuffle=True, random_state=1)).mean()
        gaps.append(best - nested)
        nested_scores.append(nested)
    assert np.mean(gaps) > 0.05
    assert abs(np.mean(nested_scores) - 0.5) < 0.04


def test_the_optimism_of_best_score_grows_with_the_number_of_settings():
    small = {"max_depth": [3]}
    best_small, best_large = [], []
    for seed in range(10):
        search, X, y = _noise_search(seed, small)
        best_small.append(search.fit(X, y).best_score_)
        search, X, y = _noise_search(seed, GRID)
        best_large.append(search.fit(X, y).best_score_)
    assert np.mean(best_small) == pytest.approx(0.5, abs=0.05)  # one setting: no selection, no bias
    assert np.mean(best_large) > np.mean(best_small) + 0.04


def test_a_uniform_draw_of_C_between_0_01_and_100_lands_above_1_almost_always():
    uniform_draws = np.array([p["C"] for p in ParameterSampler({"C": uniform(0.01, 100 - 0.01)}, 2000, random_state=0)])
    log_draws = np.array([p["C"] for p in ParameterSampler({"C": loguniform(0.01, 100)}, 2000, random_state=0)])
    assert np.mean(uniform_draws > 1) > 0.98
    assert np.mean(log_draws > 1) == pytest.approx(0.5, abs=0.04)  # log-uniform: half on each side of 1


def test_tpe_is_optunas_default_sampler():
    study = optuna.create_study(direction="maximize")
    assert isinstance(study.sampler, optuna.samplers.TPESampler)


@pytest.mark.parametrize("d", [1, 2, 3])
def test_the_dimension_hides_in_the_share_q_of_a_box_that_is_small_in_every_parameter(d):
    # A box 5% wide in each of d parameters that all matter has q = 0.05**d, so 60 trials rarely find it.
    rng = np.random.default_rng(10 + d)
    trials = rng.uniform(size=(4000, 60, d))
    hit = np.mean((trials < 0.05).all(axis=2).any(axis=1))
    assert hit == pytest.approx(1 - (1 - 0.05**d) ** 60, abs=0.015)
    if d >= 2:
        assert hit < 0.2
