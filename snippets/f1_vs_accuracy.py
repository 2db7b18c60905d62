"""F1 versus accuracy: the 99:1 example, F-beta, and how both move with the class ratio.

Run on its own: python snippets/f1_vs_accuracy.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    confusion_matrix,
    f1_score,
    fbeta_score,
    matthews_corrcoef,
    precision_score,
    recall_score,
)
from sklearn.model_selection import train_test_split

# --8<-- [start:majority]
# 99 % negatives ("benign"), 1 % positives ("fraud"): 19 800 and 200 rows.
X, y = make_classification(
    n_samples=20_000,
    n_features=10,
    n_informative=3,
    n_redundant=0,
    weights=[0.99],
    flip_y=0,
    class_sep=2.5,
    random_state=0,
)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)

majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
always_0 = majority.predict(X_test)  # predicts "benign" for every row

acc = accuracy_score(y_test, always_0)
f1 = f1_score(y_test, always_0)  # 2TP / (2TP + FP + FN) = 0 / FN: defined, and 0
prec = precision_score(y_test, always_0, zero_division=0.0)  # 0 / 0: we choose 0
print(f"positives in the test set: {y_test.sum()} of {y_test.size}")
print(
    f"always-benign: accuracy={acc:.3f}  precision={prec:.3f}  "
    f"recall={recall_score(y_test, always_0):.3f}  F1={f1:.3f}"
)
assert np.isclose(acc, 0.99) and np.isclose(acc, 1 - y_test.mean())
assert f1 == 0.0
# --8<-- [end:majority]

# --8<-- [start:model]
model = LogisticRegression().fit(X_train, y_train)
y_pred = model.predict(X_test)
p, r = precision_score(y_test, y_pred), recall_score(y_test, y_pred)
print(
    f"logistic reg.: accuracy={accuracy_score(y_test, y_pred):.3f}  "
    f"precision={p:.3f}  recall={r:.3f}  F1={f1_score(y_test, y_pred):.3f}"
)
# --8<-- [end:model]


# --8<-- [start:fbeta]
def f_beta(precision, recall, beta):
    """F-beta: recall counts beta times as much as precision (van Rijsbergen).

    In counts, F_beta = (1 + b2) TP / ((1 + b2) TP + b2 FN + FP) with b2 = beta**2:
    the same definition puts weight beta**2 on FN against 1 on FP.
    """
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


for beta in (0.5, 1.0, 2.0):
    mine, theirs = f_beta(p, r, beta), fbeta_score(y_test, y_pred, beta=beta)
    print(f"F{beta:g}: by formula {mine:.3f}   fbeta_score {theirs:.3f}")
    assert np.isclose(mine, theirs)

assert np.isclose(f1_score(y_test, y_pred), 2 / (1 / p + 1 / r))  # the harmonic mean
# Precision is above recall here, so F-beta falls as beta (the weight on recall) grows.
f_half, f_two = (fbeta_score(y_test, y_pred, beta=b) for b in (0.5, 2.0))
assert p > r and f_half > f1_score(y_test, y_pred) > f_two
# What "beta times as much" means: where recall = beta * precision, a small gain in
# precision and the same gain in recall raise F_beta equally (van Rijsbergen).
for beta in (0.5, 2.0):
    P, R, h = 0.3, 0.3 * beta, 1e-6
    dP = (f_beta(P + h, R, beta) - f_beta(P - h, R, beta)) / (2 * h)
    dR = (f_beta(P, R + h, beta) - f_beta(P, R - h, beta)) / (2 * h)
    assert np.isclose(dP, dR)
# --8<-- [end:fbeta]

# --8<-- [start:ratio]
TPR, FPR = 0.8, 0.05  # one fixed classifier: its true and false positive rates
rates = np.array([0.5, 0.2, 0.1, 0.05, 0.02, 0.01])  # share of positives in the data
tp, fn = rates * TPR, rates * (1 - TPR)  # cells as shares of all rows
fp, tn = (1 - rates) * FPR, (1 - rates) * (1 - FPR)
accuracy = tp + tn
f1_at_rate = 2 * tp / (2 * tp + fp + fn)
print("positives  accuracy  always-negative accuracy     F1")
for row in zip(rates, accuracy, 1 - rates, f1_at_rate):
    print("{:9.2f} {:9.3f} {:25.3f} {:6.3f}".format(*row))

assert np.all(np.diff(accuracy) > 0)  # rarer positives: accuracy RISES toward 1 - FPR
assert np.all(np.diff(f1_at_rate) < 0)  # ... while F1 falls, because precision falls
# The always-negative model wins on accuracy exactly where FP > TP (precision < 0.5).
assert np.array_equal(1 - rates > accuracy, fp > tp) and (fp > tp).any()
# --8<-- [end:ratio]

# --8<-- [start:equal_weights]
# Written with the errors on top, the two metrics differ in what they divide by.
tn_, fp_, fn_, tp_ = confusion_matrix(y_test, y_pred, labels=[0, 1]).ravel()
errors = fp_ + fn_
print(f"FP={fp_}  FN={fn_}  TP={tp_}  TN={tn_}")
print(f"1 - accuracy = (FP+FN) / N           = {errors / y_test.size:.3f}")
print(f"1 - F1       = (FP+FN) / (2TP+FP+FN) = {errors / (2 * tp_ + errors):.3f}")
assert np.isclose(1 - accuracy_score(y_test, y_pred), errors / y_test.size)
assert np.isclose(1 - f1_score(y_test, y_pred), errors / (2 * tp_ + errors))

# Now fix one error of each kind on the same test set. The number of positives
# is fixed, so a fixed miss (FN -> TP) also adds a true positive.
i_fp = np.flatnonzero((y_test == 0) & (y_pred == 1))[0]  # one false alarm
i_fn = np.flatnonzero((y_test == 1) & (y_pred == 0))[0]  # one miss
fp_fixed, fn_fixed = y_pred.copy(), y_pred.copy()
fp_fixed[i_fp], fn_fixed[i_fn] = 0, 1
gains = {}
for name, pred in (("one FP fixed", fp_fixed), ("one FN fixed", fn_fixed)):
    d_acc = accuracy_score(y_test, pred) - accuracy_score(y_test, y_pred)
    gains[name] = f1_score(y_test, pred) - f1_score(y_test, y_pred)
    print(f"{name}: accuracy +{d_acc:.4f}  F1 +{gains[name]:.4f}")
ratio = gains["one FN fixed"] / gains["one FP fixed"]
print(f"a fixed miss is worth {ratio:.1f} fixed false alarms to F1, 1 to accuracy")
# --8<-- [end:equal_weights]
# The page: under 1 % of all rows, more than half of F1's denominator.
assert errors / y_test.size < 0.01 < 0.5 < errors / (2 * tp_ + errors)
# Accuracy gains 1/N from either fix; F1 gains about (TP + FP + FN) / TP times more
# from the fixed miss (exactly (D - TP)(D - 1) / (TP (D + 1)) with D = 2TP + FP + FN).
assert np.isclose(accuracy_score(y_test, fp_fixed), accuracy_score(y_test, fn_fixed))
d = 2 * tp_ + fp_ + fn_
assert np.isclose(ratio, (d - tp_) * (d - 1) / (tp_ * (d + 1)))
assert 3 < ratio < (tp_ + fp_ + fn_) / tp_

# --8<-- [start:asymmetry]
# F1 never looks at true negatives: add 10 000 easy negatives, predicted correctly.
y_more = np.r_[y_test, np.zeros(10_000, dtype=int)]
pred_more = np.r_[y_pred, np.zeros(10_000, dtype=int)]
print(
    f"accuracy {accuracy_score(y_test, y_pred):.3f} -> "
    f"{accuracy_score(y_more, pred_more):.3f};  "
    f"F1 {f1_score(y_test, y_pred):.3f} -> {f1_score(y_more, pred_more):.3f}"
)
assert f1_score(y_more, pred_more) == f1_score(y_test, y_pred)

# F1 depends on which class is positive: always-benign scored on the benign class.
print(
    f"always-benign F1 with 'benign' as positive: "
    f"{f1_score(y_test, always_0, pos_label=0):.3f}"
)
assert f1_score(y_test, always_0, pos_label=0) > 0.99
# --8<-- [end:asymmetry]

# --8<-- [start:alternatives]
print(f"{'':15s} {'balanced acc.':>13s} {'MCC':>6s} {'PR AUC (AP)':>12s}")
for name, clf in (("always-benign", majority), ("logistic reg.", model)):
    pred, score = clf.predict(X_test), clf.predict_proba(X_test)[:, 1]
    bal, mcc = balanced_accuracy_score(y_test, pred), matthews_corrcoef(y_test, pred)
    ap = average_precision_score(y_test, score)
    print(f"{name:15s} {bal:13.3f} {mcc:6.3f} {ap:12.3f}")
    if name == "always-benign":  # the chance level of each metric
        assert bal == 0.5 and mcc == 0.0 and np.isclose(ap, y_test.mean())
# --8<-- [end:alternatives]

# --8<-- [start:averages]
# Three classes, 85 % / 12 % / 3 %: one F1 per class, then three ways to average.
X3, y3 = make_classification(
    n_samples=6000,
    n_features=8,
    n_informative=3,
    n_redundant=0,
    n_classes=3,
    n_clusters_per_class=1,
    weights=[0.85, 0.12, 0.03],
    class_sep=0.7,
    flip_y=0,
    random_state=0,
)
X3_train, X3_test, y3_train, y3_test = train_test_split(
    X3, y3, test_size=0.5, stratify=y3, random_state=0
)
pred3 = LogisticRegression().fit(X3_train, y3_train).predict(X3_test)
per_class = f1_score(y3_test, pred3, average=None)
print("support per class:", np.bincount(y3_test), " F1 per class:", per_class.round(3))
for how in ("macro", "weighted", "micro"):
    print(f"{how:>8s} F1 = {f1_score(y3_test, pred3, average=how):.3f}")
print(f"accuracy    = {accuracy_score(y3_test, pred3):.3f}")

support = np.bincount(y3_test)
assert np.isclose(f1_score(y3_test, pred3, average="macro"), per_class.mean())
assert np.isclose(
    f1_score(y3_test, pred3, average="weighted"), np.average(per_class, weights=support)
)
assert np.isclose(  # pooled counts: for single-label data this is accuracy
    f1_score(y3_test, pred3, average="micro"), accuracy_score(y3_test, pred3)
)
# --8<-- [end:averages]

# Facts the page states, checked on this data:
# macro F1 is pulled down by the weak minority classes; weighted and micro follow
# the majority class.
macro3, weighted3 = (f1_score(y3_test, pred3, average=a) for a in ("macro", "weighted"))
assert macro3 < weighted3 - 0.15 and per_class[0] > 0.9 > max(per_class[1:])
# the model's accuracy is barely above the always-benign baseline, its F1 far above 0.
assert 0 < accuracy_score(y_test, y_pred) - acc < 0.01
assert f1_score(y_test, y_pred) > 0.3
