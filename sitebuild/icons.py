"""The app's PNG icons, drawn from site/favicon.svg at build time.

An installed app needs bitmap icons (192 and 512 px for the web app manifest; 180 px for
iOS's home screen, which ignores the manifest's). Drawing them from the favicon keeps one
source of the picture. The favicon uses only a rounded rectangle, straight strokes and
circles, so this draws exactly those (with numpy, 4x4 samples a pixel) and refuses
anything else in the SVG rather than draw it wrong. The PNG encoder is the app's own
(``playground/export/png.py``, which also writes the exported picture of the output map).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from playground.export.png import png

SIZES = (180, 192, 512)
SAMPLES = 4  # per pixel and axis
SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d*\.?\d+")


def file_name(size: int) -> str:
    return f"icon-{size}.png"


def write(svg: Path, folder: Path) -> list[str]:
    """Write the icon of each size into FOLDER from SVG; return their file names."""
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    for size in SIZES:
        (folder / file_name(size)).write_bytes(png(draw(root, size)))
    return [file_name(size) for size in SIZES]


def draw(root: ET.Element, size: int) -> np.ndarray:
    """The SVG (root element ROOT) as SIZE x SIZE RGBA bytes."""
    left, top, width, height = map(float, root.get("viewBox").split())
    n = size * SAMPLES
    y, x = np.mgrid[0:n, 0:n].astype(np.float32)
    # Each sample's point in the SVG's coordinates (its centre).
    x = left + (x + 0.5) * width / n
    y = top + (y + 0.5) * height / n
    canvas = np.zeros((n, n, 4), dtype=np.float32)
    for shape, style in _shapes(root, {}):
        inside = _inside(shape, style, x, y)
        paint = style.get("stroke") if shape.tag == f"{SVG}path" else style.get("fill")
        canvas[inside] = [*_colour(paint), 1.0]
    pixels = canvas.reshape(size, SAMPLES, size, SAMPLES, 4).mean(axis=(1, 3))
    # Colour as painted, not darkened where a pixel is partly transparent (PNG's alpha is straight).
    alpha = pixels[..., 3:]
    pixels[..., :3] = np.divide(pixels[..., :3], alpha, out=np.zeros_like(pixels[..., :3]), where=alpha > 0)
    return np.round(pixels * 255).astype(np.uint8)


def _shapes(element: ET.Element, inherited: dict):
    """(shape element, its style) in painting order; a group passes its attributes down."""
    for child in element:
        style = {**inherited, **{k: v for k, v in child.attrib.items() if k in ("fill", "stroke", "stroke-width")}}
        if child.tag == f"{SVG}g":
            yield from _shapes(child, style)
        elif child.tag in (f"{SVG}rect", f"{SVG}circle", f"{SVG}path"):
            yield child, style
        else:
            raise ValueError(f"sitebuild/icons.py cannot draw <{child.tag.removeprefix(SVG)}> from the favicon")


def _inside(shape: ET.Element, style: dict, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Which samples the shape covers."""
    get = lambda name, default=0.0: float(shape.get(name, default))  # noqa: E731
    if shape.tag == f"{SVG}rect":
        x0, y0, w, h = get("x"), get("y"), get("width"), get("height")
        r = min(get("rx"), w / 2, h / 2)
        # The distance to the rectangle shrunk by the corner radius is at most that radius.
        dx = np.clip(x, x0 + r, x0 + w - r) - x
        dy = np.clip(y, y0 + r, y0 + h - r) - y
        return (x >= x0) & (x <= x0 + w) & (y >= y0) & (y <= y0 + h) & (dx * dx + dy * dy <= r * r)
    if shape.tag == f"{SVG}circle":
        return (x - get("cx")) ** 2 + (y - get("cy")) ** 2 <= get("r") ** 2
    half = float(style.get("stroke-width", 1)) / 2
    covered = np.zeros(x.shape, dtype=bool)
    for (ax, ay), (bx, by) in _segments(shape.get("d")):
        # A straight stroke with SVG's default butt ends: a rectangle along the segment.
        dx, dy = bx - ax, by - ay
        length = np.hypot(dx, dy)
        along = ((x - ax) * dx + (y - ay) * dy) / length
        across = np.abs((x - ax) * dy - (y - ay) * dx) / length
        covered |= (along >= 0) & (along <= length) & (across <= half)
    return covered


def _segments(d: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of a path made of M (move) and absolute line-tos, as the favicon's."""
    if re.search(r"[^ML\d\s,.-]", d):
        raise ValueError(f"sitebuild/icons.py draws only straight paths (M, L), not {d!r}")
    segments = []
    for subpath in re.findall(r"M[^M]*", d):
        numbers = [float(v) for v in NUMBER.findall(subpath)]
        points = list(zip(numbers[::2], numbers[1::2]))
        segments += list(zip(points, points[1:]))
    return segments


def _colour(value: str) -> tuple[float, float, float]:
    """A #rgb or #rrggbb colour as fractions."""
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
