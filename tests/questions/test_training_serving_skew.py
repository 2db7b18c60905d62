"""Claims of the page training_serving_skew.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

DAY0 = pd.Timestamp("2024-01-01")


def test_merge_asof_backward_exact_matches_by_and_tolerance_behave_as_the_page_says():
    features = pd.DataFrame(
        {
            "user_id": [1, 2, 1, 1],
            "snapshot_date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05"]),
            "value": [10, 20, 30, 50],
        }
    )
    requests = pd.DataFrame(
        {
            "user_id": [1, 1, 2, 1],
            "event_date": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-03", "2024-01-09"]),
        }
    )
    kw = dict(left_on="event_date", right_on="snapshot_date", by="user_id", direction="backward")
    inclusive = pd.merge_asof(requests, features, allow_exact_matches=True, **kw)
    strict = pd.merge_asof(requests, features, allow_exact_matches=False, **kw)
    # Backward: the last row at or before the request, of the same user (the `by` column is unsorted).
    assert inclusive.value.tolist()[:3] == [10, 30, 20]
    # Strictly before: the same-day row is skipped, and a request with no earlier row gets NaN.
    assert np.isnan(strict.value[0]) and strict.value.tolist()[1:3] == [10, 20]
    # tolerance acts as a TTL: the 4-day-old value is dropped with a 2-day tolerance.
    assert inclusive.value[3] == 50
    ttl = pd.merge_asof(requests, features, allow_exact_matches=True, tolerance=pd.Timedelta(days=2), **kw)
    assert np.isnan(ttl.value[3])


def simulate(seed, n_users=1500, n_days=120):
    """A smaller copy of the snippet's world: a wandering purchase rate and daily 7-day counts."""
    rng = np.random.default_rng(seed)
    subscriber = rng.random(n_users) < 0.3
    base = 0.08 * np.exp(rng.normal(0, 0.6, n_users)) * np.where(subscriber, 2, 1)
    walk = np.zeros((n_users, n_days))
    walk[:, 0] = rng.normal(0, 0.25 / np.sqrt(1 - 0.97**2), n_users)
    for d in range(1, n_days):
        walk[:, d] = 0.97 * walk[:, d - 1] + rng.normal(0, 0.25, n_users)
    daily = rng.poisson(base[:, None] * np.exp(walk))
    u, d = np.nonzero(daily)
    k = daily[u, d]
    key = np.sort(np.repeat(u, k) * 1000.0 + np.repeat(d, k) + rng.random(k.sum()))
    cum = np.concatenate([np.zeros((n_users, 1), int), daily.cumsum(axis=1)], axis=1)
    last_7 = cum[:, 1:] - cum[:, np.maximum(np.arange(n_days) - 6, 0)]
    features = pd.DataFrame(
        {
            "user_id": np.repeat(np.arange(n_users), n_days),
            "snapshot_date": (DAY0 + pd.to_timedelta(np.tile(np.arange(n_days), n_users), "D")).astype(
                "datetime64[ns]"
            ),
            "purchases_7d": last_7.ravel(),
        }
    ).sort_values("snapshot_date", kind="stable", ignore_index=True)

    def requests(n, lo, hi):
        user, t = rng.integers(0, n_users, n), rng.uniform(lo, hi, n)
        bought = np.searchsorted(key, user * 1000.0 + t + 7) - np.searchsorted(key, user * 1000.0 + t)
        time = (DAY0 + pd.to_timedelta(t, "D")).astype("datetime64[ns]")
        frame = pd.DataFrame(
            {"user_id": user, "event_date": time.floor("D"), "subscriber": subscriber[user].astype(int)}
        )
        frame["label"] = (bought > 0).astype(int)
        return frame.sort_values("event_date", kind="stable", ignore_index=True)

    return features, requests(15_000, 79, 93), requests(5_000, 93, 100), requests(8_000, 104, 118)


def design(frame):
    return np.column_stack([np.log1p(frame.purchases_7d), frame.subscriber])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_naive_join_inflates_offline_auc_and_the_point_in_time_join_predicts_launch(seed):
    features, train_req, valid_req, serve_req = simulate(seed)
    latest = features[features.snapshot_date <= DAY0 + pd.Timedelta(days=106)].groupby("user_id").tail(1)

    def naive(req):
        return req.merge(latest[["user_id", "purchases_7d"]], on="user_id")

    def strict(req):
        return pd.merge_asof(
            req,
            features,
            left_on="event_date",
            right_on="snapshot_date",
            by="user_id",
            allow_exact_matches=False,
        )

    serve = strict(serve_req)
    scores = {}
    for name, join in (("naive", naive), ("strict", strict)):
        train, valid = join(train_req), join(valid_req)
        model = LogisticRegression().fit(design(train), train.label)
        offline = roc_auc_score(valid.label, model.predict_proba(design(valid))[:, 1])
        launched = roc_auc_score(serve.label, model.predict_proba(design(serve))[:, 1])
        scores[name] = offline, launched
    assert scores["naive"][0] - scores["naive"][1] > 0.08
    assert abs(scores["strict"][0] - scores["strict"][1]) < 0.03


@pytest.mark.parametrize("seed", range(5))
def test_the_sum_of_the_last_7_stored_rows_never_undercounts_the_last_7_days(seed):
    rng = np.random.default_rng(seed)
    past = rng.poisson(rng.exponential(0.3, (500, 1)), (500, 60))
    offline = past[:, -7:].sum(axis=1)
    has_row = past > 0
    rows_from_end = np.cumsum(has_row[:, ::-1], axis=1)[:, ::-1]
    online = (past * (has_row & (rows_from_end <= 7))).sum(axis=1)
    assert (online >= offline).all()
    # and for light users (fewer than 7 active days a week) it overcounts on average
    assert online.mean() > offline.mean() + 0.5
