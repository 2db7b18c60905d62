"""Claims of fundamentals/ml_paradigms.md checked beyond the one world its snippet uses."""

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.linear_model import LogisticRegression

from scripts.figures import snippet_namespace


@pytest.fixture(scope="module")
def play():
    return snippet_namespace("ml_paradigms")["play"]


@pytest.mark.parametrize("seed", range(5))
def test_incremental_update_is_the_running_mean(seed):
    rewards = np.random.default_rng(seed).normal(size=200)
    q = 0.0
    for n, r in enumerate(rewards, start=1):
        q += (r - q) / n
        assert q == pytest.approx(rewards[:n].mean())


def test_constant_step_size_gives_an_exponentially_weighted_average():
    rewards, alpha, q0 = np.random.default_rng(0).normal(size=50), 0.1, 0.0
    q = q0
    for r in rewards:
        q += alpha * (r - q)
    n = rewards.size
    weights = alpha * (1 - alpha) ** np.arange(n - 1, -1, -1)  # newest reward weighs most
    assert q == pytest.approx((1 - alpha) ** n * q0 + weights @ rewards)
    assert weights[-1] > weights[0]


@pytest.mark.parametrize("gamma", [0.0, 0.5, 0.9, 1.0])
def test_return_sum_equals_its_recursion(gamma):
    r = np.random.default_rng(1).uniform(-1, 1, size=30)  # r_1 ... r_T, episode ends after T
    by_sum = [sum(gamma**k * x for k, x in enumerate(r[t:])) for t in range(r.size)]
    by_recursion, g = [], 0.0
    for x in r[::-1]:
        g = x + gamma * g
        by_recursion.append(g)
    assert np.allclose(by_sum, by_recursion[::-1])


def test_discounting_keeps_an_endless_return_finite():
    gamma, r_max = 0.9, 1.0
    partial = np.cumsum(gamma ** np.arange(2000) * r_max)
    assert partial[-1] <= r_max / (1 - gamma) + 1e-9
    assert partial[-1] == pytest.approx(r_max / (1 - gamma))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_epsilon_greedy_finds_the_best_arm_where_greedy_often_does_not(play, seed):
    # A 5-armed test bed in the style of Sutton and Barto (arm means drawn from N(0, 1)), with the best arm
    # lifted by 0.5 so that finding it is worth something. (When the top arms are nearly tied, greedy
    # loses little by settling on the wrong one and can out-earn epsilon-greedy's exploration cost.)
    means = np.random.default_rng(100 + seed).normal(size=5)
    means[means.argmax()] += 0.5
    found, total = {}, {}
    for eps in (0.1, 0.0, 1.0):
        Q, _, rewards = play(means, eps, steps=500, agents=300, seed=seed)
        found[eps] = np.mean(Q.argmax(axis=1) == means.argmax())  # share of agents that identify it
        total[eps] = rewards.mean()
    assert found[0.1] > 0.9 > found[0.0]
    assert total[0.1] > total[0.0] and total[0.1] > total[1.0]
    assert total[1.0] == pytest.approx(means.mean(), abs=0.03)  # random play earns the average arm


@pytest.mark.parametrize("eps", [0.05, 0.3])
def test_long_run_reward_of_epsilon_greedy(play, eps):
    means = np.array([0.0, 0.4, 1.5, 0.8])  # clear gaps: the best arm is found early
    _, _, rewards = play(means, eps, steps=1000, agents=300, seed=7)
    expected = (1 - eps) * means.max() + eps * means.mean()
    assert rewards[:, -300:].mean() == pytest.approx(expected, abs=0.03)


def test_logistic_regression_is_penalized_empirical_risk_minimization():
    # scikit-learn's objective: 0.5 * ||w||^2 + C * sum of log losses (intercept not penalized).
    X, y = make_blobs(n_samples=200, centers=2, cluster_std=2.5, random_state=0)
    C = 0.5
    model = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)

    def objective(theta):
        w, b = theta[:-1], theta[-1]
        z = X @ w + b
        log_loss = np.logaddexp(0, z) - y * z  # -log p(y | x) for a logistic model
        return 0.5 * w @ w + C * log_loss.sum()

    direct = minimize(objective, np.zeros(X.shape[1] + 1), method="BFGS", options={"gtol": 1e-8})
    assert np.allclose(model.coef_.ravel(), direct.x[:-1], atol=1e-4)
    assert model.intercept_[0] == pytest.approx(direct.x[-1], abs=1e-4)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kmeans_objective_prefers_its_own_clusters_to_the_true_groups(seed):
    # With overlapping groups, k-means finds a grouping with a smaller within-cluster sum of squares than
    # the true one: its objective, not the labels, decides where borders go.
    X, y = make_blobs(n_samples=300, centers=3, cluster_std=1.5, random_state=seed)
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X)
    inertia_by_hand = sum(((X[km.labels_ == c] - km.cluster_centers_[c]) ** 2).sum() for c in range(3))
    true_groups_ss = sum(((X[y == g] - X[y == g].mean(axis=0)) ** 2).sum() for g in range(3))
    assert km.inertia_ == pytest.approx(inertia_by_hand)
    assert km.inertia_ < true_groups_ss


def test_regret_is_the_reward_lost_against_the_best_arm(play):
    # T * mu_star - total reward equals the sum over pulls of each arm's gap, up to reward noise.
    means = np.array([0.2, 0.5, 1.0])
    _, N, rewards = play(means, 0.1, steps=1000, agents=400, seed=3)
    by_reward = 1000 * means.max() - rewards.sum(axis=1).mean()
    by_gaps = (N @ (means.max() - means)).mean()
    assert by_reward == pytest.approx(by_gaps, abs=3.0)  # noise sd of the mean total: sqrt(1000 / 400)


def test_fixed_epsilon_regret_grows_linearly(play):
    # Once the best arm is known, each further step costs eps * (mu_star - mean of the arms) on average.
    means, eps = np.array([0.0, 0.4, 1.5, 0.8]), 0.2
    gap = means.max() - means
    regret = {T: (play(means, eps, steps=T, agents=300, seed=5)[1] @ gap).mean() for T in (500, 1000)}
    per_step = eps * gap.mean()
    assert regret[1000] - regret[500] == pytest.approx(500 * per_step, rel=0.1)


def test_ips_corrects_a_logging_policy_that_depends_on_the_context():
    # Two kinds of customer; arm 1 pays well for kind 1 only, and the old policy chose arm 1 mostly for kind 1.
    # The plain average of the rows where arm 1 was chosen overstates "always arm 1"; IPS does not.
    rng = np.random.default_rng(0)
    mean_reward = np.array([[0.5, 0.0], [0.5, 1.0]])  # [kind, arm]
    p_arm1 = np.array([0.1, 0.9])  # old policy: P(arm 1 | kind)
    true_value = mean_reward[:, 1].mean()  # kinds equally common
    naive, ips = [], []
    for _ in range(300):
        kind = rng.integers(0, 2, 2000)
        arm = (rng.random(2000) < p_arm1[kind]).astype(int)
        r = rng.normal(mean_reward[kind, arm], 1.0)
        propensity = np.where(arm == 1, p_arm1[kind], 1 - p_arm1[kind])
        naive.append(r[arm == 1].mean())
        ips.append(np.mean((arm == 1) / propensity * r))
    assert np.mean(ips) == pytest.approx(true_value, abs=0.01)
    assert np.mean(naive) > true_value + 0.3


def test_ari_of_a_random_labeling_is_zero_only_on_average():
    from sklearn.metrics import adjusted_rand_score

    y = np.repeat(np.arange(3), 100)
    rng = np.random.default_rng(0)
    scores = [adjusted_rand_score(y, rng.integers(0, 3, y.size)) for _ in range(500)]
    assert np.mean(scores) == pytest.approx(0.0, abs=0.003)
    assert np.mean(np.array(scores) < 0) > 0.3  # a good share of random labelings score below 0
