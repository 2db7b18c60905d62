"""Run the labs before the build, in parallel, into mkdocs-jupyter's own cache.

mkdocs-jupyter executes each notebook while MkDocs renders pages, one after another (7 to 30 s a lab on
these machines), and caches the result in `cache_dir` under a hash of the notebook and its options. Here
`scripts/generate.py` fills that cache first, one lab per core, with the plugin's own converter and the
entry it would write, under the key it would compute (recomputed here, see KEY_DEFAULTS), so the build finds
every lab as a cache hit. The plugin has no call for this, hence these lines; a cached lab is not run again
(until requirements.txt or the kernel settings change: `forget_on_new_pins`).

A cell that raises is not cached here: the build then runs that lab itself and fails, naming the notebook and
the cell (tests/test_guard_rails.py).

    python -m scripts.lab_cache docs/labs/lab_bias_variance.ipynb   # one lab into the cache (what generate runs)
"""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import sys
from pathlib import Path

from scripts.paths import DOCS, IPYTHON_DIR, REQUIREMENTS, ROOT

LABS = DOCS / "labs"


# mkdocs-jupyter 0.26.3's defaults for the options its cache key reads (Plugin.config_scheme). Importing the
# plugin to validate them costs about a second (nbconvert, jupytext) on every `make serve` rebuild, which
# needs only the key; tests/test_labs.py checks that this key and path are the plugin's own.
KEY_DEFAULTS = {
    "execute": False,
    "execute_ignore": [],
    "kernel_name": "",
    "theme": "",
    "allow_errors": True,
    "show_input": True,
    "no_input": False,
    "no_prompt": False,
    "remove_tag_config": {},
    "highlight_extra_classes": "",
    "include_requirejs": False,
    "custom_mathjax_url": "",
    "toc_depth": 6,
    "cache": True,
    "cache_dir": ".cache/mkdocs-jupyter",
}
KEY_OPTIONS = (
    "kernel_name",
    "theme",
    "allow_errors",
    "show_input",
    "no_input",
    "no_prompt",
    "remove_tag_config",
    "highlight_extra_classes",
    "include_requirejs",
    "custom_mathjax_url",
    "toc_depth",
)


def yaml_options() -> dict:
    """mkdocs-jupyter's options as mkdocs.yml sets them."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:  # MkDocs' loader: !ENV and !relative tags
        config = yaml_load(f, loader=get_yaml_loader(config=MkDocsConfig()))
    return next(p["mkdocs-jupyter"] for p in config["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p)


def plugin_options() -> dict:
    """mkdocs-jupyter's options in mkdocs.yml, over its defaults."""
    return {**KEY_DEFAULTS, **yaml_options()}


def executes(lab: Path, config: dict) -> bool:
    return config["execute"] and not any(pathlib.PurePath(lab).match(p) for p in config["execute_ignore"])


def cache_path(lab: Path, config: dict) -> Path:
    """Where the build looks for this lab: mkdocs_jupyter.plugin's _compute_cache_key and _get_cache_path."""
    hasher = hashlib.sha256()
    hasher.update(lab.read_bytes())
    hasher.update(f"execute={executes(lab, config)}".encode())
    for key in KEY_OPTIONS:
        hasher.update(f"{key}={config[key]!r}".encode())
    return ROOT / config["cache_dir"] / f"{hasher.hexdigest()}.json"


def stale_labs() -> list[Path]:
    config = plugin_options()
    if not config["cache"]:
        return []
    forget_on_new_pins(ROOT / config["cache_dir"])
    return [lab for lab in sorted(LABS.glob("*.ipynb")) if not cache_path(lab, config).exists()]


def forget_on_new_pins(cache_dir: Path) -> bool:
    """Empty the cache when requirements.txt or the kernel settings changed since it was filled: the plugin's
    key hashes the notebook and its options only, so a new pin of NumPy or scikit-learn would otherwise keep
    showing the old outputs. The digest sits beside the entries (the plugin evicts only *.json files)."""
    h = hashlib.sha256(REQUIREMENTS.read_bytes())
    h.update((IPYTHON_DIR / "profile_default" / "ipython_kernel_config.py").read_bytes())
    digest, stamp = h.hexdigest(), cache_dir / "pins.sha256"
    if stamp.exists() and stamp.read_text().strip() == digest:
        return False
    for entry in cache_dir.glob("*.json"):
        entry.unlink()
    cache_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n")
    return True


def kernel_environment() -> None:
    """The kernel settings every lab runs with, here and in the build (scripts/mkdocs_hooks.py, on_config)."""
    os.environ["IPYTHONDIR"] = str(IPYTHON_DIR)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def fill(lab: Path) -> None:
    """Execute one lab and write the entry mkdocs-jupyter would write on a cache miss (same fields)."""
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    kernel_environment()
    config = plugin_options()
    target = cache_path(lab, config)
    body = convert.nb2html(
        str(lab),
        execute=executes(lab, config),
        kernel_name=config["kernel_name"],
        theme=config["theme"],
        allow_errors=config["allow_errors"],
        show_input=config["show_input"],
        no_input=config["no_input"],
        no_prompt=config["no_prompt"],
        remove_tag_config=config["remove_tag_config"],
        highlight_extra_classes=config["highlight_extra_classes"],
        include_requirejs=config["include_requirejs"],
        custom_mathjax_url=config["custom_mathjax_url"],
    )
    toc_tokens, title = _get_nb_toc_tokens(str(lab), config["toc_depth"])
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    partial.write_text(json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}), encoding="utf-8")
    partial.replace(target)  # never a half-written entry for a build to read


if __name__ == "__main__":
    fill(Path(sys.argv[1]).resolve())
