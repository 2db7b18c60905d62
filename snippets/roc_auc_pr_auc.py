"""ROC-AUC and PR-AUC (average precision): the rank reading of ROC-AUC, what the class
balance does to each, and where each of them misleads.

Run on its own: python snippets/roc_auc_pr_auc.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

# A balanced pool of scored test rows; the sections below subsample it.
X, y = make_classification(
    n_samples=20_000,
    n_features=8,
    n_informative=4,
    n_redundant=0,
    class_sep=1.0,
    random_state=0,
)
X_train, y_train, X_test, y_test = X[:5000], y[:5000], X[5000:], y[5000:]
model = LogisticRegression().fit(X_train, y_train)
scores = model.predict_proba(X_test)[:, 1]  # P(positive) for each test row
assert y_test.size == 15_000 and abs(y_test.mean() - 0.5) < 0.01  # balanced

# --8<-- [start:pairs]
from sklearn.metrics import roc_auc_score, roc_curve


def auc_by_pairs(y_true, s):
    """Share of (positive, negative) pairs in the right order; a tie counts half."""
    pos, neg = s[y_true == 1], s[y_true == 0]
    above = (pos[:, None] > neg[None, :]).mean()
    tied = (pos[:, None] == neg[None, :]).mean()
    return above + 0.5 * tied


y_few, s_few = y_test[:2000], scores[:2000]  # 2,000 rows: about a million pairs
s_tied = s_few.round(1)  # scores rounded to one decimal: many tied pairs
for name, s in (("raw scores", s_few), ("rounded to 0.1", s_tied)):
    print(f"{name:15s} pairs: {auc_by_pairs(y_few, s):.4f}", end="  ")
    print(f"roc_auc_score: {roc_auc_score(y_few, s):.4f}")
    assert np.isclose(auc_by_pairs(y_few, s), roc_auc_score(y_few, s))

# The same number is the area under the ROC curve (TPR against FPR).
fpr, tpr, _ = roc_curve(y_few, s_few)
print(f"area under the ROC curve (trapezoids): {np.trapezoid(tpr, fpr):.4f}")
assert np.isclose(np.trapezoid(tpr, fpr), roc_auc_score(y_few, s_few))
# --8<-- [end:pairs]

# The trapezoids under roc_curve also count a tie as half, so they match with ties too.
fpr_t, tpr_t, _ = roc_curve(y_few, s_tied)
assert np.isclose(np.trapezoid(tpr_t, fpr_t), roc_auc_score(y_few, s_tied))
# Counting a tie as a win instead of half a win would overstate the rounded score.
pos_t, neg_t = s_tied[y_few == 1], s_tied[y_few == 0]
assert (pos_t[:, None] >= neg_t[None, :]).mean() > roc_auc_score(y_few, s_tied) + 0.01

# --8<-- [start:prevalence]
from sklearn.metrics import average_precision_score

neg = np.flatnonzero(y_test == 0)[:6000]
pos = np.flatnonzero(y_test == 1)
pos = pos[np.argsort(scores[pos])]  # the positives in score order
rows = []  # (prevalence, ROC-AUC, AP)
print("prevalence  positives  ROC-AUC     AP")
for prevalence in (0.5, 0.2, 0.1, 0.05, 0.02, 0.01):
    n_pos = round(prevalence / (1 - prevalence) * neg.size)
    # Every k-th positive in score order: fewer positives, same score distribution.
    keep = pos[np.linspace(0, pos.size - 1, n_pos).round().astype(int)]
    rows_kept = np.r_[keep, neg]
    yy, ss = y_test[rows_kept], scores[rows_kept]
    auc, ap = roc_auc_score(yy, ss), average_precision_score(yy, ss)
    rows.append((prevalence, auc, ap))
    print(f"{prevalence:10.2f} {n_pos:10d} {auc:8.3f} {ap:6.3f}")
# --8<-- [end:prevalence]

assert neg.size == 6000  # the page: "keep 6,000 negatives"
# ROC-AUC stays put (within 0.01) while AP falls at every step, to under a third.
aucs, aps = np.array([r[1] for r in rows]), np.array([r[2] for r in rows])
assert np.ptp(aucs) < 0.01
assert np.all(np.diff(aps) < 0)
assert aps[-1] < aps[0] / 3

# --8<-- [start:baseline]
rng = np.random.default_rng(0)
print("prevalence  AP of random scores  ROC-AUC of random scores")
for prevalence in (0.5, 0.1, 0.01):
    y_rand = (rng.random(50_000) < prevalence).astype(int)
    s_rand = rng.random(y_rand.size)  # scores that know nothing about the label
    ap_rand = average_precision_score(y_rand, s_rand)
    auc_rand = roc_auc_score(y_rand, s_rand)
    print(f"{y_rand.mean():10.4f} {ap_rand:20.4f} {auc_rand:25.3f}")
    assert abs(ap_rand / y_rand.mean() - 1) < 0.1  # AP of chance = the prevalence
    assert abs(auc_rand - 0.5) < 0.02  # ROC-AUC of chance = 0.5 at any prevalence
# --8<-- [end:baseline]

# --8<-- [start:top_of_ranking]
# 20,000 negatives and 100 positives (0.5 %), two made-up scoring models.
rng = np.random.default_rng(1)
n_neg, n_pos = 20_000, 100
y_rare = np.r_[np.zeros(n_neg, dtype=int), np.ones(n_pos, dtype=int)]
# A ranks nearly every positive above the bulk of negatives, but a cluster of
# look-alike negatives, four times as many as the positives, sits above them.
look_alike = np.arange(n_neg) < 400  # 2 % of the negatives
neg_a = np.where(look_alike, rng.normal(3.0, 0.5, n_neg), rng.normal(0, 1, n_neg))
s_a = np.r_[neg_a, rng.normal(2.5, 1, n_pos)]
# B puts half of the positives far above everything and cannot tell the rest apart.
obvious = np.arange(n_pos) < n_pos // 2
s_b = np.r_[
    rng.normal(0, 1, n_neg),
    np.where(obvious, rng.normal(5, 0.5, n_pos), rng.normal(0, 1, n_pos)),
]
print("model  ROC-AUC     AP  precision in top 100  partial AUC (FPR <= 0.01)")
summary = {}
for name, s in (("A", s_a), ("B", s_b)):
    top = np.argsort(-s)[:100]
    summary[name] = (
        roc_auc_score(y_rare, s),
        average_precision_score(y_rare, s),
        y_rare[top].mean(),
        roc_auc_score(y_rare, s, max_fpr=0.01),  # McClish-standardised
    )
    auc, ap, p_top, p_auc = summary[name]
    print(f"{name:>5s} {auc:8.3f} {ap:6.3f} {p_top:21.2f} {p_auc:26.3f}")
# --8<-- [end:top_of_ranking]

# ROC-AUC prefers A by a wide margin; AP, the top of the list and the partial AUC
# all prefer B.
(auc_a, ap_a, top_a, pauc_a), (auc_b, ap_b, top_b, pauc_b) = summary["A"], summary["B"]
assert auc_a > auc_b + 0.15
assert ap_b > ap_a + 0.2 and top_b > top_a + 0.2 and pauc_b > pauc_a + 0.1

# --8<-- [start:calibration]
from sklearn.metrics import brier_score_loss

# Same order, useless probabilities: every row squeezed into [0.45, 0.55].
squeezed = 0.45 + 0.1 * scores
print("                 ROC-AUC     AP  Brier score")
for name, p in (("logistic model", scores), ("squeezed", squeezed)):
    auc, ap = roc_auc_score(y_test, p), average_precision_score(y_test, p)
    print(f"{name:15s} {auc:8.3f} {ap:6.3f} {brier_score_loss(y_test, p):12.3f}")
# --8<-- [end:calibration]

# Both areas depend on the order only; the Brier score sees the probabilities.
assert np.isclose(roc_auc_score(y_test, squeezed), roc_auc_score(y_test, scores))
assert np.isclose(
    average_precision_score(y_test, squeezed), average_precision_score(y_test, scores)
)
assert brier_score_loss(y_test, squeezed) > brier_score_loss(y_test, scores) + 0.03
