"""Claims of classical/categorical_encoding.md checked beyond the one data set its snippet uses."""

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, TargetEncoder

CITIES = np.array(["Bath", "Cork", "Derby", "Hull", "Leeds", "Luton", "Perth", "York"])
RISKY = ["Cork", "Leeds", "Perth"]


def make_data(seed, n=4000):
    rng = np.random.default_rng(seed)
    city = CITIES[rng.integers(0, len(CITIES), n)]
    y = (rng.random(n) < np.where(np.isin(city, RISKY), 0.7, 0.3)).astype(int)
    user_id = np.array([f"u{i}" for i in rng.integers(0, n, n)])
    X = pd.DataFrame({"city": city, "user_id": user_id})
    return train_test_split(X, y, test_size=0.5, random_state=seed)


def cv(seed=0):
    return StratifiedKFold(5, shuffle=True, random_state=seed)


def auc_pair(Z_tr, y_tr, Z_te, y_te):
    model = LogisticRegression().fit(Z_tr, y_tr)
    return (
        roc_auc_score(y_tr, model.predict_proba(Z_tr)[:, 1]),
        roc_auc_score(y_te, model.predict_proba(Z_te)[:, 1]),
    )


@pytest.mark.parametrize("seed", range(1, 4))
def test_naive_target_encoding_of_random_ids_is_perfect_in_training_and_chance_on_test(seed):
    X_tr, X_te, y_tr, y_te = make_data(seed)
    enc = TargetEncoder(cv=cv(seed))
    ids_tr, ids_te = X_tr[["user_id"]], X_te[["user_id"]]
    naive = auc_pair(enc.fit(ids_tr, y_tr).transform(ids_tr), y_tr, enc.transform(ids_te), y_te)
    crossed = auc_pair(enc.fit_transform(ids_tr, y_tr), y_tr, enc.transform(ids_te), y_te)
    assert naive[0] > 0.95 and abs(naive[1] - 0.5) < 0.05
    assert abs(crossed[0] - 0.5) < 0.05 and abs(crossed[1] - 0.5) < 0.05


@pytest.mark.parametrize("smooth", [10.0, 100.0])
def test_smoothing_does_not_stop_the_leak(smooth):
    X_tr, X_te, y_tr, y_te = make_data(5)
    enc = TargetEncoder(smooth=smooth, cv=cv())
    Z_tr = enc.fit(X_tr[["user_id"]], y_tr).transform(X_tr[["user_id"]])
    train, test = auc_pair(Z_tr, y_tr, enc.transform(X_te[["user_id"]]), y_te)
    assert train > 0.9 and abs(test - 0.5) < 0.05


def test_a_singleton_category_is_encoded_by_a_function_that_increases_with_its_own_label():
    X = pd.DataFrame({"c": ["a", "b", "c", "d", "e", "e", "e", "e"]})
    y = np.array([1, 0, 1, 0, 1, 0, 1, 0])
    for m in (0.5, 5.0, 50.0):
        enc = TargetEncoder(smooth=m, target_type="binary").fit(X, y)
        codes = enc.transform(X).ravel()[:4]  # the four singletons a, b, c, d
        expected = (y[:4] + m * y.mean()) / (1 + m)
        assert np.allclose(codes, expected)
        assert codes[y[:4] == 1].min() > codes[y[:4] == 0].max()  # the label can be read off


def test_a_pipeline_cross_fits_the_target_encoder_during_fit():
    X_tr, _, y_tr, _ = make_data(2)
    cols = ["city", "user_id"]
    pipe = make_pipeline(TargetEncoder(cv=cv()), LogisticRegression()).fit(X_tr[cols], y_tr)
    by_hand = LogisticRegression().fit(TargetEncoder(cv=cv()).fit_transform(X_tr[cols], y_tr), y_tr)
    naive_enc = TargetEncoder(cv=cv()).fit(X_tr[cols], y_tr)
    naive = LogisticRegression().fit(naive_enc.transform(X_tr[cols]), y_tr)
    assert np.allclose(pipe[-1].coef_, by_hand.coef_)
    assert not np.allclose(pipe[-1].coef_, naive.coef_, atol=1e-2)


def test_unseen_categories_one_hot_zeros_and_target_encoder_mean():
    X = pd.DataFrame({"c": ["a", "a", "b", "b", "b"]})
    y = np.array([1, 0, 1, 1, 0])
    new = pd.DataFrame({"c": ["z"]})
    assert OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(X).transform(new).sum() == 0
    with pytest.raises(ValueError):
        OneHotEncoder().fit(X).transform(new)
    enc = TargetEncoder(target_type="binary").fit(X, y)
    assert enc.transform(new)[0, 0] == pytest.approx(enc.target_mean_) == pytest.approx(y.mean())


def test_multiclass_target_encoding_gives_one_column_per_class():
    X = pd.DataFrame({"c": list("abcabcabcabc")})
    y = np.array([0, 1, 2] * 4)
    assert TargetEncoder(cv=2).fit(X, y).transform(X).shape == (12, 3)


def test_one_hot_columns_duplicate_the_intercept_unless_one_is_dropped():
    X = pd.DataFrame({"c": list("abcabcab")})
    full = OneHotEncoder(sparse_output=False).fit_transform(X)
    dropped = OneHotEncoder(drop="first", sparse_output=False).fit_transform(X)
    with_intercept = np.column_stack([np.ones(len(X)), full])
    assert np.linalg.matrix_rank(with_intercept) == full.shape[1]  # one column too many
    assert np.linalg.matrix_rank(np.column_stack([np.ones(len(X)), dropped])) == dropped.shape[1] + 1
    y = np.arange(len(X), dtype=float)
    assert LinearRegression().fit(dropped, y).coef_.shape == (2,)


def test_ordinal_encoder_sorts_categories_unless_given_an_order():
    X = pd.DataFrame({"size": ["XL", "S", "M", "L", "S"]})
    assert list(OrdinalEncoder().fit(X).categories_[0]) == ["L", "M", "S", "XL"]
    codes = OrdinalEncoder(categories=[["S", "M", "L", "XL"]]).fit_transform(X).ravel()
    assert list(codes) == [3, 0, 1, 2, 0]


@pytest.mark.parametrize(("K", "m"), [(500, 256), (2000, 1024), (2000, 2**16)])
def test_the_share_of_hashed_categories_that_collide_matches_the_formula(K, m):
    ids = [[f"id-{i}"] for i in range(K)]
    hashed = FeatureHasher(n_features=m, input_type="string").transform(ids)
    _, per_column = np.unique(hashed.indices, return_counts=True)
    shared = per_column[per_column > 1].sum() / K
    expected = 1 - (1 - 1 / m) ** (K - 1)
    assert shared == pytest.approx(expected, abs=max(0.03, 0.5 * expected))
    assert set(np.unique(hashed.data)) <= {-1.0, 1.0}


def test_feature_hasher_handles_unseen_categories_without_fitting():
    hasher = FeatureHasher(n_features=64, input_type="string")
    a = hasher.transform([["never-seen"]]).toarray()
    b = hasher.transform([["never-seen"]]).toarray()
    assert np.array_equal(a, b) and np.abs(a).sum() == 1


@pytest.mark.parametrize("seed", range(1, 4))
def test_one_native_split_isolates_the_risky_set_and_one_ordinal_split_cannot(seed):
    X_tr, X_te, y_tr, y_te = make_data(seed)
    one_split = {"max_iter": 1, "max_depth": 1, "learning_rate": 1.0}
    c_tr, c_te = X_tr[["city"]].astype("category"), X_te[["city"]].astype("category")
    native = HistGradientBoostingClassifier(**one_split).fit(c_tr, y_tr)
    ordinal = make_pipeline(OrdinalEncoder(), HistGradientBoostingClassifier(**one_split)).fit(c_tr, y_tr)
    p = native.predict_proba(pd.DataFrame({"city": CITIES}).astype(c_tr["city"].dtype))[:, 1]
    assert set(CITIES[p > p.mean()]) == set(RISKY)
    auc_native = roc_auc_score(y_te, native.predict_proba(c_te)[:, 1])
    auc_ordinal = roc_auc_score(y_te, ordinal.predict_proba(c_te)[:, 1])
    assert auc_native > auc_ordinal + 0.1


def test_native_splits_treat_a_category_unseen_in_training_as_missing():
    X_tr, _, y_tr, _ = make_data(0)
    c_tr = X_tr[["city"]].astype(pd.CategoricalDtype([*CITIES, "Oban"]))  # Oban: no training rows
    model = HistGradientBoostingClassifier(max_iter=20).fit(c_tr, y_tr)
    unseen = pd.DataFrame({"city": pd.Categorical(["Oban"], categories=c_tr["city"].cat.categories)})
    missing = pd.DataFrame({"city": pd.Categorical([np.nan], categories=c_tr["city"].cat.categories)})
    assert np.allclose(model.predict_proba(unseen), model.predict_proba(missing))


@pytest.mark.parametrize("seed", range(1, 3))
def test_logistic_regression_needs_one_hot_but_a_tree_copes_with_arbitrary_codes(seed):
    from sklearn.tree import DecisionTreeClassifier

    X_tr, X_te, y_tr, y_te = make_data(seed)

    def auc(model):
        model.fit(X_tr[["city"]], y_tr)
        return roc_auc_score(y_te, model.predict_proba(X_te[["city"]])[:, 1])

    ordinal_lr = auc(make_pipeline(OrdinalEncoder(), LogisticRegression()))
    onehot_lr = auc(make_pipeline(OneHotEncoder(), LogisticRegression()))
    tree = auc(make_pipeline(OrdinalEncoder(), DecisionTreeClassifier(min_samples_leaf=50, random_state=0)))
    assert onehot_lr > ordinal_lr + 0.1
    assert tree == pytest.approx(onehot_lr, abs=0.005)


def test_auto_smoothing_uses_a_per_category_m_and_leaves_pure_categories_unshrunk():
    # smooth="auto" (the default): m_i = var(y | category i) / var(y), as in the user guide.
    X = pd.DataFrame({"c": ["a", "b", "c", "c", "c", "d", "d", "e", "e", "e", "e"]})
    y = np.array([1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0], dtype=float)
    enc = TargetEncoder(target_type="continuous").fit(X, y)
    for category, code in zip(enc.categories_[0], enc.encodings_[0], strict=True):
        y_i = y[X["c"] == category]
        lam = len(y_i) / (len(y_i) + y_i.var() / y.var())
        assert code == pytest.approx(lam * y_i.mean() + (1 - lam) * y.mean())
    pure = {"a": 1.0, "b": 0.0, "d": 1.0}  # singletons a and b, and d whose two rows agree
    for category, label in pure.items():
        assert enc.transform(pd.DataFrame({"c": [category]}))[0, 0] == pytest.approx(label)
    mixed = enc.transform(pd.DataFrame({"c": ["c"]}))[0, 0]
    assert y.mean() < mixed < 2 / 3  # a mixed category is pulled towards the overall mean
