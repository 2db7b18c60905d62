"""Training-serving skew: a naive "latest value" join against point-in-time joins with
pandas.merge_asof, one feature computed two ways offline and online, a feature TTL, and
the size and read rate of an online feature store.

Run on its own: python snippets/training_serving_skew.py
"""

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# --8<-- [start:capacity]
# Assumptions (say them aloud): 100 M users with 200 features each and 10 M items with
# 50 each; every value takes 8 bytes; keys, encoding and fragmentation double the raw
# size; 3 replicas. Traffic: 50 M daily users x 20 requests a day, peak 3x average;
# each request reads one user row and the rows of 100 candidate items.
users, user_feats, items, item_feats, value_bytes = 100e6, 200, 10e6, 50, 8
overhead, replicas = 2.0, 3
raw_gb = (users * user_feats + items * item_feats) * value_bytes / 1e9
stored_gb = raw_gb * overhead * replicas
print(f"raw values {raw_gb:,.0f} GB; stored {stored_gb:,.0f} GB", end=" ")
print(f"(~{stored_gb / 64:.0f} nodes of 64 GB memory)")

daily_users, requests_per_user, peak_factor, candidates = 50e6, 20, 3, 100
avg_qps = daily_users * requests_per_user / 86_400
peak_qps = peak_factor * avg_qps
row_reads = peak_qps * (1 + candidates)
read_gb_s = peak_qps * (user_feats + candidates * item_feats) * value_bytes / 1e9
print(f"requests: {avg_qps:,.0f}/s average, {peak_qps:,.0f}/s at peak")
print(f"row reads at peak: {row_reads / 1e6:.1f} M/s, {read_gb_s:.1f} GB/s of values")

# The item features are small: cache them in every model server's memory, and the
# online store serves one user row per request.
item_gb = items * item_feats * value_bytes / 1e9
user_mb_s = peak_qps * user_feats * value_bytes / 1e6
print(f"item features {item_gb:.0f} GB raw: cached in each model server, the store")
print(f"then serves {peak_qps:,.0f} user rows/s at peak ({user_mb_s:.0f} MB/s)")
# --8<-- [end:capacity]

assert round(raw_gb) == 164 and round(stored_gb) == 984
assert round(avg_qps) == 11574 and round(peak_qps) == 34722
assert round(row_reads / 1e6, 1) == 3.5 and round(read_gb_s, 1) == 1.4
assert round(item_gb) == 4 and round(user_mb_s) == 56

# --8<-- [start:event_log]
# 3,000 users over 140 days. A user's purchase rate wanders from day to day (a
# persistent random walk in log space), so last week's purchases predict next week's.
# Subscribers buy about twice as often: a static feature, true at every moment.
n_users, n_days = 3000, 140
subscriber = rng.random(n_users) < 0.3
base_rate = 0.08 * np.exp(rng.normal(0, 0.6, n_users)) * np.where(subscriber, 2, 1)
walk = np.zeros((n_users, n_days))
walk[:, 0] = rng.normal(0, 0.25 / np.sqrt(1 - 0.97**2), n_users)
for d in range(1, n_days):
    walk[:, d] = 0.97 * walk[:, d - 1] + rng.normal(0, 0.25, n_users)
daily = rng.poisson(base_rate[:, None] * np.exp(walk))  # purchases per user and day

# Each purchase gets a time of day; times are in days since 2024-01-01.
u_idx, d_idx = np.nonzero(daily)
n_buys = daily[u_idx, d_idx]
buy_user = np.repeat(u_idx, n_buys)
buy_time = np.repeat(d_idx, n_buys) + rng.random(n_buys.sum())

# The batch pipeline writes one row per user and day: purchases in the 7 calendar days
# ending with that day. The row is stamped with the day's date, but the job can only
# run once the day is over.
cum = np.concatenate([np.zeros((n_users, 1), int), daily.cumsum(axis=1)], axis=1)
last_7 = cum[:, 1:] - cum[:, np.maximum(np.arange(n_days) - 6, 0)]
day0 = pd.Timestamp("2024-01-01")
features = pd.DataFrame(
    {
        "user_id": np.repeat(np.arange(n_users), n_days),
        "snapshot_date": (
            day0 + pd.to_timedelta(np.tile(np.arange(n_days), n_users), "D")
        ).astype("datetime64[ns]"),
        "purchases_7d": last_7.ravel(),
    }
).sort_values("snapshot_date", kind="stable", ignore_index=True)
print(f"{len(buy_time):,} purchases; feature table {len(features):,} rows, e.g.")
print(features[features.user_id == 27].iloc[100:103].to_string(index=False))
# --8<-- [end:event_log]

assert last_7[7, 100] == daily[7, 94:101].sum()

# --8<-- [start:labels]
# A request: user u opens the app at time t. Label: does u buy in (t, t + 7 days]?
key = np.sort(buy_user * 1000.0 + buy_time)  # purchases sorted by user, then time


def requests(n, first_day, last_day):
    user = rng.integers(0, n_users, n)
    t = rng.uniform(first_day, last_day, n)
    bought = np.searchsorted(key, user * 1000.0 + t + 7) - np.searchsorted(
        key, user * 1000.0 + t
    )
    time = (day0 + pd.to_timedelta(t, "D")).floor("min").astype("datetime64[ns]")
    frame = pd.DataFrame(
        {
            "user_id": user,
            "event_time": time,
            "event_date": time.floor("D"),
            "subscriber": subscriber[user].astype(int),
            "label": (bought > 0).astype(int),
        }
    )
    return frame.sort_values("event_time", kind="stable", ignore_index=True)


train_req = requests(30_000, 79, 93)  # training requests, days 79-92
valid_req = requests(8_000, 93, 100)  # offline validation, later in time: days 93-99
serve_req = requests(15_000, 110, 126)  # after launch, days 110-125
print(train_req.head(3).to_string(index=False))
print(f"positive rate {train_req.label.mean():.3f}")
# --8<-- [end:labels]

# --8<-- [start:joins]
# The training set is built on day 107, once every validation label has matured.
built = features[features.snapshot_date <= day0 + pd.Timedelta(days=106)]
latest = built.groupby("user_id").tail(1)[["user_id", "purchases_7d"]]


def naive_join(req):
    """The bug: every request gets the value the table holds when the set is built."""
    return req.merge(latest, on="user_id", how="left")


def asof_join(req, allow_exact_matches):
    """Point in time: each request gets the last snapshot dated on or before (True)
    or strictly before (False) the request's date."""
    return pd.merge_asof(
        req,
        features,
        left_on="event_date",
        right_on="snapshot_date",
        by="user_id",
        direction="backward",
        allow_exact_matches=allow_exact_matches,
    )


def design(frame):
    return np.column_stack([np.log1p(frame.purchases_7d), frame.subscriber])


joins = {
    "naive, latest value": naive_join,
    "as-of, same day allowed": lambda req: asof_join(req, True),
    "as-of, strictly earlier": lambda req: asof_join(req, False),
}
# At serving time the online store holds yesterday's row: the strict as-of join.
serve = asof_join(serve_req, False)
auc, models = {}, {}
for name, join in joins.items():
    train, valid = join(train_req), join(valid_req)
    models[name] = model = LogisticRegression().fit(design(train), train.label)
    offline = roc_auc_score(valid.label, model.predict_proba(design(valid))[:, 1])
    launched = roc_auc_score(serve.label, model.predict_proba(design(serve))[:, 1])
    auc[name] = (offline, launched)
    print(f"{name:24s} offline AUC {offline:.3f}  after launch {launched:.3f}")
# --8<-- [end:joins]

(naive_off, naive_on), (same_off, same_on), (pit_off, pit_on) = auc.values()
# The naive set inflates the offline AUC; the point-in-time one predicts launch.
assert naive_off - naive_on > 0.1
assert abs(pit_off - pit_on) < 0.02
# Allowing the same day's snapshot leaks a little: purchases later that day.
assert naive_off > same_off > pit_off + 0.01
# After launch all three rank users about as well: the harm is the estimate.
assert max(on for _, on in auc.values()) - min(on for _, on in auc.values()) < 0.01
assert serve.purchases_7d.notna().all()

# --8<-- [start:ttl]
# Freshness: the pipeline fails on days 115-119 and writes no rows. With a TTL of
# 2 days (merge_asof's tolerance) requests get no value and fall back to a default;
# without one they silently read a value up to 6 days old.
ttl_result = {}
outage = features[~features.snapshot_date.between("2024-04-25", "2024-04-29")]
for ttl_days in (None, 2):
    ttl = None if ttl_days is None else pd.Timedelta(days=ttl_days)
    joined = pd.merge_asof(
        serve_req,
        outage,
        left_on="event_date",
        right_on="snapshot_date",
        by="user_id",
        allow_exact_matches=False,
        tolerance=ttl,
    )
    age = (joined.event_date - joined.snapshot_date).dt.days
    name = "no TTL" if ttl is None else f"TTL {ttl_days} days"
    print(f"{name:10s} missing {joined.purchases_7d.isna().mean():.1%}", end="")
    print(f", oldest value used {age.max():.0f} days")
    ttl_result[ttl_days] = (joined.purchases_7d.isna().mean(), age.max())
# --8<-- [end:ttl]

assert day0 + pd.Timedelta(days=115) == pd.Timestamp("2024-04-25")
assert ttl_result[None] == (0.0, 6) and ttl_result[2][1] == 2
assert 0.2 < ttl_result[2][0] < 0.3  # requests of days 117-120: 4 of the 16 days

# --8<-- [start:skew]
# One feature, written twice. Offline (warehouse SQL): purchases in the last 7 calendar
# days, zeros included. Online (a service over a sparse table of daily totals, where a
# day without purchases has no row): the sum of the user's last 7 rows, which are the
# last 7 days *with* a purchase.
day = 120  # scored at midnight: both read the days before day 120
past = daily[:, :day]
offline_value = past[:, -7:].sum(axis=1)
has_row = past > 0
rows_from_end = np.cumsum(has_row[:, ::-1], axis=1)[:, ::-1]
online_value = (past * (has_row & (rows_from_end <= 7))).sum(axis=1)

model = models["as-of, strictly earlier"]
now = np.arange(n_users) * 1000.0 + day
label = np.searchsorted(key, now + 7) > np.searchsorted(key, now)
p = {}
for name, value in (("offline", offline_value), ("online", online_value)):
    frame = pd.DataFrame({"purchases_7d": value, "subscriber": subscriber.astype(int)})
    p[name] = model.predict_proba(design(frame))[:, 1]
    print(f"{name:8s} mean feature {value.mean():5.2f}", end="  ")
    print(f"mean prediction {p[name].mean():.3f}")
print(f"observed positive rate          {label.mean():.3f}")
shift = p["online"] - p["offline"]
print(f"users whose prediction rises by more than 0.1: {(shift > 0.1).mean():.0%}")
print(f"users above 0.5: offline {(p['offline'] > 0.5).mean():.1%}", end="")
print(f", online {(p['online'] > 0.5).mean():.1%}")
# --8<-- [end:skew]

# The last 7 rows always cover at least the last 7 days' purchases.
assert (online_value >= offline_value).all()
# Offline predictions are calibrated on average; online ones are biased upwards,
# which the prediction-bias check (mean prediction vs observed rate) catches.
assert abs(p["offline"].mean() - label.mean()) < 0.03
assert p["online"].mean() - label.mean() > 0.1
assert (shift > 0.1).mean() > 0.3 and (p["online"] > 0.5).mean() > 0.99
