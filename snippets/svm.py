"""Support vector machines: the margin, the soft-margin objective, what C does, why only
the support vectors matter, the kernel trick, RBF gamma, scaling and probabilities.

Run on its own: python snippets/svm.py
"""

import numpy as np
from sklearn.datasets import load_breast_cancer, make_blobs, make_moons
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from threadpoolctl import threadpool_limits

# Tiny data: one thread is fastest; extra BLAS/OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# --8<-- [start:margin]
# Two separable clouds; labels in {-1, +1}. A huge C leaves no slack: a hard margin.
X_sep, y_sep = make_blobs(n_samples=40, centers=2, cluster_std=1.0, random_state=6)
y_sep = np.where(y_sep == 1, 1, -1)
hard = SVC(kernel="linear", C=1e6, tol=1e-6).fit(X_sep, y_sep)
w, b = hard.coef_[0], hard.intercept_[0]
f = X_sep @ w + b  # the decision function, w.x + b

width = 2 / np.linalg.norm(w)  # distance between the lines f = -1 and f = +1
gap = 2 * np.abs(f).min() / np.linalg.norm(w)  # twice the closest point's distance
print(f"2 / ||w|| = {width:.3f}, twice the smallest distance to the line = {gap:.3f}")
print(f"support vectors: {len(hard.support_)} of {len(y_sep)} points")
print(
    "y * f(x) on the support vectors:",
    np.round(y_sep[hard.support_] * f[hard.support_], 3),
)
assert np.isclose(width, gap, rtol=1e-3)
assert np.allclose(y_sep[hard.support_] * f[hard.support_], 1, atol=1e-3)
assert np.all(y_sep * f >= 1 - 1e-3)  # every point on or outside the margin
# --8<-- [end:margin]

# --8<-- [start:objective]
# Overlapping clouds: no line separates them, so some points must pay hinge loss.
X, y = make_blobs(n_samples=200, centers=2, cluster_std=1.2, random_state=0)
y = np.where(y == 1, 1, -1)
C = 1.0
svm = SVC(kernel="linear", C=C, tol=1e-8).fit(X, y)
w, b = svm.coef_[0], svm.intercept_[0]
margin = y * (X @ w + b)  # y f(x): above 1 is safe, below 0 is a mistake
hinge = np.maximum(0, 1 - margin)
primal = 0.5 * w @ w + C * hinge.sum()

# The dual that libsvm solves: sum(a) - 1/2 sum_ij a_i a_j y_i y_j x_i.x_j.
ya = svm.dual_coef_[0]  # y_i * alpha_i for the support vectors
Xs = svm.support_vectors_
dual = np.abs(ya).sum() - 0.5 * ya @ (Xs @ Xs.T) @ ya
print(f"primal 1/2||w||^2 + C sum(hinge) = {primal:.4f}, dual = {dual:.4f}")

alpha = np.zeros(len(y))
alpha[svm.support_] = np.abs(ya)
outside = margin > 1 + 1e-4  # beyond the margin, correct side
on = np.abs(margin - 1) <= 1e-4  # exactly on the margin
inside = margin < 1 - 1e-4  # inside the margin or misclassified
print(
    f"outside the margin: {outside.sum()}, "
    f"alpha = 0 for all: {np.all(alpha[outside] == 0)}"
)
print(
    f"on the margin: {on.sum()}, "
    f"0 < alpha < C: {np.all((alpha[on] > 0) & (alpha[on] < C))}"
)
print(
    f"inside or wrong: {inside.sum()}, "
    f"alpha = C for all: {np.allclose(alpha[inside], C)}"
)
assert abs(primal - dual) < 1e-4 * primal  # no duality gap: this is the optimum
assert np.all(alpha[outside] == 0) and np.allclose(alpha[inside], C)
assert outside.sum() + on.sum() + inside.sum() == len(y)
# --8<-- [end:objective]

# --8<-- [start:c_sweep]
sweep = {}
print("     C   margin 2/||w||   support vectors   training accuracy")
for C in (0.001, 0.01, 0.1, 1, 100):
    model = SVC(kernel="linear", C=C).fit(X, y)
    sweep[C] = model
    width = 2 / np.linalg.norm(model.coef_[0])
    acc = model.score(X, y)
    print(f"{C:>6}   {width:>13.2f}   {len(model.support_):>15}   {acc:>17.3f}")
# --8<-- [end:c_sweep]

widths = [2 / np.linalg.norm(m.coef_[0]) for m in sweep.values()]
n_sv = [len(m.support_) for m in sweep.values()]
assert np.all(np.diff(widths) < 0)  # larger C, narrower margin ...
assert np.all(np.diff(n_sv) <= 0) and n_sv[0] > 2 * n_sv[-1]  # ... and fewer SVs
accs = [m.score(X, y) for m in sweep.values()]
assert max(accs) - min(accs) < 0.02  # while training accuracy hardly moves

# --8<-- [start:support]
X_moon, y_moon = make_moons(n_samples=400, noise=0.3, random_state=0)
X_tr, X_te, y_tr, y_te = train_test_split(X_moon, y_moon, test_size=0.5, random_state=0)
full = SVC(kernel="rbf", C=1, gamma=1, tol=1e-8).fit(X_tr, y_tr)
sv = full.support_  # indices of the support vectors among the training rows
only_sv = SVC(kernel="rbf", C=1, gamma=1, tol=1e-8).fit(X_tr[sv], y_tr[sv])
diff = np.abs(full.decision_function(X_te) - only_sv.decision_function(X_te)).max()
print(f"{len(sv)} support vectors of {len(y_tr)} training rows")
print(f"refit on the support vectors alone, largest change in f(x): {diff:.1e}")

rest = np.setdiff1d(np.arange(len(y_tr)), sv)  # the rows with alpha = 0
drop_other = np.delete(np.arange(len(y_tr)), rest[0])
free = sv[np.abs(full.dual_coef_[0]) < 1 - 1e-6][0]  # a support vector on the margin
drop_sv = np.delete(np.arange(len(y_tr)), free)
changes = {}
for name, rows in (
    ("a non-support vector", drop_other),
    ("one support vector", drop_sv),
):
    refit = SVC(kernel="rbf", C=1, gamma=1, tol=1e-8).fit(X_tr[rows], y_tr[rows])
    changes[name] = np.abs(full.decision_function(X_te) - refit.decision_function(X_te))
    print(f"drop {name}: largest change in f(x) {changes[name].max():.1e}")
assert diff < 1e-6 and changes["a non-support vector"].max() < 1e-6
assert changes["one support vector"].max() > 1e-3
# --8<-- [end:support]


# --8<-- [start:kernel]
def phi(X):
    """The explicit feature map of the kernel (x.z + 1)^2 for two features."""
    x1, x2 = X[:, 0], X[:, 1]
    r2 = np.sqrt(2)
    return np.column_stack(
        [np.ones(len(X)), r2 * x1, r2 * x2, x1**2, x2**2, r2 * x1 * x2]
    )


A, B = X_tr[:5], X_te[:4]
K_trick = (A @ B.T + 1) ** 2  # 2 numbers per point, one dot product
K_map = phi(A) @ phi(B).T  # 6 numbers per point, one dot product
print(
    "kernel trick vs explicit map, largest difference: "
    f"{np.abs(K_trick - K_map).max():.1e}"
)

# So an SVM with that kernel on x is a linear SVM on phi(x).
poly = SVC(kernel="poly", degree=2, gamma=1, coef0=1, C=1, tol=1e-8).fit(X_tr, y_tr)
lin = SVC(kernel="linear", C=1, tol=1e-8).fit(phi(X_tr), y_tr)
gap = np.abs(poly.decision_function(X_te) - lin.decision_function(phi(X_te))).max()
print(f"poly-kernel SVM vs linear SVM on phi(x), largest difference in f: {gap:.1e}")
assert np.allclose(K_trick, K_map) and gap < 1e-5
# --8<-- [end:kernel]

# --8<-- [start:grid]
Cs, gammas = (0.1, 10, 1000), (0.1, 1, 30)
grid = {}
print("    C   gamma   train acc   test acc   support vectors")
for C in Cs:
    for gamma in gammas:
        model = SVC(kernel="rbf", C=C, gamma=gamma).fit(X_tr, y_tr)
        grid[C, gamma] = model
        tr, te = model.score(X_tr, y_tr), model.score(X_te, y_te)
        print(f"{C:>5} {gamma:>7} {tr:>11.3f} {te:>10.3f} {len(model.support_):>17}")
# --8<-- [end:grid]

train_acc = {k: m.score(X_tr, y_tr) for k, m in grid.items()}
test_acc = {k: m.score(X_te, y_te) for k, m in grid.items()}
assert train_acc[1000, 30] == 1 and test_acc[1000, 30] < max(test_acc.values()) - 0.04
assert test_acc[0.1, 30] < 0.6  # tiny C with tiny reach: barely a classifier at all
assert len(np.unique(grid[0.1, 30].predict(X_te))) == 1  # one class for every test row
best = max(test_acc.values())
assert all(test_acc[C, 30] < min(test_acc[C, 0.1], test_acc[C, 1]) for C in Cs)
assert test_acc[1000, 0.1] >= test_acc[10, 1] >= best - 0.01  # smooth kernel, large C
assert all(
    train_acc[C, 30] > train_acc[C, 1] for C in (10, 1000)
)  # large gamma fits more

# --8<-- [start:scaling]
X_bc, y_bc = load_breast_cancer(return_X_y=True)
spread = X_bc.std(axis=0)
print(f"feature std devs: smallest {spread.min():.4f}, largest {spread.max():.1f}")
raw = cross_val_score(SVC(), X_bc, y_bc, cv=5).mean()
scaled = cross_val_score(
    make_pipeline(StandardScaler(), SVC()), X_bc, y_bc, cv=5
).mean()
print(f"5-fold accuracy, RBF SVC: raw {raw:.3f}, standardised {scaled:.3f}")
assert round(100 * (scaled - raw)) == 6  # six points of accuracy
assert spread.min() < 0.01 and spread.max() > 100  # thousandths to hundreds
# --8<-- [end:scaling]

# --8<-- [start:proba]
from sklearn.calibration import CalibratedClassifierCV

svc = SVC(kernel="rbf", C=1, gamma=1).fit(X_tr, y_tr)
f_te = svc.decision_function(X_te)
print(f"decision_function on the test rows: from {f_te.min():.2f} to {f_te.max():.2f}")

# Platt scaling: a sigmoid in f(x), fitted to 5-fold cross-validated scores, on top of
# one SVC refitted on all the rows (what SVC(probability=True) did before 1.9).
platt = CalibratedClassifierCV(SVC(kernel="rbf", C=1, gamma=1), ensemble=False, cv=5)
p = platt.fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
(calibrated,) = platt.calibrated_classifiers_  # a single SVC and its sigmoid
same = np.allclose(calibrated.estimator.decision_function(X_te), f_te)
print(f"one SVC, the same as fitting on all rows: {same}")
print(f"Platt probabilities: from {p.min():.3f} to {p.max():.3f}")
flips = int(np.sum((p > 0.5) != (f_te > 0)))
print(f"test rows where P(y=1) > 0.5 disagrees with the sign of f(x): {flips}")
assert f_te.min() < -1 and f_te.max() > 1  # a score, not a probability
assert 0 < p.min() and p.max() < 1 and flips == 1 and same
# --8<-- [end:proba]

_one_thread.restore_original_limits()
