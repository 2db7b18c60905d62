"""Hand-made features and a linear model vs a small neural network that learns its own.

Two concentric rings cannot be separated by a straight line. A logistic regression on
the raw coordinates fails; the same model succeeds once a person adds the right feature
(the squared radius); a small multi-layer perceptron succeeds on the raw coordinates,
on a CPU, in milliseconds.

Run on its own: python snippets/deep_vs_classical.py
"""

import numpy as np
from sklearn.datasets import make_circles
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

# Tiny data: one thread is fastest; extra BLAS/OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# Class 1 is the inner ring, class 0 the outer ring; noise blurs the gap between them.
X, y = make_circles(n_samples=400, noise=0.1, factor=0.5, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.5, stratify=y, random_state=0
)

# --8<-- [start:raw]
from sklearn.linear_model import LogisticRegression

linear_raw = LogisticRegression().fit(X_train, y_train)  # sees x1 and x2 only
acc_raw = linear_raw.score(X_test, y_test)
print(f"logistic regression on x1, x2:           test accuracy {acc_raw:.3f}")
# --8<-- [end:raw]

# --8<-- [start:feature]
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer


def add_squared_radius(X):
    """The feature engineer's insight: the class depends on the radius."""
    return np.column_stack([X, X[:, 0] ** 2 + X[:, 1] ** 2])


linear_feat = make_pipeline(
    FunctionTransformer(add_squared_radius), LogisticRegression()
).fit(X_train, y_train)
acc_feat = linear_feat.score(X_test, y_test)
print(f"logistic regression on x1, x2, x1²+x2²:  test accuracy {acc_feat:.3f}")
# --8<-- [end:feature]

# --8<-- [start:mlp]
from sklearn.neural_network import MLPClassifier

# One hidden layer of 8 ReLU units; L-BFGS suits a small data set. Raw x1, x2 only.
mlp = MLPClassifier(
    hidden_layer_sizes=(8,), solver="lbfgs", max_iter=1000, random_state=0
).fit(X_train, y_train)
acc_mlp = mlp.score(X_test, y_test)
n_params = sum(W.size for W in mlp.coefs_) + sum(b.size for b in mlp.intercepts_)
print(f"MLP with 8 hidden units on x1, x2:        test accuracy {acc_mlp:.3f}")
print(f"  parameters learned: {n_params}; L-BFGS iterations: {mlp.n_iter_}")

# The ordering the page states: the raw linear model is near chance, the others are not.
assert acc_raw < 0.6 and min(acc_feat, acc_mlp) > 0.9
# A few dozen parameters and iterations: nothing here needs a GPU.
assert n_params == 33 and mlp.n_iter_ < 100
# --8<-- [end:mlp]

# --8<-- [start:forward]
# The network is the formula on the page; scikit-learn stores each W transposed.
W1, W2 = mlp.coefs_
b1, b2 = mlp.intercepts_
H = np.maximum(0.0, X_test @ W1 + b1)  # hidden layer: 8 learned features per point
p = 1 / (1 + np.exp(-(H @ W2 + b2)))  # output: a logistic regression on those features

matches = np.allclose(p.ravel(), mlp.predict_proba(X_test)[:, 1])
print(f"learned representation H: {H.shape[0]} points × {H.shape[1]} features")
print(f"forward pass by hand matches predict_proba: {matches}")
assert matches
# --8<-- [end:forward]

# --8<-- [start:kernel]
from sklearn.svm import SVC

# Classical ML can skip hand-made features too: an RBF kernel is a fixed non-linear map.
svm = SVC(kernel="rbf").fit(X_train, y_train)
acc_svm = svm.score(X_test, y_test)
print(f"RBF-kernel SVM on x1, x2:                test accuracy {acc_svm:.3f}")
assert acc_svm > 0.9
# --8<-- [end:kernel]

# --8<-- [start:tabular]
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.preprocessing import StandardScaler

# The same rings with 20 extra columns of pure noise, like the uninformative columns
# of a real table. The same split: same rows, same random_state, same stratify.
X_wide = np.column_stack([X, np.random.default_rng(0).standard_normal((len(y), 20))])
Xw_train, Xw_test = train_test_split(X_wide, test_size=0.5, stratify=y, random_state=0)

net = MLPClassifier(
    hidden_layer_sizes=(8,), solver="lbfgs", max_iter=1000, random_state=0
)
wide_mlp = make_pipeline(StandardScaler(), net).fit(Xw_train, y_train)
wide_trees = HistGradientBoostingClassifier(random_state=0).fit(Xw_train, y_train)
acc_wide_mlp = wide_mlp.score(Xw_test, y_test)
acc_wide_trees = wide_trees.score(Xw_test, y_test)
print(f"22 columns, 20 of them noise: test accuracy of the MLP {acc_wide_mlp:.3f}")
print(f"                                   of the boosted trees {acc_wide_trees:.3f}")
print(f"  the MLP's training accuracy: {wide_mlp.score(Xw_train, y_train):.3f}")
assert acc_wide_trees > 0.9 and acc_wide_mlp < acc_mlp - 0.2
assert wide_mlp.score(Xw_train, y_train) > 0.95  # it fits the noise columns instead
# --8<-- [end:tabular]

_one_thread.restore_original_limits()
