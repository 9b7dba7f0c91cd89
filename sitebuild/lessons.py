"""Guided lessons: checked before anything slow, then shipped as plain files.

The check is the project's own `python -m playground lessons check` (in a subprocess
with the project first on sys.path, as skeleton.py draws its data), so the build accepts
exactly what a teacher's check accepts, and a broken lesson stops the build with the
same `file:line: message` lines before any download. The files (each lesson's text in each
language, and the CSV of its own points when it has one) go to dist/lessons/;
loader.js fetches them while Pyodide boots and writes them where the app looks
($PLAYGROUND_LESSONS). A project without lessons (a stand-in app) ships none.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

DIST_DIR = "lessons"


def check(project: Path) -> list[str]:
    """Names of the lesson files to ship (in lessons/); RuntimeError listing every problem."""
    if not (project / "playground" / "lessons").is_dir() or not (project / "lessons").is_dir():
        return []
    env = dict(os.environ, PYTHONPATH=str(project))
    run = subprocess.run([sys.executable, "-m", "playground", "lessons", "check", "--json", "lessons"],
                         cwd=project, env=env, capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"could not check the lessons:\n{run.stderr or run.stdout}") from None
    if report["errors"]:
        raise RuntimeError("lessons/ has problems:\n" + "\n".join(report["errors"]))
    return [name for lesson in report["lessons"] for name in lesson["files"]]


def copy(project: Path, names: list[str], dist: Path) -> list[str]:
    """Copy the lesson files into DIST/lessons/; return their paths relative to DIST."""
    for name in names:
        (dist / DIST_DIR).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project / "lessons" / name, dist / DIST_DIR / name)
    return [f"{DIST_DIR}/{name}" for name in names]
