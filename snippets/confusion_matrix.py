"""The confusion matrix: counts, normalized views, derived metrics, multi-class.

Run on its own: python snippets/confusion_matrix.py
"""

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

np.set_printoptions(precision=3, suppress=True)

# --8<-- [start:binary]
from sklearn.metrics import confusion_matrix

X, y = load_breast_cancer(return_X_y=True)
y = 1 - y  # the dataset codes malignant as 0; make malignant the positive class, 1
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)
model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
y_pred = model.predict(X_test)

# C[i, j] = number of rows whose TRUE label is i and PREDICTED label is j.
cm = confusion_matrix(y_test, y_pred, labels=[0, 1])
print("rows: true 0 (benign), 1 (malignant); columns: predicted 0, 1")
print(cm)
tn, fp, fn, tp = cm.ravel()  # with labels=[0, 1] the layout is [[TN, FP], [FN, TP]]
print(f"TN={tn}  FP={fp}  FN={fn}  TP={tp}")
# --8<-- [end:binary]

# --8<-- [start:normalize]
for how in ("true", "pred", "all"):
    view = confusion_matrix(y_test, y_pred, labels=[0, 1], normalize=how)
    print(f'normalize="{how}":\n{view}')

by_row = confusion_matrix(y_test, y_pred, normalize="true")  # each row sums to 1
by_col = confusion_matrix(y_test, y_pred, normalize="pred")  # each column sums to 1
assert np.allclose(by_row.sum(axis=1), 1) and np.allclose(by_col.sum(axis=0), 1)
# Row view diagonal: specificity, recall. Column view diagonal: NPV, precision.
assert np.allclose(np.diag(by_row), [tn / (tn + fp), tp / (tp + fn)])
assert np.allclose(np.diag(by_col), [tn / (tn + fn), tp / (tp + fp)])
# --8<-- [end:normalize]

# --8<-- [start:metrics]
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    matthews_corrcoef,
    precision_score,
    recall_score,
    roc_curve,
)

n = tn + tp + fn + fp
tpr, tnr = tp / (tp + fn), tn / (tn + fp)
mcc = (tp * tn - fp * fn) / np.sqrt(
    float((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
)
# A hard 0/1 prediction is a one-threshold ROC curve: its middle point is (FPR, TPR).
roc_fpr, roc_tpr, _ = roc_curve(y_test, y_pred)

checks = [  # (metric, by hand from the four cells, scikit-learn)
    ("accuracy", (tp + tn) / n, accuracy_score(y_test, y_pred)),
    ("precision", tp / (tp + fp), precision_score(y_test, y_pred)),
    ("recall = sensitivity = TPR", tpr, recall_score(y_test, y_pred)),
    ("specificity = TNR", tnr, recall_score(y_test, y_pred, pos_label=0)),
    ("false positive rate", fp / (fp + tn), roc_fpr[1]),
    ("false negative rate", fn / (fn + tp), 1 - roc_tpr[1]),
    ("F1", 2 * tp / (2 * tp + fp + fn), f1_score(y_test, y_pred)),
    ("balanced accuracy", (tpr + tnr) / 2, balanced_accuracy_score(y_test, y_pred)),
    ("MCC", mcc, matthews_corrcoef(y_test, y_pred)),
]
print(f"{'metric':28s} {'by hand':>8s} {'sklearn':>8s}")
for name, mine, theirs in checks:
    print(f"{name:28s} {mine:8.3f} {theirs:8.3f}")
    assert np.isclose(mine, theirs), name
# --8<-- [end:metrics]

# --8<-- [start:multiclass]
from sklearn.metrics import multilabel_confusion_matrix

Xd, yd = load_digits(return_X_y=True)
Xd_train, Xd_test, yd_train, yd_test = train_test_split(
    Xd, yd, test_size=0.5, stratify=yd, random_state=0
)
digits_pred = GaussianNB().fit(Xd_train, yd_train).predict(Xd_test)
cm10 = confusion_matrix(yd_test, digits_pred)  # 10 x 10, rows = true digit

recall_per_digit = np.diag(cm10) / cm10.sum(axis=1)  # diagonal / row sums
precision_per_digit = np.diag(cm10) / cm10.sum(axis=0)  # diagonal / column sums
assert np.allclose(recall_per_digit, recall_score(yd_test, digits_pred, average=None))
assert np.allclose(
    precision_per_digit, precision_score(yd_test, digits_pred, average=None)
)
assert np.isclose(np.trace(cm10) / cm10.sum(), accuracy_score(yd_test, digits_pred))

off_diagonal = cm10 - np.diag(np.diag(cm10))
true_d, pred_d = np.unravel_index(off_diagonal.argmax(), cm10.shape)
print(f"accuracy = trace / total = {np.trace(cm10) / cm10.sum():.3f}")
print("recall per digit:", recall_per_digit.round(2))
print(
    f"worst digit: {recall_per_digit.argmin()}; most common mistake: "
    f"true {true_d} predicted as {pred_d} ({off_diagonal.max()} times)"
)

# One-vs-rest, each digit gets its own 2 x 2 matrix [[TN, FP], [FN, TP]].
per_digit = multilabel_confusion_matrix(yd_test, digits_pred)
assert np.array_equal(per_digit[:, 1, 1], np.diag(cm10))  # TP_k = C[k, k]
assert np.array_equal(per_digit[:, 1, 0], cm10.sum(axis=1) - np.diag(cm10))  # FN_k
assert np.array_equal(per_digit[:, 0, 1], cm10.sum(axis=0) - np.diag(cm10))  # FP_k
# --8<-- [end:multiclass]

# --8<-- [start:display]
from sklearn.metrics import ConfusionMatrixDisplay


def draw_confusion(ax, y_true, y_pred, normalize=None):
    """Counts (normalize=None) or a normalized view, drawn on the given Axes."""
    return ConfusionMatrixDisplay.from_predictions(
        y_true,
        y_pred,
        normalize=normalize,  # None, "true" (rows), "pred" (columns) or "all"
        values_format="d" if normalize is None else ".2f",
        cmap="Blues",
        colorbar=False,
        ax=ax,
    )


# --8<-- [end:display]

# --8<-- [start:cost]
# Two operating points of the same model: the default 0.5 and a lower threshold.
p_malignant = model.predict_proba(X_test)[:, 1]
matrices = {
    t: confusion_matrix(y_test, (p_malignant >= t).astype(int), labels=[0, 1])
    for t in (0.5, 0.1)
}
# A cost per cell, laid out like the matrix: a missed malignant tumour (FN)
# costs 10, a false alarm (FP) costs 1, correct decisions cost nothing.
cost = np.array([[0, 1], [10, 0]])
equal = np.array([[0, 1], [1, 0]])  # every error costs 1: total = number of errors
for t, m in matrices.items():
    print(f"threshold {t}: [[TN FP] [FN TP]] = {m.tolist()}")
    errors, total = (m * equal).sum(), (m * cost).sum()
    print(f"   errors: {errors:2d}   cost (FN = 10, FP = 1): {total}")
# --8<-- [end:cost]

# Facts the page states, checked on this data:
# with equal costs the 0.5 matrix wins (fewer errors, higher accuracy), with
# misses ten times as expensive the 0.1 matrix wins.
low, default = matrices[0.1], matrices[0.5]
assert (low * equal).sum() > (default * equal).sum()
assert (low * cost).sum() < (default * cost).sum()
assert np.array_equal(default, cm)  # predict() is the 0.5 threshold
# the binary model makes both kinds of error, fewer false positives than negatives;
assert 0 < fp < fn
# precision, recall and specificity are all above 0.9; MCC is lower than accuracy;
assert min(tp / (tp + fp), tpr, tnr) > 0.9 and mcc < (tp + tn) / n
# and MCC is the lowest of the higher-is-better scores in the table.
assert mcc == min(v for name, v, _ in checks if not name.startswith("false"))
# the digit model's worst row is the digit 2, whose rows are most often read as 8.
assert recall_per_digit.argmin() == 2 and (true_d, pred_d) == (2, 8)
# (The digits figure's alt text says the row of 9 leaks mostly into 8 and 7.)
assert set(np.argsort(off_diagonal[9])[-2:]) == {7, 8}
