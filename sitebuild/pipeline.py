"""Run the build steps in order and write dist/ atomically.

The site is assembled in dist.partial/ and swapped in only when complete, so a failed
build leaves the previous dist/ untouched. build-info (the fingerprint of every input)
lets `serve` and the tests skip a rebuild when nothing changed.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from playground import i18n

from . import (assets, binaries, bytecode, doc_pages, fetch, lessons, lock, manifest, offline, page, patches, pins,
               precompress, pure, runtime, site_image, skeleton, slim, web_app)

ROOT = Path(__file__).resolve().parent.parent
#: What site/training_worker.js installs with loadPackage, beside this project's own wheel.
TRAINING_PACKAGES = ["param"]


@dataclass
class Options:
    """What to build: the project holding the app, its module, where wheels may be."""

    dist: Path = ROOT / "dist"
    project: Path = ROOT
    app_module: str = "playground.app"
    wheels_dir: Path | None = None
    bytecode: bool = True


def fingerprint(opts: Options) -> str:
    """Hash of every input: pins, build code, site/ (the teachers' page too) and its words, the project's
    sources and lessons (and their guide), options."""
    package_dir = opts.project / opts.app_module.split(".")[0]
    inputs = [*sorted((ROOT / "sitebuild").glob("*.*")), *sorted((ROOT / "site").rglob("*")),
              *sorted(i18n.LOCALES.glob("*.toml")),
              *(opts.project / n for n in ("pyproject.toml", "setup.cfg", "setup.py")),
              *sorted(package_dir.rglob("*")), *sorted((opts.project / "lessons").rglob("*"))]
    digest = hashlib.sha256(repr((opts.app_module, opts.bytecode, str(opts.project))).encode())
    for path in inputs:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(path.anchor).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def up_to_date(opts: Options) -> bool:
    info = opts.dist / manifest.MANIFEST
    if not info.exists():
        return False
    built = json.loads(info.read_text(encoding="utf-8"))["info"].get("fingerprint")
    return built == fingerprint(opts) and not manifest.check(opts.dist)


def build(opts: Options) -> dict:
    """Build the site into opts.dist; return the manifest's info section."""
    start = time.perf_counter()
    step = _Stepper(start)
    lesson_files = lessons.check(opts.project)
    step(f"lessons checked ({len(lesson_files)} files)")
    p = pins.load()
    rt = runtime.load(p)
    step("pyodide runtime")
    official = binaries.OfficialWheels(p, rt, opts.wheels_dir)
    raw = {name: official.get(name) for name in p.official}
    step("official wheels")
    raw |= pure.pypi_wheels(p) | pure.sdist_wheels(p)
    step("pure wheels")
    work = Path(tempfile.mkdtemp(prefix="sitebuild-"))
    try:
        ours = pure.project_wheel(opts.project, work / "project")
        project_name = lock.metadata(ours)["name"]
        raw[project_name] = ours
        step("project wheel")
        partial = opts.dist.with_name(opts.dist.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        wheel_dir = partial / "pyodide"
        wheel_dir.mkdir(parents=True)
        patcher = patches.Patcher()
        for name, path in rt.files.items():  # the bytecode step compiles its stdlib in place
            (wheel_dir / name).write_bytes(patcher(f"pyodide/{name}", path.read_bytes()))
        # loadPyodide (the smoke test's) reads a lock: the official one, until the pruned one replaces it.
        (wheel_dir / "pyodide-lock.json").write_text(json.dumps(rt.official_lock), encoding="utf-8")
        urls = assets.copy(raw["bokeh"], raw["panel"], partial, patcher)
        slim_dir = work / "slim"
        slim_dir.mkdir()
        slimmed = {name: slim.slim(path, slim_dir, patcher) for name, path in raw.items()}
        patcher.check_all_applied()
        step("slim wheels + assets")
        smoke = {}
        if opts.bytecode:
            compiled, smoke = bytecode.compile_and_smoke(
                list(slimmed.values()), wheel_dir, keep_source={ours.name}, app_module=opts.app_module)
            final = dict(zip(slimmed, compiled))
            step(f"bytecode + smoke test (app built in {smoke['create_s']} s under Node)")
        else:
            final = {n: Path(shutil.copyfile(w, wheel_dir / w.name)) for n, w in slimmed.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pruned = lock.pruned(final, rt.official_lock, set(p.official), set(p.omit))
    if smoke:
        imported = set(smoke.pop("imported"))
        smoke["shipped_not_imported"] = [n for n, e in pruned["packages"].items()
                                         if not set(e["imports"]) & imported]
        if smoke["shipped_not_imported"]:
            print(f"  note: shipped but not imported at start-up: {smoke['shipped_not_imported']}")
    (wheel_dir / "pyodide-lock.json").write_text(json.dumps(pruned, indent=1), encoding="utf-8")
    shipped_lessons = lessons.copy(opts.project, lesson_files, partial)
    # The page writes every package's files from two images: the wheels with compiled code
    # (numpy), linked before Python starts, and the pure ones, written once it has.
    # (The wheels stay in dist/ and the lock: the training worker installs param and ours, and
    # writes numpy from its image.)
    compiled = {n: w for n, w in final.items() if site_image.has_compiled_code(w)}
    compiled_image = site_image.write(list(compiled.values()), wheel_dir / site_image.COMPILED_FILE)
    image = site_image.write([w for n, w in final.items() if n not in compiled], wheel_dir / site_image.FILE)
    app_path = opts.project / opts.app_module.replace(".", "/")
    app_file = app_path.with_suffix(".py") if app_path.with_suffix(".py").is_file() else app_path / "__init__.py"
    imports = page.imports(app_file.read_text(encoding="utf-8"), opts.app_module.split(".")[0])
    # What loadPyodide fetches: the .mjs files come by import(), which the page cannot count,
    # so the runtime stage counts the wasm, the stdlib and the lock.
    runtime_files = [wheel_dir / n for n in p.runtime_files if not n.endswith(".mjs")] + [wheel_dir / "pyodide-lock.json"]
    image_files = [partial / compiled_image["file"], partial / image["file"]]
    wire = precompress.write(runtime_files + image_files)  # the page names their sizes on the wire
    boot = {
        "pyodide": "pyodide/pyodide.mjs", "pyodide_dir": "pyodide/",
        "lock": "pyodide/pyodide-lock.json", "compiled_image": compiled_image, "image": image,
        "stdlib": {"file": f"pyodide/{bytecode.STDLIB}",
                   "integrity": fetch.integrity(fetch.sha256_file(wheel_dir / bytecode.STDLIB))},
        "imports": imports,
        # A start-up snapshot fits only the runtime, packages and imports it was taken with.
        "snapshot": hashlib.sha256(json.dumps(
            [*(fetch.sha256_file(wheel_dir / n) for n in p.runtime_files), compiled_image["integrity"],
             image["integrity"], imports]).encode()).hexdigest()[:32],
        "app_module": opts.app_module, "panel_cdn_root": urls["panel_cdn_root"],
        "training_wheel": f"pyodide/{ours.name}",  # site/training_worker.js installs it alone
        "training_packages": TRAINING_PACKAGES,
        # The bar fills with the bytes as the page reads them (decoded); the page names
        # the sizes on the wire, as brotli (what our server and most hosts send).
        **_stage_sizes("runtime", runtime_files, wire), **_stage_sizes("package", image_files, wire),
        # Fetched beside the runtime and written into Pyodide's file system before boot.py.
        "lessons": shipped_lessons,
    }
    data_svg = skeleton.data_svg(skeleton.training_points(opts.project))
    written = page.render(partial, scripts=urls["scripts"], boot=boot, data_svg=data_svg)
    written += doc_pages.render(partial, opts.project)
    written += web_app.write(partial, page.SITE_DIR / "favicon.svg")
    ours_files = {*written, *shipped_lessons, "pyodide/pyodide-lock.json", f"pyodide/{ours.name}"}
    info = {"fingerprint": fingerprint(opts), "pyodide": p.pyodide_version,
            "app_module": opts.app_module, "bytecode": opts.bytecode,
            "official_sources": official.sources, "smoke_test": smoke,
            "build_s": round(time.perf_counter() - start, 1)}
    precompress.write([f for f in precompress.candidates(partial) if f not in wire])
    step("page + compressed copies")
    # Last but the manifest: the service worker lists every other file with its hash.
    fetched_wheels = {boot["training_wheel"], *(f"{boot['pyodide_dir']}{name}"
                                                for name in lock.wheel_files(pruned, TRAINING_PACKAGES))}
    info["offline_version"] = offline.write(partial, fetched_wheels)
    precompress.write([partial / offline.SCRIPT])
    manifest.write(partial, ours_files | {offline.SCRIPT}, info)
    shutil.rmtree(opts.dist, ignore_errors=True)
    partial.rename(opts.dist)
    step("manifest")
    return info


def _stage_sizes(stage: str, files: list[Path], wire: dict[Path, int]) -> dict:
    """A loading stage's bytes as the page reads them, and on the wire (WIRE: precompress.write's)."""
    return {f"{stage}_bytes": sum(f.stat().st_size for f in files), f"{stage}_wire_bytes": sum(wire[f] for f in files)}


class _Stepper:
    """Prints each finished step with the time it took."""

    def __init__(self, start: float):
        self.last = start

    def __call__(self, what: str):
        now = time.perf_counter()
        print(f"  {now - self.last:6.1f} s  {what}", flush=True)
        self.last = now
