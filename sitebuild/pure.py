"""Pure-Python wheels: pinned PyPI wheels, sdist-built PyYAML/MarkupSafe, our own package.

PyPI wheels are downloaded in one `pip download` call and checked against pins.toml.
PyYAML and MarkupSafe have C speedups with a pure-Python fallback; building their
sdists with a compiler that always fails (CC=/bin/false) yields .py-only wheels, which
we retag py3-none-any so Pyodide accepts them. Builds use SOURCE_DATE_EPOCH so the same
sources give the same wheel bytes (and the same sha256 in the lock).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from . import fetch
from .pins import Pin, Pins

# 1980-01-01, the earliest time a zip file can store.
PROJECT_IGNORE = shutil.ignore_patterns(
    ".git", "dist", "dist.partial", "build", "*.egg-info", "__pycache__", "test-results",
    ".cache", "node_modules", ".pytest_cache", ".hypothesis", "*.whl")
BUILD_ENV = {"SOURCE_DATE_EPOCH": "315532800", "CC": "/bin/false", "CXX": "/bin/false"}


def requirement(pin: Pin) -> str:
    """'panel==1.10.0' from a pin whose file is panel-1.10.0-....whl or .tar.gz."""
    version = pin.file.removesuffix(".tar.gz").split("-")[1]
    return f"{pin.name}=={version}"


def pypi_wheels(pins: Pins) -> dict[str, Path]:
    """Every pinned pure wheel, from the cache or one pip download."""
    folder = fetch.cache_dir() / "pure"
    missing = [p for p in pins.pure if not _good(folder / p.file, p.sha256)]
    if missing:
        print(f"  pip download {len(missing)} pure wheels")
        folder.mkdir(parents=True, exist_ok=True)
        fetch.pip_download([requirement(p) for p in missing], folder, any_platform=True)
    return {p.name: fetch.verify(folder / p.file, p.sha256) for p in pins.pure}


def sdist_wheels(pins: Pins) -> dict[str, Path]:
    """Pure wheels built from the pinned sdists (cached per sdist hash)."""
    out = {}
    for pin in pins.sdists:
        sdist = fetch.cached(pin.file, pin.sha256, lambda tmp, p=pin: _download_sdist(p, tmp))
        built_dir = fetch.cache_dir() / "built" / pin.sha256[:16]
        wheels = list(built_dir.glob("*-py3-none-any.whl"))
        if not wheels:
            print(f"  building pure wheel from {pin.file}")
            wheels = [_build_pure(sdist, built_dir)]
        out[pin.name] = wheels[0]
    return out


def project_wheel(project_dir: Path, dest: Path) -> Path:
    """Our own package as a wheel (pip wheel --no-deps), byte-reproducible.

    Built from a copy so setuptools' build/ and *.egg-info never land in the work tree.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "src"
        shutil.copytree(project_dir, source, ignore=PROJECT_IGNORE)
        _pip_wheel(str(source), Path(tmp))
        (wheel,) = Path(tmp).glob("*.whl")
        return fetch.copy_into(wheel, dest)


def _good(path: Path, sha: str) -> bool:
    return path.exists() and fetch.sha256_file(path) == sha


def _download_sdist(pin: Pin, tmp: Path) -> Path:
    fetch.pip_download([requirement(pin)], tmp, sdist=True)
    return tmp / pin.file


def _pip_wheel(source: str, dest: Path) -> None:
    # --no-build-isolation: the host's setuptools builds, so rebuilds work offline.
    fetch.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
               "-q", "-w", str(dest), source], env={**os.environ, **BUILD_ENV})


def _build_pure(sdist: Path, built_dir: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        _pip_wheel(str(sdist), Path(tmp))
        (wheel,) = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(wheel) as zf:
            compiled = [n for n in zf.namelist() if n.endswith((".so", ".pyd"))]
        if compiled:
            raise RuntimeError(f"{wheel.name} contains compiled code {compiled}; expected pure Python")
        if not wheel.name.endswith("-py3-none-any.whl"):
            fetch.run([sys.executable, "-m", "wheel", "tags", "--remove", "--python-tag", "py3",
                       "--abi-tag", "none", "--platform-tag", "any", str(wheel)])
        (wheel,) = Path(tmp).glob("*-py3-none-any.whl")
        return fetch.copy_into(wheel, built_dir)
