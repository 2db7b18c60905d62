"""Naive Bayes: the conditional-independence assumption, a posterior by hand, and what
happens to the probabilities when that assumption is broken on purpose.

Run on its own: python snippets/naive_bayes.py
"""

import numpy as np
from scipy.special import logsumexp
from scipy.stats import norm
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB

# --8<-- [start:data]
# Data that satisfy the naive assumption exactly: given the class, the three
# features are independent normals (a diagonal covariance per class).
rng = np.random.default_rng(0)
n = 4000
y = (rng.random(n) < 0.4).astype(int)  # P(y = 1) = 0.4
class_means = np.array([[0.0, 0.0, 0.0], [1.5, 1.2, 0.5]])
X = class_means[y] + rng.normal(size=(n, 3))  # unit variance, no correlation

# Independent GIVEN the class, but not independent overall: both features
# move with the class, so they move with each other.
overall = np.corrcoef(X[:, 0], X[:, 1])[0, 1]
within = [np.corrcoef(X[y == k, 0], X[y == k, 1])[0, 1] for k in (0, 1)]
print(f"corr(x0, x1) over all rows:   {overall:.3f}")
print(f"corr(x0, x1) within class 0:  {within[0]:.3f}")
print(f"corr(x0, x1) within class 1:  {within[1]:.3f}")
assert overall > 0.25 and max(abs(r) for r in within) < 0.1
# --8<-- [end:data]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)

# --8<-- [start:fit]
nb = GaussianNB().fit(X_train, y_train)
for k in (0, 1):
    print(
        f"class {k}: prior {nb.class_prior_[k]:.3f}  "
        f"means {np.array2string(nb.theta_[k], precision=3, suppress_small=True)}  "
        f"variances {np.array2string(nb.var_[k], precision=3)}"
    )
print(f"test accuracy: {nb.score(X_test, y_test):.3f}")

# The parameters are plain per-class sample statistics (variances get a tiny
# var_smoothing term added for numerical stability).
for k in (0, 1):
    rows = X_train[y_train == k]
    assert np.allclose(nb.theta_[k], rows.mean(axis=0))
    assert np.allclose(nb.var_[k], rows.var(axis=0) + nb.epsilon_)
# --8<-- [end:fit]

# --8<-- [start:by_hand]
x = X_test[0]
# log P(y=k) + sum_j log N(x_j; mean_kj, var_kj): the product becomes a sum of logs
log_joint = np.log(nb.class_prior_) + norm.logpdf(
    x, loc=nb.theta_, scale=np.sqrt(nb.var_)
).sum(axis=1)
posterior = np.exp(log_joint - logsumexp(log_joint))  # divide by P(x)

print("x =", x.round(3))
print("by hand:       P(y | x) =", posterior.round(4))
print("predict_proba: P(y | x) =", nb.predict_proba(x[None, :])[0].round(4))
assert np.allclose(posterior, nb.predict_proba(x[None, :])[0])
# --8<-- [end:by_hand]

# --8<-- [start:duplicate]
# Break the assumption on purpose: give the model every feature twice. The copy
# carries no new information, but the model counts its evidence twice.
X_train_dup, X_test_dup = np.hstack([X_train, X_train]), np.hstack([X_test, X_test])
nb_dup = GaussianNB().fit(X_train_dup, y_train)

p = nb.predict_proba(X_test)[:, 1]
p_dup = nb_dup.predict_proba(X_test_dup)[:, 1]
for name, model, probs, data in [
    ("original  ", nb, p, X_test),
    ("duplicated", nb_dup, p_dup, X_test_dup),
]:
    confidence = np.maximum(probs, 1 - probs)  # probability of the predicted class
    print(
        f"{name}: accuracy {model.score(data, y_test):.3f}  "
        f"mean confidence {confidence.mean():.3f}  "
        f"share above 0.99 {np.mean(confidence > 0.99):.3f}"
    )
# --8<-- [end:duplicate]

# Facts the page states, checked on this data:
# the log-odds double, apart from the prior's share, which is counted only once;
prior_log_odds = np.log(nb.class_prior_[1] / nb.class_prior_[0])
log_odds = np.log(p / (1 - p))
log_odds_dup = np.log(p_dup / (1 - p_dup))
assert np.allclose(log_odds_dup - prior_log_odds, 2 * (log_odds - prior_log_odds))
# so every probability moves away from the prior, towards 0 or 1,
prior = nb.class_prior_[1]
assert np.all(np.abs(p_dup - prior) >= np.abs(p - prior) - 1e-12)
conf, conf_dup = np.maximum(p, 1 - p), np.maximum(p_dup, 1 - p_dup)
assert conf_dup.mean() > conf.mean() + 0.05
assert np.mean(conf_dup > 0.99) > 2 * np.mean(conf > 0.99)
# while the accuracy barely changes,
assert abs(nb_dup.score(X_test_dup, y_test) - nb.score(X_test, y_test)) < 0.01
# and the original model, whose assumption holds, is the better calibrated one:
# its average confidence is close to its accuracy, the duplicated one's is not.
assert abs(conf.mean() - nb.score(X_test, y_test)) < 0.02
assert conf_dup.mean() - nb_dup.score(X_test_dup, y_test) > 0.05

# --8<-- [start:smoothing]
from scipy.stats import dirichlet
from sklearn.naive_bayes import MultinomialNB

# Word counts of six short emails over a four-word vocabulary.
vocab = ["free", "offer", "meeting", "report"]
spam = [[3, 2, 0, 0], [2, 3, 0, 0], [4, 1, 0, 0]]
ham = [[0, 1, 3, 2], [1, 0, 2, 3], [0, 0, 4, 2]]
counts = np.array(spam + ham)
is_spam = np.array([1, 1, 1, 0, 0, 0])
email = np.array([[3, 2, 1, 0]])  # very spammy, but "meeting" never occurred in spam

for a in (1e-10, 1.0):  # (almost) no smoothing, then Laplace smoothing
    spam_prob = MultinomialNB(alpha=a).fit(counts, is_spam).predict_proba(email)[0, 1]
    print(f"alpha={a:g}: P(spam | email) = {spam_prob:.3f}")

# The smoothed estimate (N_kj + alpha) / (N_k + alpha d) is a Bayesian estimate:
# the posterior MEAN under a symmetric Dirichlet(alpha) prior on the word
# probabilities, which is also the posterior MODE under Dirichlet(alpha + 1).
N = counts[is_spam == 1].sum(axis=0)  # spam word counts: free, offer, meeting, report
smoothed = (N + 1.0) / (N.sum() + 1.0 * len(vocab))
print("spam word counts:", N, " smoothed P(word | spam):", smoothed.round(3))
model = MultinomialNB(alpha=1.0).fit(counts, is_spam)
assert np.allclose(np.exp(model.feature_log_prob_[1]), smoothed)
assert np.allclose(dirichlet.mean(N + 1.0), smoothed)  # Dirichlet(1) prior + counts
# --8<-- [end:smoothing]

spam_probs = {
    a: MultinomialNB(alpha=a).fit(counts, is_spam).predict_proba(email)[0, 1]
    for a in (1e-10, 1.0)
}
assert spam_probs[1e-10] < 1e-6 < 0.5 < spam_probs[1.0]  # one zero count vetoes spam
# The mode of Dirichlet(N + 2), i.e. the MAP under a Dirichlet(2) prior, is the same
# vector: no other point of the simplex has a higher density.
post = N + 2.0
others = np.random.default_rng(1).dirichlet(np.ones(4), size=2000)
assert np.all(dirichlet.logpdf(others.T, post) < dirichlet.logpdf(smoothed, post))

# --8<-- [start:linear]
# Multinomial NB is a linear classifier: its log-odds are an intercept plus a
# weighted sum of the word counts, like logistic regression's.
weights = model.feature_log_prob_[1] - model.feature_log_prob_[0]
intercept = model.class_log_prior_[1] - model.class_log_prior_[0]
log_odds_nb = np.diff(model.predict_log_proba(counts), axis=1).ravel()
print("weight per word:", "  ".join(f"{w} {v:+.3f}" for w, v in zip(vocab, weights)))
assert np.allclose(log_odds_nb, intercept + counts @ weights)
# --8<-- [end:linear]
