"""Fill site/ templates with the boot configuration and copy them into dist/.

The boot configuration (what to load, how big it is, which module is the app, and
boot.py's source) is inlined into index.html, so the page needs no extra request to
start and the progress bar knows the sizes from the first frame. The skeleton's data
plot (skeleton.data_svg) is inlined too, so the first paint shows the data.
"""
from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent.parent / "site"
STATIC_FILES = ["loader.js", "accessible_names.js", "style.css", "favicon.svg"]


def render(dist: Path, *, scripts: list[str], boot: dict, data_svg: str) -> list[str]:
    """Write index.html and the static files into DIST; return their relative paths."""
    config = dict(boot, boot_py=(SITE_DIR / "boot.py").read_text(encoding="utf-8"))
    boot_json = json.dumps(config, indent=1).replace("</", "<\\/")
    tags = "\n".join(f'<script defer src="{src}" onerror="playgroundMissing(\'{src}\')"></script>'
                     for src in map(html.escape, scripts))
    page = (SITE_DIR / "index.html").read_text(encoding="utf-8")
    page = (page.replace("{{ boot_json }}", boot_json).replace("{{ scripts }}", tags)
            .replace("{{ data_svg }}", data_svg)
            .replace("{{ runtime_size }}", _mb(boot["runtime_bytes"]))
            .replace("{{ package_size }}", _mb(boot["package_bytes"])))
    (dist / "index.html").write_text(page, encoding="utf-8")
    for name in STATIC_FILES:
        shutil.copyfile(SITE_DIR / name, dist / name)
    return ["index.html", *STATIC_FILES]


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"  # as loader.js writes sizes
