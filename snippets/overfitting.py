"""Overfitting: train vs validation error, and each remedy measured on validation data.

Run on its own: python snippets/overfitting.py
"""

import numpy as np
from threadpoolctl import threadpool_limits

# Small data: one BLAS/OpenMP thread is faster, and steadier when the machine is busy.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# --8<-- [start:data]
from sklearn.datasets import make_friedman1
from sklearn.metrics import mean_squared_error

# y depends on the first 5 of 10 features; noise=1.0 puts the best possible MSE at 1.0.
X, y = make_friedman1(n_samples=4000, n_features=10, noise=1.0, random_state=0)
X_train, y_train = X[:200], y[:200]  # a small training set: easy to overfit
X_val, y_val = X[200:2200], y[200:2200]  # a large validation set: a precise yardstick
X_more, y_more = X[2200:], y[2200:]  # extra rows, used only to show "more data"


def val_mse(model):
    """Mean squared error of a fitted model on the validation set."""
    return mean_squared_error(y_val, model.predict(X_val))


# --8<-- [end:data]

# --8<-- [start:curve]
from sklearn.tree import DecisionTreeRegressor

depths = [1, 2, 3, 4, 5, 6, 8, 10, 12, None]  # None: grow until every leaf is pure
train_err, val_err = [], []
print("max_depth  train MSE  validation MSE")
for depth in depths:
    tree = DecisionTreeRegressor(max_depth=depth, random_state=0).fit(X_train, y_train)
    train_err.append(mean_squared_error(y_train, tree.predict(X_train)))
    val_err.append(val_mse(tree))
    print(f"{str(depth):>9}  {train_err[-1]:9.3f}  {val_err[-1]:14.3f}")

best = int(np.argmin(val_err))
full_tree_val = val_err[-1]
print(
    f"best depth on validation: {depths[best]}; the full tree is "
    f"{full_tree_val / val_err[best]:.2f} times worse"
)
# --8<-- [end:curve]

# Training error only falls as the tree deepens, down to 0 for the full tree ...
assert all(a >= b for a, b in zip(train_err, train_err[1:])) and train_err[-1] == 0
# ... while validation error is U-shaped: lowest at a middle depth.
assert 0 < best < len(depths) - 1 and full_tree_val > 1.15 * val_err[best]
# Overfitting starts long before a perfect training score: one level past the best
# depth, validation error is already worse while training MSE is above the noise (1.0).
assert val_err[best + 1] > val_err[best] and train_err[best + 1] > 1.0

# --8<-- [start:cv]
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score

cv = KFold(n_splits=5, shuffle=True, random_state=0)
full_tree = DecisionTreeRegressor(random_state=0)
# CV *measures*: the full tree's CV error is about as bad as its validation error ...
cv_mse = -cross_val_score(
    full_tree, X_train, y_train, cv=cv, scoring="neg_mean_squared_error"
).mean()
print(f"full tree: 5-fold CV MSE {cv_mse:.3f}, validation MSE {full_tree_val:.3f}")

# ... and *guides a choice*: pick max_depth by CV on the training set alone.
search = GridSearchCV(
    full_tree,
    {"max_depth": [2, 3, 4, 5, 6, 8, 10]},
    cv=cv,
    scoring="neg_mean_squared_error",
).fit(X_train, y_train)
cv_pick_val = val_mse(search)
print(
    f"max_depth chosen by CV: {search.best_params_['max_depth']}, "
    f"validation MSE {cv_pick_val:.3f}"
)
assert abs(cv_mse - full_tree_val) < 0.25 * full_tree_val
assert cv_pick_val < 0.9 * full_tree_val
# --8<-- [end:cv]

# --8<-- [start:prune]
pruned = DecisionTreeRegressor(ccp_alpha=0.5, random_state=0).fit(X_train, y_train)
unpruned = DecisionTreeRegressor(random_state=0).fit(X_train, y_train)
pruned_val = val_mse(pruned)
print(
    f"leaves: {unpruned.get_n_leaves()} -> {pruned.get_n_leaves()} after pruning; "
    f"validation MSE {full_tree_val:.3f} -> {pruned_val:.3f}"
)
assert pruned_val < 0.9 * full_tree_val
# --8<-- [end:prune]

# --8<-- [start:ensemble]
from sklearn.ensemble import RandomForestRegressor

# 30 full-depth trees, each fit on a bootstrap sample; the forest averages them.
forest = RandomForestRegressor(n_estimators=30, random_state=0).fit(X_train, y_train)
forest_val = val_mse(forest)
forest_train = mean_squared_error(y_train, forest.predict(X_train))
print(f"one full tree: validation MSE {full_tree_val:.3f}")
print(f"random forest: validation MSE {forest_val:.3f} (train MSE {forest_train:.3f})")
assert forest_val < 0.6 * full_tree_val
# A wide train/validation gap alone is not overfitting: the forest's gap is wide,
# yet it beats every single tree of the depth curve on validation data.
assert forest_val - forest_train > 3 and forest_val < min(val_err)
# --8<-- [end:ensemble]

# --8<-- [start:more_data]
X_big = np.vstack([X_train, X_more])
y_big = np.concatenate([y_train, y_more])
big_tree = DecisionTreeRegressor(random_state=0).fit(X_big, y_big)
more_data_val = val_mse(big_tree)
print(
    f"full tree on {len(y_train)} rows: {full_tree_val:.3f}   "
    f"on {len(y_big)} rows: {more_data_val:.3f}"
)
assert more_data_val < 0.7 * full_tree_val
# --8<-- [end:more_data]

# --8<-- [start:simpler]
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def poly_model(degree, regressor):
    return make_pipeline(PolynomialFeatures(degree), StandardScaler(), regressor)


# Degree 3 on 10 features: 286 coefficients for 200 rows, so least squares interpolates.
cubic = poly_model(3, LinearRegression()).fit(X_train, y_train)
quadratic = poly_model(2, LinearRegression()).fit(X_train, y_train)
cubic_val, quadratic_val = val_mse(cubic), val_mse(quadratic)
print(
    f"degree 3: train MSE {mean_squared_error(y_train, cubic.predict(X_train)):.3f}, "
    f"validation MSE {cubic_val:.3f}"
)
print(f"degree 2: validation MSE {quadratic_val:.3f}")
assert quadratic_val < 0.6 * cubic_val
# --8<-- [end:simpler]

# 286 cubic terms > 200 rows > 66 quadratic terms, and the cubic model interpolates.
n_cubic, n_quadratic = cubic[0].n_output_features_, quadratic[0].n_output_features_
assert n_cubic > len(y_train) > n_quadratic
assert mean_squared_error(y_train, cubic.predict(X_train)) < 1e-6

# --8<-- [start:regularize]
# Ridge minimizes ||y - Xw||^2 + alpha * ||w||^2: a sum over rows, with no 1/n.
ridge = poly_model(3, Ridge(alpha=1.0)).fit(X_train, y_train)
ridge_val = val_mse(ridge)
print(
    f"degree 3, least squares: {cubic_val:.3f}   with an L2 penalty (Ridge): "
    f"{ridge_val:.3f}"
)
assert ridge_val < 0.6 * cubic_val
# --8<-- [end:regularize]

# --8<-- [start:early_stop]
# A plain linear regression with 50 features and 100 rows, trained by gradient descent.
rng = np.random.default_rng(0)
p, n = 50, 100
beta = rng.normal(scale=np.sqrt(2 / p), size=p)
Xl = rng.standard_normal((n + 2000, p))
yl = Xl @ beta + rng.standard_normal(n + 2000)  # noise variance 1.0
X_fit, y_fit = Xl[:80], yl[:80]  # fit on 80 rows ...
X_stop, y_stop = Xl[80:n], yl[80:n]  # ... and watch the error on 20 held-out rows
X_lval, y_lval = Xl[n:], yl[n:]  # validation rows, for reporting only

w = np.zeros(p)
weights, stop_err = [], []
for _ in range(2000):
    w = w - 0.05 * 2 * X_fit.T @ (X_fit @ w - y_fit) / len(y_fit)  # one gradient step
    weights.append(w.copy())
    stop_err.append(np.mean((X_stop @ w - y_stop) ** 2))

stop = int(np.argmin(stop_err))  # the step early stopping keeps
lval_err = np.mean((X_lval @ np.array(weights).T - y_lval[:, None]) ** 2, axis=0)
print(f"stopped at step {stop + 1}: validation MSE {lval_err[stop]:.3f}")
print(f"after all {len(weights)} steps: validation MSE {lval_err[-1]:.3f}")
# Run long enough, gradient descent reaches the plain least-squares fit:
assert np.allclose(w, np.linalg.lstsq(X_fit, y_fit, rcond=None)[0], atol=1e-3)
assert 0 < stop < 100 and lval_err[stop] < 0.8 * lval_err[-1]
# --8<-- [end:early_stop]

# --8<-- [start:learning_curve]
from sklearn.model_selection import learning_curve

# Error against training-set size, by 5-fold CV on the 2,000 rows of X_big.
sizes = [100, 200, 400, 800, 1600]
curves = {}
print(f"{'training rows':<19}" + "".join(f"{n:>7}" for n in sizes))
for name, depth in [("full tree", None), ("depth 3", 3)]:
    _, train_scores, cv_scores = learning_curve(
        DecisionTreeRegressor(max_depth=depth, random_state=0),
        X_big,
        y_big,
        train_sizes=sizes,
        cv=cv,  # the shuffled 5-fold KFold from above
        scoring="neg_mean_squared_error",
    )
    # Scores are negated MSEs; "+ 0.0" turns the full tree's -0.0 into 0.0.
    curves[name] = (-train_scores.mean(axis=1) + 0.0, -cv_scores.mean(axis=1))
    for label, err in zip(("train", "CV"), curves[name]):
        print(f"{name:<9} {label:>5} MSE" + "".join(f"{e:7.2f}" for e in err))
# --8<-- [end:learning_curve]

full_train, full_cv = curves["full tree"]
shallow_train, shallow_cv = curves["depth 3"]
# The full tree: a wide gap that shrinks as rows are added, so more data still helps.
assert all(a > b for a, b in zip(full_cv, full_cv[1:]))
assert full_cv[-1] - full_train[-1] > 5 and full_cv[-1] < 0.5 * full_cv[0]
# The depth-3 tree: the two curves have nearly met and the CV error has leveled off,
# so more rows would not help it; it needs more flexibility instead.
assert shallow_cv[-1] - shallow_train[-1] < 2
assert abs(shallow_cv[-1] - shallow_cv[-2]) < 0.5
# Which tree is better depends on the data size: the shallow one on 100 rows,
# the full one on 1,600.
assert shallow_cv[0] < full_cv[0] and full_cv[-1] < shallow_cv[-1]

# --8<-- [start:leak]
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

# Pure noise: 60 rows, 1000 features, labels unrelated to X. Honest accuracy is 0.5.
Xn = rng.standard_normal((60, 1000))
yn = np.repeat([0, 1], 30)
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)

# Wrong: pick the 20 "best" features on all rows, then cross-validate.
X_picked = SelectKBest(f_classif, k=20).fit_transform(Xn, yn)
leaky = cross_val_score(LogisticRegression(), X_picked, yn, cv=folds).mean()
# Right: the selection is part of the model, redone inside every training fold.
honest_model = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression())
honest = cross_val_score(honest_model, Xn, yn, cv=folds).mean()
print(f"selection outside CV: accuracy {leaky:.3f}   inside CV: {honest:.3f}")
assert leaky > 0.8 and abs(honest - 0.5) < 0.2
# --8<-- [end:leak]

# Before/after validation MSE of each remedy, for the page's bar chart.
remedies = {
    "pruning (ccp_alpha)": (full_tree_val, pruned_val),
    "max_depth chosen by CV": (full_tree_val, cv_pick_val),
    "random forest": (full_tree_val, forest_val),
    f"{len(y_big) // len(y_train)}x more training data": (full_tree_val, more_data_val),
    "simpler model (degree 2)": (cubic_val, quadratic_val),
    "L2 regularization (Ridge)": (cubic_val, ridge_val),
    "early stopping (linear model)": (lval_err[-1], lval_err[stop]),
}

_one_thread.restore_original_limits()
