"""Data leakage: five ways a score gets inflated, each next to the split or pipeline
that removes it, and how to spot a leak from the scores and the feature importances.

Run on its own: python snippets/data_leakage.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import (
    GroupKFold,
    KFold,
    StratifiedKFold,
    TimeSeriesSplit,
    cross_val_score,
)
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.default_rng(0)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
results = {}  # leak -> (leaky score, honest score), for the figure

# --8<-- [start:target]
from sklearn.metrics import roc_auc_score

# Churn data: 8 legitimate features, and one column filled in by the cancellation
# process ("days since the cancel request"), so it is recorded *after* the label.
X_all, y_all = make_classification(
    n_samples=1000, n_features=8, n_informative=3, n_redundant=0,
    flip_y=0.2, random_state=0,
)  # fmt: skip
logged = (y_all == 1) & (rng.random(y_all.size) < 0.9)  # 90 % of churners have it
after_label = np.where(logged, rng.exponential(30, y_all.size), 0.0)
X_leaky = np.column_stack([X_all, after_label])[:600]  # the history we model on
X, y = X_all[:600], y_all[:600]

model = make_pipeline(StandardScaler(), LogisticRegression())
leaky = cross_val_score(model, X_leaky, y, cv=cv, scoring="roc_auc").mean()
honest = cross_val_score(model, X, y, cv=cv, scoring="roc_auc").mean()
print(f"CV ROC AUC with the after-the-label column: {leaky:.3f}")
print(f"CV ROC AUC without it:                      {honest:.3f}")

# Deployed on 400 new customers: nobody has canceled yet, so the column is 0.
X_live = np.column_stack([X_all[600:], np.zeros(400)])
live = model.fit(X_leaky, y).predict_proba(X_live)[:, 1]
online = roc_auc_score(y_all[600:], live)
print(f"ROC AUC of the leaky model once deployed:   {online:.3f}")
# --8<-- [end:target]
results["target leakage"] = (leaky, honest)
assert leaky > 0.95 and leaky > honest + 0.15  # the leak buys over 0.15 of AUC
assert online < leaky - 0.2  # a gap between offline and online scores gives it away
assert abs(online - honest) < 0.06  # live, it scores about what the honest CV promised

# --8<-- [start:preprocessing]
from sklearn.feature_selection import SelectKBest, f_classif

# Pure noise: 100 rows, 1,000 random features, coin-flip labels. Chance is 0.5.
X_noise, y_noise = rng.normal(size=(100, 1_000)), rng.integers(0, 2, size=100)
classifier = LogisticRegression()

# Wrong: keep the 10 features most correlated with the label on ALL rows, then CV.
X_top = SelectKBest(f_classif, k=10).fit_transform(X_noise, y_noise)
leaky = cross_val_score(classifier, X_top, y_noise, cv=cv).mean()
# Right: the selection is a pipeline step, refitted on each training fold only.
selected = make_pipeline(SelectKBest(f_classif, k=10), classifier)
honest = cross_val_score(selected, X_noise, y_noise, cv=cv).mean()
print(f"select on all rows, then CV: accuracy {leaky:.3f}")
print(f"select inside the pipeline:  accuracy {honest:.3f}   (chance 0.5)")

# Scaling on all rows leaks too, but it never looks at the label: here, nothing.
X_scaled = StandardScaler().fit_transform(X)  # churn data, scaler fitted on all rows
scaled_first = cross_val_score(classifier, X_scaled, y, cv=cv, scoring="roc_auc")
in_pipeline = results["target leakage"][1]  # the honest score of the first example
print(f"churn, scaler fitted before the split: ROC AUC {scaled_first.mean():.3f}")
print(f"churn, scaler inside the pipeline:     ROC AUC {in_pipeline:.3f}")
# --8<-- [end:preprocessing]
results["selection before the split"] = (leaky, honest)
assert leaky > 0.75 and leaky > honest + 0.2  # noise looks like signal
assert abs(honest - 0.5) < 0.15
assert abs(scaled_first.mean() - in_pipeline) < 0.01
# Why: of 1,000 noise columns, the 10 kept correlate with the label by more than 0.2 on
# all rows, the rows each held-out fold is later scored on included.
selector = SelectKBest(f_classif, k=10).fit(X_noise, y_noise)
kept = X_noise[:, selector.get_support()]
r_kept = [abs(np.corrcoef(col, y_noise)[0, 1]) for col in kept.T]
assert min(r_kept) > 0.2
order = np.sqrt(2 * np.log(1_000) / 100)  # the size of the largest noise correlation
assert round(order, 2) == 0.37  # the page's "about 0.37 for p = 1000 and n = 100"
assert 0.5 * order < max(r_kept) < 1.5 * order

# --8<-- [start:duplicates]
# 300 distinct rows with noisy labels, each stored three times (a re-sent event,
# a copied record), with a tiny jitter so the copies are not byte-identical.
X_u, y_u = make_classification(
    n_samples=300, n_features=8, n_informative=3, n_redundant=0,
    flip_y=0.3, random_state=1,
)  # fmt: skip
source = np.repeat(np.arange(300), 3)  # which original row each copy came from
X_dup = X_u[source] + rng.normal(0, 0.01, size=(900, 8))
y_dup = y_u[source]

nearest = KNeighborsClassifier(n_neighbors=1)  # memorizes: the leak's best friend
leaky = cross_val_score(nearest, X_dup, y_dup, cv=cv).mean()
# Right: deduplicate, or keep all copies of a row on one side (group by source).
honest = cross_val_score(nearest, X_dup, y_dup, cv=GroupKFold(5), groups=source).mean()
dedup = cross_val_score(nearest, X_u, y_u, cv=cv).mean()
print(f"copies on both sides of the split:  accuracy {leaky:.3f}")
print(f"copies kept together (GroupKFold):  accuracy {honest:.3f}")
print(f"deduplicated first:                 accuracy {dedup:.3f}")
# --8<-- [end:duplicates]
results["duplicates across splits"] = (leaky, honest)
assert leaky > 0.9 and leaky > honest + 0.25
assert abs(honest - dedup) < 0.1

# --8<-- [start:temporal]
# Two years of daily sales: an upward trend, a weekly cycle, noise.
day = np.arange(730)
sales = 10 + 0.01 * day + np.sin(2 * np.pi * day / 7) + rng.normal(0, 0.5, 730)
week = 2 * np.pi * day / 7
X_time = np.column_stack([day, np.sin(week), np.cos(week)])

shuffled = KFold(n_splits=5, shuffle=True, random_state=0)  # trains on the future too
forward = TimeSeriesSplit(n_splits=5)  # trains on the past, tests on the next block
neg_mae = "neg_mean_absolute_error"  # scikit-learn scorers: higher is better
mae = {}  # model -> (MAE under shuffled K-fold, MAE under TimeSeriesSplit)
for name, reg in [
    ("tree", DecisionTreeRegressor(min_samples_leaf=5, random_state=0)),
    ("linear trend", LinearRegression()),
]:
    mae[name] = [
        -cross_val_score(reg, X_time, sales, cv=c, scoring=neg_mae).mean()
        for c in (shuffled, forward)
    ]
    print(f"{name:<13} MAE: shuffled K-fold {mae[name][0]:.3f}, "
          f"TimeSeriesSplit {mae[name][1]:.3f}")  # fmt: skip
# --8<-- [end:temporal]
# The tree only interpolates between days it saw on both sides; forward, it cannot
# follow the trend. A trend line extrapolates, so its two scores agree.
results["random K-fold on time"] = mae["tree"]
assert mae["tree"][1] > 1.5 * mae["tree"][0]
line_shuffled, line_forward = mae["linear trend"]
assert abs(line_forward - line_shuffled) < 0.05 * line_shuffled

# --8<-- [start:groups]
# 100 patients, 6 visits each. A patient's diagnosis is fixed, and every visit carries
# the patient's own signature (age, height, baseline labs): rows of one patient look
# alike, but the signature says nothing about the diagnosis of a new patient.
patient = np.repeat(np.arange(100), 6)
diagnosis = rng.integers(0, 2, 100)[patient]
signature = rng.normal(size=(100, 5))
X_visits = signature[patient] + rng.normal(0, 0.3, size=(patient.size, 5))

by_row = KFold(n_splits=5, shuffle=True, random_state=0)
leaky = cross_val_score(nearest, X_visits, diagnosis, cv=by_row).mean()
honest = cross_val_score(
    nearest, X_visits, diagnosis, cv=GroupKFold(n_splits=5), groups=patient
).mean()
print(f"KFold (a patient on both sides): accuracy {leaky:.3f}")
print(f"GroupKFold (new patients only):  accuracy {honest:.3f}   (chance 0.5)")
# --8<-- [end:groups]
results["rows of one patient split"] = (leaky, honest)
assert leaky > 0.8 and leaky > honest + 0.3
assert abs(honest - 0.5) < 0.1

# --8<-- [start:detect]
# Three checks that catch the churn leak without knowing about it in advance.
# 1. Any single feature that alone predicts the label almost perfectly.
single = [roc_auc_score(y, X_leaky[:, j]) for j in range(X_leaky.shape[1])]
print("ROC AUC of each feature alone:", np.round(single, 2))
# 2. Feature importance dominated by one feature.
tree = DecisionTreeClassifier(max_depth=4, random_state=0).fit(X_leaky, y)
print("tree feature importances:     ", np.round(tree.feature_importances_, 2))
# 3. The gap between offline and online scores (from the first example).
print(f"offline CV ROC AUC {results['target leakage'][0]:.3f}, online {online:.3f}")
# --8<-- [end:detect]
suspect = int(np.argmax(single))
assert suspect == 8 and single[8] > 0.9  # the after-the-label column stands out
assert max(s for j, s in enumerate(single) if j != 8) < 0.8  # no honest one comes close
assert np.argmax(tree.feature_importances_) == 8
assert tree.feature_importances_[8] > 0.8
