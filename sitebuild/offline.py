"""The service worker's script (service_worker.js): this build's files, its version, and the
worker (site/service_worker.js) that keeps them in the browser for visits without the network.

Kept: every file a visit may fetch, the page, its scripts, the runtime, the package images, the
lessons, the reading pages, BokehJS and Panel's files, the icons, and the wheels the training
worker installs. Not kept: the compressed copies (a fetch gets the decoded bytes), the
manifest, and the other wheels, which nothing fetches (their packages reach the page in the
images): forty students would download them for nothing.

The version is a hash of the kept files' paths and contents, so a rebuild that changes none
of them offers no update. Both are written into the worker's script itself, because the
browser looks for a new version by comparing that script's bytes (at every visit).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import fetch, manifest, precompress

SCRIPT = "service_worker.js"
SOURCE = Path(__file__).resolve().parent.parent / "site" / SCRIPT


def kept(dist: Path, wheels: set[str]) -> list[str]:
    """The files of DIST a visit may fetch, WHEELS being the wheels among them (relative paths)."""
    def wanted(rel: str, path: Path) -> bool:
        return (precompress.original(path) is None and rel not in (manifest.MANIFEST, SCRIPT)
                and (not rel.endswith(".whl") or rel in wheels))

    files = (p for p in dist.rglob("*") if p.is_file())
    return sorted(rel for p in files if wanted(rel := p.relative_to(dist).as_posix(), p))


def read(dist: Path) -> dict:
    """The build's version and files, {path: integrity}, as DIST's service worker holds them."""
    script = (dist / SCRIPT).read_text(encoding="utf-8")
    return json.JSONDecoder().raw_decode(script, script.index("{"))[0]


def write(dist: Path, wheels: set[str]) -> str:
    """Write DIST's service worker, keeping its files (WHEELS: the wheels fetched); return the version."""
    files = {rel: fetch.integrity(fetch.sha256_file(dist / rel)) for rel in kept(dist, wheels)}
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    build = json.dumps({"version": version, "files": files}, indent=1)
    (dist / SCRIPT).write_text(f"const BUILD = {build};\n\n{SOURCE.read_text(encoding='utf-8')}", encoding="utf-8")
    return version

