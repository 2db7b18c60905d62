"""Deduction applies a given rule; induction learns one from examples and can be wrong.

Run on its own: python snippets/inductive_deductive.py
"""

import numpy as np
from sklearn.model_selection import train_test_split


# --8<-- [start:deduce]
def policy(income, debt):
    """The bank's written rule: approve when income exceeds twice the debt."""
    return (income > 2 * debt).astype(int)  # 1 = approve, 0 = reject


rng = np.random.default_rng(0)
X = np.column_stack([rng.uniform(0, 10, 400), rng.uniform(0, 5, 400)])  # income, debt
y = policy(X[:, 0], X[:, 1])  # past decisions, all made by the policy
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, random_state=0)

# Deduction: premise (the policy) + facts (an applicant) -> conclusion. No data needed.
decided = policy(X_test[:, 0], X_test[:, 1])
assert np.array_equal(decided, policy(X_test[:, 0], X_test[:, 1]))  # deterministic
accuracy = np.mean(decided == y_test)
print(f"policy applied to {len(X_test)} applicants: accuracy {accuracy:.3f}")
# --8<-- [end:deduce]

assert accuracy == 1.0  # truth-preserving: the premise is true here

# --8<-- [start:induce]
from sklearn.tree import DecisionTreeClassifier, export_text

# Induction: the learner sees examples only, never the policy.
tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X_train, y_train)
names = {"feature_names": ["income", "debt"], "class_names": ["reject", "approve"]}
print(export_text(tree, **names))
print(f"held-out accuracy of the learned rule: {tree.score(X_test, y_test):.3f}")
# --8<-- [end:induce]

assert 0.85 < tree.score(X_test, y_test) < 1.0  # good, but not the policy itself

# --8<-- [start:outside]
# Applicants unlike any in the training data (income up to 10, debt up to 5).
far = np.array([[30.0, 20.0], [28.0, 12.0], [18.0, 10.0], [25.0, 4.0]])
for (income, debt), learned in zip(far, tree.predict(far)):
    truth = policy(income, debt)
    flag = "  <- wrong" if learned != truth else ""
    print(f"income {income:.0f}, debt {debt:.0f}: policy {truth}, tree {learned}{flag}")
# --8<-- [end:outside]

tree_far = tree.predict(far)
policy_far = policy(far[:, 0], far[:, 1])
assert np.any(tree_far != policy_far)  # the induced rule fails outside the data

# --8<-- [start:bias]
from sklearn.linear_model import LogisticRegression

# Same examples, different hypothesis class: linear boundaries instead of boxes.
linear = LogisticRegression(C=100.0).fit(X_train, y_train)
scores = {"tree": tree.score(X_test, y_test), "linear": linear.score(X_test, y_test)}
print(f"held-out accuracy: tree {scores['tree']:.3f}, linear {scores['linear']:.3f}")
print(
    f"far applicants: policy {policy_far}, tree {tree.predict(far)}, "
    f"linear {linear.predict(far)}"
)
# --8<-- [end:bias]

# Both learners fit the data they saw; only the one whose hypothesis class contains
# the policy (a line through the origin) extends it correctly to the far applicants.
assert scores["linear"] > 0.95 and scores["linear"] > scores["tree"]
assert np.array_equal(linear.predict(far), policy_far)
assert not np.array_equal(tree_far, policy_far)
