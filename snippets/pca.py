"""Principal component analysis: the top eigenvector of the covariance, the same answer
from the SVD and from scikit-learn, why to standardise first, how many components to
keep, and two cases PCA gets wrong: a low-variance class signal and curved structure.

Run on its own: python snippets/pca.py
"""

import numpy as np
from sklearn.datasets import load_wine, make_circles
from sklearn.decomposition import PCA, KernelPCA
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from threadpoolctl import threadpool_limits

# Tiny data: one thread is fastest; extra BLAS/OpenMP threads stall on a busy machine.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# --8<-- [start:eigen]
# 178 wines, 13 chemical measurements in very different units; standardised first.
wine = load_wine()
X_raw, y_wine, names = wine.data, wine.target, wine.feature_names
X = StandardScaler().fit_transform(X_raw)
n, p = X.shape
Xc = X - X.mean(axis=0)  # PCA works on centred data

S = Xc.T @ Xc / (n - 1)  # the 13 x 13 covariance matrix
eigvals, eigvecs = np.linalg.eigh(S)  # ascending order: flip to descending
eigvals, eigvecs = eigvals[::-1], eigvecs[:, ::-1]
v1 = eigvecs[:, 0]  # the first principal direction
print(f"variance along the top eigenvector: {np.var(Xc @ v1, ddof=1):.3f}")
print(f"largest eigenvalue:                 {eigvals[0]:.3f}")

# No other direction does better: try 2,000 random unit vectors.
rng = np.random.default_rng(0)
U = rng.normal(size=(2000, p))
U /= np.linalg.norm(U, axis=1, keepdims=True)
best_random = np.var(Xc @ U.T, axis=0, ddof=1).max()
print(f"best of 2,000 random directions:    {best_random:.3f}")
assert np.isclose(np.var(Xc @ v1, ddof=1), eigvals[0])
assert best_random < 0.8 * eigvals[0]  # not even close
# --8<-- [end:eigen]

# --8<-- [start:svd]
U_svd, s, Vt = np.linalg.svd(Xc, full_matrices=False)  # Xc = U diag(s) Vt
print(f"max |s^2/(n-1) - eigenvalue|: {np.abs(s**2 / (n - 1) - eigvals).max():.1e}")

pca = PCA().fit(X)  # centres internally, then an SVD
signs = np.sign(np.sum(pca.components_ * eigvecs.T, axis=1))  # +1 or -1 per component
print("sign of each sklearn component against eigh's:", signs.astype(int))
gap = np.abs(pca.components_ - signs[:, None] * eigvecs.T).max()
print(f"after fixing the signs, max difference: {gap:.1e}")
print(
    "explained_variance_ vs eigenvalues: "
    f"{np.abs(pca.explained_variance_ - eigvals).max():.1e}"
)

# Scores: the projections Xc V are U diag(s) from the SVD, up to each column's sign.
scores = pca.transform(X)
flip = np.sign(np.sum(pca.components_ * Vt, axis=1))
print(f"transform vs U * s: {np.abs(scores - flip * U_svd * s).max():.1e}")
assert np.allclose(s**2 / (n - 1), eigvals) and gap < 1e-10
assert np.allclose(pca.explained_variance_, eigvals)
assert np.allclose(scores, Xc @ pca.components_.T)
assert np.allclose(scores, flip * U_svd * s)
assert set(signs) == {-1.0, 1.0}  # both signs occur: the sign is a convention
# --8<-- [end:svd]

# sklearn's convention: the entry largest in absolute value of each component is
# positive.
top = np.abs(pca.components_).argmax(axis=1)
assert np.all(pca.components_[np.arange(p), top] > 0)

# --8<-- [start:scaling]
spread = X_raw.std(axis=0)
print(
    f"std devs: proline {spread[12]:.1f}, "
    f"median of the others {np.median(spread[:12]):.2f}"
)
raw = PCA().fit(X_raw)
print(
    f"raw data:     PC1 explains {raw.explained_variance_ratio_[0]:.4f} of the variance"
)
print(f"              PC1 loading on proline {abs(raw.components_[0, 12]):.4f}")
print(
    f"standardised: PC1 explains {pca.explained_variance_ratio_[0]:.3f} of the variance"
)
j = np.abs(pca.components_[0]).argmax()
print(
    f"              largest PC1 loading {abs(pca.components_[0, j]):.3f} ({names[j]})"
)
assert spread.argmax() == 12 and 100 < spread[12] < 1000  # in the hundreds
assert raw.explained_variance_ratio_[0] > 0.99
assert abs(raw.components_[0, 12]) > 0.999
assert np.abs(pca.components_[0]).max() < 0.5  # no single feature dominates
# --8<-- [end:scaling]

# --8<-- [start:choose_k]
ratio = pca.explained_variance_ratio_
cumulative = np.cumsum(ratio)
print("explained variance ratio:", np.round(ratio, 3))
print("cumulative:              ", np.round(cumulative, 3))
k90 = int(np.searchsorted(cumulative, 0.90) + 1)  # smallest k reaching 90 %
k95 = int(np.searchsorted(cumulative, 0.95) + 1)
print(f"components for 90 %: {k90}, for 95 %: {k95} (of {p})")
print(f"PCA(n_components=0.90) keeps {PCA(n_components=0.90).fit(X).n_components_}")

# Dropping components costs exactly their variance: the reconstruction error of a
# k-component PCA is the sum of the discarded eigenvalues (times n - 1).
k = k90
pca_k = PCA(n_components=k).fit(X)
X_back = pca_k.inverse_transform(pca_k.transform(X))
lost = np.sum((X - X_back) ** 2) / (n - 1)
print(
    f"k={k}: squared reconstruction error / (n-1) = {lost:.3f}, "
    f"discarded eigenvalues sum to {eigvals[k:].sum():.3f}"
)
assert np.isclose(ratio.sum(), 1) and PCA(n_components=0.90).fit(X).n_components_ == k90
assert cumulative[k90 - 2] < 0.90 <= cumulative[k90 - 1]
assert np.isclose(lost, eigvals[k:].sum()) and (k90, p - k) == (8, 5)
# --8<-- [end:choose_k]

# --8<-- [start:labels]
# The class lives in x2, which varies little; x1 is loud noise.
rng = np.random.default_rng(1)
m = 400
y = rng.integers(0, 2, size=m)
x1 = rng.normal(scale=5.0, size=m)  # large variance, no information about y
x2 = np.where(y == 1, 1.0, -1.0) + rng.normal(scale=0.5, size=m)  # small variance
X_lab = np.column_stack([x1, x2])

pca1 = PCA(n_components=1).fit(X_lab)  # never sees y
print(
    "PC1 direction:",
    np.round(pca1.components_[0], 3),
    f" explains {pca1.explained_variance_ratio_[0]:.3f} of the variance",
)
lda = LinearDiscriminantAnalysis(n_components=1).fit(X_lab, y)  # uses y
lda_dir = lda.scalings_[:, 0] / np.linalg.norm(lda.scalings_[:, 0])
print("LDA direction:", np.round(lda_dir, 3))


def on_component(j):
    """Logistic regression on principal component j alone; PCA refitted in each fold."""
    pick = FunctionTransformer(lambda Z: Z[:, [j]])
    return make_pipeline(PCA(n_components=2), pick, LogisticRegression())


models = {
    "kept PC1": on_component(0),
    "dropped PC2": on_component(1),
    "LDA's 1-D": make_pipeline(LinearDiscriminantAnalysis(), LogisticRegression()),
}
acc = {
    name: cross_val_score(model, X_lab, y, cv=5).mean()
    for name, model in models.items()
}
for name, a in acc.items():
    print(f"logistic regression on {name:>11}: accuracy {a:.3f}")
assert pca1.explained_variance_ratio_[0] > 0.9 and abs(pca1.components_[0, 0]) > 0.99
assert acc["kept PC1"] < 0.6 and acc["dropped PC2"] > 0.95 and abs(lda_dir[1]) > 0.99
# --8<-- [end:labels]

# --8<-- [start:nonlinear]
# Two concentric rings: no rotation of the plane separates them.
X_ring, y_ring = make_circles(n_samples=400, factor=0.3, noise=0.05, random_state=0)
rings = {
    "PCA (2 comps)": make_pipeline(PCA(n_components=2), LogisticRegression()),
    "kernel PCA (1)": make_pipeline(
        KernelPCA(n_components=1, kernel="rbf", gamma=2), LogisticRegression()
    ),
}
ring_acc = {
    name: cross_val_score(m, X_ring, y_ring, cv=5).mean() for name, m in rings.items()
}
for name, a in ring_acc.items():
    print(f"logistic regression on {name:>14}: accuracy {a:.3f}")
assert ring_acc["PCA (2 comps)"] < 0.5 and ring_acc["kernel PCA (1)"] > 0.99
# --8<-- [end:nonlinear]

_one_thread.restore_original_limits()
