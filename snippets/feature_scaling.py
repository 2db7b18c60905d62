"""Which models need feature scaling: distance-, penalty- and gradient-based models do,
trees do not; standard, min-max and robust scaling with an outlier; the scaler fitted
inside a Pipeline on training rows only.

Run on its own: python snippets/feature_scaling.py
"""

import warnings

import numpy as np

np.set_printoptions(suppress=True)

# --8<-- [start:units]
from sklearn.datasets import load_breast_cancer

data = load_breast_cancer()
X, y = data.data, data.target
sd = X.std(axis=0)
names = data.feature_names
print(f"{X.shape[0]} rows, {X.shape[1]} features")
print(f"largest standard deviation:  {sd.max():9.4f} ({names[sd.argmax()]})")
print(f"smallest standard deviation: {sd.min():9.4f} ({names[sd.argmin()]})")
# --8<-- [end:units]

assert sd.max() / sd.min() > 1e5

# --8<-- [start:models]
from sklearn.ensemble import RandomForestClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

models = {
    "KNN (k=5)": KNeighborsClassifier(n_jobs=1),
    "SVM, RBF kernel": SVC(),
    "logistic regression": LogisticRegression(),  # L2 penalty, C=1, lbfgs
    "decision tree": DecisionTreeClassifier(random_state=0),
    "random forest": RandomForestClassifier(n_estimators=30, random_state=0, n_jobs=1),
}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
accuracy, failures = {}, {}
for name, model in models.items():
    for scaled in (False, True):
        pipe = make_pipeline(StandardScaler(), model) if scaled else model
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            result = cross_validate(pipe, X, y, cv=cv)
        accuracy[name, scaled] = result["test_score"].mean()
        failed = sum(issubclass(w.category, ConvergenceWarning) for w in caught)
        failures[name, scaled] = failed
        note = f"  ({failed} of 5 fits did not converge)" if failed else ""
        label = "standardised" if scaled else "raw"
        print(f"{name:>19}, {label:>12}: accuracy {accuracy[name, scaled]:.3f}{note}")
# --8<-- [end:models]

for name in ("KNN (k=5)", "SVM, RBF kernel", "logistic regression"):
    assert 0.03 < accuracy[name, True] - accuracy[name, False] < 0.06  # 3 to 6 points
for name in ("decision tree", "random forest"):
    assert accuracy[name, True] == accuracy[name, False]
# lbfgs hits its iteration cap in every raw fold, never once scaled
assert failures["logistic regression", False] == 5
assert sum(failures.values()) == 5

# --8<-- [start:trees]
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=0
)
scaler = StandardScaler().fit(X_train)
S_train, S_test = scaler.transform(X_train), scaler.transform(X_test)
same = {}
for name in ("decision tree", "random forest"):
    raw = models[name].fit(X_train, y_train)
    p_raw, c_raw = raw.predict_proba(X_test)[:, 1], raw.predict(X_test)
    std = models[name].fit(S_train, y_train)
    p_std, c_std = std.predict_proba(S_test)[:, 1], std.predict(S_test)
    same[name] = np.array_equal(c_raw, c_std), int(np.sum(p_raw != p_std))
    moved_by = np.abs(p_raw - p_std).max()
    print(
        f"{name:>13}: same test classes after standardising: {same[name][0]}; "
        f"probabilities that moved: {same[name][1]} of {len(y_test)}"
    )

# Any positive rescaling and shift, feature by feature, moves the thresholds with it.
rng = np.random.default_rng(0)
a = 10.0 ** rng.uniform(-3, 3, size=X.shape[1])
b = rng.normal(scale=100, size=X.shape[1])
t_raw = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
t_moved = DecisionTreeClassifier(random_state=0).fit(a * X_train + b, y_train)
inner = t_raw.tree_.feature >= 0  # split nodes (leaves have feature -2)
j = t_raw.tree_.feature[inner]
same_features = np.array_equal(t_raw.tree_.feature, t_moved.tree_.feature)
mapped = np.allclose(
    a[j] * t_raw.tree_.threshold[inner] + b[j], t_moved.tree_.threshold[inner]
)
same_tree = np.array_equal(t_raw.predict(X_test), t_moved.predict(a * X_test + b))
print(
    f"random rescaling: same feature at every node {same_features}, thresholds "
    f"rescaled {mapped}, same test predictions {same_tree}"
)
# --8<-- [end:trees]

assert same_features and mapped and same_tree
assert same["decision tree"] == (True, 0)
assert same["random forest"] == (True, 1)  # from float32 rounding ...
assert np.isclose(moved_by, 1 / 30)  # ... one tree of 30 changed its vote on one row

# --8<-- [start:pca]
from sklearn.decomposition import PCA

for label, Z in (("raw", X), ("standardised", StandardScaler().fit_transform(X))):
    pca = PCA(n_components=2).fit(Z)
    top = names[np.argmax(np.abs(pca.components_[0]))]
    share = pca.explained_variance_ratio_[0]
    print(
        f"{label:>12}: first component explains {share:.3f} of the variance; "
        f"largest loading: {top}"
    )
# --8<-- [end:pca]

pca_raw = PCA(n_components=1).fit(X)
assert pca_raw.explained_variance_ratio_[0] > 0.95
assert np.abs(pca_raw.components_[0, sd.argmax()]) > 0.8  # worst area, alone

# --8<-- [start:scalers]
from sklearn.preprocessing import MinMaxScaler, RobustScaler

rng = np.random.default_rng(1)
inliers = rng.normal(loc=50, scale=10, size=99)
with_outlier = np.r_[inliers, 1000.0][:, None]  # one wrong entry, e.g. a unit slip
scalers = {
    "StandardScaler": StandardScaler(),  # (x - mean) / standard deviation
    "MinMaxScaler": MinMaxScaler(),  # (x - min) / (max - min)
    "RobustScaler": RobustScaler(),  # (x - median) / interquartile range
}
spread, scaled = {}, {}
for name, scaler in scalers.items():
    clean = scaler.fit_transform(inliers[:, None]).ravel()
    dirty = scaler.fit_transform(with_outlier).ravel()
    scaled[name] = clean, dirty
    spread[name] = np.ptp(clean), np.ptp(dirty[:-1])
    print(
        f"{name:>14}: inliers span {spread[name][0]:5.2f} without the outlier, "
        f"{spread[name][1]:5.2f} with it; the outlier lands at {dirty[-1]:6.2f}"
    )
# --8<-- [end:scalers]

shrink = {name: clean / dirty for name, (clean, dirty) in spread.items()}
assert shrink["StandardScaler"] > 5 and shrink["MinMaxScaler"] > 10
assert 10 < shrink["StandardScaler"] < 12 and 18 < shrink["MinMaxScaler"] < 22
assert scaled["MinMaxScaler"][1][:-1].max() < 0.05  # inliers inside [0, 0.05]
assert 0.9 < shrink["RobustScaler"] < 1.1  # median and IQR barely move

# --8<-- [start:penalty]
from sklearn.linear_model import LinearRegression, Ridge

rng = np.random.default_rng(2)
X2 = rng.normal(size=(200, 2))
y2 = X2 @ np.array([1.0, 1.0]) + rng.normal(scale=0.5, size=200)
X2_units = X2 * [1.0, 0.01]  # feature 2 recorded in units a hundred times larger
Z2 = StandardScaler().fit_transform(X2_units)

kept = {}
for label, Z in (("raw", X2_units), ("standardised", Z2)):
    ridge = Ridge(alpha=10.0).fit(Z, y2).coef_
    ols = LinearRegression().fit(Z, y2).coef_
    kept[label] = ridge / ols
    print(
        f"{label:>12}: Ridge(alpha=10) keeps {np.round(kept[label], 3)} "
        f"of each OLS coefficient"
    )
# --8<-- [end:penalty]

assert (
    kept["raw"][1] < 0.01 and kept["raw"][0] > 0.9
)  # the small-unit feature is crushed
assert np.allclose(kept["standardised"], kept["standardised"][0], atol=0.01)

# --8<-- [start:pipeline]
pipe = make_pipeline(StandardScaler(), LogisticRegression())
folds = cross_validate(pipe, X, y, cv=cv, return_estimator=True, return_indices=True)
train_rows = folds["indices"]["train"]
for k, (fitted, rows) in enumerate(zip(folds["estimator"], train_rows)):
    fold_mean = X[rows].mean(axis=0)
    print(
        f"fold {k}: scaler's mean of worst area {fitted[0].mean_[23]:7.2f}, "
        f"equal to its training rows' mean: {np.allclose(fitted[0].mean_, fold_mean)}"
    )
# --8<-- [end:pipeline]

assert all(
    np.allclose(f[0].mean_, X[r].mean(axis=0))
    for f, r in zip(folds["estimator"], train_rows)
)
assert len({round(f[0].mean_[23], 6) for f in folds["estimator"]}) == 5

# --8<-- [start:per_row]
model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
right = model.predict(X_test)
# Wrong: a new scaler fitted on each incoming row maps every feature to 0.
wrong = np.array(
    [
        model[-1].predict(StandardScaler().fit_transform(row[None, :]))[0]
        for row in X_test
    ]
)
print(f"scaler fitted on training rows: test accuracy {np.mean(right == y_test):.3f}")
print(
    f"scaler refitted on each test row: test accuracy {np.mean(wrong == y_test):.3f}, "
    f"distinct predictions: {np.unique(wrong)}"
)
# --8<-- [end:per_row]

assert len(np.unique(wrong)) == 1 and np.mean(right == y_test) > 0.95
assert (
    np.mean(wrong == y_test) == np.mean(y_test == 1) > 0.5
)  # the majority class share
