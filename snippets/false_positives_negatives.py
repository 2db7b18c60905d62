"""False positives and false negatives: a moving threshold, and a threshold set by cost.

Run on its own: python snippets/false_positives_negatives.py
"""

import numpy as np
from sklearn.linear_model import LogisticRegression

# --8<-- [start:data]
PREVALENCE, SHIFT = 0.3, 2.0  # 30 % positives; positives score 2 units higher


def sample(n, seed):
    """A score per row: N(0, 1) for negatives, N(SHIFT, 1) for positives."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < PREVALENCE).astype(int)
    score = rng.normal(SHIFT * y, 1.0)
    return score.reshape(-1, 1), y


X_train, y_train = sample(10_000, seed=0)
X_test, y_test = sample(50_000, seed=1)
model = LogisticRegression().fit(X_train, y_train)  # turns a score into P(y=1 | score)
p_test = model.predict_proba(X_test)[:, 1]

# The data are synthetic, so the true P(y=1 | score) is known: compare (calibration).
s = X_test[:, 0]
true_logit = np.log(PREVALENCE / (1 - PREVALENCE)) + SHIFT * s - SHIFT**2 / 2
gap = np.abs(p_test - 1 / (1 + np.exp(-true_logit))).max()
print(f"largest gap between model and true probability: {gap:.3f}")
assert gap < 0.02  # the model's probabilities are calibrated
# --8<-- [end:data]


# --8<-- [start:threshold]
def error_counts(threshold):
    """FP and FN on the test set when rows with P(y=1) >= threshold are flagged."""
    flagged = p_test >= threshold
    return np.sum(flagged & (y_test == 0)), np.sum(~flagged & (y_test == 1))


print(f"{y_test.sum()} positives, {(y_test == 0).sum()} negatives")
counts = {t: error_counts(t) for t in (0.05, 0.2, 0.5, 0.8, 0.95)}
for t, (fp, fn) in counts.items():
    print(f"threshold {t:.2f}: FP={fp:5d} (false alarms)  FN={fn:5d} (misses)")

fps, fns = zip(*counts.values())
assert all(np.diff(fps) < 0) and all(np.diff(fns) > 0)  # raise t: fewer FP, more FN
# --8<-- [end:threshold]

# --8<-- [start:cost]
grid = np.round(np.arange(0.01, 1.0, 0.01), 2)
errors = np.array([error_counts(t) for t in grid])  # one (FP, FN) row per threshold
scenarios = {  # (cost of a false positive, cost of a false negative)
    "spam filter": (10.0, 1.0),  # a lost real email hurts more than one spam let in
    "medical screening": (1.0, 20.0),  # a missed disease hurts more than a follow-up
}
best = {}
for name, (c_fp, c_fn) in scenarios.items():
    total_cost = c_fp * errors[:, 0] + c_fn * errors[:, 1]
    t_star = c_fp / (c_fp + c_fn)  # Bayes-optimal threshold for calibrated P(y=1)
    best[name] = grid[total_cost.argmin()]
    cost_at = dict(zip(grid, total_cost))
    print(f"{name}: t* = {t_star:.3f}, best threshold on test = {best[name]:.2f}")
    print(f"   cost at best: {total_cost.min():.0f}   cost at 0.5: {cost_at[0.5]:.0f}")
    assert abs(best[name] - t_star) < 0.03
    assert 2 * total_cost.min() < cost_at[0.5]  # 0.5 costs more than twice as much
# --8<-- [end:cost]

# --8<-- [start:base_rate]
# A test with 99 % sensitivity (recall) and 99 % specificity, on a million people
# of whom 0.1 % are ill. Counts first, then Bayes' rule.
population, prevalence, sensitivity, specificity = 1_000_000, 0.001, 0.99, 0.99
ill = round(population * prevalence)
tp = round(ill * sensitivity)  # ill and flagged
fp = round((population - ill) * (1 - specificity))  # healthy and flagged
ppv = tp / (tp + fp)  # precision: P(ill | flagged)
hit, false_alarm = sensitivity * prevalence, (1 - specificity) * (1 - prevalence)
bayes = hit / (hit + false_alarm)  # Bayes' rule with the rates and the prevalence
print(f"ill: {ill}, caught: {tp}; healthy but flagged: {fp}")
print(f"P(ill | flagged) = {tp} / {tp + fp} = {ppv:.3f}  (Bayes' rule: {bayes:.3f})")
assert np.isclose(ppv, bayes) and ppv < 0.1  # most positive results are false alarms
# --8<-- [end:base_rate]

# Facts the page states, checked on this data:
# the spam threshold sits far above 0.5, the screening threshold far below it.
assert best["spam filter"] > 0.85 and best["medical screening"] < 0.1
# the base-rate note: the healthy produce about ten false alarms per case caught.
assert 9.5 < fp / tp < 10.5
