"""Figures for the page ads_ctr_prediction.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.calibration import calibration_curve

from scripts.figures import Box, architecture, figure, snippet_namespace


@figure(
    "ads_ctr_prediction_architecture",
    alt="Architecture of an ads click-through-rate system. Online, an ad request goes to candidate "
    "selection by targeting, then to the CTR model with its recalibration, which reads features from "
    "a feature store, then to the auction, which ranks by bid times predicted CTR, and the winning ad "
    "is shown. Offline, impressions and clicks are logged, joined, negatives are downsampled, and a "
    "trainer updates the CTR model.",
)
def architecture_diagram():
    boxes = {
        "request": Box(1.1, 3.9, "Ad request\n(user, context)"),
        "candidates": Box(3.3, 3.9, "Candidates\n(targeting)"),
        "model": Box(5.5, 3.9, "CTR model +\nrecalibration", "model"),
        "auction": Box(7.7, 3.9, "Auction\nbid x pCTR"),
        "shown": Box(9.9, 3.9, "Ad shown"),
        "features": Box(3.3, 1.2, "Feature store\n(hashed ids)", "store"),
        "trainer": Box(5.5, 1.2, "Trainer\n(online LR)", "model"),
        "sampler": Box(7.7, 1.2, "Join clicks,\nsample negatives"),
        "logs": Box(9.9, 1.2, "Impression +\nclick logs", "store"),
    }
    arrows = [
        ("request", "candidates", ""),
        ("candidates", "model", ""),
        ("model", "auction", ""),
        ("auction", "shown", ""),
        ("features", "model", ""),
        ("shown", "logs", ""),
        ("logs", "sampler", ""),
        ("sampler", "trainer", ""),
        ("trainer", "model", ""),
    ]
    groups = [
        ("online, tens of ms", (0.1, 3.05, 10.9, 4.85)),
        ("offline, minutes to daily", (0.1, 0.3, 10.9, 2.2)),
    ]
    return architecture(boxes, arrows, groups=groups, size=(11.0, 5.0))


@figure(
    "ads_ctr_prediction_reliability",
    alt="Reliability diagram on log scales: observed click-through rate against mean predicted "
    "click-through rate in ten bins of equal size. The model trained on all rows and the downsampled "
    "model after recalibration both lie on the diagonal, from under 1 % to about 7 %; the raw "
    "predictions of the downsampled model lie far to the right of the diagonal, predicting six to "
    "thirteen times too many clicks.",
)
def reliability():
    ns = snippet_namespace("ads_ctr_prediction")
    y = ns["y_test"]
    fig, ax = plt.subplots()
    styles = [
        ("trained on all rows", ns["p_full"], "o", "-"),
        ("downsampled, raw", ns["p_raw"], "s", "--"),
        ("downsampled, recalibrated", ns["q"], "^", ":"),
    ]
    for label, p, marker, ls in styles:
        observed, predicted = calibration_curve(y, p, n_bins=10, strategy="quantile")
        ax.plot(predicted, observed, marker=marker, ls=ls, lw=2, label=label)
    line = np.array([1e-3, 0.6])
    ax.plot(line, line, color="grey", lw=1, label="perfectly calibrated")
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="mean predicted CTR in the bin",
        ylabel="observed CTR in the bin",
        xlim=(1e-3, 0.6),
        ylim=(1e-3, 0.6),
    )
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
