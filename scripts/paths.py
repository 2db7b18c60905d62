"""Where things live. Every script and test takes its paths from here."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
SCRIPTS = ROOT / "scripts"
FIGURE_MODULES = SCRIPTS / "figures"
# The IPython profile the labs' kernels run with (SVG figures, reproducible bytes)
IPYTHON_DIR = SCRIPTS / "ipython"
REQUIREMENTS = ROOT / "requirements.txt"

# Everything below GENERATED is produced by the build, git-ignored and safe to delete.
# (`make test-latest` points GUIDE_GENERATED elsewhere, so newest-release outputs never mix with the pinned ones.)
GENERATED = ROOT / os.environ.get("GUIDE_GENERATED", "generated")
FIGURES_OUT = GENERATED / "figures"
OUTPUTS_OUT = GENERATED / "outputs"
STAMPS = GENERATED / "stamps"

NODE_MODULES = ROOT / "node_modules"
KATEX_DIST = NODE_MODULES / "katex" / "dist"
# Web workers for pages opened from disk (file://), for the offline copy's search
IFRAME_WORKER_SHIM = NODE_MODULES / "iframe-worker" / "shim" / "index.js"
TS_FSRS = NODE_MODULES / "ts-fsrs" / "dist" / "index.umd.js"


def rel(path: Path) -> str:
    """A path as contributors see it in messages: relative to the repository root."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
