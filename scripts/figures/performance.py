"""Figures for contributing/performance.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt

from scripts.figures import figure, snippet_namespace


@figure(
    "performance_scaling",
    alt="Build times in seconds against the number of question pages in the guide, one line per kind of "
    "build: the cold build with every cache emptied and the publishing build grow with the pages, while the "
    "no-op rebuild stays close to the floor, the same Markdown built with every executable step off.",
)
def scaling():
    rows = snippet_namespace("performance")["rows"]
    fig, ax = plt.subplots(figsize=(7.0, 4.0))
    lines = {
        "cold_build_s": "cold build",
        "publish_build_s": "publishing build",
        "one_page_edit_s": "one-page edit",
        "noop_rebuild_s": "no-op rebuild",
        "floor_s": "floor (nothing executed)",
    }
    for column, label in lines.items():
        ax.plot(rows.index, rows[column], marker="o", label=label)
    ax.set_xlabel("question pages")
    ax.set_ylabel("seconds (2 cores)")
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False)
    return fig
