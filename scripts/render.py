"""Render what one page includes, in one process: run its snippet section by section (the captured outputs),
then draw its figures from that same run's objects, so the snippet runs once per render, not once for the
outputs and again for the figures.

    python -m scripts.render <stem> OUT_ROOT

writes OUT_ROOT/outputs/<stem>/<section>.txt and OUT_ROOT/figures/<figure>-{light,dark}.svg (+ <figure>.md),
and prints one JSON line: {"seconds": the snippet's CPU time, "outputs": [...], "figures": [...]}.
`scripts/generate.py` renders every stale page this way, and the tests render each page again to check that
outputs and figures come out byte for byte the same, and that the snippet is quick. Both call
`render_page()`: every render runs in a new process forked from a server that has already imported NumPy, SciPy,
pandas, scikit-learn and matplotlib (the standard library's forkserver), so a page costs its snippet and its
figures, not a Python start and two seconds of imports. A render still starts from a clean state: the
project's own modules are imported anew in each process (the server never imports them, so an edit is seen),
and NumPy's and Python's global random generators are reseeded from the OS, as a fresh interpreter's are
(so a snippet that forgets a seed still gives different output each time, and the tests catch it).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from scripts.paths import FIGURE_MODULES, ROOT, SNIPPETS

# Libraries nearly every snippet imports, loaded before the clock starts: the time limit is on the snippet's
# own work, as in a reader's warm notebook, not on starting Python and importing SciPy.
WARM_IMPORTS = ("numpy", "scipy", "scipy.stats", "pandas", "sklearn", "sklearn.base", "matplotlib.pyplot")


def render_env() -> dict[str, str]:
    """The environment every render runs in (generate and the tests alike). The machine's own variables pass
    through: OpenBLAS picks its kernel from OPENBLAS_CORETYPE, and another kernel or thread count sums floats
    in another order (that once moved a contour in deep_vs_classical by one digit in the last place)."""
    return {
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        **os.environ,
        "MPLBACKEND": "Agg",
        "PYTHONPATH": str(ROOT),
        "PYTHONHASHSEED": "0",
    }


def render(stem: str, out_root: Path, palettes: tuple[str, ...] | None = None) -> dict:
    import importlib

    import matplotlib

    matplotlib.use("Agg")
    for name in WARM_IMPORTS:
        importlib.import_module(name)

    from scripts import figures
    from scripts.sections import run_sections

    snippet = SNIPPETS / f"{stem}.py"
    # CPU time, not the clock: the limit is on the snippet's work (one BLAS thread, see render_env), and a busy
    # machine (the tests run one worker per core) must not fail a quick snippet
    start = time.process_time()
    namespace: dict = {}
    outputs = run_sections(snippet, namespace)
    seconds = time.process_time() - start

    out_dir = out_root / "outputs" / stem
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.txt"):
        old.unlink()
    for name, text in outputs.items():
        (out_dir / f"{name}.txt").write_text(text, encoding="utf-8")

    names: list[str] = []
    if (FIGURE_MODULES / f"{stem}.py").exists():
        figures.remember_namespace(stem, namespace)  # the figures draw this run's objects
        names = figures.render(stem, out_root / "figures", palettes or figures.PALETTES)
    return {"seconds": round(seconds, 3), "outputs": sorted(outputs), "figures": names}


def _render_in_child(stem: str, out_root: str, palettes: tuple[str, ...] | None = None) -> dict:
    """One render in a forked process: reseeded, in a scratch directory; errors come back as text."""
    import random

    import numpy as np

    from scripts.sections import SnippetError

    np.random.seed()  # from OS entropy, as a fresh interpreter does
    random.seed()
    with tempfile.TemporaryDirectory(prefix="mlig-") as cwd:  # snippets may write files: not into the repo
        os.chdir(cwd)
        try:
            return render(stem, Path(out_root), palettes)
        except SnippetError as exc:
            return {"error": str(exc)}
        except Exception:  # a figure module that raises: its traceback names the file and line
            return {"error": traceback.format_exc()}


_STARTED = False
_START_LOCK = threading.Lock()  # scripts/generate.py renders from several threads


def _forkserver():
    """The standard library's forkserver, started once per process with the render environment (it reads
    PYTHONHASHSEED when it starts) and the heavy libraries imported."""
    import multiprocessing
    from multiprocessing import forkserver

    global _STARTED
    ctx = multiprocessing.get_context("forkserver")
    with _START_LOCK:
        if _STARTED:
            return ctx
        saved = dict(os.environ)
        os.environ.update(render_env())
        try:
            ctx.set_forkserver_preload([*WARM_IMPORTS, "matplotlib.backends.backend_svg"])
            forkserver.ensure_running()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        _STARTED = True
    return ctx


def _child_main(stem: str, out_root: str, conn, palettes: tuple[str, ...] | None = None) -> None:
    conn.send(_render_in_child(stem, out_root, palettes))
    conn.close()


def render_page(stem: str, out_root: Path, palettes: tuple[str, ...] | None = None) -> dict:
    """Render one page in a new process forked from the warm server; return the render's result, or
    {"error": message naming the file and line}. Safe to call from several threads at once. `palettes`
    limits the figures drawn (all of them by default)."""
    ctx = _forkserver()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(stem, str(out_root), send, palettes), name=f"render {stem}")
    proc.start()
    send.close()
    try:
        result = receive.recv()
    except EOFError:  # the process died before answering: a snippet that exits, or a crash in a C library
        proc.join()
        result = {"error": f"snippets/{stem}.py: the render process stopped (exit code {proc.exitcode})"}
    proc.join()
    receive.close()
    return result


def main(argv: list[str]) -> int:
    from scripts.sections import SnippetError

    if len(argv) != 2:
        print(__doc__.strip().splitlines()[4].strip(), file=sys.stderr)
        return 2
    stem, out_root = argv[0], Path(argv[1])
    if not (SNIPPETS / f"{stem}.py").exists():
        print(f"error: no snippet snippets/{stem}.py", file=sys.stderr)
        return 2
    try:
        result = render(stem, out_root)
    except SnippetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
