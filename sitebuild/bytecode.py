"""Precompile wheels and the stdlib to Python 3.14 bytecode, and smoke-test the app, in Pyodide under Node.

The host Python (3.11) cannot write 3.14 bytecode, so the browser's own interpreter
does it, run by Node (node_runner.mjs + in_pyodide.py). Pyodide ships its standard
library as source, which every page load would compile again (about 1.9 s of a load's
imports, and part of Pyodide's own start). A second run imports the app from the
compiled wheels on the compiled runtime and builds its document: a missing dependency
or a broken .pyc fails the build here, not in a visitor's browser. Compiled archives are
cached by the hash of their input and of the compiling code, so a rebuild compiles only
what changed (usually just our own wheel).
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
STDLIB = "python_stdlib.zip"


def _cache_key(wheel: Path, keep_source: bool) -> str:
    digest = hashlib.sha256(fetch.sha256_file(wheel).encode() + bytes([keep_source]))
    for path in COMPILER_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def compile_and_smoke(wheels: list[Path], runtime_dir: Path, keep_source: set[str],
                      app_module: str) -> tuple[list[Path], dict]:
    """Compile WHEELS into RUNTIME_DIR (the runtime as it came, with a lock), and its stdlib
    zip in place; then smoke-test the app there, on the runtime as shipped. Return the
    wheels' new paths and the smoke-test report."""
    archives = [*wheels, runtime_dir / STDLIB]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        (work / "out").mkdir()
        cache = fetch.cache_dir() / "compiled"
        keys = {a.name: _cache_key(a, a.name in keep_source) for a in archives}
        for archive in archives:
            hit = cache / keys[archive.name] / archive.name
            shutil.copyfile(hit if hit.exists() else archive,
                            work / ("out" if hit.exists() else "in") / archive.name)
        _run(runtime_dir, work, {"job": "compile", "keep_source": sorted(keep_source)})
        for archive in (work / "in").iterdir():
            fetch.copy_into(work / "out" / archive.name, cache / keys[archive.name])
        out = [Path(shutil.copyfile(work / "out" / a.name, runtime_dir / a.name)) for a in archives]
    report = _run(runtime_dir, runtime_dir, {"job": "smoke", "app_module": app_module})
    return out[:-1], report


def _run(pyodide_dir: Path, work: Path, options: dict):
    """One job of node_runner.mjs; its JSON report."""
    proc = subprocess.run(["node", str(RUNNER), str(pyodide_dir), str(work), json.dumps(options)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"Pyodide under Node failed ({options['job']}):\n" + _python_error(proc.stderr))
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _python_error(stderr: str) -> str:
    """The Python traceback from Node's output, without Pyodide's minified JS lines."""
    lines = [ln[:300] for ln in stderr.splitlines()
             if not ln.lstrip().startswith("at ") and "function _createPyodideModule" not in ln]
    return "\n".join(lines[-40:])
