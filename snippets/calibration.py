"""Probability calibration: reliability curves, the Brier score and log loss, Platt
(sigmoid) and isotonic recalibration, and what class weights and resampling do to
probabilities.

Run on its own: python snippets/calibration.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB

# 20 features: 2 informative, 10 redundant (linear combinations of the informative
# ones), 8 noise. Naive Bayes counts the redundant ones as independent evidence.
# About 15 % positives.
X, y = make_classification(
    n_samples=6000,
    n_features=20,
    n_informative=2,
    n_redundant=10,
    weights=[0.85],
    random_state=2,
)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)

# --8<-- [start:curve]
from sklearn.calibration import calibration_curve

models = {
    "logistic": LogisticRegression().fit(X_train, y_train),
    "naive Bayes": GaussianNB().fit(X_train, y_train),
}
proba = {name: model.predict_proba(X_test)[:, 1] for name, model in models.items()}
for name, p in proba.items():
    # Five bins of equal width on [0, 1]; in each, the mean prediction and the share
    # of its rows that are actually positive.
    observed, predicted = calibration_curve(y_test, p, n_bins=5)
    print(f"{name}:")
    for pred, obs in zip(predicted, observed):
        print(f"  mean predicted {pred:.3f}   observed positive rate {obs:.3f}")
# --8<-- [end:curve]

obs_lr, pred_lr = calibration_curve(y_test, proba["logistic"], n_bins=5)
obs_nb, pred_nb = calibration_curve(y_test, proba["naive Bayes"], n_bins=5)
# Logistic regression's bins sit near the diagonal. Naive Bayes is over-confident: every
# bin above 0.2 claims much more than it delivers, and the lowest bin claims less.
assert len(pred_lr) == len(pred_nb) == 5
assert np.max(np.abs(obs_lr - pred_lr)) < 0.06
assert np.all(pred_nb[1:] - obs_nb[1:] > 0.15) and pred_nb[0] < obs_nb[0]


# --8<-- [start:scores]
def brier(y_true, p):
    return np.mean((p - y_true) ** 2)  # mean squared error of the probability


def logloss(y_true, p):
    # Clipped to [eps, 1 - eps] as in scikit-learn: a wrong prediction of exactly 0 or 1
    # costs -log(eps), about 36, instead of infinity.
    eps = np.finfo(float).eps
    p = np.clip(p, eps, 1 - eps)
    return -np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))


base_rate = y_train.mean()
proba["constant base rate"] = np.full(len(y_test), base_rate)
print(f"{'':20s} {'Brier':>7s} {'log loss':>9s} {'ROC AUC':>8s}")
for name, p in proba.items():
    auc = roc_auc_score(y_test, p)
    print(f"{name:20s} {brier(y_test, p):7.4f} {logloss(y_test, p):9.4f} {auc:8.3f}")
# --8<-- [end:scores]

for name, p in proba.items():
    assert np.isclose(brier(y_test, p), brier_score_loss(y_test, p))
    assert np.isclose(logloss(y_test, p), log_loss(y_test, p))
score = {name: (brier(y_test, p), logloss(y_test, p)) for name, p in proba.items()}
auc_lr = roc_auc_score(y_test, proba["logistic"])
auc_nb = roc_auc_score(y_test, proba["naive Bayes"])
# Same ranking quality, very different probabilities: naive Bayes has a Brier score half
# as large again and almost three times the log loss.
assert abs(auc_lr - auc_nb) < 0.01
assert score["naive Bayes"][0] > 1.4 * score["logistic"][0]
assert score["naive Bayes"][1] > 2.5 * score["logistic"][1]
# Naive Bayes' log loss is no better than that of the constant forecast, which is
# calibrated on average but cannot rank at all (AUC 0.5).
assert abs(score["naive Bayes"][1] - score["constant base rate"][1]) < 0.01
assert np.isclose(-np.log(np.finfo(float).eps), 36.04, atol=0.01)
assert np.isclose(score["constant base rate"][0], np.mean((base_rate - y_test) ** 2))
assert score["logistic"][0] < 0.5 * score["constant base rate"][0]

# --8<-- [start:recalibrate]
from sklearn.calibration import CalibratedClassifierCV

recalibrated = {}
for method in ("sigmoid", "isotonic"):
    # cv=5: five naive Bayes models, each calibrated on the fold it did not see.
    model = CalibratedClassifierCV(GaussianNB(), method=method, cv=5)
    recalibrated[method] = model.fit(X_train, y_train).predict_proba(X_test)[:, 1]
print(f"{'naive Bayes':20s} {'Brier':>7s} {'log loss':>9s} {'ROC AUC':>8s}")
for name, p in {"raw": proba["naive Bayes"], **recalibrated}.items():
    b, ll = brier_score_loss(y_test, p), log_loss(y_test, p)
    print(f"{name:20s} {b:7.4f} {ll:9.4f} {roc_auc_score(y_test, p):8.3f}")
# --8<-- [end:recalibrate]

b_sig = brier_score_loss(y_test, recalibrated["sigmoid"])
b_iso = brier_score_loss(y_test, recalibrated["isotonic"])
# Isotonic fixes the over-confidence best; the sigmoid helps, but its shape does not fit
# this distortion. Neither changes the ranking much.
assert b_iso < b_sig < score["naive Bayes"][0]
assert abs(b_iso - score["logistic"][0]) < 0.005
for p in recalibrated.values():
    assert abs(roc_auc_score(y_test, p) - auc_nb) < 0.005

# --8<-- [start:small_data]
from sklearn.svm import LinearSVC

svm_scores = LinearSVC().fit(X_train, y_train).decision_function(X_test)
print(f"LinearSVC scores run from {svm_scores.min():.1f} to {svm_scores.max():.1f}")
small = {}
for n_rows in (150, 3000):
    for method in ("sigmoid", "isotonic"):
        model = CalibratedClassifierCV(LinearSVC(), method=method, cv=5)
        p = model.fit(X_train[:n_rows], y_train[:n_rows]).predict_proba(X_test)[:, 1]
        small[n_rows, method] = p
        extreme = np.mean((p == 0) | (p == 1))
        print(
            f"{n_rows:4d} rows, {method:8s}: Brier={brier_score_loss(y_test, p):.4f}  "
            f"log loss={log_loss(y_test, p):.4f}  exactly 0 or 1: {extreme:.1%}"
        )
# --8<-- [end:small_data]

# An SVM score is not a probability; both calibrators turn it into one.
assert svm_scores.min() < -1 and svm_scores.max() > 1
# With 150 rows (30 per calibration fold) isotonic overfits: a similar Brier score but
# well over twice the log loss, because half its predictions are exactly 0 or 1.
iso, sig = small[150, "isotonic"], small[150, "sigmoid"]
assert abs(brier_score_loss(y_test, iso) - brier_score_loss(y_test, sig)) < 0.002
assert log_loss(y_test, iso) > 2.5 * log_loss(y_test, sig)
assert np.mean((iso == 0) | (iso == 1)) > 0.5
# With 3000 rows the two methods are close, and isotonic has few extreme predictions.
iso, sig = small[3000, "isotonic"], small[3000, "sigmoid"]
assert abs(brier_score_loss(y_test, iso) - brier_score_loss(y_test, sig)) < 0.001
assert log_loss(y_test, iso) < 1.1 * log_loss(y_test, sig)
assert np.mean((iso == 0) | (iso == 1)) < 0.1
assert np.all(small[150, "sigmoid"] > 0) and np.all(small[150, "sigmoid"] < 1)

# --8<-- [start:weights]
weighted = LogisticRegression(class_weight="balanced").fit(X_train, y_train)
# Undersampling by hand: every positive, and as many negatives drawn at random.
rng = np.random.default_rng(0)
positives, negatives = np.flatnonzero(y_train == 1), np.flatnonzero(y_train == 0)
keep = np.r_[positives, rng.choice(negatives, size=positives.size, replace=False)]
undersampled = LogisticRegression().fit(X_train[keep], y_train[keep])
rebalanced = {
    "no correction": proba["logistic"],
    "class_weight='balanced'": weighted.predict_proba(X_test)[:, 1],
    "undersampled to 50/50": undersampled.predict_proba(X_test)[:, 1],
}
print(f"positive rate: train {base_rate:.3f}, test {y_test.mean():.3f}")
for name, p in rebalanced.items():
    b, auc = brier_score_loss(y_test, p), roc_auc_score(y_test, p)
    print(
        f"{name:24s} mean prediction={p.mean():.3f}  Brier={b:.4f}  ROC AUC={auc:.3f}"
    )

# Undo the shift: the rebalanced model's odds are the real odds times n0 / n1.
n1 = y_train.sum()
n0 = len(y_train) - n1
p = rebalanced["class_weight='balanced'"]
odds = p / (1 - p) * n1 / n0
corrected = odds / (1 + odds)
b = brier_score_loss(y_test, corrected)
name = "weights, odds x n1/n0"
print(f"{name:24s} mean prediction={corrected.mean():.3f}  Brier={b:.4f}")
# --8<-- [end:weights]

# The balance property of logistic regression (log loss with its canonical link and an
# intercept): on the training rows, the mean prediction equals the positive rate ...
train_mean = models["logistic"].predict_proba(X_train)[:, 1].mean()
assert abs(train_mean - base_rate) < 1e-3
# ... and with balanced weights, the weighted mean equals 1/2: the mean prediction over
# the positives plus the mean over the negatives is 1.
p_w = weighted.predict_proba(X_train)[:, 1]
assert abs(p_w[y_train == 1].mean() + p_w[y_train == 0].mean() - 1) < 1e-3
# On the test set, both rebalanced models predict many more positives than there are,
for name in ("class_weight='balanced'", "undersampled to 50/50"):
    assert rebalanced[name].mean() > 1.5 * y_test.mean()
    assert brier_score_loss(y_test, rebalanced[name]) > 1.4 * score["logistic"][0]
    # ... while their ranking is as good as before.
    assert abs(roc_auc_score(y_test, rebalanced[name]) - auc_lr) < 0.005
# The odds correction restores calibration in the large and the Brier score.
assert abs(corrected.mean() - y_test.mean()) < 0.03
assert abs(b - score["logistic"][0]) < 0.002
