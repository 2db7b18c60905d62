"""Decision trees: Gini and entropy by hand and in scikit-learn, greedy growth, stopping
rules, cost-complexity pruning chosen by cross-validation, invariance to monotone
feature transforms, and how much a tree changes when the data change a little.

Run on its own: python snippets/decision_trees.py
"""

import numpy as np
from sklearn.datasets import make_classification
from sklearn.ensemble import BaggingClassifier
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.tree import DecisionTreeClassifier


# --8<-- [start:by_hand]
def gini(counts):
    p = np.asarray(counts) / np.sum(counts)
    return np.sum(p * (1 - p))  # = 1 - sum p_k^2


def entropy(counts):
    p = np.asarray(counts) / np.sum(counts)
    p = p[p > 0]  # 0 log 0 = 0
    return -np.sum(p * np.log2(p))  # in bits, as scikit-learn reports it


def misclassification(counts):
    return 1 - np.max(counts) / np.sum(counts)


def split_impurity(h, left, right):
    """Impurity of a split: children's impurities weighted by their sizes."""
    n_l, n_r = np.sum(left), np.sum(right)
    return (n_l * h(left) + n_r * h(right)) / (n_l + n_r)


# A node with 400 rows of each class, and two candidate splits (class counts).
split_a = ([300, 100], [100, 300])
split_b = ([200, 400], [200, 0])  # the right child is pure
hand = {}
for h in (misclassification, gini, entropy):
    hand[h.__name__] = [split_impurity(h, *s) for s in (split_a, split_b)]
    a, b = hand[h.__name__]
    print(f"{h.__name__:>17}: parent {h([400, 400]):.3f}, A {a:.3f}, B {b:.3f}")
# --8<-- [end:by_hand]

assert np.allclose(hand["misclassification"], 0.25)  # a tie
assert hand["gini"][1] < hand["gini"][0] and hand["entropy"][1] < hand["entropy"][0]

# --8<-- [start:sklearn_split]
# 800 rows whose two binary features realise split A (x0) and split B (x1).
y_ab = np.repeat([0, 1], 400)
x0 = np.r_[np.repeat([0, 1], [300, 100]), np.repeat([0, 1], [100, 300])]
x1 = np.r_[np.repeat([0, 1], [200, 200]), np.zeros(400)]
X_ab = np.column_stack([x0, x1])

for criterion in ("gini", "entropy"):
    stump = DecisionTreeClassifier(max_depth=1, criterion=criterion).fit(X_ab, y_ab)
    t = stump.tree_
    n = t.n_node_samples
    weighted = (n[1] * t.impurity[1] + n[2] * t.impurity[2]) / n[0]
    print(
        f"{criterion}: splits on x{t.feature[0]} at {t.threshold[0]}, node impurities"
        f" {np.round(t.impurity, 3)}, weighted children {weighted:.3f}"
    )
    assert t.feature[0] == 1  # split B
    assert np.isclose(weighted, hand[criterion][1])
    h = gini if criterion == "gini" else entropy
    assert np.allclose(t.impurity, [h([400, 400]), h([200, 400]), h([200, 0])])
# --8<-- [end:sklearn_split]

# --8<-- [start:data]
# 1,000 rows, 8 features, 15 % of the labels assigned at random: a tree can
# memorise the noise.
X, y = make_classification(
    n_samples=1000,
    n_features=8,
    n_informative=4,
    n_redundant=2,
    flip_y=0.15,
    random_state=1,
)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.4, stratify=y, random_state=0
)
full = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
print(
    f"grown until pure: depth {full.get_depth()}, {full.get_n_leaves()} leaves, "
    f"train {full.score(X_train, y_train):.3f}, test {full.score(X_test, y_test):.3f}"
)
# --8<-- [end:data]

assert full.score(X_train, y_train) == 1.0
full_test = full.score(X_test, y_test)

# --8<-- [start:stopping]
stopped = {}
for rule in ({"max_depth": 4}, {"min_samples_leaf": 20}, {"max_leaf_nodes": 10}):
    m = DecisionTreeClassifier(random_state=0, **rule).fit(X_train, y_train)
    [(name, value)] = rule.items()
    stopped[name] = m.score(X_test, y_test)
    print(
        f"{name}={value}: {m.get_n_leaves()} leaves, "
        f"train {m.score(X_train, y_train):.3f}, test {stopped[name]:.3f}"
    )
# --8<-- [end:stopping]

assert all(acc > full_test for acc in stopped.values())

# --8<-- [start:pruning]
path = full.cost_complexity_pruning_path(X_train, y_train)
alphas = path.ccp_alphas[:-1]  # the last alpha prunes the tree to its root
print(f"{len(alphas)} candidate alphas, from {alphas[0]:g} to {alphas[-1]:.4f}")

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
search = GridSearchCV(
    DecisionTreeClassifier(random_state=0), {"ccp_alpha": alphas}, cv=cv
).fit(X_train, y_train)
best_alpha = search.best_params_["ccp_alpha"]
pruned = search.best_estimator_  # refitted on the whole training set
print(
    f"chosen ccp_alpha {best_alpha:.4f}: {pruned.get_n_leaves()} leaves, "
    f"CV accuracy {search.best_score_:.3f}, test {pruned.score(X_test, y_test):.3f}"
)
# --8<-- [end:pruning]

pruned_test = pruned.score(X_test, y_test)
assert pruned_test > max(full_test, *stopped.values())  # beats every guessed rule
assert pruned.get_n_leaves() < full.get_n_leaves() / 4
# Along the path alpha never falls and the leaves' total impurity only rises.
assert np.all(np.diff(path.ccp_alphas) >= 0) and np.all(np.diff(path.impurities) > 0)
# For the figure: accuracy of each subtree on the path.
sizes, train_acc, test_acc = [], [], []
for a in alphas:
    m = DecisionTreeClassifier(random_state=0, ccp_alpha=a).fit(X_train, y_train)
    sizes.append(m.get_n_leaves())
    train_acc.append(m.score(X_train, y_train))
    test_acc.append(m.score(X_test, y_test))
cv_acc = search.cv_results_["mean_test_score"]
assert np.all(np.diff(sizes) <= 0) and np.all(np.diff(train_acc) <= 0)

# --8<-- [start:monotone]
# Refit on exp(X) and on X**3: both keep the order of every feature's values.
transforms = {"exp": (np.exp, np.log), "cube": (lambda z: z**3, np.cbrt)}
changed = {}
for name, (forward, back) in transforms.items():
    other = DecisionTreeClassifier(random_state=0).fit(forward(X_train), y_train)
    same_tree = np.array_equal(full.tree_.feature, other.tree_.feature)
    same_leaves = np.array_equal(full.apply(X_train), other.apply(forward(X_train)))
    changed[name] = np.sum(full.predict(X_test) != other.predict(forward(X_test)))
    root = back(np.float64(other.tree_.threshold[0]))  # on the original scale
    print(
        f"{name}: same split features {same_tree}, same training leaves {same_leaves}"
        f"\n  root threshold mapped back {root:.4f} (untransformed tree "
        f"{full.tree_.threshold[0]:.4f}); test predictions changed: {changed[name]}"
    )
    assert same_tree and same_leaves
# --8<-- [end:monotone]

# A few test rows fall between the two training values that bracket a threshold.
assert changed == {"exp": 0, "cube": 2}

# --8<-- [start:instability]
# Refit on six random 95 % subsets of the training rows.
rng = np.random.default_rng(0)
tree_preds, bag_preds = [], []
for k in range(6):
    rows = rng.permutation(len(y_train))[: int(0.95 * len(y_train))]
    tree = DecisionTreeClassifier(random_state=0).fit(X_train[rows], y_train[rows])
    bag = BaggingClassifier(n_estimators=25, random_state=k)  # 25 bootstrapped trees
    bag.fit(X_train[rows], y_train[rows])
    tree_preds.append(tree.predict(X_test))
    bag_preds.append(bag.predict(X_test))


def disagreement(preds):
    """Mean share of test rows on which two of the refits disagree."""
    pairs = [(i, j) for i in range(len(preds)) for j in range(i + 1, len(preds))]
    return np.mean([np.mean(preds[i] != preds[j]) for i, j in pairs])


tree_dis, bag_dis = disagreement(tree_preds), disagreement(bag_preds)
print(f"single trees disagree on {tree_dis:.1%} of test rows, bags on {bag_dis:.1%}")
# --8<-- [end:instability]

assert tree_dis > 2.5 * bag_dis
