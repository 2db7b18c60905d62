"""The main paradigms of machine learning on one small world: labels, none, rewards.

Run on its own: python snippets/ml_paradigms.py
"""

import numpy as np

# --8<-- [start:world]
from sklearn.datasets import make_blobs

# 300 customers described by two numbers; each belongs to one of three groups.
# Two of the groups overlap a little, as real segments do.
X, y = make_blobs(n_samples=300, centers=3, cluster_std=1.0, random_state=0)
print(f"X: {X.shape[0]} rows x {X.shape[1]} features;  group sizes: {np.bincount(y)}")
# --8<-- [end:world]

# --8<-- [start:supervised]
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

# Supervised: the learner sees (x, y) pairs and fits a map x -> y.
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)
clf = LogisticRegression().fit(X_train, y_train)  # minimizes (penalized) log loss
accuracy = accuracy_score(y_test, clf.predict(X_test))
print(f"supervised: held-out accuracy = {accuracy:.3f}")
assert accuracy > 0.9
# --8<-- [end:supervised]

# --8<-- [start:unsupervised]
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score

# Unsupervised: the learner sees X only; k-means looks for three compact groups.
clusters = KMeans(n_clusters=3, random_state=0).fit_predict(X)
ari = adjusted_rand_score(y, clusters)  # y is used only to grade, never to fit
print(f"unsupervised: cluster sizes {np.bincount(clusters)}")
print(f"unsupervised: agreement with the hidden groups (ARI) = {ari:.3f}")
assert 0.7 < ari < 1.0  # most of the structure, not all: the two close groups blur
# --8<-- [end:unsupervised]

# ARI is 0 only on average over random labelings; a single one can score below 0.
ari_random = [
    adjusted_rand_score(y, np.random.default_rng(s).integers(0, 3, y.size))
    for s in range(40)
]
assert abs(np.mean(ari_random)) < 0.005 and min(ari_random) < 0

# --8<-- [start:agent]
# Reinforcement: each day the agent sends an offer to one group (an "arm") and
# observes a noisy profit. The mean profit per group is hidden from the agent.
true_means = np.array([0.2, 0.5, 1.0])


def play(means, epsilon, steps=1000, agents=500, seed=0):
    """Run independent epsilon-greedy agents; return estimates Q, counts N, rewards."""
    rng = np.random.default_rng(seed)
    k = len(means)
    Q = np.zeros((agents, k))  # estimated mean reward of each arm
    N = np.zeros((agents, k))  # how often each arm was pulled
    rewards = np.empty((agents, steps))
    rows = np.arange(agents)
    for t in range(steps):
        # Exploit: an arm with the highest estimate (ties broken at random) ...
        top = Q == Q.max(axis=1, keepdims=True)
        greedy = np.argmax(top * rng.random((agents, k)), axis=1)
        # ... except with probability epsilon: explore an arm chosen uniformly.
        explore = rng.random(agents) < epsilon
        arm = np.where(explore, rng.integers(k, size=agents), greedy)
        r = rng.normal(means[arm], 1.0)  # the environment answers with a reward
        N[rows, arm] += 1
        Q[rows, arm] += (r - Q[rows, arm]) / N[rows, arm]  # incremental mean
        rewards[:, t] = r
    return Q, N, rewards


# --8<-- [end:agent]

# --8<-- [start:compare]
policies = {"epsilon-greedy 0.1": 0.1, "greedy": 0.0, "random": 1.0}
runs = {name: play(true_means, eps) for name, eps in policies.items()}
best = true_means.argmax()
gap = true_means.max() - true_means  # reward lost by one pull of each arm
print(f"{'policy':18s}  reward/step  last 100 steps  best arm pulled  regret")
regret = {}
for name, (Q, N, rewards) in runs.items():
    regret[name] = (N @ gap).mean()  # sum of gaps over all pulls, mean over agents
    print(
        f"{name:18s}  {rewards.mean():11.3f}  {rewards[:, -100:].mean():14.3f}"
        f"  {N[:, best].sum() / N.sum():15.0%}  {regret[name]:6.1f}"
    )
mean_reward = {name: rewards.mean() for name, (_, _, rewards) in runs.items()}
assert mean_reward["epsilon-greedy 0.1"] > mean_reward["greedy"] > mean_reward["random"]
assert regret["epsilon-greedy 0.1"] < regret["greedy"] < regret["random"]
# --8<-- [end:compare]

# --8<-- [start:estimates]
Q, N, _ = runs["epsilon-greedy 0.1"]
print("one epsilon-greedy agent after 1000 steps:")
for a in range(len(true_means)):
    print(
        f"  arm {a}: true mean {true_means[a]:.3f}  estimate {Q[0, a]:.3f}"
        f"  pulls {N[0, a]:4.0f}"
    )
error = {}
for steps in (10, 100, 1000):  # same seed: each run is a prefix of the longer one
    Q_t, _, _ = play(true_means, 0.1, steps=steps)
    error[steps] = np.abs(Q_t - true_means).mean()
    print(
        f"after {steps:4d} steps: mean |estimate - true mean| over agents and arms "
        f"= {error[steps]:.3f}"
    )
assert np.array_equal(Q_t, Q)  # the 1000-step rerun is the run shown above
# --8<-- [end:estimates]

# --8<-- [start:logged]
# Offline: a fixed log of 3000 offers made by someone else's policy, which picked
# group a with a known probability (its propensity) and recorded only that profit.
log_rng = np.random.default_rng(1)
propensity = np.array([0.6, 0.3, 0.1])  # the old policy rarely tried the best arm
logged_arm = log_rng.choice(len(true_means), size=3000, p=propensity)
logged_profit = log_rng.normal(true_means[logged_arm], 1.0)
print(f"mean profit in the log (the old policy's value): {logged_profit.mean():.3f}")
# Value of the new policy "always offer to group 2", from the log alone: weight each
# logged row by P(new policy takes that action) / P(old policy took it).
weight = (logged_arm == 2) / propensity[logged_arm]
ips = np.mean(weight * logged_profit)  # inverse propensity scoring (IPS)
ips_se = np.std(weight * logged_profit) / np.sqrt(weight.size)  # its standard error
print(f"IPS estimate of 'always group 2': {ips:.3f} +- {ips_se:.3f}", end="")
print(f"   true value: {true_means[2]:.3f}")
print(f"rows the estimate rests on: {(logged_arm == 2).sum()} of {logged_arm.size}")
# --8<-- [end:logged]

old_value = propensity @ true_means
assert abs(logged_profit.mean() - old_value) < 0.05  # the log measures the old policy
assert abs(ips - true_means[2]) < 2 * ips_se  # reweighted, it measures the new one

# Facts the page states, checked on this run:
eps = 0.1
Q, N, rewards = runs["epsilon-greedy 0.1"]
# every estimate lies within four standard errors (noise sd = 1) of its true mean,
assert np.all(np.abs(Q - true_means) <= 4 / np.sqrt(N))
# the estimation error shrinks as the agents gain experience,
assert error[10] > error[100] > error[1000]
# late on, epsilon-greedy earns about (1 - eps) * best mean + eps * average mean,
limit = (1 - eps) * true_means.max() + eps * true_means.mean()
assert abs(rewards[:, -100:].mean() - limit) < 0.03
# so fixed epsilon keeps losing about eps * (best mean - average mean) per step: its
# regret grows linearly, and after 1000 steps is at least 1000 times that.
exploration_cost = eps * (true_means.max() - true_means.mean())
assert regret["epsilon-greedy 0.1"] > 1000 * exploration_cost
# random play earns the average arm mean, and greedy often locks onto a worse arm.
assert abs(mean_reward["random"] - true_means.mean()) < 0.02
Q_g, N_g, _ = runs["greedy"]
assert 0.2 < np.mean(N_g.argmax(axis=1) != best) < 0.8
