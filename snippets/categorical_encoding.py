"""Encoding categorical features: one-hot, ordinal, target encoding (and its leak when
it is not cross-fitted), the hashing trick, and native categorical splits in gradient
boosting.

Run on its own: python snippets/categorical_encoding.py
"""

import numpy as np
import pandas as pd

# --8<-- [start:one_hot]
from sklearn.preprocessing import OneHotEncoder

colours = pd.DataFrame({"colour": ["red", "green", "blue", "green"]})
ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(colours)
print("columns:", list(ohe.get_feature_names_out()))
new = pd.DataFrame({"colour": ["green", "purple"]})  # purple was never seen in fit
print(ohe.transform(new))  # the unseen category becomes a row of zeros

try:
    OneHotEncoder().fit(colours).transform(new)  # the default, handle_unknown="error"
except ValueError as error:
    print("default encoder:", str(error).splitlines()[0])
# --8<-- [end:one_hot]

assert ohe.transform(new)[1].sum() == 0 and ohe.transform(new)[0].sum() == 1

# --8<-- [start:ordinal]
from sklearn.preprocessing import OrdinalEncoder

sizes = pd.DataFrame({"size": ["M", "S", "XL", "L"]})
alphabetical = OrdinalEncoder().fit(sizes)
print("default order:", list(alphabetical.categories_[0]))  # sorted, not S < M < L
ordered = OrdinalEncoder(categories=[["S", "M", "L", "XL"]]).fit(sizes)
print("codes for M, S, XL, L:", ordered.transform(sizes).ravel())
# --8<-- [end:ordinal]

assert list(alphabetical.categories_[0]) == ["L", "M", "S", "XL"]
assert list(ordered.transform(sizes).ravel()) == [1, 0, 3, 2]

# --8<-- [start:data]
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(0)
n = 4000
cities = np.array(["Bath", "Cork", "Derby", "Hull", "Leeds", "Luton", "Perth", "York"])
city = cities[rng.integers(0, len(cities), n)]
risky = np.isin(city, ["Cork", "Leeds", "Perth"])  # a set, not a range of the alphabet
y = (rng.random(n) < np.where(risky, 0.7, 0.3)).astype(int)
user_id = np.array([f"u{i}" for i in rng.integers(0, n, n)])  # random: no signal
X = pd.DataFrame({"city": city, "user_id": user_id})
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, random_state=0)
n_users = X_tr["user_id"].nunique()
print(f"{len(X_tr)} training rows, {n_users} distinct user IDs in them")
# --8<-- [end:data]

# --8<-- [start:target_formula]
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import TargetEncoder

m = 10.0  # the smoothing strength, `smooth`
enc = TargetEncoder(smooth=m, cv=StratifiedKFold(5, shuffle=True, random_state=0))
enc.fit(X_tr[["city"]], y_tr)
stats = pd.DataFrame({"city": X_tr["city"], "y": y_tr}).groupby("city")["y"]
by_hand = (stats.sum() + m * y_tr.mean()) / (stats.count() + m)  # shrunk category mean
print(
    pd.DataFrame({"encoding": enc.encodings_[0], "by hand": by_hand}).round(3).head(3)
)

auto = TargetEncoder().fit(X_tr[["user_id"]], y_tr)  # the default, smooth="auto"
codes = auto.transform(X_tr[["user_id"]]).ravel()
single = ~X_tr["user_id"].duplicated(keep=False).to_numpy()  # IDs with one training row
own_label = np.mean(codes[single] == y_tr[single])
print(f'smooth="auto": single-row IDs encoded as their own label: {own_label:.0%}')

naive = enc.transform(X_tr[["city"]])  # fit, then transform the same rows
crossed = enc.fit_transform(X_tr[["city"]], y_tr)  # each fold from the other folds
print(f"fit().transform() equals fit_transform(): {np.allclose(naive, crossed)}")
# --8<-- [end:target_formula]

assert np.allclose(enc.encodings_[0], by_hand.to_numpy())
# smooth="auto" gives a pure category m_i = 0: no shrinkage at all
assert single.sum() > 500 and own_label == 1.0
assert not np.allclose(naive, crossed)

# --8<-- [start:leak]
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

scores = {}
for columns in (["user_id"], ["city", "user_id"]):
    for how in ("naive", "cross-fitted"):
        enc = TargetEncoder(cv=StratifiedKFold(5, shuffle=True, random_state=0))
        if how == "naive":
            Z_tr = enc.fit(X_tr[columns], y_tr).transform(X_tr[columns])
        else:
            Z_tr = enc.fit_transform(X_tr[columns], y_tr)
        Z_te = enc.transform(X_te[columns])  # test rows: the full-data encoding
        model = LogisticRegression().fit(Z_tr, y_tr)
        train = roc_auc_score(y_tr, model.predict_proba(Z_tr)[:, 1])
        test = roc_auc_score(y_te, model.predict_proba(Z_te)[:, 1])
        scores[" + ".join(columns), how] = train, test
        print(
            f"{' + '.join(columns):15} {how:12}  "
            f"train AUC {train:.3f}  test AUC {test:.3f}"
        )
# --8<-- [end:leak]

naive_id, crossed_id = scores["user_id", "naive"], scores["user_id", "cross-fitted"]
assert naive_id[0] > 0.95 and abs(naive_id[1] - 0.5) < 0.05  # near-perfect, then chance
assert abs(crossed_id[0] - 0.5) < 0.05 and abs(crossed_id[1] - 0.5) < 0.05  # honest
naive_both, crossed_both = (
    scores["city + user_id", "naive"],
    scores["city + user_id", "cross-fitted"],
)
assert naive_both[0] > 0.95 and crossed_both[1] > naive_both[1] + 0.05
assert abs(crossed_both[0] - crossed_both[1]) < 0.02  # train score tells the truth

# --8<-- [start:hashing]
from sklearn.feature_extraction import FeatureHasher

ids = [[u] for u in X_tr["user_id"].unique()]  # one string feature per row
shared = {}
for n_features in (2**10, 2**20):
    hashed = FeatureHasher(n_features=n_features, input_type="string").transform(ids)
    _, per_column = np.unique(hashed.indices, return_counts=True)
    shared[n_features] = per_column[per_column > 1].sum() / len(ids)
    expected = 1 - (1 - 1 / n_features) ** (len(ids) - 1)
    print(
        f"{n_features:7d} columns: {len(per_column):4d} used, IDs sharing a column "
        f"{shared[n_features]:.1%} (expected {expected:.1%})"
    )
print("values written:", np.unique(hashed.data))  # alternate_sign=True: +1 or -1
# --8<-- [end:hashing]

assert abs(shared[2**10] - (1 - (1 - 2**-10) ** (len(ids) - 1))) < 0.03
assert shared[2**10] > 0.7 and shared[2**20] < 0.01

# --8<-- [start:native]
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.tree import DecisionTreeClassifier

one_split = {"max_iter": 1, "max_depth": 1, "learning_rate": 1.0}
models = {
    "logistic, ordinal codes": make_pipeline(OrdinalEncoder(), LogisticRegression()),
    "logistic, one-hot": make_pipeline(OneHotEncoder(), LogisticRegression()),
    "1 split, ordinal codes": make_pipeline(
        OrdinalEncoder(), HistGradientBoostingClassifier(**one_split)
    ),
    "1 split, native": HistGradientBoostingClassifier(**one_split),  # from_dtype
    "tree, ordinal codes": make_pipeline(
        OrdinalEncoder(), DecisionTreeClassifier(min_samples_leaf=50, random_state=0)
    ),
}
city_tr = X_tr[["city"]].astype("category")  # pandas category dtype: native splits
city_te = X_te[["city"]].astype("category")
auc = {}
for name, model in models.items():
    model.fit(city_tr, y_tr)
    auc[name] = roc_auc_score(y_te, model.predict_proba(city_te)[:, 1])
    print(f"{name:24} test AUC {auc[name]:.3f}")
leaves = models["tree, ordinal codes"][-1].get_n_leaves()
print(f"the tree on ordinal codes needed {leaves} leaves")
# --8<-- [end:native]

best = auc["logistic, one-hot"]
assert naive_both[1] < best - 0.05  # the leaked column drowns the real signal
assert auc["tree, ordinal codes"] == best and abs(auc["1 split, native"] - best) < 0.01
assert (
    auc["1 split, ordinal codes"] < best - 0.1 and auc["logistic, ordinal codes"] < 0.6
)
assert leaves >= 7  # codes 1, 4 and 6 are the risky cities: 7 intervals at least
# the one native split puts exactly the three risky cities on one side
p_city = models["1 split, native"].predict_proba(
    pd.DataFrame({"city": cities}).astype(city_tr["city"].dtype)
)[:, 1]
assert set(cities[p_city > p_city.mean()]) == {"Cork", "Leeds", "Perth"}
