"""The offline copy of the guide: the site built a second time for reading from disk, zipped into downloads/.

Material's `offline` plugin does the work that makes a site work from file:// (page URLs ending in .html, the
search index inlined as a script, search run through the iframe-worker shim). It needs its own build, so the
main build's on_post_build runs `mkdocs build` again with GUIDE_OFFLINE=true into a temporary folder and zips
the result. The zip is reproducible: sorted entries, dates from SOURCE_DATE_EPOCH.

Only the publishing build makes it (GUIDE_PUBLISH=true: `make site`, the Pages workflow, the tests of the built
site): `mkdocs serve` and a contributor's `mkdocs build` skip it, as they skip the one-page print version.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.guide")

ZIP_NAME = "ml-interview-guide-offline.zip"
ZIP_PATH = f"downloads/{ZIP_NAME}"
# The URL must contain "iframe-worker": that is how Material's offline plugin sees the shim is already there.
SHIM_URL = "assets/javascripts/iframe-worker/shim.js"
FOLDER = "ml-interview-guide"  # what the zip unpacks to


def is_offline_build() -> bool:
    return os.environ.get("GUIDE_OFFLINE", "").lower() == "true"


def is_publishing() -> bool:
    """The publishing build (GUIDE_PUBLISH=true) also makes the print page and the offline zip."""
    return os.environ.get("GUIDE_PUBLISH", "").lower() in ("1", "true")


def wanted(command: str) -> bool:
    return command != "serve" and is_publishing()


def build_site(config, site_dir: Path) -> None:
    env = {**os.environ, "GUIDE_OFFLINE": "true"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    cmd += ["--config-file", str(config.config_file_path), "--site-dir", str(site_dir)]
    proc = subprocess.run(cmd, cwd=Path(config.config_file_path).parent, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise PluginError(f"building the offline copy failed:\n{proc.stdout}{proc.stderr}")


def write_zip(site_dir: Path, zip_file: Path) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 315532800)
    date_time = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)


def build_zip(config) -> Path:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        build_site(config, site_dir)
        zip_file = Path(config.site_dir) / ZIP_PATH
        write_zip(site_dir, zip_file)
    size = zip_file.stat().st_size / 2**20
    log.info(f"offline copy: {ZIP_PATH} ({size:.1f} MiB) built in {time.perf_counter() - started:.1f} s")
    return zip_file
