"""The Pyodide runtime and its official lock, taken from the pinned npm tarball.

The npm package carries the interpreter (pyodide.mjs, pyodide.asm.*, the stdlib zip)
and the official pyodide-lock.json whose sha256 values are our trust anchor for every
binary wheel. It carries no wheels.
"""
from __future__ import annotations

import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from . import fetch
from .pins import Pins


@dataclass
class Runtime:
    """Unpacked runtime files (in the cache) and the official lock's packages table."""

    version: str
    files: dict[str, Path]
    official_lock: dict

    def lock_entry(self, name: str) -> dict:
        try:
            return self.official_lock["packages"][name]
        except KeyError:
            raise RuntimeError(f"{name} is not in Pyodide {self.version}'s official lock") from None


def load(pins: Pins) -> Runtime:
    tarball = fetch.cached(pins.npm_file, pins.npm_sha256,
                           lambda tmp: fetch.npm_pack(f"pyodide@{pins.pyodide_version}", tmp))
    unpacked = fetch.cache_dir() / f"pyodide-{pins.pyodide_version}"
    wanted = pins.runtime_files + ["pyodide-lock.json"]
    stamp = unpacked / ".from-sha256"
    if not stamp.exists() or stamp.read_text() != pins.npm_sha256:
        unpacked.mkdir(exist_ok=True)
        with tarfile.open(tarball) as tar:
            for name in wanted:
                member = tar.getmember(f"package/{name}")
                (unpacked / name).write_bytes(tar.extractfile(member).read())
        stamp.write_text(pins.npm_sha256)
    lock = json.loads((unpacked / "pyodide-lock.json").read_text(encoding="utf-8"))
    return Runtime(pins.pyodide_version, {n: unpacked / n for n in pins.runtime_files}, lock)
