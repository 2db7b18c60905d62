"""Claims of the page decision_trees.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.ensemble import BaggingClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.tree import DecisionTreeClassifier


def gini(counts):
    p = np.asarray(counts, float) / np.sum(counts)
    return np.sum(p * (1 - p))


def entropy(counts):
    p = np.asarray(counts, float) / np.sum(counts)
    p = p[p > 0]
    return -np.sum(p * np.log2(p))


def misclassification(counts):
    return 1 - np.max(counts) / np.sum(counts)


def noisy(seed, n=1000, p=8, flip=0.15):
    X, y = make_classification(
        n_samples=n, n_features=p, n_informative=4, n_redundant=2, flip_y=flip, random_state=seed
    )
    return train_test_split(X, y, test_size=0.4, stratify=y, random_state=0)


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("seed", range(3))
def test_tree_impurity_is_gini_or_entropy_in_bits_of_each_nodes_rows(seed, criterion):
    X, y = make_classification(n_samples=300, n_classes=3, n_informative=4, random_state=seed)
    tree = DecisionTreeClassifier(criterion=criterion, max_depth=4, random_state=0).fit(X, y)
    in_node = tree.decision_path(X).toarray().astype(bool)  # (rows, nodes)
    h = gini if criterion == "gini" else entropy
    for node in range(tree.tree_.node_count):
        counts = np.bincount(y[in_node[:, node]], minlength=3)
        assert tree.tree_.impurity[node] == pytest.approx(h(counts), abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_root_split_minimises_the_size_weighted_gini_over_all_midpoints(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(120, 4))
    y = (X[:, 0] + 0.5 * X[:, 1] + rng.normal(scale=0.8, size=120) > 0).astype(int)
    best = np.inf
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            g = (
                left.sum() * gini(np.bincount(y[left], minlength=2))
                + (~left).sum() * gini(np.bincount(y[~left], minlength=2))
            ) / len(y)
            best = min(best, g)
    t = DecisionTreeClassifier(max_depth=1).fit(X, y).tree_
    n = t.n_node_samples
    chosen = (n[1] * t.impurity[1] + n[2] * t.impurity[2]) / n[0]
    assert chosen == pytest.approx(best, abs=1e-9)


def test_gini_and_entropy_fall_with_any_split_that_changes_the_shares_misclassification_need_not():
    rng = np.random.default_rng(0)
    ties = 0
    for _ in range(500):
        left, right = rng.integers(1, 50, size=2), rng.integers(1, 50, size=2)
        if left[0] * right[1] == left[1] * right[0]:  # same class shares: no information
            continue
        parent = left + right
        for h in (gini, entropy):
            weighted = (left.sum() * h(left) + right.sum() * h(right)) / parent.sum()
            assert weighted < h(parent) - 1e-12
        weighted = left.sum() * misclassification(left) + right.sum() * misclassification(right)
        ties += np.isclose(weighted / parent.sum(), misclassification(parent))
    assert ties > 50  # misclassification often sees no gain where Gini and entropy do


@pytest.mark.parametrize("seed", range(3))
def test_size_weighted_leaf_entropy_is_the_training_log_loss(seed):
    X, y = make_classification(n_samples=400, flip_y=0.2, random_state=seed)
    tree = DecisionTreeClassifier(criterion="entropy", max_depth=3, random_state=0).fit(X, y)
    t = tree.tree_
    leaves = t.children_left == -1
    weighted_bits = np.sum(t.n_node_samples[leaves] * t.impurity[leaves]) / len(y)
    assert weighted_bits * np.log(2) == pytest.approx(log_loss(y, tree.predict_proba(X)), rel=1e-9)


def test_xor_no_first_split_helps_so_stopping_on_gain_stops_at_the_root():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]] * 25, float)
    y = np.array([0, 1, 1, 0] * 25)
    stopped = DecisionTreeClassifier(min_impurity_decrease=1e-3, random_state=0).fit(X, y)
    grown = DecisionTreeClassifier(random_state=0).fit(X, y)
    assert stopped.get_n_leaves() == 1 and stopped.score(X, y) == 0.5
    t = grown.tree_
    left, right = t.children_left[0], t.children_right[0]
    root_gain = (
        t.impurity[0] - (t.n_node_samples[left] * t.impurity[left] + t.n_node_samples[right] * t.impurity[right]) / 100
    )
    assert root_gain == pytest.approx(0.0, abs=1e-12)
    assert grown.get_depth() == 2 and grown.score(X, y) == 1.0


@pytest.mark.parametrize("seed", range(3))
def test_pruning_path_impurities_are_those_of_the_pruned_trees_and_shrink_them(seed):
    X_train, _, y_train, _ = noisy(seed)
    path = DecisionTreeClassifier(random_state=0).cost_complexity_pruning_path(X_train, y_train)
    a, total = path.ccp_alphas, path.impurities
    leaves = []
    for i in range(0, len(a) - 1, 4):
        if a[i + 1] == a[i]:
            continue
        # Any ccp_alpha strictly between two path values gives the i-th subtree.
        t = DecisionTreeClassifier(random_state=0, ccp_alpha=(a[i] + a[i + 1]) / 2).fit(X_train, y_train).tree_
        is_leaf = t.children_left == -1
        assert np.sum(t.n_node_samples[is_leaf] * t.impurity[is_leaf]) / len(y_train) == pytest.approx(total[i])
        leaves.append(is_leaf.sum())
    assert len(leaves) >= 5 and all(a >= b for a, b in zip(leaves, leaves[1:]))


@pytest.mark.parametrize("seed", range(4))
def test_cross_validated_pruning_beats_the_unpruned_tree_on_noisy_labels(seed):
    X_train, X_test, y_train, y_test = noisy(seed)
    full = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
    alphas = full.cost_complexity_pruning_path(X_train, y_train).ccp_alphas[:-1]
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    search = GridSearchCV(DecisionTreeClassifier(random_state=0), {"ccp_alpha": alphas[::2]}, cv=cv)
    search.fit(X_train, y_train)
    assert search.score(X_test, y_test) > full.score(X_test, y_test)
    assert search.best_estimator_.get_n_leaves() < full.get_n_leaves() / 2


def _bracketed(tree, X_train, x):
    """Does x fall strictly between the two training values that bracket a threshold on its path?

    The bracketing values are those of the training rows that reach the node (the threshold is their midpoint).
    """
    t = tree.tree_
    reach = tree.decision_path(X_train).toarray().astype(bool)
    for node in tree.decision_path(x[None, :]).indices:
        if t.children_left[node] == -1:
            continue
        values = X_train[reach[:, node], t.feature[node]].astype(np.float32)
        below, above = values[values <= t.threshold[node]], values[values > t.threshold[node]]
        if below.max() < np.float32(x[t.feature[node]]) < above.min():
            return True
    return False


TRANSFORMS = {
    "exp": np.exp,
    "cube": lambda z: z**3,
    "arctan": np.arctan,
    "log": lambda z: np.log(z + 20.0),  # the features stay well above -20
}


@pytest.mark.parametrize("name", TRANSFORMS)
@pytest.mark.parametrize("seed", range(3))
def test_monotone_transforms_keep_the_partition_and_only_rows_between_bracketing_values_change(seed, name):
    X_train, X_test, y_train, _ = noisy(seed)
    f = TRANSFORMS[name]
    assert min(X_train.min(), X_test.min()) > -20
    raw = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
    other = DecisionTreeClassifier(random_state=0).fit(f(X_train), y_train)
    assert np.array_equal(raw.tree_.feature, other.tree_.feature)
    assert np.array_equal(raw.apply(X_train), other.apply(f(X_train)))
    changed = np.flatnonzero(raw.predict(X_test) != other.predict(f(X_test)))
    assert len(changed) <= 0.03 * len(X_test)
    assert all(_bracketed(raw, X_train, X_test[i]) for i in changed)


@pytest.mark.parametrize("seed", range(3))
def test_single_trees_refitted_on_95_percent_disagree_far_more_than_bags(seed):
    X_train, X_test, y_train, _ = noisy(seed)
    rng = np.random.default_rng(seed)
    trees, bags = [], []
    for k in range(4):
        rows = rng.permutation(len(y_train))[: int(0.95 * len(y_train))]
        trees.append(DecisionTreeClassifier(random_state=0).fit(X_train[rows], y_train[rows]).predict(X_test))
        bag = BaggingClassifier(n_estimators=25, random_state=k).fit(X_train[rows], y_train[rows])
        bags.append(bag.predict(X_test))

    def disagreement(preds):
        return np.mean([np.mean(a != b) for i, a in enumerate(preds) for b in preds[i + 1 :]])

    assert disagreement(trees) > 0.08
    assert disagreement(trees) > 1.5 * disagreement(bags)  # about 3x on the page's data


def test_gini_and_entropy_usually_choose_the_same_root_split():
    same = 0
    for seed in range(20):
        X, y = make_classification(n_samples=300, n_features=10, n_informative=4, random_state=seed)
        roots = [
            DecisionTreeClassifier(criterion=c, max_depth=1, random_state=0).fit(X, y).tree_.feature[0]
            for c in ("gini", "entropy")
        ]
        same += roots[0] == roots[1]
    assert same >= 15


def test_the_criterion_matters_less_than_the_trees_size():
    depths = (1, 2, 3, 4, 6, 8, None)
    criterion_gaps, size_ranges = [], []
    for seed in range(4):
        X_train, X_test, y_train, y_test = noisy(seed)
        acc = {
            c: np.array(
                [
                    DecisionTreeClassifier(criterion=c, max_depth=d, random_state=0)
                    .fit(X_train, y_train)
                    .score(X_test, y_test)
                    for d in depths
                ]
            )
            for c in ("gini", "entropy")
        }
        criterion_gaps.append(np.abs(acc["gini"] - acc["entropy"]).mean())  # same size, other criterion
        size_ranges += [np.ptp(acc["gini"]), np.ptp(acc["entropy"])]  # same criterion, other sizes
    assert np.mean(size_ranges) > 3 * np.mean(criterion_gaps)
