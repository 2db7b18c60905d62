"""Figures for evaluation/confusion_matrix.md, drawn with the snippet's own draw_confusion()."""

import matplotlib.pyplot as plt

from scripts.figures import figure, snippet_namespace


def _tidy(ax, title):
    ax.set_title(title)
    ax.grid(False)  # a grid over heat-map cells only adds noise


@figure(
    "confusion_matrix_binary",
    alt="Two confusion matrices of the breast-cancer classifier side by side: raw counts on the "
    "left, most of them on the diagonal, and the same matrix normalized by row on the right, "
    "whose diagonal shows specificity for benign and recall for malignant.",
)
def binary():
    ns = snippet_namespace("confusion_matrix")
    fig, (left, right) = plt.subplots(1, 2, figsize=(7.5, 3.6))
    for ax, how, title in ((left, None, "counts"), (right, "true", 'normalize="true" (rows)')):
        ns["draw_confusion"](ax, ns["y_test"], ns["y_pred"], normalize=how)
        ax.set_xticks([0, 1], ["benign", "malignant"])
        ax.set_yticks([0, 1], ["benign", "malignant"], rotation=90, va="center")
        _tidy(ax, title)
    fig.tight_layout()
    return fig


@figure(
    "confusion_matrix_digits",
    alt="Row-normalized ten-by-ten confusion matrix of a Gaussian naive Bayes model on "
    "handwritten digits: most of the weight lies on the diagonal, but the row of the digit 2 is "
    "split between 2 and 8, and the row of 9 leaks into 8 and 7.",
)
def digits():
    ns = snippet_namespace("confusion_matrix")
    fig, ax = plt.subplots(figsize=(7.0, 6.2))
    disp = ns["draw_confusion"](ax, ns["yd_test"], ns["digits_pred"], normalize="true")
    for text in disp.text_.ravel():
        text.set_fontsize(8)
        if text.get_text() == "0.00":
            text.set_text("")  # blank the empty cells so the mistakes stand out
    _tidy(ax, "digits, normalized by true class (each row sums to 1; zeros blank)")
    fig.tight_layout()
    return fig
