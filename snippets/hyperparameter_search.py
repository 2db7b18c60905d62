"""Grid search, random search and Bayesian optimisation (Optuna's TPE), and nested
cross-validation for an honest estimate of the tuned model.

Run on its own: python snippets/hyperparameter_search.py
"""

import inspect

import numpy as np

# --8<-- [start:budget]
from scipy.stats import uniform
from sklearn.model_selection import ParameterGrid, ParameterSampler

n_trials = 64
for d in (1, 2, 3, 6):
    names = [f"p{j}" for j in range(d)]
    k = round(n_trials ** (1 / d))  # a full grid of k**d = 64 points
    grid = list(ParameterGrid({p: np.linspace(0, 1, k) for p in names}))
    draws = list(
        ParameterSampler({p: uniform(0, 1) for p in names}, n_trials, random_state=0)
    )
    grid_values = len({point["p0"] for point in grid})
    random_values = len({point["p0"] for point in draws})
    print(
        f"d = {d}: the grid tries {grid_values:2d} values of each, "
        f"random {random_values}"
    )
    assert len(grid) == len(draws) == n_trials
    assert grid_values == k and random_values == n_trials

# The chance that at least one of n random trials lands in a region holding a share
# q of the search space does not depend on d: 1 - (1 - q)^n.
hit = 1 - (1 - 0.05) ** 60
print(f"P(one of 60 random trials lands in the best 5% of the space): {hit:.3f}")
# --8<-- [end:budget]

assert hit > 0.95

# --8<-- [start:low_dim]
rng = np.random.default_rng(0)


def score(x1, x2, peak):
    """A validation score that depends on x1 only: x2 is a parameter that does not
    matter."""
    return np.exp(-0.5 * ((x1 - peak) / 0.1) ** 2) + 0.0 * x2


grid_x1, grid_x2 = np.meshgrid(np.linspace(0, 1, 4), np.linspace(0, 1, 4))  # 16 trials
best_grid, best_random = [], []
for peak in rng.uniform(0, 1, size=1000):  # 1000 problems, the peak somewhere new
    random_x1, random_x2 = rng.uniform(0, 1, size=(2, 16))  # 16 random trials
    best_grid.append(score(grid_x1, grid_x2, peak).max())
    best_random.append(score(random_x1, random_x2, peak).max())
best_grid, best_random = np.array(best_grid), np.array(best_random)
print(f"mean best score, 16 grid trials:   {best_grid.mean():.3f}")
print(f"mean best score, 16 random trials: {best_random.mean():.3f}")
print(f"random beats the grid on {np.mean(best_random > best_grid):.0%} of problems")
# --8<-- [end:low_dim]

assert best_random.mean() > best_grid.mean() + 0.2
# the grid's 16 points: 4 values of x1, each tried 4 times (with a different x2)
assert sorted(np.unique(grid_x1, return_counts=True)[1]) == [4, 4, 4, 4]
assert np.mean(best_random > best_grid) > 0.7

# --8<-- [start:optuna]
import optuna
from sklearn.datasets import make_friedman1
from sklearn.kernel_ridge import KernelRidge
from sklearn.model_selection import train_test_split

optuna.logging.set_verbosity(optuna.logging.WARNING)  # no line per trial
X, y = make_friedman1(n_samples=300, noise=1.0, random_state=0)
X_tr, X_val, y_tr, y_val = train_test_split(X, y, test_size=0.5, random_state=0)


def objective(trial):
    alpha = trial.suggest_float("alpha", 1e-4, 10.0, log=True)
    gamma = trial.suggest_float("gamma", 1e-3, 10.0, log=True)
    model = KernelRidge(kernel="rbf", alpha=alpha, gamma=gamma).fit(X_tr, y_tr)
    return model.score(X_val, y_val)  # validation R^2, to maximise


grid = {
    "alpha": np.logspace(-4, 1, 5).tolist(),
    "gamma": np.logspace(-3, 1, 5).tolist(),
}
samplers = {
    "grid": optuna.samplers.GridSampler(grid, seed=0),  # 5 x 5, in random order
    "random": optuna.samplers.RandomSampler(seed=0),
    "TPE": optuna.samplers.TPESampler(seed=0),  # the first 10 trials are random
}
best_so_far, late_median, studies = {}, {}, {}
for name, sampler in samplers.items():
    study = optuna.create_study(direction="maximize", sampler=sampler)
    study.optimize(objective, n_trials=25)
    values = np.array([t.value for t in study.trials])
    best_so_far[name] = np.maximum.accumulate(values)
    late_median[name] = np.median(values[10:])  # where trials 11-25 landed
    studies[name] = study
    print(
        f"{name:>6}: best R^2 after 10 trials {best_so_far[name][9]:.3f}, "
        f"after 25 {study.best_value:.3f}; median R^2 of trials 11-25 "
        f"{late_median[name]:.3f}"
    )
# --8<-- [end:optuna]

assert all(len(v) == 25 for v in best_so_far.values())
tpe_defaults = inspect.signature(optuna.samplers.TPESampler).parameters
assert tpe_defaults["n_startup_trials"].default == 10  # random start-up trials
assert tpe_defaults["n_ei_candidates"].default == 24  # candidates drawn from l(lambda)
assert best_so_far["TPE"][-1] > best_so_far["random"][-1] > best_so_far["grid"][-1]
assert np.ptp([v[-1] for v in best_so_far.values()]) < 0.01  # all within a hundredth
first_ten = [[t.value for t in studies[name].trials[:10]] for name in ("random", "TPE")]
assert np.allclose(
    *first_ten
)  # same seed: TPE's start-up trials are the random sampler's
# TPE's first 10 trials are random draws; after them it samples near the good region
assert best_so_far["TPE"][-1] > best_so_far["TPE"][9]
assert late_median["TPE"] > late_median["random"] + 0.05
assert late_median["TPE"] > late_median["grid"] + 0.05

# --8<-- [start:nested]
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.tree import DecisionTreeClassifier

rng = np.random.default_rng(1)
X_noise = rng.normal(size=(120, 10))
y_noise = rng.integers(0, 2, size=120)  # labels unrelated to X: any model scores 0.5

search = GridSearchCV(
    DecisionTreeClassifier(random_state=0),
    {"max_depth": [1, 2, 3, 4, 6, 8], "min_samples_leaf": [1, 5, 10, 20]},
    cv=StratifiedKFold(3, shuffle=True, random_state=0),
)
search.fit(X_noise, y_noise)
outer = StratifiedKFold(5, shuffle=True, random_state=1)
nested = cross_val_score(search, X_noise, y_noise, cv=outer)  # a search per outer fold
print(f"GridSearchCV best_score_ (the winner's inner score): {search.best_score_:.3f}")
print(f"nested cross-validation score:                      {nested.mean():.3f}")
# --8<-- [end:nested]

assert search.best_score_ > 0.55  # optimistic: the best of 24 noisy estimates
assert abs(nested.mean() - 0.5) < 0.05  # honest: close to the truth, 0.5
assert search.best_score_ - nested.mean() > 0.05
