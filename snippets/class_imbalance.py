"""Class imbalance: the metric to judge by, class weights, threshold moving, resampling
inside the cross-validation loop (and the leak outside it), and SMOTE.

Run on its own: python snippets/class_imbalance.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score
from sklearn.model_selection import StratifiedKFold, train_test_split

# About 5 % positives. Half the rows train (and are cross-validated), half are the test.
X, y = make_classification(
    n_samples=4000,
    n_features=6,
    n_informative=3,
    n_redundant=1,
    n_clusters_per_class=1,
    weights=[0.95],
    class_sep=0.7,
    random_state=1,
)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)

# --8<-- [start:metric]
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score

C_FN, C_FP = 10, 1  # a missed positive costs as much as ten false alarms


def cost(y_true, y_pred):
    """Total cost of the errors: what the business actually pays."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    fn = np.sum((y_true == 1) & (y_pred == 0))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    return int(C_FN * fn + C_FP * fp)


majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
plain = LogisticRegression().fit(X_train, y_train)
scores_plain = plain.predict_proba(X_test)[:, 1]
acc_majority = accuracy_score(y_test, majority.predict(X_test))
acc_plain = accuracy_score(y_test, plain.predict(X_test))
ap_plain = average_precision_score(y_test, scores_plain)
print(f"positive rate in the test set: {y_test.mean():.3f}")
cost_majority = cost(y_test, majority.predict(X_test))
cost_plain = cost(y_test, plain.predict(X_test))
print(f"always negative: accuracy={acc_majority:.3f}  cost={cost_majority}")
print(f"logistic (0.5):  accuracy={acc_plain:.3f}  cost={cost_plain}")
print(f"logistic: average precision={ap_plain:.3f} (chance level {y_test.mean():.3f})")
# --8<-- [end:metric]

# Accuracy barely separates a useful model from a useless one; AP and cost do.
assert acc_majority == 1 - y_test.mean()
assert acc_plain - acc_majority < 0.03
assert ap_plain > 10 * y_test.mean()
assert cost_plain < 0.6 * cost_majority

# --8<-- [start:weights]
from sklearn.utils.class_weight import compute_class_weight

counts = np.bincount(y_train)
by_hand = len(y_train) / (2 * counts)  # n_samples / (n_classes * count of the class)
weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=y_train)
print(f"balanced weights: negative={weights[0]:.3f}  positive={weights[1]:.3f}")
print(f"total weight per class: {weights * counts}")

balanced = LogisticRegression(class_weight="balanced").fit(X_train, y_train)
# The same fit, written as per-row weights in the loss:
same = LogisticRegression().fit(X_train, y_train, sample_weight=weights[y_train])
assert np.allclose(balanced.coef_, same.coef_, atol=1e-4)

scores_bal = balanced.predict_proba(X_test)[:, 1]
for name, model, s in [
    ("unweighted", plain, scores_plain),
    ("balanced", balanced, scores_bal),
]:
    pred = model.predict(X_test)
    r, p = recall_score(y_test, pred), precision_score(y_test, pred)
    ap = average_precision_score(y_test, s)
    print(f"{name:10s} at 0.5: recall={r:.3f} precision={p:.3f}  AP={ap:.3f}")

pi = y_train.mean()
agree = np.mean(balanced.predict(X_test) == (scores_plain >= pi))
print(f"balanced at 0.5 vs unweighted at {pi:.3f}: same label on {agree:.1%} of rows")
# --8<-- [end:weights]

assert np.allclose(weights, by_hand)
assert np.allclose(weights * counts, len(y_train) / 2)  # both classes weigh n / 2
ap_bal = average_precision_score(y_test, scores_bal)
pred_plain, pred_bal = plain.predict(X_test), balanced.predict(X_test)
rec_plain, rec_bal = recall_score(y_test, pred_plain), recall_score(y_test, pred_bal)
prec_plain, prec_bal = (
    precision_score(y_test, pred_plain),
    precision_score(y_test, pred_bal),
)
# Weights raise recall and lower precision at 0.5, but barely move the ranking (AP) ...
assert rec_bal > rec_plain + 0.3 and prec_bal < prec_plain - 0.3
assert abs(ap_bal - ap_plain) < 0.02
# ... because here they act like a lower threshold on the unweighted model.
assert agree > 0.98

# --8<-- [start:threshold]
from sklearn.metrics import make_scorer
from sklearn.model_selection import TunedThresholdClassifierCV

cost_scorer = make_scorer(cost, greater_is_better=False)  # maximise minus the cost
tuned = TunedThresholdClassifierCV(LogisticRegression(), scoring=cost_scorer, cv=cv)
tuned.fit(X_train, y_train)
print(f"threshold chosen by cross-validation: {tuned.best_threshold_:.3f}")
print(f"theory for calibrated probabilities: C_FP / (C_FP + C_FN) = {1 / 11:.3f}")
test_costs = {
    "unweighted, threshold 0.5": cost(y_test, plain.predict(X_test)),
    "balanced, threshold 0.5": cost(y_test, balanced.predict(X_test)),
    "unweighted, tuned threshold": cost(y_test, tuned.predict(X_test)),
}
for name, c in test_costs.items():
    print(f"test cost, {name:28s} {c:4d}")
# --8<-- [end:threshold]

assert abs(tuned.best_threshold_ - C_FP / (C_FP + C_FN)) < 0.05
cost_tuned = test_costs["unweighted, tuned threshold"]
assert cost_tuned == min(test_costs.values())
assert cost_tuned < 0.7 * test_costs["unweighted, threshold 0.5"]
# predict() of the tuned model is the refitted model's probability at the new threshold.
refit_scores = tuned.estimator_.predict_proba(X_test)[:, 1]
assert np.array_equal(tuned.predict(X_test), (refit_scores >= tuned.best_threshold_))

# --8<-- [start:leak]
from imblearn.over_sampling import RandomOverSampler
from imblearn.pipeline import make_pipeline
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import cross_validate
from sklearn.tree import DecisionTreeClassifier

tree = DecisionTreeClassifier(random_state=0)
metrics = ["average_precision", "roc_auc"]

# Wrong: oversample, then split. Copies of one positive row land in the training and
# the validation folds, and a tree has memorised them.
X_over, y_over = RandomOverSampler(random_state=0).fit_resample(X_train, y_train)
leaky = cross_validate(tree, X_over, y_over, cv=cv, scoring=metrics)

# Right: the sampler is a pipeline step, so each fold oversamples its own training part
# and the validation fold is left as it is.
pipe = make_pipeline(RandomOverSampler(random_state=0), tree)
honest = cross_validate(pipe, X_train, y_train, cv=cv, scoring=metrics)

# Samplers act in fit only: predict() sees the test rows as they are.
s_test = pipe.fit(X_train, y_train).predict_proba(X_test)[:, 1]
rows = {
    "CV, oversampled before the split": [leaky[f"test_{m}"].mean() for m in metrics],
    "CV, sampler inside the pipeline": [honest[f"test_{m}"].mean() for m in metrics],
    "held-out test set": [
        average_precision_score(y_test, s_test),
        roc_auc_score(y_test, s_test),
    ],
}
print(f"{'':32s} {'AP':>6s} {'ROC AUC':>8s}")
for name, (ap, auc) in rows.items():
    print(f"{name:32s} {ap:6.3f} {auc:8.3f}")
# --8<-- [end:leak]

(leaky_ap, leaky_auc), (honest_ap, honest_auc), (test_ap, test_auc) = rows.values()
# The leaky estimate is far above the score on new rows; the honest one is close to it.
assert leaky_ap > test_ap + 0.4 and leaky_auc > 0.95
assert abs(honest_ap - test_ap) < 0.15 and abs(honest_auc - test_auc) < 0.1
# The pipeline's tree was fit on the oversampled training rows: twice the negatives.
assert pipe[-1].tree_.n_node_samples[0] == 2 * np.sum(y_train == 0)

# --8<-- [start:smote]
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import cross_val_score

candidates = {
    "unweighted": LogisticRegression(),
    "class_weight='balanced'": LogisticRegression(class_weight="balanced"),
    "SMOTE (k_neighbors=5)": make_pipeline(
        SMOTE(k_neighbors=5, random_state=0), LogisticRegression()
    ),
}
cv_ap = {}
for name, model in candidates.items():
    cv_ap[name] = cross_val_score(
        model, X_train, y_train, cv=cv, scoring="average_precision"
    ).mean()
    print(f"{name:24s} cross-validated AP={cv_ap[name]:.3f}")
# --8<-- [end:smote]

# No correction beats the unweighted model on ranking quality by more than noise.
assert max(cv_ap.values()) - cv_ap["unweighted"] < 0.01
assert max(cv_ap.values()) - min(cv_ap.values()) < 0.02
