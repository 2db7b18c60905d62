"""Supervised vs unsupervised learning: one dataset with and without its labels.

Run on its own: python snippets/q02_supervised_unsupervised.py
"""

import numpy as np

# --8<-- [start:data]
from sklearn.datasets import load_iris

iris = load_iris()
X, y = iris.data, iris.target  # 150 flowers, 4 measurements (cm), 3 species
species = iris.target_names
print(f"X: {X.shape[0]} rows x {X.shape[1]} features")
print("flowers per species:", dict(zip(species.tolist(), np.bincount(y).tolist())))
# --8<-- [end:data]

# --8<-- [start:supervised]
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

# With labels: learn x -> species on 70 % of the flowers, grade on the other 30 %.
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=0
)
clf = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
held_out_accuracy = accuracy_score(y_test, clf.predict(X_test))
print(f"supervised: held-out accuracy = {held_out_accuracy:.3f}")
# --8<-- [end:supervised]

# --8<-- [start:clusters]
import pandas as pd
from sklearn.cluster import KMeans

# Without labels: k-means sees only X and is asked for 3 groups.
kmeans = KMeans(n_clusters=3, random_state=0).fit(X)
clusters = kmeans.labels_
table = pd.crosstab(
    pd.Series(species[y], name="species"), pd.Series(clusters, name="cluster")
)
print(table)
# --8<-- [end:clusters]

# --8<-- [start:ari]
from sklearn.metrics import adjusted_rand_score, rand_score

# Accuracy compares ids literally, but cluster 0 has no reason to mean species 0.
print(f"accuracy of raw cluster ids:       {accuracy_score(y, clusters):.3f}")
ari = adjusted_rand_score(y, clusters)  # compares groupings, not names
print(f"ARI(species, clusters):            {ari:.3f}")

# Renaming the clusters changes accuracy but not ARI.
renamed = np.array([2, 0, 1])[clusters]  # 0 -> 2, 1 -> 0, 2 -> 1
print(
    f"after renaming: accuracy = {accuracy_score(y, renamed):.3f}, "
    f"ARI = {adjusted_rand_score(y, renamed):.3f}"
)
assert accuracy_score(y, renamed) != accuracy_score(y, clusters)
assert adjusted_rand_score(y, renamed) == ari

# A random labeling: ARI is near 0, while the unadjusted Rand index is not.
rng = np.random.default_rng(0)
random_labels = rng.integers(0, 3, size=y.size)
print(
    f"random labeling: ARI = {adjusted_rand_score(y, random_labels):.3f}, "
    f"Rand index = {rand_score(y, random_labels):.3f}"
)
assert abs(adjusted_rand_score(y, random_labels)) < 0.05
assert rand_score(y, random_labels) > 0.5
# --8<-- [end:ari]

# --8<-- [start:matched]
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import confusion_matrix

# Best one-to-one naming of clusters as species (uses the labels: grading only).
counts = confusion_matrix(y, clusters)  # rows: species, columns: clusters
rows, cols = linear_sum_assignment(counts, maximize=True)
name_of = dict(zip(cols, rows))  # cluster id -> species id
matched = np.array([name_of[c] for c in clusters])
matched_accuracy = accuracy_score(y, matched)
print(f"clusters named by best matching: accuracy = {matched_accuracy:.3f}")
print(f"supervised, held-out:            accuracy = {held_out_accuracy:.3f}")
# --8<-- [end:matched]

# Facts the page states, checked on this data:
# setosa is recovered exactly as one cluster, the other two species share clusters,
setosa = table.loc["setosa"]
assert (setosa > 0).sum() == 1 and table[setosa.idxmax()].sum() == 50
assert (table.loc[["versicolor", "virginica"]] > 0).sum(axis=1).min() == 2
# the raw cluster ids look like a bad classifier, though the grouping is good,
assert accuracy_score(y, clusters) < 0.5 < matched_accuracy and 0.7 < ari < 0.8
# and labels buy accuracy: the classifier beats even the best naming of the clusters.
assert held_out_accuracy > matched_accuracy
