"""What the build gives the service worker (sitebuild/offline.py) and the installed app
(sitebuild/web_app.py, sitebuild/icons.py): which files a browser keeps, the version that
tells it a build is new, and icons that are the favicon's picture."""
import json
import struct
import zlib
from pathlib import Path

import pytest

from sitebuild import fetch, icons, offline, web_app

FAVICON = Path(__file__).resolve().parents[2] / "site" / "favicon.svg"


@pytest.fixture
def site(tmp_path):
    dist = tmp_path / "dist"
    (dist / "pyodide").mkdir(parents=True)
    for name, data in {"index.html": b"<!doctype html>", "index.html.br": b"br", "index.html.gz": b"gz",
                       "manifest.json": b"{}", "pyodide/pyodide.asm.wasm": b"\0asm",
                       "pyodide/param-2.4.2-py3-none-any.whl": b"param", "pyodide/panel-1.10.0-py3-none-any.whl": b"panel",
                       "lessons/01.md": b"# One"}.items():
        (dist / name).parent.mkdir(parents=True, exist_ok=True)
        (dist / name).write_bytes(data)
    return dist


FETCHED = {"pyodide/param-2.4.2-py3-none-any.whl"}


def test_the_worker_keeps_what_a_visit_fetches_with_its_sha256(site):
    offline.write(site, FETCHED)
    files = offline.read(site)["files"]
    # Not the compressed copies (a fetch gets decoded bytes), the manifest, the worker itself,
    # or a wheel nothing fetches (its package is in the page's images).
    assert sorted(files) == ["index.html", "lessons/01.md", "pyodide/param-2.4.2-py3-none-any.whl",
                             "pyodide/pyodide.asm.wasm"]
    assert files["pyodide/pyodide.asm.wasm"] == fetch.integrity(fetch.sha256_file(site / "pyodide/pyodide.asm.wasm"))
    assert (site / offline.SCRIPT).read_text().endswith(offline.SOURCE.read_text())


def test_the_version_changes_with_a_kept_file_and_only_then(site):
    first = offline.write(site, FETCHED)
    assert offline.write(site, FETCHED) == first  # a rebuild of the same site offers no update
    (site / "pyodide/panel-1.10.0-py3-none-any.whl").write_bytes(b"another panel")
    (site / "index.html.br").write_bytes(b"another copy")
    assert offline.write(site, FETCHED) == first
    (site / "lessons/01.md").write_bytes(b"# One, corrected")
    assert offline.write(site, FETCHED) != first


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGBA rows of a PNG as playground/export/png.py writes it (one IDAT, filter 0)."""
    width, height = struct.unpack(">II", data[16:24])
    raw = zlib.decompress(data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8])
    stride = 1 + 4 * width
    assert all(raw[row * stride] == 0 for row in range(height))
    return width, height, [raw[row * stride + 1:(row + 1) * stride] for row in range(height)]


def pixel(rows: list[bytes], size: int, x: float, y: float) -> tuple[int, ...]:
    """The pixel at the favicon's point (x, y) of its 32-unit box."""
    column, row = int(x * size / 32), int(y * size / 32)
    return tuple(rows[row][4 * column:4 * column + 4])


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("icons")
    icons.write(FAVICON, folder)
    return folder


@pytest.mark.parametrize("size", icons.SIZES)
def test_each_icon_is_the_favicon_at_its_size(drawn, size):
    width, height, rows = png_pixels((drawn / icons.file_name(size)).read_bytes())
    assert (width, height) == (size, size)
    assert pixel(rows, size, 0.2, 0.2)[3] == 0  # outside the rounded corner: transparent
    assert pixel(rows, size, 16, 28) == (0x18, 0x3D, 0x4E, 255)  # the background
    assert pixel(rows, size, 24, 16) == (255, 255, 255, 255)  # the output node
    assert pixel(rows, size, 16, 13) == (0xF5, 0x93, 0x22, 255)  # on the stroke from (8, 10) to (24, 16)


def test_a_favicon_with_a_shape_the_build_cannot_draw_stops_it(tmp_path):
    svg = tmp_path / "favicon.svg"
    svg.write_text(FAVICON.read_text().replace("</svg>", '<ellipse cx="4" cy="4" rx="2" ry="1"/></svg>'))
    with pytest.raises(ValueError, match="ellipse"):
        icons.write(svg, tmp_path)
    svg.write_text(FAVICON.read_text().replace('d="M8 10', 'd="M8 10 Q4 4'))
    with pytest.raises(ValueError, match="straight paths"):
        icons.write(svg, tmp_path)


def test_the_app_manifest_names_the_site_and_icons_it_ships(tmp_path):
    written = web_app.write(tmp_path, FAVICON)
    manifest = json.loads((tmp_path / web_app.FILE).read_text())
    assert manifest["name"] == "Neural Playground" and manifest["display"] == "standalone"
    assert manifest["start_url"] == "./" and manifest["theme_color"] == "#183d4e"
    pngs = [icon for icon in manifest["icons"] if icon["type"] == "image/png"]
    assert {icon["sizes"] for icon in pngs} >= {"192x192", "512x512"}  # what browsers ask of an installable app
    for icon in pngs:
        assert icon["src"] in written
        width, height, _ = png_pixels((tmp_path / icon["src"]).read_bytes())
        assert icon["sizes"] == f"{width}x{height}"
