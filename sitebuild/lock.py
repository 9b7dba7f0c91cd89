"""The pruned pyodide-lock.json: just the wheels we ship, with their real sha256.

With it the training worker calls pyodide.loadPackage([...]) and Pyodide resolves
dependencies, downloads in parallel and checks every hash; no micropip, no PyPI at run time.
(The page itself writes the packages from the site-packages images, site_image.py.)
Dependencies come from each wheel's own metadata (evaluated for Pyodide), so every
declared requirement must be either shipped or consciously omitted in pins.toml.
"""
from __future__ import annotations

import re
import zipfile
from email.parser import Parser
from pathlib import Path, PurePosixPath

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from . import fetch

# Marker environment of Pyodide 314 in a browser.
PYODIDE_ENV = {"sys_platform": "emscripten", "platform_system": "Emscripten",
               "python_version": "3.14", "python_full_version": "3.14.0",
               "implementation_name": "cpython", "platform_machine": "wasm32",
               "os_name": "posix", "extra": ""}


def metadata(wheel: Path) -> dict:
    """Name, version, requirements and top-level import names of a wheel."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
    requires = []
    for line in meta.get_all("Requires-Dist") or []:
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate(PYODIDE_ENV):
            requires.append(canonicalize_name(req.name))
    return {"name": canonicalize_name(meta["Name"]), "version": meta["Version"],
            "requires": requires, "imports": _top_level(names)}


def _top_level(names: list[str]) -> list[str]:
    tops = set()
    for name in names:
        first = PurePosixPath(name).parts[0]
        if first.endswith((".dist-info", ".data")):
            continue
        if "/" in name or re.search(r"\.(py|pyc|so)$", name):
            tops.add(re.sub(r"\..*$", "", first))
    return sorted(tops)


def pruned(wheels: dict[str, Path], official_lock: dict, official: set[str],
           omitted: set[str]) -> dict:
    """Lock for WHEELS (canonical name -> final wheel); OFFICIAL names keep their lock deps."""
    packages = {}
    for name, wheel in sorted(wheels.items()):
        meta = metadata(wheel)
        depends = official_lock["packages"][name]["depends"] if name in official else meta["requires"]
        for dep in depends:
            if dep not in wheels and dep not in omitted:
                raise RuntimeError(f"{name} requires {dep}, which is neither shipped nor listed "
                                   f"in [omit] of sitebuild/pins.toml")
        packages[name] = {
            "name": name, "version": meta["version"], "file_name": wheel.name,
            "install_dir": "site", "sha256": fetch.sha256_file(wheel), "package_type": "package",
            "imports": meta["imports"], "depends": sorted(d for d in depends if d in wheels),
            "unvendored_tests": False,
        }
    return {"info": official_lock["info"], "packages": packages}


def wheel_files(lock: dict, names: list[str]) -> set[str]:
    """The file names of the wheels that loadPackage(NAMES) fetches with LOCK: theirs and their dependencies'."""
    files, todo = set(), list(names)
    while todo:
        entry = lock["packages"][todo.pop()]
        if entry["file_name"] not in files:
            files.add(entry["file_name"])
            todo += entry["depends"]
    return files
