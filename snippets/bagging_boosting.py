"""Bagging and boosting: what each reduces, random forests (feature subsets, out-of-bag
error), gradient boosting as stage-wise fitting of residuals, and scikit-learn's
HistGradientBoostingClassifier beside XGBoost, with early stopping and shrinkage.

Run on its own: python snippets/bagging_boosting.py
"""

import numpy as np
import xgboost as xgb
from sklearn.datasets import make_classification
from sklearn.ensemble import (
    BaggingClassifier,
    GradientBoostingRegressor,
    HistGradientBoostingClassifier,
    RandomForestClassifier,
)
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from threadpoolctl import threadpool_limits

# Small data: one thread is fastest, and CPU time stays what the page reports.
_one_thread = threadpool_limits(limits=1)

# --8<-- [start:data]
# 2,000 rows, 20 features (6 informative, 4 linear mixtures of them, 10 noise),
# 5 % of the labels drawn at random; half the rows for training, half for test.
X, y = make_classification(
    n_samples=2000,
    n_features=20,
    n_informative=6,
    n_redundant=4,
    flip_y=0.05,
    class_sep=0.8,
    random_state=0,
)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)
print(f"train {X_train.shape}, test {X_test.shape}, positives {y.mean():.2f}")
# --8<-- [end:data]

# --8<-- [start:bias_variance]
stump = DecisionTreeClassifier(max_depth=1)
deep = DecisionTreeClassifier(random_state=0)
models = {
    "one stump": stump,
    "50 bagged stumps": BaggingClassifier(stump, n_estimators=50, random_state=0),
    "200 boosted stumps": HistGradientBoostingClassifier(
        max_depth=1, max_iter=200, early_stopping=False, random_state=0
    ),
    "one deep tree": deep,
    "50 bagged deep trees": RandomForestClassifier(
        n_estimators=50, max_features=None, random_state=0, n_jobs=1
    ),  # a forest that sees every feature at every split is plain bagging
}
errors = {}
for name, model in models.items():
    model.fit(X_train, y_train)
    errors[name] = (1 - model.score(X_train, y_train), 1 - model.score(X_test, y_test))
    print(f"{name:>21}: train error {errors[name][0]:.3f}, test {errors[name][1]:.3f}")
# --8<-- [end:bias_variance]

test_err = {name: e[1] for name, e in errors.items()}
assert abs(test_err["50 bagged stumps"] - test_err["one stump"]) < 0.01  # bias stays
assert test_err["200 boosted stumps"] < test_err["one stump"] - 0.08  # bias falls
assert test_err["50 bagged deep trees"] < test_err["one deep tree"] - 0.03  # variance
assert errors["one deep tree"][0] == errors["50 bagged deep trees"][0] == 0.0

# --8<-- [start:forest]
n_trees = 150  # for the forest and, below, each boosted model
bagged = models["50 bagged deep trees"]
forest = RandomForestClassifier(
    n_estimators=n_trees, max_features="sqrt", oob_score=True, random_state=0, n_jobs=1
).fit(X_train, y_train)


def tree_probabilities(ensemble, X, n=50):
    return np.array([t.predict_proba(X)[:, 1] for t in ensemble.estimators_[:n]])


summary = {}
for name, ens in (("bagging (all 20)", bagged), ("forest (sqrt: 4)", forest)):
    P = tree_probabilities(ens, X_test)  # first 50 trees, (trees, test rows)
    corr = np.corrcoef(P)[np.triu_indices(len(P), k=1)].mean()
    tree_err = np.mean((P > 0.5) != y_test, axis=1).mean()
    avg_err = np.mean((P.mean(axis=0) > 0.5) != y_test)
    summary[name] = corr, tree_err, avg_err
    print(
        f"{name}: correlation between trees {corr:.2f}, "
        f"one tree's error {tree_err:.3f}, 50 averaged {avg_err:.3f}"
    )
# --8<-- [end:forest]

rho_bag, tree_err_bag, avg_err_bag = summary["bagging (all 20)"]
rho_rf, tree_err_rf, avg_err_rf = summary["forest (sqrt: 4)"]
assert rho_rf < rho_bag - 0.1 and tree_err_rf > tree_err_bag + 0.03
assert avg_err_bag < avg_err_rf < avg_err_bag + 0.02  # bagging edges ahead, here
assert forest.estimators_[0].max_features_ == 4  # int(sqrt(20))
# The forest averages probabilities ("soft voting"), not votes:
P_all = tree_probabilities(forest, X_test, n=n_trees)
assert np.allclose(P_all.mean(axis=0), forest.predict_proba(X_test)[:, 1])

# --8<-- [start:oob]
# A bootstrap sample of n rows leaves out (1 - 1/n)^n of them, about e^-1.
n = len(y_train)
rng = np.random.default_rng(0)
left_out = np.mean(
    [len(np.setdiff1d(np.arange(n), rng.integers(0, n, n))) / n for _ in range(200)]
)
print(
    f"rows left out of a bootstrap sample: {left_out:.3f} "
    f"(theory {(1 - 1 / n) ** n:.3f}, e^-1 = {np.exp(-1):.3f})"
)
oob_acc, test_acc = forest.oob_score_, forest.score(X_test, y_test)
print(f"out-of-bag accuracy {oob_acc:.3f}, held-out test accuracy {test_acc:.3f}")
# --8<-- [end:oob]

assert abs(left_out - np.exp(-1)) < 0.01 and abs(oob_acc - test_acc) < 0.03

# --8<-- [start:residuals]
# Gradient boosting for squared loss, by hand: each tree fits the residuals.
rng = np.random.default_rng(0)
x1 = np.sort(rng.uniform(0, 6, 200))[:, None]
t = np.sin(x1[:, 0]) + rng.normal(scale=0.3, size=200)

nu, M = 0.1, 100  # learning rate (shrinkage) and number of trees
F = np.full(len(t), t.mean())  # F_0: the best constant
for m in range(M):
    residual = t - F  # the negative gradient of (t - F)^2 / 2
    h = DecisionTreeRegressor(max_depth=2).fit(x1, residual)
    F = F + nu * h.predict(x1)

gbr = GradientBoostingRegressor(n_estimators=M, learning_rate=nu, max_depth=2)
gbr.fit(x1, t)
gap = np.abs(F - gbr.predict(x1)).max()
print(f"by hand vs GradientBoostingRegressor, largest difference: {gap:.1e}")
mse = [np.mean((t - p) ** 2) for p in gbr.staged_predict(x1)]  # after 1, 2, ... trees
print(f"training MSE after 1, 10, 100 trees: {mse[0]:.3f}, {mse[9]:.3f}, {mse[99]:.3f}")
# --8<-- [end:residuals]

assert gap < 1e-10 and np.all(np.diff(mse) < 0)  # training loss falls with every tree

# --8<-- [start:curves]
hgb = HistGradientBoostingClassifier(
    max_iter=n_trees, learning_rate=0.1, early_stopping=False, random_state=0
).fit(X_train, y_train)
xgbc = xgb.XGBClassifier(
    n_estimators=n_trees,
    learning_rate=0.1,
    tree_method="hist",
    n_jobs=1,
    eval_metric=["error", "logloss"],
    random_state=0,
).fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)

# Test error after 1, 2, ..., 150 trees, from one fit of each model.
curves = {
    "random forest": np.mean(  # running mean of the trees' probabilities
        (np.cumsum(P_all, axis=0) / np.arange(1, n_trees + 1)[:, None] > 0.5) != y_test,
        axis=1,
    ),
    "HistGradientBoosting": [np.mean(p != y_test) for p in hgb.staged_predict(X_test)],
    "XGBoost": xgbc.evals_result()["validation_0"]["error"],  # same as staged errors
}
for name, err in curves.items():
    k = int(np.argmin(err))
    print(
        f"{name:>20}: after 10 trees {err[9]:.3f}, 100: {err[99]:.3f}, "
        f"{n_trees}: {err[-1]:.3f}; best {err[k]:.3f} at {k + 1}"
    )
# --8<-- [end:curves]

staged = xgbc.predict(X_test, iteration_range=(0, 100))
assert np.isclose(np.mean(staged != y_test), curves["XGBoost"][99])
assert all(len(c) == n_trees for c in curves.values())
rf_curve = np.array(curves["random forest"])
assert np.ptp(rf_curve[100:]) < 0.01  # the forest has settled: more trees, same error
for name in ("HistGradientBoosting", "XGBoost"):
    assert curves[name][-1] < rf_curve[-1]  # both boosters end below the forest

# --8<-- [start:early_stopping]
# Hold out part of the training rows; stop when the validation loss stalls.
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.2, stratify=y_train, random_state=0
)
hgb_es = HistGradientBoostingClassifier(
    max_iter=n_trees,
    learning_rate=0.1,
    early_stopping=True,  # carves its own stratified validation split
    validation_fraction=0.2,
    n_iter_no_change=20,
    random_state=0,
).fit(X_train, y_train)
xgb_es = xgb.XGBClassifier(
    n_estimators=n_trees,
    learning_rate=0.1,
    tree_method="hist",
    n_jobs=1,
    early_stopping_rounds=20,
    eval_metric="logloss",
    random_state=0,
).fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=False)

hgb_best = int(np.argmax(hgb_es.validation_score_))  # entry 0 is before any tree
xgb_built = len(xgb_es.evals_result()["validation_0"]["logloss"])
print(
    f"HGB: best validation loss after {hgb_best} trees, stopped at and keeps "
    f"{hgb_es.n_iter_}; test error {1 - hgb_es.score(X_test, y_test):.3f}"
)
print(
    f"XGBoost: best after {xgb_es.best_iteration + 1} trees, built {xgb_built}, "
    f"predicts with the best; test error {1 - xgb_es.score(X_test, y_test):.3f}"
)
# --8<-- [end:early_stopping]

assert len(list(hgb_es.staged_predict(X_test[:1]))) == hgb_es.n_iter_  # keeps them all
assert hgb_es.n_iter_ == hgb_best + 20 and xgb_built == xgb_es.best_iteration + 1 + 20
best_range = (0, xgb_es.best_iteration + 1)
assert np.array_equal(
    xgb_es.predict(X_test), xgb_es.predict(X_test, iteration_range=best_range)
)

# --8<-- [start:shrinkage]
# The same XGBoost model with three learning rates; test log loss per tree.
loss_curves = {0.1: xgbc.evals_result()["validation_0"]["logloss"]}
for lr in (1.0, 0.3):
    model = xgb.XGBClassifier(
        n_estimators=n_trees,
        learning_rate=lr,
        tree_method="hist",
        n_jobs=1,
        eval_metric="logloss",
        random_state=0,
    ).fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)
    loss_curves[lr] = model.evals_result()["validation_0"]["logloss"]
for lr in (1.0, 0.3, 0.1):
    ll = loss_curves[lr]
    k = int(np.argmin(ll))
    print(
        f"learning_rate={lr}: best test log loss {ll[k]:.3f} at {k + 1} trees, "
        f"{ll[-1]:.3f} after {n_trees}"
    )
# --8<-- [end:shrinkage]

best = {lr: (min(ll), int(np.argmin(ll)) + 1) for lr, ll in loss_curves.items()}
assert best[1.0][0] > max(best[0.3][0], best[0.1][0]) + 0.05  # a worse minimum
assert best[1.0][1] < best[0.3][1] < best[0.1][1]  # reached sooner
assert loss_curves[1.0][-1] > loss_curves[0.3][-1] > loss_curves[0.1][-1]

_one_thread.restore_original_limits()
