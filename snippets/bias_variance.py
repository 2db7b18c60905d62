"""Bias-variance decomposition, measured: many training sets from a known function.

Run on its own: python snippets/bias_variance.py
"""

from threadpoolctl import threadpool_limits

# Small arrays: one BLAS thread is faster, and steadier on a busy machine, than several.
_one_thread = threadpool_limits(limits=1)  # restored at the end of this file

# --8<-- [start:setup]
import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)
SIGMA = 0.5  # noise standard deviation: the irreducible error is SIGMA**2 = 0.25
N_TRAIN = 50  # points in each training set
N_SETS = 300  # independent training sets drawn from the same distribution


def true_f(x):
    return np.sin(3 * x + 0.5)


def draw_training_sets(n_sets, n, rng):
    """n_sets training sets (one per row): x uniform on [-1, 1], y = f(x) + noise."""
    x = rng.uniform(-1, 1, size=(n_sets, n))
    return x, true_f(x) + SIGMA * rng.standard_normal((n_sets, n))


def fit_predict(x_train, y_train, x_eval, degree):
    """Least-squares polynomial fit of every training set (row) at once.

    Returns one row of predictions at x_eval per training set. The Legendre basis spans
    the same polynomials as 1, x, ..., x**degree but is far better conditioned.
    """
    design = legendre.legvander(x_train, degree)  # (n_sets, n, degree + 1)
    coef = np.linalg.pinv(design) @ y_train[..., None]  # (n_sets, degree + 1, 1)
    return (legendre.legvander(x_eval, degree) @ coef)[..., 0]  # (n_sets, n_eval)


# --8<-- [end:setup]

# --8<-- [start:decompose]
x_train, y_train = draw_training_sets(N_SETS, N_TRAIN, rng)
x_test = rng.uniform(-1, 1, size=200)  # test inputs, from the same distribution as x
f_test = true_f(x_test)
# A fresh noisy label at every test input, for every training set:
y_test = f_test + SIGMA * rng.standard_normal((N_SETS, x_test.size))

degrees = np.arange(11)
bias2, variance, test_mse = (np.zeros(degrees.size) for _ in range(3))
print("degree  bias^2  variance  noise    sum  measured test MSE")
for d in degrees:
    pred = fit_predict(x_train, y_train, x_test, d)  # (N_SETS, 200)
    avg_pred = pred.mean(axis=0)  # the average model f_bar(x) over training sets
    bias2[d] = np.mean((avg_pred - f_test) ** 2)  # averaged over the test inputs
    variance[d] = np.mean(pred.var(axis=0))
    test_mse[d] = np.mean((y_test - pred) ** 2)  # over training sets, inputs, noise
    total = bias2[d] + variance[d] + SIGMA**2
    print(
        f"{d:6d}  {bias2[d]:6.3f}  {variance[d]:8.3f}  {SIGMA**2:5.3f}  {total:5.3f}"
        f"  {test_mse[d]:17.3f}"
    )
    # The decomposition, checked: the three terms add up to the measured error.
    assert np.isclose(total, test_mse[d], rtol=0.03)
# --8<-- [end:decompose]

# --8<-- [start:shape]
best = int(np.argmin(test_mse))
print(f"lowest test MSE at degree {best}: {test_mse[best]:.3f}")
print(
    f"bias^2 falls from {bias2[0]:.3f} (degree 0) to {bias2[best]:.3f} (degree {best})"
)
print(
    f"variance rises from {variance[0]:.3f} (degree 0) "
    f"to {variance[-1]:.3f} (degree {degrees[-1]})"
)
assert 0 < best < degrees[-1]  # the minimum is in the middle: a U shape
assert np.all(np.diff(bias2[: best + 1]) < 0)  # bias^2 falls up to the best degree
assert variance[-1] > 20 * variance[0]  # variance grows with the degree overall,
assert np.all(np.diff(variance[best:]) > 0)  # at every step beyond the best degree,
assert test_mse[0] > 2 * test_mse[best] and test_mse[-1] > 2 * test_mse[best]
# --8<-- [end:shape]

# --8<-- [start:dip]
# ... but not at every step before it. Refit with noise-free labels: the variance left
# comes only from where each training set's x values happen to fall.
print("degree  variance  of which with noise-free labels")
clean = {}
for d in (2, 3):
    clean[d] = np.mean(fit_predict(x_train, true_f(x_train), x_test, d).var(axis=0))
    print(f"{d:6d}  {variance[d]:8.3f}  {clean[d]:31.3f}")
assert variance[3] < variance[2] and bias2[3] < bias2[2]  # both terms fall here
assert clean[3] < clean[2] / 5  # the part due to the inputs' positions collapses
# --8<-- [end:dip]

# --8<-- [start:more_data]
# The same 300 training sets of 50 points as above, and 300 new ones of 400 points.
training_sets = {50: (x_train, y_train), 400: draw_training_sets(N_SETS, 400, rng)}
print("degree  n_train  bias^2  variance")
for d in (1, 9):
    b2, var = {}, {}
    for n, (xs, ys) in training_sets.items():
        pred = fit_predict(xs, ys, x_test, d)
        b2[n] = np.mean((pred.mean(axis=0) - f_test) ** 2)
        var[n] = np.mean(pred.var(axis=0))
        print(f"{d:6d}  {n:7d}  {b2[n]:6.3f}  {var[n]:8.3f}")
    # Eight times the data: variance falls a lot, bias^2 stays where it was.
    assert var[400] < var[50] / 4 and abs(b2[400] - b2[50]) < 0.01
# --8<-- [end:more_data]

# --8<-- [start:averaging]
# B predictions at one x, each with variance s2 and pairwise correlation rho, like the
# trees of a bagged ensemble: a part they share plus a part of their own.
B, s2 = 25, 1.0
avg_rng = np.random.default_rng(1)
print(f"variance of the average of {B} predictions, each of variance {s2}:")
for rho in (0.0, 0.3, 0.7):
    shared = avg_rng.standard_normal((100_000, 1))
    own = avg_rng.standard_normal((100_000, B))
    preds = np.sqrt(s2) * (np.sqrt(rho) * shared + np.sqrt(1 - rho) * own)
    measured = preds.mean(axis=1).var()  # variance of the ensemble's average
    formula = rho * s2 + (1 - rho) * s2 / B
    print(f"rho = {rho:.1f}: measured {measured:.3f}  formula {formula:.3f}")
    assert np.isclose(measured, formula, rtol=0.03)
# --8<-- [end:averaging]

# What the page says about the fitted curves: degree 1 is mostly bias, degree 10 mostly
# variance, and the variance of degree 10 is largest near the edges of [-1, 1].
assert bias2[1] > 5 * variance[1] and variance[10] > 100 * bias2[10]
pred10 = fit_predict(x_train, y_train, x_test, 10)
edge, center = np.abs(x_test) > 0.9, np.abs(x_test) < 0.5
assert pred10.var(axis=0)[edge].mean() > 5 * pred10.var(axis=0)[center].mean()

_one_thread.restore_original_limits()
