"""TF Playground's colours as the plots' colour map (the scale itself: ``playground/colour_scale.py``), and a
colour per class for more than two, from the app's one palette (``playground/assets/palette.css``)."""

import numpy as np

from playground.assets import palette
from playground.colour_scale import NEGATIVE, NEUTRAL, POSITIVE, colours, rgb

__all__ = ["NEGATIVE", "NEUTRAL", "POSITIVE", "CLASS_COLOURS", "diverging", "class_ramps"]

CLASS_COLOURS = (POSITIVE, NEGATIVE, palette()["class-2"], palette()["class-3"])
"""Class k's colour: TF's blue and orange for classes 0 and 1 (its +1 and −1), then green and wine."""


def _hex(rgb_rows: np.ndarray) -> list[str]:
    return ["#{:02x}{:02x}{:02x}".format(*colour) for colour in np.rint(rgb_rows).astype(int)]


def diverging(steps: int = 256) -> list[str]:
    """``steps`` colours from NEGATIVE through NEUTRAL to POSITIVE, as TF's scale."""
    return _hex(colours(np.linspace(-1.0, 1.0, steps)))


def class_ramps(classes: int, steps: int = 64) -> list[str]:
    """For each class in turn, ``steps`` colours from NEUTRAL (unsure) to the class's own (sure):
    the scale of a map of ``trainer.class_map`` values, class k with confidence c at k + c."""
    t = (np.arange(steps)[:, None] + 0.5) / steps
    mid = rgb(NEUTRAL)
    return [colour for k in range(classes) for colour in _hex(mid + (rgb(CLASS_COLOURS[k]) - mid) * t)]
