"""Render TeX with KaTeX at build time through one long-lived Node process.

No Python library renders KaTeX (the project's chosen math engine) faithfully, so the
Node package does the typesetting and this module only feeds it, one JSON line per formula.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import lru_cache

from scripts.math_font import core_fixes, unicode_variants
from scripts.paths import KATEX_DIST, SCRIPTS


class KatexError(ValueError):
    """KaTeX refused a formula; the message is KaTeX's own."""


class KatexRenderer:
    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node was not found on PATH: install Node.js 20+ to render math")
        if not KATEX_DIST.is_dir():
            raise RuntimeError("node_modules/katex is missing: run `npm ci` (or `make setup`)")
        self._proc = subprocess.Popen(
            [node, str(SCRIPTS / "katex_render.mjs")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._cache: dict[tuple[str, bool], str] = {}

    def render(self, tex: str, display: bool) -> str:
        key = (tex, display)
        if key not in self._cache:
            assert self._proc.stdin and self._proc.stdout
            self._proc.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
            self._proc.stdin.flush()
            reply = json.loads(self._proc.stdout.readline())
            if "error" in reply:
                raise KatexError(reply["error"])
            self._cache[key] = core_fixes(unicode_variants(reply["html"]))
        return self._cache[key]

    def rendered(self) -> list[str]:
        """Everything typeset so far (the math font is cut down to its characters)."""
        return sorted(self._cache.values())

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()  # type: ignore[union-attr]
            self._proc.wait(timeout=10)


@lru_cache(maxsize=1)
def renderer() -> KatexRenderer:
    return KatexRenderer()
