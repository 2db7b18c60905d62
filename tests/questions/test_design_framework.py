"""Claims of the page system-design/design_framework.md checked beyond the one dataset its snippet uses."""

import contextlib
import io
import runpy

import numpy as np
import pytest
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    precision_recall_curve,
    precision_score,
    recall_score,
)

from scripts.paths import SNIPPETS


@pytest.fixture(scope="module")
def ns():
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / "design_framework.py"), run_name="__main__")


def test_the_calculator_reproduces_the_rule_of_thumb(ns):
    # 100 M daily users x 20 requests / 86,400 s is about 23 k a second, and the peak scales with the factor.
    average, peak = ns["qps"](100e6, 20, 3)
    assert round(average / 1000) == 23 and peak == pytest.approx(3 * average)
    # Doubling users or requests per user doubles the load.
    assert ns["qps"](200e6, 20, 3)[0] == pytest.approx(2 * average)
    assert ns["qps"](100e6, 40, 3)[0] == pytest.approx(2 * average)


@pytest.mark.parametrize("n", [1, 5, 20])
def test_fan_out_makes_a_per_store_tail_common(n):
    # Simulated latencies: each store is slower than its own p99 on 1 % of calls; the request waits for all.
    rng = np.random.default_rng(n)
    latencies = rng.lognormal(mean=1.5, sigma=0.6, size=(200_000, n))
    p99 = np.quantile(latencies, 0.99, axis=0)
    slow = (latencies > p99).any(axis=1).mean()
    assert slow == pytest.approx(1 - 0.99**n, abs=0.004)


@pytest.mark.parametrize("seed", range(3))
def test_recalibration_after_negative_downsampling_restores_the_rate(seed, ns):
    rng = np.random.default_rng(seed)
    n, w = 200_000, 0.05
    x = rng.normal(size=(n, 1))
    y = (rng.random(n) < 1 / (1 + np.exp(-(x[:, 0] * 1.5 - 4.5)))).astype(int)
    keep = (y == 1) | (rng.random(n) < w)
    model = LogisticRegression().fit(x[keep], y[keep])
    p = model.predict_proba(x)[:, 1]
    assert p.mean() > 3 * y.mean()  # the sampled model over-predicts the positive class...
    q = ns["recalibrate"](p, w)
    assert q.mean() == pytest.approx(y.mean(), rel=0.1)  # ...and the correction puts it back


@pytest.mark.parametrize("rate", [0.01, 0.05, 0.2])
def test_the_majority_class_is_accurate_catches_nothing_and_has_ap_at_the_rate(rate):
    rng = np.random.default_rng(0)
    y = (rng.random(20_000) < rate).astype(int)
    X = rng.normal(size=(y.size, 2))
    dummy = DummyClassifier(strategy="most_frequent").fit(X, y)
    assert accuracy_score(y, dummy.predict(X)) == pytest.approx(1 - y.mean())
    assert recall_score(y, dummy.predict(X)) == 0
    assert average_precision_score(y, dummy.predict_proba(X)[:, 1]) == pytest.approx(y.mean())


def spam_days(seed, n=30_000):
    """The snippet's generator, with another seed."""
    rng = np.random.default_rng(seed)
    day = np.sort(rng.integers(0, 30, n))
    spam = rng.random(n) < 0.02
    age = np.where(spam, rng.exponential(20, n), rng.exponential(300, n))
    strangers = np.where(spam, rng.beta(3, 2, n), rng.beta(1.5, 4, n))
    rate = rng.poisson(np.where(spam, 14, 8))
    X = np.column_stack([np.log1p(age), strangers, rate])
    return X, spam.astype(int), day, age, strangers


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_model_beats_the_rule_at_the_rules_precision(seed):
    X, y, day, age, strangers = spam_days(seed)
    train, test = day < 21, day >= 21
    s = LogisticRegression(max_iter=1000).fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    rule = (age[test] < 7) & (strangers[test] > 0.5)
    rule_precision = precision_score(y[test], rule)
    prec, rec, thr = precision_recall_curve(y[test], s)
    t = thr[np.argmax(prec[:-1] >= rule_precision)]
    assert precision_score(y[test], s >= t) >= rule_precision
    assert recall_score(y[test], s >= t) > 2 * recall_score(y[test], rule)
    assert average_precision_score(y[test], s) > average_precision_score(y[test], rule) > y[test].mean()
