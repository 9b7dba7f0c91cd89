"""The output map as a PNG, drawn in numpy: the command line's picture of a trained network.

As the page shows it: the network's output over the ±6 square in TF's colours, or for three or four
classes each pixel in its winning class's colour, lighter where the network is unsure (discretized, when
the setup says so); the training points outlined in white and the test points (when shown) in black,
each filled with its label's colour. Each pixel is the network's output at
its centre, so the boundary is as sharp as the picture is large. (The site's Export menu saves the
map BokehJS draws instead, axes and scale included.)
"""

import numpy as np

from ..colour_scale import CLASS_COLOURS, class_colours, colours, rgb
from ..engine.datasets import DOMAIN
from ..engine.features import feature_matrix
from ..trainer import Trainer, class_map, decided
from .png import png

PICTURE_PX = 400
"""The picture's side."""
POINT_DIAMETER_PX = 9.0
"""A point's size: the page's 7 px points on its 300 px map, at PICTURE_PX."""
OUTLINE_PX = 1.2
OUTLINES = {"train": rgb("#ffffff"), "test": rgb("#000000")}  # as TF outlines them


def pixel_centres(size_px: int = PICTURE_PX) -> np.ndarray:
    """The (x1, x2) point at each pixel's centre, row by row from the top (x2 = +6) down: (size², 2)."""
    ticks = -DOMAIN + (np.arange(size_px) + 0.5) * (2 * DOMAIN / size_px)
    x1, x2 = np.meshgrid(ticks, ticks[::-1])
    return np.column_stack([x1.ravel(), x2.ravel()])


def output_map(trainer: Trainer, size_px: int = PICTURE_PX) -> np.ndarray:
    """The picture's RGBA pixels (size × size × 4, uint8)."""
    state, classes = trainer.state(), trainer.classes
    with np.errstate(all="ignore"):  # a diverged network's map is grey, as the page's is blank
        values = trainer.network.predict(feature_matrix(pixel_centres(size_px), trainer.features))
        values = values if classes == 2 else class_map(values)
    if state.discretize:
        values = decided(values, classes)
    canvas = (colours(values) if classes == 2 else class_colours(values)).reshape(size_px, size_px, 3)
    dataset = trainer.dataset
    _points(canvas, dataset.train.xy, _label_colours(dataset.train.labels, classes), OUTLINES["train"])
    if state.test_points_shown():
        _points(canvas, dataset.test.xy, _label_colours(dataset.test.labels, classes), OUTLINES["test"])
    alpha = np.full((size_px, size_px, 1), 255.0)
    return np.rint(np.concatenate([canvas, alpha], axis=2)).astype(np.uint8)


def _label_colours(labels: np.ndarray, classes: int) -> np.ndarray:
    """Each point's fill: its label on TF's scale, or its class's own colour."""
    return colours(labels) if classes == 2 else np.array([rgb(colour) for colour in CLASS_COLOURS])[labels.astype(int)]


def _points(canvas: np.ndarray, xy: np.ndarray, fills: np.ndarray, outline: np.ndarray) -> None:
    """Paint each point in order (a later one over an earlier), its edges smoothed by how much of a pixel it covers."""
    size_px = canvas.shape[0]
    scale = size_px / (2 * DOMAIN)
    radius = POINT_DIAMETER_PX / 2
    reach = int(np.ceil(radius + 1))
    for (x1, x2), fill in zip(xy, fills):
        column, row = (x1 + DOMAIN) * scale, (DOMAIN - x2) * scale  # the centre, in pixels from the top left
        rows = np.arange(max(0, int(row) - reach), min(size_px, int(row) + reach + 1))
        columns = np.arange(max(0, int(column) - reach), min(size_px, int(column) + reach + 1))
        distance = np.hypot(rows[:, None] + 0.5 - row, columns[None, :] + 0.5 - column)[..., None]
        covered = np.clip(radius + 0.5 - distance, 0.0, 1.0)
        inner = np.clip(radius - OUTLINE_PX + 0.5 - distance, 0.0, 1.0)
        painted = outline + (fill - outline) * inner
        window = canvas[rows[:, None], columns[None, :]]
        canvas[rows[:, None], columns[None, :]] = window + (painted - window) * covered


def export_picture(trainer: Trainer) -> bytes:
    """The output map of ``trainer`` now, PICTURE_PX square, as a PNG file."""
    return png(output_map(trainer))
