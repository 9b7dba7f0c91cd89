"""Fill site/ templates with the boot configuration and copy them into dist/.

The boot configuration (what to load, how big it is, which module is the app, and
boot.py's source) is inlined into index.html, so the page needs no extra request to
start and the progress bar knows the sizes from the first frame. The skeleton's data
plot (skeleton.data_svg) is inlined too, so the first paint shows the data.

The page's own words come from the app's catalogs (playground/locales/): every element
marked ``data-text="key"`` is written in English, and the page's sections of every
catalog are inlined as JSON, so the page can speak another language before Python runs.
"""
from __future__ import annotations

import ast
import html
import json
import re
import shutil
from pathlib import Path

from playground import i18n

from . import doc_pages

SITE_DIR = Path(__file__).resolve().parent.parent / "site"
STATIC_FILES = ["loader.js", "startup_snapshot.js", "site_image.js", "accessible_names.js", "download_worker.js",
                "embed_bridge.js", "training_worker.js", "offline.js",
                "style.css", "doc.css", "favicon.svg",
                "embed.js"]  # for the page around an embedded playground
PACKAGE_DIR = SITE_DIR.parent / "playground"
#: Files of the package the site ships as they are, by their place in dist/: the palette the page's
#: CSS shares with the app, and the embed's message schemas, which the app reads too.
PACKAGE_FILES = {"palette.css": PACKAGE_DIR / "assets" / "palette.css",
                 **{f"embed/{path.name}": path for path in doc_pages.SCHEMAS}}
#: Catalog sections the page itself shows (index.html, loader.js, accessible_names.js; buttons: the
#: skeleton's Play).
PAGE_SECTIONS = ("page", "headings", "buttons", "loader", "errors", "accessibility")
MARKED = re.compile(r'(<(\w+)[^>]*\bdata-text="([\w.]+)"[^>]*>)(</\2>)')
LANG = re.compile(r'\blang="([\w-]+)"')


def imports(app_source: str, app_package: str) -> list:
    """The heavy imports, in the progress bar's steps (catalog keys), then the app's own modules.

    The loader runs them before boot.py and keeps Python's memory after them as the start-up
    snapshot (site/startup_snapshot.js). holoviews.plotting.bokeh comes with the first plot
    anyway; imported here, it is in the snapshot. The app's modules are those its source
    imports from its package, not the app module itself: Panel serves a module imported once
    it is serving (after boot.py's init_doc), and the app reads its link as it is served.
    """
    tree = ast.parse(app_source)
    named = [alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names]
    named += [node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.level == 0]
    own = sorted({name for name in named if name.split(".")[0] == app_package})
    return [["loader.importing_numpy", ["numpy"]],
            ["loader.importing_bokeh", ["bokeh", "panel"]],
            ["loader.importing_holoviews", ["holoviews", "holoviews.plotting.bokeh"]],
            ["loader.importing_app", own]]


def render(dist: Path, *, scripts: list[str], boot: dict, data_svg: str) -> list[str]:
    """Write index.html and the static files into DIST; return their relative paths."""
    config = dict(boot, boot_py=(SITE_DIR / "boot.py").read_text(encoding="utf-8"))
    tags = "\n".join(f'<script defer src="{src}" onerror="playground.missing(\'{src}\')"></script>'
                     for src in map(html.escape, scripts))
    page = (SITE_DIR / "index.html").read_text(encoding="utf-8")
    page = (page.replace("{{ boot_json }}", _script_json(config)).replace("{{ scripts }}", tags)
            .replace("{{ preloads }}", preloads(boot))
            .replace("{{ page_words_json }}", _script_json(page_words()))
            .replace("{{ data_svg }}", data_svg)
            .replace("{{ runtime_size }}", _mb(boot["runtime_wire_bytes"]))
            .replace("{{ package_size }}", _mb(boot["package_wire_bytes"])))
    (dist / "index.html").write_text(with_words(page), encoding="utf-8")
    copied = copied_files()
    for name, source in copied.items():
        (dist / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dist / name)
    return ["index.html", *copied]


def copied_files() -> dict[str, Path]:
    """Every file dist/ takes as it is, by its place there: site/'s static files and the package's."""
    return {name: SITE_DIR / name for name in STATIC_FILES} | PACKAGE_FILES


def preloads(boot: dict) -> str:
    """Tags that start every download of the start-up at once, from the page's head.

    Without them the browser asks for the runtime's wasm only once BokehJS and the loader have
    run, and for the packages only once the runtime has booted. Each preload is asked for as
    it will be (a CORS-mode fetch), so the later request takes the preloaded response instead
    of downloading again. The files Python reads (the stdlib, the package images) download in
    a worker (site/download_worker.js) that hands them to the loader.
    """
    folder = boot["pyodide_dir"]
    # The loader first: it waits for nothing else, and the downloads below compete with it.
    tags = [f'<link rel="modulepreload" href="{name}" fetchpriority="high">'
            for name in ("loader.js", "startup_snapshot.js", "site_image.js", "accessible_names.js")]
    tags += [f'<link rel="modulepreload" href="{folder}{name}">' for name in ("pyodide.mjs", "pyodide.asm.mjs")]
    tags.append(f'<link rel="preload" href="{folder}pyodide.asm.wasm" as="fetch" crossorigin fetchpriority="low">')
    tags.append(f'<link rel="preload" href="{boot["lock"]}" as="fetch" crossorigin>')
    downloads = json.dumps([boot["stdlib"], boot["compiled_image"], boot["image"]]).replace("</", "<\\/")
    # Its messages wait in `early` until the loader takes them over.
    tags.append('<script>playground.downloads = { worker: new Worker("download_worker.js"), early: [] };\n'
                'playground.downloads.worker.onmessage = (message) => playground.downloads.early.push(message);\n'
                f'playground.downloads.worker.postMessage({downloads});</script>')
    return "\n".join(tags)


def page_words() -> dict:
    """The page's sections of every catalog, the languages' own names and the default, and the
    file of each reading page in each language (a header link follows the page's language)."""
    return {
        "default": i18n.DEFAULT_LANGUAGE,
        "languages": i18n.LANGUAGES,
        "pages": {page.name: doc_pages.page_files(page) for page in doc_pages.PAGES},
        "texts": {language: {key: text for key, text in i18n.catalog(language).items()
                             if key.split(".")[0] in PAGE_SECTIONS}
                  for language in i18n.LANGUAGES},
    }


def with_words(page: str, **values) -> str:
    """``page`` with each empty element marked ``data-text="key"`` holding the key's text, in the
    element's own ``lang`` if it has one (the classroom's join page shows two languages at once),
    else in English, its ``{name}`` fields filled from VALUES.

    The page reads in English even before (or without) its script; a key the catalog
    lacks stops the build.
    """
    def fill(marked: re.Match) -> str:
        opening, _, key, closing = marked.groups()
        language = LANG.search(opening)
        text = i18n.text(key, language.group(1) if language else i18n.DEFAULT_LANGUAGE, **values)
        return opening + html.escape(text, quote=False) + closing

    return MARKED.sub(fill, page)


def _script_json(value: dict) -> str:
    """``value`` as JSON that cannot end the <script> element holding it."""
    return json.dumps(value, indent=1, ensure_ascii=False).replace("</", "<\\/")


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
