"""The web app manifest (app.webmanifest): what lets a browser install the site as an app.

An installed playground opens in its own window from the home screen or the app list, and,
with the service worker (sitebuild/offline.py), works there without the network. The
manifest names it (the page's title in the default language: a manifest has one name),
points at its icons (the favicon, and PNGs drawn from it: sitebuild/icons.py) and gives
the colours of its window and splash screen (the favicon's).
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from playground import i18n

from . import icons

FILE = "app.webmanifest"


def write(dist: Path, favicon: Path) -> list[str]:
    """Write the icons and the manifest into DIST; return their relative paths."""
    pngs = icons.write(favicon, dist)
    background = ET.fromstring(favicon.read_text(encoding="utf-8")).find(f"{icons.SVG}rect").get("fill")
    manifest = {
        "id": "./",
        "name": i18n.text("page.title", i18n.DEFAULT_LANGUAGE),
        "short_name": i18n.text("page.title", i18n.DEFAULT_LANGUAGE),
        "description": i18n.text("page.tagline", i18n.DEFAULT_LANGUAGE),
        "lang": i18n.DEFAULT_LANGUAGE,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": background,
        "icons": [{"src": favicon.name, "sizes": "any", "type": "image/svg+xml"},
                  *({"src": name, "sizes": f"{size}x{size}", "type": "image/png"}
                    for size, name in zip(icons.SIZES, pngs))],
    }
    (dist / FILE).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return [FILE, *pngs]
