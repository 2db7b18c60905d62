"""Claims of classical/naive_bayes.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from scipy.special import logsumexp
from scipy.stats import norm
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.model_selection import cross_val_predict
from sklearn.naive_bayes import GaussianNB


def independent_given_class(n, seed, prior=0.4, shift=(1.5, 1.2, 0.5)):
    """Binary data whose features are independent normals given the class (the naive model is exact)."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < prior).astype(int)
    X = np.outer(y, shift) + rng.normal(size=(n, len(shift)))
    return X, y


def posterior_by_hand(nb, X):
    """P(y=k | x) proportional to P(y=k) * prod_j N(x_j; theta_kj, var_kj), in log space."""
    log_joint = np.log(nb.class_prior_)[None, :] + norm.logpdf(
        X[:, None, :], loc=nb.theta_[None], scale=np.sqrt(nb.var_)[None]
    ).sum(axis=2)
    return np.exp(log_joint - logsumexp(log_joint, axis=1, keepdims=True))


def test_the_factorized_posterior_equals_predict_proba_on_iris():
    X, y = load_iris(return_X_y=True)
    nb = GaussianNB().fit(X, y)
    np.testing.assert_allclose(posterior_by_hand(nb, X), nb.predict_proba(X), rtol=1e-7, atol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_the_factorized_posterior_equals_predict_proba_on_random_data(seed):
    X, y = independent_given_class(500, seed)
    nb = GaussianNB().fit(X, y)
    np.testing.assert_allclose(posterior_by_hand(nb, X), nb.predict_proba(X), rtol=1e-7, atol=1e-12)


@pytest.mark.parametrize("copies", [2, 3, 5])
@pytest.mark.parametrize("seed", range(2))
def test_k_copies_of_every_feature_multiply_the_likelihood_log_odds_by_k(copies, seed):
    X, y = independent_given_class(1000, seed)
    nb = GaussianNB().fit(X, y)
    nb_k = GaussianNB().fit(np.tile(X, copies), y)
    prior_log_odds = np.log(nb.class_prior_[1] / nb.class_prior_[0])
    log_odds = np.diff(nb.predict_log_proba(X), axis=1).ravel()
    log_odds_k = np.diff(nb_k.predict_log_proba(np.tile(X, copies)), axis=1).ravel()
    np.testing.assert_allclose(log_odds_k - prior_log_odds, copies * (log_odds - prior_log_odds), rtol=1e-6, atol=1e-6)


def test_with_equal_fixed_priors_duplication_changes_probabilities_but_not_one_prediction():
    X, y = independent_given_class(2000, 7)
    nb = GaussianNB(priors=[0.5, 0.5]).fit(X, y)
    nb_dup = GaussianNB(priors=[0.5, 0.5]).fit(np.hstack([X, X]), y)
    np.testing.assert_array_equal(nb.predict(X), nb_dup.predict(np.hstack([X, X])))
    conf = nb.predict_proba(X).max(axis=1)
    conf_dup = nb_dup.predict_proba(np.hstack([X, X])).max(axis=1)
    assert np.all(conf_dup >= conf - 1e-12) and conf_dup.mean() > conf.mean() + 0.03


def test_duplicating_only_one_feature_moves_the_boundary():
    # Only that feature's evidence is doubled, so the model weighs it more and some predictions flip.
    X, y = independent_given_class(2000, 8)
    nb = GaussianNB().fit(X, y)
    X_more = np.hstack([X, X[:, [2]]])
    nb_more = GaussianNB().fit(X_more, y)
    assert np.any(nb.predict(X) != nb_more.predict(X_more))


@pytest.mark.parametrize("seed", range(3))
def test_independent_given_the_class_is_not_independent_overall(seed):
    X, y = independent_given_class(6000, seed)
    overall = np.corrcoef(X[:, 0], X[:, 1])[0, 1]
    within = [np.corrcoef(X[y == k, 0], X[y == k, 1])[0, 1] for k in (0, 1)]
    assert overall > 0.2
    assert max(abs(r) for r in within) < 0.06


@pytest.mark.parametrize("seed", range(3))
def test_when_the_assumption_holds_the_probabilities_are_calibrated(seed):
    X, y = independent_given_class(6000, seed)
    nb = GaussianNB().fit(X[:3000], y[:3000])
    conf = nb.predict_proba(X[3000:]).max(axis=1)
    assert abs(conf.mean() - nb.score(X[3000:], y[3000:])) < 0.02


def test_on_correlated_real_features_it_is_accurate_but_overconfident():
    # Breast-cancer features (radius, perimeter, area, ...) are strongly correlated within each class.
    X, y = load_breast_cancer(return_X_y=True)
    within = np.corrcoef(X[y == 0][:, [0, 2, 3]].T)  # mean radius, perimeter, area in one class
    assert within[np.triu_indices(3, 1)].min() > 0.9
    p = cross_val_predict(GaussianNB(), X, y, cv=5, method="predict_proba")[:, 1]
    pred, conf = (p > 0.5).astype(int), np.maximum(p, 1 - p)
    assert 0.93 < (pred == y).mean() < 0.95  # the ranking is good ...
    very_sure = conf > 0.99
    assert very_sure.mean() > 0.9  # ... but it claims 99 % certainty on over 90 % of the rows
    assert 0.03 < (pred != y)[very_sure].mean() < 0.05  # and is wrong on about 4 % of those
