# Kernel settings for notebooks executed by the site build (mkdocs-jupyter); the MkDocs hook points
# IPYTHONDIR here. Figures come out as SVG (crisp, small, and restyled for the dark palette by CSS) with
# transparent backgrounds, no timestamp and stable ids, so two builds give the same bytes.
c = get_config()  # noqa: F821 - provided by IPython when it loads this file

c.InlineBackend.figure_formats = {"svg"}
c.InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "metadata": {"Date": None}}
c.InlineBackend.rc = {
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "axes.facecolor": "none",
    "svg.fonttype": "none",
    "svg.hashsalt": "ml-interview-guide-labs",
    "font.size": 11,
}

# Nothing written into this folder while notebooks run (it lives in the source tree).
c.HistoryManager.enabled = False

# The kernel's own control-channel hiccups (tornado "DELIM not in msg_list" under load) are logged to stderr,
# which ipykernel would show inside a cell's output; they are not the notebook's output.
# A cell's printed output is sent once, when the cell ends or shows a figure, not every 0.2 s: otherwise how
# many output blocks a cell gets depends on how loaded the machine is, and two builds differ.
c.IPKernelApp.exec_lines = [
    "import logging as _logging; _logging.getLogger('tornado').setLevel(_logging.CRITICAL)",
    "import sys as _sys; _sys.stdout.flush_interval = _sys.stderr.flush_interval = 1e9",
]
