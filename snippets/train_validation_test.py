"""Training, validation and test sets: a stratified three-way split, model selection on
the validation set, and the optimism of selecting a model by its test score.

Run on its own: python snippets/train_validation_test.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

# --8<-- [start:data]
# A simulated problem, so that besides "the data you have" we can draw rows the model
# will meet after deployment, and spare rows for repeating the experiment.
X_all, y_all = make_classification(
    n_samples=61_000,
    n_features=20,
    n_informative=10,
    n_redundant=0,
    weights=[0.7, 0.3],
    flip_y=0.05,
    class_sep=0.8,
    random_state=0,
)
X, y = X_all[:1_000], y_all[:1_000]  # the data you have
X_future, y_future = X_all[1_000:51_000], y_all[1_000:51_000]  # 50,000 new rows
X_spare, y_spare = X_all[51_000:], y_all[51_000:]  # 10,000 rows for repeating it all
# --8<-- [end:data]

# --8<-- [start:split]
rows = np.arange(len(y))
# 60 / 20 / 20 in two calls: carve off the test set first, then split the rest 75 / 25.
rest, test = train_test_split(rows, test_size=0.2, stratify=y, random_state=0)
train, val = train_test_split(rest, test_size=0.25, stratify=y[rest], random_state=0)

print(f"all data    {len(rows):4d} rows, positive rate {y.mean():.3f}")
for name, idx in [("train", train), ("validation", val), ("test", test)]:
    print(f"{name:<11} {len(idx):4d} rows, positive rate {y[idx].mean():.3f}")

# Every row lands in exactly one set ...
assert np.array_equal(np.sort(np.concatenate([train, val, test])), rows)
# ... and stratify keeps each set's positive rate within one row of the overall rate.
for idx in (train, val, test):
    assert abs(y[idx].mean() - y.mean()) <= 1 / len(idx)
# --8<-- [end:split]

# --8<-- [start:candidates]
# 100 candidate models, each a logistic regression on a random 5 of the 20 features.
# They stand in for any search: hyperparameter settings, feature sets, architectures.
rng = np.random.default_rng(0)
subsets = [rng.choice(20, size=5, replace=False) for _ in range(100)]
models = [
    LogisticRegression(solver="liblinear").fit(X[train][:, cols], y[train])
    for cols in subsets
]


def accuracy(X_rows, y_rows):
    """Accuracy of every candidate on the given rows."""
    return np.array([m.score(X_rows[:, c], y_rows) for m, c in zip(models, subsets)])


val_acc = accuracy(X[val], y[val])
test_acc = accuracy(X[test], y[test])
future_acc = accuracy(X_future, y_future)  # 50,000 new rows: close to the true accuracy
# --8<-- [end:candidates]

# --8<-- [start:select]
honest = val_acc.argmax()  # chosen on the validation set, then tested once
tuned_on_test = test_acc.argmax()  # chosen by its test score: the mistake

print("                       test score   future accuracy")
for name, i in [("chosen on validation", honest), ("chosen on test", tuned_on_test)]:
    print(f"{name:<22} {test_acc[i]:10.3f}   {future_acc[i]:15.3f}")
print(f"{'best of the 100':<22} {'':10}   {future_acc.max():15.3f}")

# The test-tuned model's reported score overstates what it does on new data.
assert test_acc[tuned_on_test] > future_acc[tuned_on_test]
# --8<-- [end:select]

# --8<-- [start:refit]
# The usual last step: refit the chosen candidate on training + validation rows,
# then score it on the test set exactly once.
cols = subsets[honest]
final = LogisticRegression(solver="liblinear").fit(X[rest][:, cols], y[rest])
print(f"final model, test accuracy: {final.score(X[test][:, cols], y[test]):.3f}")
# --8<-- [end:refit]

# --8<-- [start:repeat]
# Repeat the selection on 1,000 fresh validation and test sets of 200 rows each, drawn
# from the spare rows. How far is the reported test score from the future accuracy?
spare_pred = np.array([m.predict(X_spare[:, c]) for m, c in zip(models, subsets)])
correct = spare_pred == y_spare  # (100 candidates, 10,000 rows) of True/False
gaps = {"chosen on validation": [], "chosen on test": []}
for _ in range(1_000):
    draw = rng.choice(len(y_spare), size=400, replace=False)
    v_acc = correct[:, draw[:200]].mean(axis=1)
    t_acc = correct[:, draw[200:]].mean(axis=1)
    picks = {"chosen on validation": v_acc.argmax(), "chosen on test": t_acc.argmax()}
    for name, pick in picks.items():
        gaps[name].append(t_acc[pick] - future_acc[pick])

for name, gap in gaps.items():
    gap = np.array(gap)
    share = np.mean(gap > 0)
    print(f"{name:<21} mean gap {gap.mean():+.3f}; test score > future in {share:.0%}")

honest_gap = np.mean(gaps["chosen on validation"])
test_gap = np.mean(gaps["chosen on test"])
assert abs(honest_gap) < 0.01  # the honest protocol is unbiased (up to noise)
assert test_gap > honest_gap + 0.01  # selecting on the test set is optimistic
# --8<-- [end:repeat]

# --8<-- [start:paired]
from scipy.stats import binomtest

# Is the chosen model really better than the runner-up on validation? Score both on
# the same rows and compare them row by row: the 200 test rows, then 1,000 spare rows.
runner_up = np.argsort(-val_acc, kind="stable")[1]
print("test rows   diff  unpaired SE  paired SE  McNemar p")
comparison = {}
for X_rows, y_rows in [(X[test], y[test]), (X_spare[:1_000], y_spare[:1_000])]:
    a = models[honest].predict(X_rows[:, subsets[honest]]) == y_rows  # True: right
    b = models[runner_up].predict(X_rows[:, subsets[runner_up]]) == y_rows
    n, diff = len(y_rows), a.mean() - b.mean()
    # Unpaired: as if the two scores came from two independent test sets.
    unpaired_se = np.sqrt((a.mean() * (1 - a.mean()) + b.mean() * (1 - b.mean())) / n)
    # Paired: per-row differences, 0 wherever both are right or both are wrong.
    paired_se = np.std(a.astype(int) - b.astype(int), ddof=1) / np.sqrt(n)
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(~a & b))  # rows they disagree on
    p_value = binomtest(only_a, only_a + only_b).pvalue  # McNemar's exact test
    comparison[n] = (diff, unpaired_se, paired_se, p_value)
    print(f"{n:>9,} {diff:+6.3f} {unpaired_se:12.3f} {paired_se:10.3f} {p_value:10.3f}")
# --8<-- [end:paired]

for diff, unpaired_se, paired_se, p_value in comparison.values():
    assert paired_se < unpaired_se  # the two models get mostly the same rows right
# 200 test rows cannot tell the two apart, whichever way you compare them;
assert comparison[200][3] > 0.05 and comparison[200][0] < 1.96 * comparison[200][2]
# on 1,000 rows the gap is noise by the unpaired yardstick and clear when paired,
diff, unpaired_se, paired_se, p_value = comparison[1_000]
assert diff / unpaired_se < 1.96 < diff / paired_se and p_value < 0.01
# and the runner-up really is worse on new data.
assert future_acc[honest] > future_acc[runner_up] + 0.01

# --8<-- [start:sizes]
# How precisely does a test set of n rows pin down an accuracy near 0.8?
p = 0.8
for n in (100, 1_000, 10_000, 100_000):
    half_width = 1.96 * np.sqrt(p * (1 - p) / n)  # 95 % normal-approximation interval
    print(f"n_test = {n:>7,}: accuracy {p} +/- {half_width:.3f}")
# --8<-- [end:sizes]

# The standard-error formula matches a simulation of test sets of 1,000 rows.
simulated = rng.binomial(1_000, p, size=20_000) / 1_000
assert abs(simulated.std() - np.sqrt(p * (1 - p) / 1_000)) < 0.001

# Facts the page states about this run:
# the test-chosen model reports a higher test score but is worse on new rows,
assert test_acc[tuned_on_test] > test_acc[honest]
assert future_acc[tuned_on_test] < future_acc[honest]
# the validation-chosen model is the best of the 100, its test score close to the truth,
assert future_acc[honest] == future_acc.max()
assert abs(test_acc[honest] - future_acc[honest]) < 0.005
# and this test set is easier than new data for most candidates (the shared luck).
assert np.mean(test_acc > future_acc) > 0.5
