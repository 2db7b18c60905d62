"""Claims of deep-learning/deep_vs_classical.md checked beyond the one data set its snippet uses."""

import numpy as np
import pytest
from scipy.special import expit
from sklearn.datasets import make_circles
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny fits: extra BLAS/OpenMP threads only add overhead, badly so on a loaded machine."""
    with threadpool_limits(limits=1):
        yield


def rings(seed, noise=0.1):
    X, y = make_circles(n_samples=400, noise=noise, factor=0.5, random_state=seed)
    return train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)


def with_squared_radius(X):
    return np.column_stack([X, (X**2).sum(axis=1)])


def mlp(width=8, seed=0, **kw):
    return MLPClassifier(hidden_layer_sizes=width, solver="lbfgs", max_iter=2000, random_state=seed, **kw)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("noise", [0.05, 0.1, 0.15])
def test_raw_linear_fails_hand_made_feature_and_mlp_succeed(seed, noise):
    X_train, X_test, y_train, y_test = rings(seed, noise)
    raw = LogisticRegression().fit(X_train, y_train).score(X_test, y_test)
    feat = LogisticRegression().fit(with_squared_radius(X_train), y_train).score(with_squared_radius(X_test), y_test)
    net = mlp(8).fit(X_train, y_train).score(X_test, y_test)
    assert raw < 0.65  # no straight line does much better than chance on two rings
    assert feat > 0.85 and net > 0.85
    assert min(feat, net) > raw + 0.25


@pytest.mark.parametrize("activation", ["relu", "tanh", "logistic"])
def test_an_mlp_is_a_composition_of_affine_maps_and_activations(activation):
    """h_1 = s(W_1 x + b_1), h_2 = s(W_2 h_1 + b_2), p = sigmoid(w^T h_2 + b): the page's formula."""
    X_train, X_test, y_train, _ = rings(1)
    net = mlp((6, 4), seed=1, activation=activation).fit(X_train, y_train)
    act = {"relu": lambda z: np.maximum(z, 0), "tanh": np.tanh, "logistic": expit}[activation]
    h = X_test
    for W, b in zip(net.coefs_[:-1], net.intercepts_[:-1]):
        h = act(h @ W + b)
    logit = h @ net.coefs_[-1] + net.intercepts_[-1]
    p = expit(logit.ravel())
    np.testing.assert_allclose(p, net.predict_proba(X_test)[:, 1], rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_architecture_is_a_design_choice_two_hidden_units_cannot_enclose_the_inner_ring(seed):
    # With two ReLU units the decision regions are built from two lines and cannot close around the center.
    X_train, X_test, y_train, y_test = rings(seed)
    narrow = mlp(2, seed=seed).fit(X_train, y_train).score(X_test, y_test)
    wide = mlp(8, seed=seed).fit(X_train, y_train).score(X_test, y_test)
    assert narrow < 0.8 < 0.9 < wide


@pytest.mark.parametrize("seed", range(3))
def test_classical_trees_learn_the_non_linear_boundary_from_raw_coordinates(seed):
    X_train, X_test, y_train, y_test = rings(seed)
    trees = HistGradientBoostingClassifier(random_state=0).fit(X_train, y_train)
    assert trees.score(X_test, y_test) > 0.9


def test_the_hand_made_feature_alone_separates_the_rings():
    # The squared radius is the whole story: a threshold on it classifies the noise-free rings perfectly.
    X, y = make_circles(n_samples=200, noise=0.0, factor=0.5, random_state=0)
    r2 = (X**2).sum(axis=1)
    assert r2[y == 1].max() < r2[y == 0].min()


def test_a_relu_network_logit_is_piecewise_linear_with_one_kink_per_hidden_unit_on_a_line():
    X_train, _, y_train, _ = rings(0)
    net = mlp(8).fit(X_train, y_train)
    (W1, W2), (b1, b2) = net.coefs_, net.intercepts_
    rng = np.random.default_rng(0)
    total_kinks = 0
    for _ in range(5):
        start, direction = rng.normal(size=2), rng.normal(size=2)
        t = np.linspace(-3, 3, 6001)
        points = start + t[:, None] * direction
        logit = (np.maximum(0, points @ W1 + b1) @ W2 + b2).ravel()
        second = np.abs(np.diff(logit, 2))
        kinks = np.flatnonzero(second > 1e-9)
        # Each hidden unit switches on or off at most once along a line, so at most 8 kinks
        # (a kink can straddle two grid steps, hence the grouping of neighbours).
        groups = np.sum(np.diff(kinks) > 1) + 1 if kinks.size else 0
        assert groups <= W1.shape[1]
        assert kinks.size <= 2 * W1.shape[1]  # straight in between: a smooth curve would bend everywhere
        total_kinks += groups
    assert total_kinks > 0  # and it does bend somewhere


def test_polynomial_activation_stays_a_polynomial_however_wide_relu_does_not():
    # Why the universal approximation theorem needs a non-polynomial activation: with s(z) = z**2, a
    # hidden layer of any width computes a quadratic polynomial of the inputs, nothing more.
    from sklearn.linear_model import LinearRegression
    from sklearn.preprocessing import PolynomialFeatures

    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(500, 2))
    W, b, v = rng.normal(size=(2, 200)), rng.normal(size=200), rng.normal(size=200)
    quad = PolynomialFeatures(2).fit_transform(X)
    for activation, is_quadratic in ((np.square, True), (lambda z: np.maximum(z, 0), False)):
        f = activation(X @ W + b) @ v
        residual = f - LinearRegression().fit(quad, f).predict(quad)
        assert (np.abs(residual).max() < 1e-8 * np.abs(f).max()) == is_quadratic


@pytest.mark.parametrize("seed", [1, 2])
def test_uninformative_columns_hurt_the_mlp_far_more_than_boosted_trees(seed):
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = make_circles(n_samples=400, noise=0.1, factor=0.5, random_state=seed)
    X = np.column_stack([X, np.random.default_rng(seed).standard_normal((400, 20))])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)
    net = make_pipeline(StandardScaler(), mlp(8)).fit(X_train, y_train).score(X_test, y_test)
    trees = HistGradientBoostingClassifier(random_state=0).fit(X_train, y_train).score(X_test, y_test)
    assert trees > 0.9 and trees > net + 0.15


def test_histogram_boosting_treats_pandas_categorical_columns_as_categorical_by_default():
    import pandas as pd

    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"x": rng.normal(size=200), "colour": pd.Categorical(rng.choice(["r", "g", "b"], 200))})
    y = (frame["colour"] == "g").astype(int)
    trees = HistGradientBoostingClassifier(max_iter=10).fit(frame, y)
    assert trees.is_categorical_.tolist() == [False, True]
    assert trees.score(frame, y) == 1.0
