"""Figures for fundamentals/missing_data.md, drawn from the page's own snippet objects."""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from scripts.figures import figure, snippet_namespace


def _shade_gaps(ax, index, is_gap):
    """Shade each run of missing days."""
    days = index[is_gap.to_numpy()]
    step = index[1] - index[0]
    for day in days:
        ax.axvspan(day - step / 2, day + step / 2, color="C5", alpha=0.15, lw=0)


@figure(
    "missing_data_fills",
    alt="A daily series with five shaded gaps, the true values drawn through them, and three fills: "
    "time interpolation follows the truth closely, forward fill stays flat at the last seen value, "
    "and the series mean ignores the trend and the season.",
)
def fills():
    ns = snippet_namespace("missing_data")
    truth, observed, fills, is_gap = ns["truth"], ns["observed"], ns["fills"], ns["is_gap"]
    fig, ax = plt.subplots(figsize=(7.5, 4.0))
    _shade_gaps(ax, truth.index, is_gap)
    ax.plot(truth.index, truth, color="C0", lw=1, alpha=0.6, label="true values")
    ax.plot(observed.index, observed, "o", color="C0", ms=3, label="observed")
    styles = {
        "forward fill": dict(color="C1", lw=2, drawstyle="steps-post"),
        "time interpolation": dict(color="C2", lw=2),
        "series mean": dict(color="C3", lw=2, ls="--"),
    }
    for name, style in styles.items():
        # Draw each fill only across the gaps (plus the observed day on either side).
        shown = fills[name].where(is_gap | is_gap.shift(1, fill_value=False) | is_gap.shift(-1, fill_value=False))
        ax.plot(shown.index, shown, label=name, **style)
    ax.set(xlabel="date (2024)", ylabel="value")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
    ax.legend(loc="upper left", ncol=2, fontsize=9)
    fig.tight_layout()
    return fig


@figure(
    "missing_data_leak",
    alt="Close-up of the days around the train/test cutoff: the last training days are missing; "
    "forward fill keeps them at the last training value, while interpolating the whole series "
    "bends them towards the first test value, which lies in the future.",
)
def leak():
    ns = snippet_namespace("missing_data")
    truth, observed, cutoff = ns["truth"], ns["observed"], ns["cutoff"]
    lo, hi = cutoff - 10 * (truth.index[1] - truth.index[0]), cutoff + 6 * (truth.index[1] - truth.index[0])
    window = slice(lo, hi)
    fig, ax = plt.subplots(figsize=(7.0, 3.8))
    ax.axvspan(cutoff, hi, color="C5", alpha=0.12, lw=0)
    ax.annotate(
        "test period", (cutoff, 0), xycoords=("data", "axes fraction"), xytext=(6, 8), textcoords="offset points"
    )
    ax.plot(truth[window].index, truth[window], color="C0", lw=1, alpha=0.6, label="true values")
    ax.plot(observed[window].index, observed[window], "o", color="C0", ms=4, label="observed")
    train = ns["train"]
    causal = ns["causal"][train.last_valid_index() :]  # from the last observed training day
    causal[cutoff] = causal.iloc[-1]  # draw the last step up to the cutoff
    ax.plot(causal.index, causal, color="C1", lw=2, drawstyle="steps-post", label="ffill of the training part")
    # The whole-series interpolation, drawn up to the first test value it was pulled towards.
    leaky = observed.interpolate(method="time")[lo:cutoff]
    ax.plot(leaky.index, leaky, color="C3", lw=2, ls="--", label="interpolation of the whole series")
    ax.axvline(cutoff, color="C5", lw=1)
    ax.set(xlabel="date (2024)", ylabel="value")
    ax.set_xticks(pd.date_range(lo, hi, freq="4D"))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig
