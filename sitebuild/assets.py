"""BokehJS and Panel's JS/CSS, served as plain static files from the site itself.

They are taken from the pinned (unslimmed) bokeh and panel wheels, so the JS always
matches the Python. Panel builds stylesheet URLs as f"{PANEL_CDN_ROOT}{version}/dist/...",
so its files go under static/panel/<version>/dist/ and the page sets PANEL_CDN_ROOT to
the site's own static/panel/ URL before importing panel.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from .patches import Patcher

# Loaded by <script> in this order: core, then the widget and table models Panel's
# bundle builds on, then Panel's own models.
BOKEH_SCRIPTS = ["bokeh.min.js", "bokeh-widgets.min.js", "bokeh-tables.min.js"]
PANEL_FILES = ("panel.min.js",)
PANEL_DIRS = ("css/", "bundled/theme/", "assets/")


def _extract(wheel: Path, pick, dest: Path, patch: Patcher) -> list[str]:
    """Write members chosen by pick(name) -> relative path or None, patched; return the paths."""
    written = []
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            rel = pick(name)
            if rel and not name.endswith("/"):
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                (dest / rel).write_bytes(patch(name, zf.read(name)))
                written.append(rel)
    return written


def copy(bokeh_wheel: Path, panel_wheel: Path, dist: Path, patch: Patcher) -> dict:
    """Copy the assets into DIST, patched (patches.py); return the URLs the page needs (relative to dist/)."""
    bokeh_version = bokeh_wheel.name.split("-")[1]
    with zipfile.ZipFile(panel_wheel) as zf:
        panel_js_version = json.loads(zf.read("panel/package.json"))["version"].split("+")[0]
    bokeh_dir = f"static/bokeh/{bokeh_version}/"
    panel_root = "static/panel/"
    panel_dist = f"{panel_root}{panel_js_version}/dist/"

    def pick_bokeh(name):
        base = name.removeprefix("bokeh/server/static/js/")
        return bokeh_dir + base if base in BOKEH_SCRIPTS else None

    def pick_panel(name):
        rel = name.removeprefix("panel/dist/")
        if rel != name and (rel in PANEL_FILES or rel.startswith(PANEL_DIRS)):
            return panel_dist + rel
        return None

    _extract(bokeh_wheel, pick_bokeh, dist, patch)
    _extract(panel_wheel, pick_panel, dist, patch)
    return {"scripts": [bokeh_dir + s for s in BOKEH_SCRIPTS] + [panel_dist + "panel.min.js"],
            "panel_cdn_root": panel_root}
