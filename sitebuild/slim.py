"""Slim wheels: drop what Python never imports in the browser.

Panel (20.6 MB), Bokeh (6.7 MB) and HoloViews (6 MB) carry JS bundles, TypeScript
sources, tests and examples. The page loads BokehJS and Panel's JS/CSS as plain static
files (see assets.py), so the wheels only need the Python side. Panel itself reads two
things from its dist/ at run time (the loading spinner CSS and its SVG assets), so
those stay. Beyond that, subpackages that an import trace of the app (and their own
code) show are only for other environments go too: command-line tools, numpy's
Fortran wrapper generator and C headers, narwhals' backends for libraries we do not ship.
A few pinned edits of their sources are made here too (patches.py).
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from . import wheelfile
from .patches import Patcher

DROP_DIRS = {"tests", "examples", "__pycache__"}
DROP_SUFFIXES = {".pyi", ".map", ".ts", ".tsx", ".less", ".pxd", ".h", ".a"}
DROP_FILES = {"package-lock.json", "tsconfig.json", "eslint.config.js", "index.ts"}
DROP_PREFIXES = (
    "bokeh/server/static/", "bokeh/sphinxext/", "bokeh/command/", "bokeh/sampledata/",
    "panel/dist/", "panel/command/", "numpy/f2py/", "tqdm/contrib/",
    *(f"narwhals/_{b}/" for b in ("arrow", "polars", "spark_like", "dask", "duckdb", "ibis", "sql")),
)
KEEP_PREFIXES = ("panel/dist/css/", "panel/dist/assets/")


def wanted(name: str) -> bool:
    """True if wheel member NAME is needed at run time in Pyodide."""
    path = PurePosixPath(name)
    if name.startswith(KEEP_PREFIXES):
        return True
    if name.startswith(DROP_PREFIXES):
        return False
    return not (DROP_DIRS & set(path.parts[:-1]) or path.suffix in DROP_SUFFIXES
                or path.name in DROP_FILES)


def slim(src: Path, dest_dir: Path, patch: Patcher) -> Path:
    """Write a slimmed (and patched) copy of wheel SRC into DEST_DIR, same file name."""
    dest = dest_dir / src.name
    wheelfile.rewrite(str(src), str(dest), lambda n, d: [(n, patch(n, d))] if wanted(n) else [])
    return dest
