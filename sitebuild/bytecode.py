"""Precompile wheels to Python 3.14 bytecode, and smoke-test the app, in Pyodide under Node.

The host Python (3.11) cannot write 3.14 bytecode, so the browser's own interpreter
does it, run by Node (node_runner.mjs + in_pyodide.py). The same run imports the app
from the compiled wheels and builds its document: a missing dependency or a broken
.pyc fails the build here, not in a visitor's browser. Compiled wheels are cached by
the hash of their input and of the compiling code, so a rebuild compiles only what
changed (usually just our own wheel).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import fetch

HERE = Path(__file__).parent
RUNNER = HERE / "node_runner.mjs"
COMPILER_FILES = [RUNNER, HERE / "in_pyodide.py", HERE / "wheelfile.py"]


def _cache_key(wheel: Path, keep_source: bool) -> str:
    digest = hashlib.sha256(fetch.sha256_file(wheel).encode() + bytes([keep_source]))
    for path in COMPILER_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def compile_and_smoke(wheels: list[Path], pyodide_dir: Path, dest_dir: Path,
                      keep_source: set[str], app_module: str) -> tuple[list[Path], dict]:
    """Compile WHEELS into DEST_DIR; return the new paths and the smoke-test report."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        (work / "out").mkdir()
        cache = fetch.cache_dir() / "compiled"
        keys = {w.name: _cache_key(w, w.name in keep_source) for w in wheels}
        for wheel in wheels:
            hit = cache / keys[wheel.name] / wheel.name
            shutil.copyfile(hit if hit.exists() else wheel,
                            work / ("out" if hit.exists() else "in") / wheel.name)
        options = json.dumps({"keep_source": sorted(keep_source), "app_module": app_module})
        proc = subprocess.run(["node", str(RUNNER), str(pyodide_dir), str(work), options],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError("Pyodide under Node failed (bytecode / app smoke test):\n"
                               + _python_error(proc.stderr))
        report = json.loads(proc.stdout.strip().splitlines()[-1])
        for wheel in (work / "in").iterdir():
            fetch.copy_into(work / "out" / wheel.name, cache / keys[wheel.name])
        out = [shutil.copyfile(work / "out" / w.name, dest_dir / w.name) for w in wheels]
    return [Path(p) for p in out], report


def _python_error(stderr: str) -> str:
    """The Python traceback from Node's output, without Pyodide's minified JS lines."""
    lines = [ln[:300] for ln in stderr.splitlines()
             if not ln.lstrip().startswith("at ") and "function _createPyodideModule" not in ln]
    return "\n".join(lines[-40:])
