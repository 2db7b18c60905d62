"""Claims of the page system-design/ads_ctr_prediction.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score


def recalibrate(p, w):
    return p / (p + (1 - p) / w)


def normalised_entropy(y, p, b):
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) / -(b * np.log(b) + (1 - b) * np.log(1 - b))


def impressions(seed, n):
    """The snippet's simulation: a known logistic CTR model over five hashed categorical fields."""
    rng = np.random.default_rng(seed)
    cardinality = {"user": 1000, "ad": 300, "site": 100, "device": 3, "hour": 24}
    spread = {"user": 0.6, "ad": 0.8, "site": 0.5, "device": 0.3, "hour": 0.3}
    ids = {f: rng.integers(0, c, size=n) for f, c in cardinality.items()}
    effect = {f: rng.normal(scale=spread[f], size=c) for f, c in cardinality.items()}
    true_ctr = 1 / (1 + np.exp(-(-4.4 + sum(effect[f][ids[f]] for f in cardinality))))
    clicked = (rng.random(n) < true_ctr).astype(int)
    rows = [[f"{f}={v}" for f, v in zip(cardinality, vals)] for vals in zip(*ids.values())]
    return FeatureHasher(n_features=2**18, input_type="string").transform(rows), clicked, true_ctr, rng


@pytest.mark.parametrize("w", [0.01, 0.1, 0.5])
def test_the_recalibration_inverts_what_downsampling_does_to_a_probability(w):
    q = np.linspace(0.001, 0.999, 999)
    p = q / (q + w * (1 - q))  # the click share among rows kept at rate w for non-clicks
    assert np.allclose(recalibrate(p, w), q)
    # In odds, downsampling is a multiplication by 1 / w.
    assert np.allclose(p / (1 - p), q / (1 - q) / w)


@pytest.mark.parametrize("seed", range(3))
def test_downsampled_and_recalibrated_predictions_match_the_base_rate_and_rank_as_well(seed):
    X, clicked, true_ctr, rng = impressions(seed, 100_000)
    train, test = np.arange(75_000), np.arange(75_000, 100_000)
    w = 0.1
    keep = (clicked[train] == 1) | (rng.random(len(train)) < w)
    full = LogisticRegression(C=0.3, solver="newton-cg").fit(X[train], clicked[train])
    down = LogisticRegression(C=0.3, solver="newton-cg").fit(X[train][keep], clicked[train][keep])
    p_full = full.predict_proba(X[test])[:, 1]
    p_raw = down.predict_proba(X[test])[:, 1]
    q = recalibrate(p_raw, w)
    base = true_ctr[test].mean()
    assert p_raw.mean() > 5 * base
    assert q.mean() == pytest.approx(base, rel=0.08)
    auc_full, auc_raw, auc_q = (roc_auc_score(clicked[test], p) for p in (p_full, p_raw, q))
    # Recalibration cannot change the AUC; discarding 90 % of the non-clicks costs a little.
    assert auc_q == auc_raw and 0 <= auc_full - auc_q < 0.02
    y, b = clicked[test], clicked[test].mean()
    assert normalised_entropy(y, p_raw, b) > 1.5 > 1 > normalised_entropy(y, q, b)
    assert abs(normalised_entropy(y, q, b) - normalised_entropy(y, p_full, b)) < 0.02


@pytest.mark.parametrize("w", [0.05, 0.2])
def test_downsampling_shifts_a_logistic_regressions_intercept_by_minus_log_w(w):
    rng = np.random.default_rng(1)
    n = 400_000
    X = rng.normal(size=(n, 2))
    y = (rng.random(n) < 1 / (1 + np.exp(-(X @ [1.0, -0.5] - 4.0)))).astype(int)
    keep = (y == 1) | (rng.random(n) < w)
    full = LogisticRegression(C=1e6).fit(X, y)
    down = LogisticRegression(C=1e6).fit(X[keep], y[keep])
    assert down.intercept_[0] - full.intercept_[0] == pytest.approx(-np.log(w), abs=0.1)
    assert np.allclose(down.coef_, full.coef_, atol=0.05)  # the slopes do not move


def test_a_constant_at_the_background_ctr_has_ne_one_and_a_model_with_signal_below_one():
    rng = np.random.default_rng(0)
    p_true = rng.uniform(0.005, 0.08, size=200_000)
    y = (rng.random(p_true.size) < p_true).astype(int)
    b = y.mean()
    assert normalised_entropy(y, np.full(y.size, b), b) == pytest.approx(1)
    assert normalised_entropy(y, p_true, b) < 0.97


def test_scaling_every_prediction_leaves_the_auc_unchanged():
    rng = np.random.default_rng(0)
    p = rng.uniform(0.001, 0.05, size=5000)
    y = (rng.random(p.size) < p).astype(int)
    assert roc_auc_score(y, 10 * p) == roc_auc_score(y, p)


def test_uncorrected_predictions_squash_large_ctrs_more_than_small_ones():
    w = 0.1
    small, large = 0.01, 0.06
    raw = lambda q: q / (q + w * (1 - q))  # noqa: E731
    # The ratio of the raw predictions is smaller than the true ratio, which is what can flip
    # the order of bid x pCTR between ads with different bids.
    assert raw(large) / raw(small) < large / small
    assert np.argmax([1.0 * large, 5.0 * small]) == 0 and np.argmax([1.0 * raw(large), 5.0 * raw(small)]) == 1


@pytest.mark.parametrize("bits", [8, 10, 12])
def test_the_share_of_colliding_strings_follows_one_minus_one_minus_one_over_b(bits):
    vocabulary = [f"id={i}" for i in range(1500)]
    columns = FeatureHasher(n_features=2**bits, input_type="string").transform([[t] for t in vocabulary]).indices
    _, where, counts = np.unique(columns, return_inverse=True, return_counts=True)
    shared = np.mean(counts[where] > 1)
    expected = 1 - (1 - 2.0**-bits) ** (len(vocabulary) - 1)
    assert shared == pytest.approx(expected, abs=0.04)
    assert expected == pytest.approx(1 - np.exp(-len(vocabulary) / 2**bits), abs=0.01)
