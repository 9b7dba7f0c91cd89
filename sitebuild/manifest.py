"""dist/manifest.json, and `check`: is this dist/ complete, intact and self-contained?

The manifest lists every file with its sha256 and size, and marks the files we wrote
or generated ("ours"). `check` verifies every hash, refuses unlisted files, and scans
our own HTML/JS/CSS/JSON/Python (including the .py files in our wheel) for any
absolute http(s) URL or protocol-relative address ("//cdn.example.org/a.js" in quotes,
parentheses or url()): the site must work from any static host or a USB stick, so
nothing we write may point at another host. Addresses under the reserved top-level
domain .example (RFC 2606: never a real host) are the teachers' page's examples, and a
scheme named alone ("pages on https://") names no host: both pass. Third-party files
are covered at run time by the end-to-end test that records every request.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from . import fetch

MANIFEST = "manifest.json"
URL = re.compile(
    rb"https?://[^\s\"'<>)]*"
    # Protocol-relative: "//" right after a quote or "(" and then a dotted host, so a
    # "// comment", "a // b" or the "//" inside "http://" is not taken for one.
    rb"|(?<=[\"'`(])//[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#][^\s\"'`<>)]*)?",
    re.I)
# XML namespace identifiers and the JSON Schema dialect (embed/*.schema.json) look like URLs
# but are never fetched.
NAMESPACES = (b"http://www.w3.org/2000/svg", b"http://www.w3.org/1999/xlink",
              b"https://json-schema.org/draft/2020-12/schema")
SCANNED = (".html", ".js", ".mjs", ".css", ".json", ".py", ".svg")


def write(dist: Path, ours: set[str], info: dict) -> dict:
    files = {}
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and p.name != MANIFEST):
        rel = path.relative_to(dist).as_posix()
        files[rel] = {"sha256": fetch.sha256_file(path), "size": path.stat().st_size,
                      **({"ours": True} if rel in ours else {})}
    manifest = {"info": info, "files": files}
    (dist / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def foreign_urls(name: str, data: bytes) -> list[str]:
    return [f"{name}: {m.decode(errors='replace')}" for m in URL.findall(data)
            if not m.startswith(NAMESPACES) and not _names_no_host(m)]


def _names_no_host(address: bytes) -> bool:
    """A scheme alone, or a host under .example, which documentation uses because it never resolves."""
    try:
        host = urlsplit(address.decode(errors="replace")).hostname
    except ValueError:  # not even a URL's shape: report it
        return False
    return host is None or host.endswith(".example")


def _our_texts(dist: Path, rel: str):
    """(name, bytes) of each scannable text in an 'ours' file; wheels are opened."""
    path = dist / rel
    if rel.endswith(".whl"):
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                if member.endswith(SCANNED):
                    yield f"{rel}!{member}", zf.read(member)
    elif rel.endswith(SCANNED):
        yield rel, path.read_bytes()


def check(dist: Path) -> list[str]:
    """Problems found in DIST (empty list: good)."""
    if not (dist / MANIFEST).exists():
        return [f"{dist / MANIFEST} is missing: build first (python build.py)"]
    files = json.loads((dist / MANIFEST).read_text(encoding="utf-8"))["files"]
    problems = []
    for rel, entry in files.items():
        path = dist / rel
        if not path.exists():
            problems.append(f"missing: {rel}")
        elif fetch.sha256_file(path) != entry["sha256"]:
            problems.append(f"changed: {rel} (sha256 differs from manifest)")
        elif entry.get("ours"):
            for name, data in _our_texts(dist, rel):
                problems += [f"foreign host in {u}" for u in foreign_urls(name, data)]
    present = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()}
    problems += [f"not in manifest: {rel}" for rel in sorted(present - set(files) - {MANIFEST})]
    return problems
