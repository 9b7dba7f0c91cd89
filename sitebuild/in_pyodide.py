"""Runs inside Pyodide under Node (see node_runner.mjs); stdlib only.

Two jobs that need the browser's own interpreter (CPython 3.14 for wasm):

compile_archives: replace each module's source with bytecode, in the wheels and in the
    standard library's zip (Pyodide ships it as source). Pyodide runs with
    dont_write_bytecode, so without this every page load compiles every import from
    source (13.4 s -> 8.1 s to interactive for the wheels). Third-party and stdlib
    modules become sourceless .pyc files; our own package keeps its .py next to an
    unchecked-hash __pycache__ entry so tracebacks still show source lines.
smoke_test: install the wheels, import the app module, build its Bokeh document, and
    report which top-level modules were imported, so the build fails on a missing
    dependency instead of the page.
"""
import importlib.util
import json
import os
import sys
import time
import warnings
import zipfile

import wheelfile  # noqa: E402 (put on sys.path by the runner)

SITE = "/lib/python3.14/site-packages"
# Where Pyodide puts the stdlib zip (on sys.path): its modules' file names start there.
STDLIB_PATH = "/lib/python314.zip"
# Third-party bytecode drops docstrings and asserts (like python -OO): 2 MB less to
# download. Our own package keeps both (level 0) for readable errors and checks.
THIRD_PARTY_OPTIMIZE = 2


def _bytecode(name, source, keep_source, home=SITE):
    code = compile(source, f"{home}/{name}", "exec", dont_inherit=True,
                   optimize=0 if keep_source else THIRD_PARTY_OPTIMIZE)
    from importlib._bootstrap_external import _code_to_hash_pyc
    pyc = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))
    if keep_source:
        return [(name, source), (importlib.util.cache_from_source(name), pyc)]
    return [(name[:-3] + ".pyc", pyc)]


def compile_archives(src_dir, out_dir, keep_source):
    """Compile every wheel (and the stdlib zip) in SRC_DIR into OUT_DIR; KEEP_SOURCE: wheel
    names to keep .py."""
    warnings.simplefilter("ignore")  # invalid escape sequences etc. in third-party code
    for archive in sorted(os.listdir(src_dir)):
        keep = archive in keep_source
        home = SITE if archive.endswith(".whl") else STDLIB_PATH  # a wheel, or the stdlib's zip

        def transform(name, data, keep=keep, home=home):
            if name.endswith(".py") and ".dist-info/" not in name:
                return _bytecode(name, data, keep, home)
            return [(name, data)]

        # The stdlib's zip is stored: the server compresses it as one stream (2.4 MB as
        # brotli against 3.9 MB of separately deflated members) and zipimport reads it as is.
        wheelfile.rewrite(f"{src_dir}/{archive}", f"{out_dir}/{archive}", transform,
                          deflate=archive.endswith(".whl"))


def smoke_test(wheel_dir, app_module):
    """Import APP_MODULE and build its document; return a JSON report."""
    for wheel in os.listdir(wheel_dir):
        if wheel.endswith(".whl"):
            zipfile.ZipFile(f"{wheel_dir}/{wheel}").extractall(SITE)
    importlib.invalidate_caches()
    before = set(sys.modules)
    start = time.perf_counter()
    module = importlib.import_module(app_module)
    imported_s = time.perf_counter() - start
    from bokeh.document import Document
    from panel.io.pyodide import init_doc
    init_doc()
    module.create_app().server_doc(doc=Document())
    total_s = time.perf_counter() - start
    top = sorted({m.split(".")[0] for m in set(sys.modules) - before})
    return json.dumps({"imported": top, "import_s": round(imported_s, 2),
                       "create_s": round(total_s, 2)})
