"""Precision and recall: by hand from the confusion matrix, by scikit-learn, and across
thresholds.

Run on its own: python snippets/precision_recall.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

# An imbalanced problem, about 10 % positives: where precision and recall matter.
X, y = make_classification(
    n_samples=2000,
    n_features=6,
    n_informative=2,
    n_redundant=0,
    class_sep=0.5,
    weights=[0.9, 0.1],
    random_state=0,
)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)

# --8<-- [start:confusion]
from sklearn.metrics import confusion_matrix

model = LogisticRegression().fit(X_train, y_train)
y_pred = model.predict(X_test)  # predict() thresholds the probability at 0.5

# With labels=[0, 1], ravel() returns the cells in the order TN, FP, FN, TP.
tn, fp, fn, tp = confusion_matrix(y_test, y_pred, labels=[0, 1]).ravel()
print(f"TP={tp}  FP={fp}  FN={fn}  TN={tn}")
# --8<-- [end:confusion]

# --8<-- [start:by_hand]
from sklearn.metrics import precision_score, recall_score

precision = tp / (tp + fp)  # of everything flagged positive, the share that is positive
recall = tp / (tp + fn)  # of everything positive, the share that was flagged

print(f"by hand:      precision={precision:.3f}  recall={recall:.3f}")
p_sk, r_sk = precision_score(y_test, y_pred), recall_score(y_test, y_pred)
print(f"scikit-learn: precision={p_sk:.3f}  recall={r_sk:.3f}")
assert np.isclose(precision, precision_score(y_test, y_pred))
assert np.isclose(recall, recall_score(y_test, y_pred))
# --8<-- [end:by_hand]

# --8<-- [start:threshold]
scores = model.predict_proba(X_test)[:, 1]  # P(positive) for each test row

for threshold in (0.1, 0.3, 0.5, 0.7, 0.9):
    flagged = (scores >= threshold).astype(int)
    p = precision_score(y_test, flagged, zero_division=0.0)
    r = recall_score(y_test, flagged)
    print(f"threshold {threshold:.1f}: flagged={flagged.sum():4d}  ", end="")
    print(f"precision={p:.3f}  recall={r:.3f}")
# --8<-- [end:threshold]

# --8<-- [start:curve]
from sklearn.metrics import average_precision_score, precision_recall_curve

prec, rec, thresholds = precision_recall_curve(y_test, scores)
ap = average_precision_score(y_test, scores)
print(f"average precision (area under the PR curve, step-wise): {ap:.3f}")
print(f"a random classifier scores about the positive rate: {y_test.mean():.3f}")
# --8<-- [end:curve]

# --8<-- [start:roc_vs_pr]
from sklearn.metrics import roc_auc_score

# Ten times as many negatives of the same kind: each negative row is repeated 10x.
neg = y_test == 0
y_rare = np.r_[y_test, np.zeros(9 * neg.sum(), dtype=int)]
s_rare = np.r_[scores, np.tile(scores[neg], 9)]
print(f"{'':22s} {'ROC AUC':>7s} {'AP':>6s} {'precision at 0.5':>17s}")
cases = (("test set", y_test, scores), ("10x the negatives", y_rare, s_rare))
for name, yy, ss in cases:
    auc, ap_k = roc_auc_score(yy, ss), average_precision_score(yy, ss)
    p_half = precision_score(yy, (ss > 0.5).astype(int))
    print(f"{name:22s} {auc:7.3f} {ap_k:6.3f} {p_half:17.3f}")
# --8<-- [end:roc_vs_pr]

# ROC AUC depends only on how positives rank against negatives, so it does not move;
# AP and precision fall because the same FPR now means ten times as many FP.
assert np.isclose(roc_auc_score(y_rare, s_rare), roc_auc_score(y_test, scores))
assert average_precision_score(y_rare, s_rare) < ap - 0.1
assert precision_score(y_rare, (s_rare > 0.5).astype(int)) < precision - 0.2

# Facts the page states, checked on this data:
# the 0.5 threshold of predict() is the one used above,
assert np.array_equal(y_pred, (scores > 0.5).astype(int))
# lowering the threshold never lowers recall (flagging more rows only adds positives),
recalls = [
    recall_score(y_test, (scores >= t).astype(int)) for t in np.linspace(0.05, 0.95, 19)
]
assert all(a >= b for a, b in zip(recalls, recalls[1:]))
# but precision is not monotone in the threshold: the curve goes down somewhere.
assert np.any(np.diff(prec[:-1]) < 0)
# And the model beats the random baseline the page compares it with.
assert ap > 3 * y_test.mean()
