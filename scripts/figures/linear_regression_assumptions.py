"""Figures for classical/linear_regression_assumptions.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
from scipy import stats
from statsmodels.nonparametric.smoothers_lowess import lowess

from scripts.figures import figure, snippet_namespace

STEM = "linear_regression_assumptions"


def _resid_vs_fitted(ax, fit, title):
    fitted, resid = fit.fittedvalues, fit.resid
    ax.scatter(fitted, resid, s=10, color="C0", alpha=0.6)
    smooth = lowess(resid, fitted, frac=0.5)
    ax.plot(smooth[:, 0], smooth[:, 1], color="C1", lw=2, label="lowess trend")
    ax.axhline(0, color="0.55", lw=1, ls=":")
    ax.set(title=title, xlabel="fitted value", ylabel="residual")


def _qq(ax, resid, title):
    (theoretical, ordered), (slope, intercept, _) = stats.probplot(resid, dist="norm")
    ax.scatter(theoretical, ordered, s=10, color="C0", alpha=0.6)
    ax.plot(theoretical, slope * theoretical + intercept, color="C1", lw=2)
    ax.set(title=title, xlabel="normal quantile", ylabel="residual quantile")


def _lag(ax, resid, dw, title):
    ax.scatter(resid[:-1], resid[1:], s=10, color="C0", alpha=0.6)
    ax.set(title=f"{title} (DW = {dw:.2f})", xlabel="residual at row t - 1", ylabel="residual at row t")


def _leverage(ax, fit, title):
    infl = fit.get_influence()
    h, r = infl.hat_matrix_diag, infl.resid_studentized_internal
    ax.scatter(h, r, s=10, color="C0", alpha=0.6)
    p = fit.model.exog.shape[1]
    ax.axvline(2 * p / len(h), color="C1", ls="--", lw=1.5, label="2p/n: high leverage")
    ax.axhline(0, color="0.55", lw=1, ls=":")
    ax.set(title=title, xlabel="leverage (hat value)", ylabel="studentized residual")
    ax.legend(loc="lower right", fontsize=9)


@figure(
    "linear_regression_assumptions_good",
    alt="Four diagnostic panels for a regression whose assumptions hold: residuals scatter evenly around zero "
    "against the fitted values with a flat trend, the normal Q-Q points follow the reference line, the points "
    "past the high-leverage line have residuals of ordinary size, and the lag plot of consecutive residuals is a "
    "shapeless cloud.",
)
def good():
    ns = snippet_namespace(STEM)
    fit, st = ns["results"]["good"]
    fig, axes = plt.subplots(2, 2, figsize=(8.0, 6.4))
    _resid_vs_fitted(axes[0, 0], fit, "linearity, equal variance")
    _qq(axes[0, 1], fit.resid, "normality: Q-Q plot")
    _leverage(axes[1, 0], fit, "influence: leverage")
    _lag(axes[1, 1], fit.resid, st["DW"], "independence")
    fig.tight_layout()
    return fig


@figure(
    "linear_regression_assumptions_broken",
    alt="Six diagnostic panels, one per broken assumption: a U-shaped residual trend for the nonlinear data, "
    "a funnel that widens with the fitted value for the heteroscedastic data, a Q-Q plot bending away from the "
    "line for skewed errors, a lag plot lined up along a rising diagonal for autocorrelated errors, two "
    "regressors lying on a line for the collinear data, and an unremarkable residual plot for the data with an "
    "omitted variable.",
)
def broken():
    ns = snippet_namespace(STEM)
    res, datasets = ns["results"], ns["datasets"]
    fig, axes = plt.subplots(2, 3, figsize=(10.5, 6.6))
    _resid_vs_fitted(axes[0, 0], res["nonlinear"][0], "nonlinear")
    _resid_vs_fitted(axes[0, 1], res["heteroscedastic"][0], "heteroscedastic")
    _qq(axes[0, 2], res["non-normal"][0].resid, "non-normal errors: Q-Q")
    _lag(axes[1, 0], res["autocorrelated"][0].resid, res["autocorrelated"][1]["DW"], "autocorrelated")
    X = datasets["collinear"][0]
    axes[1, 1].scatter(X[:, 0], X[:, 1], s=10, color="C0", alpha=0.6)
    axes[1, 1].set(title=f"collinear (max VIF = {res['collinear'][1]['max VIF']:.0f})", xlabel="x1", ylabel="x2")
    _resid_vs_fitted(axes[1, 2], res["omitted variable"][0], "omitted variable: looks fine")
    fig.tight_layout()
    return fig
