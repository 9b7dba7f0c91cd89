"""TF Playground's colours: orange for −1, blue for +1, a light grey between; and a colour per class.

Read from the app's one palette (``playground/assets/palette.css``), which the page's CSS uses too.
"""

import numpy as np

from playground.assets import palette

NEGATIVE, NEUTRAL, POSITIVE = (palette()[name] for name in ("negative", "neutral", "positive"))
CLASS_COLOURS = (POSITIVE, NEGATIVE, palette()["class-2"], palette()["class-3"])
"""Class k's colour: TF's blue and orange for classes 0 and 1 (its +1 and −1), then green and wine."""


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)


def _hex(rgb: np.ndarray) -> list[str]:
    return ["#{:02x}{:02x}{:02x}".format(*colour) for colour in np.rint(rgb).astype(int)]


def _from_neutral(colour: str, t: np.ndarray) -> np.ndarray:
    """Colours ``t`` (0…1, a column) of the way from NEUTRAL to ``colour``."""
    mid = _rgb(NEUTRAL)
    return mid + (_rgb(colour) - mid) * t


def diverging(steps: int = 256) -> list[str]:
    """``steps`` colours from NEGATIVE through NEUTRAL to POSITIVE, as TF's scale."""
    t = np.linspace(-1.0, 1.0, steps)[:, None]
    return _hex(np.where(t < 0, _from_neutral(NEGATIVE, -t), _from_neutral(POSITIVE, t)))


def class_ramps(classes: int, steps: int = 64) -> list[str]:
    """For each class in turn, ``steps`` colours from NEUTRAL (unsure) to the class's own (sure):
    the scale of a map of ``trainer.class_map`` values, class k with confidence c at k + c."""
    t = (np.arange(steps)[:, None] + 0.5) / steps
    return [colour for k in range(classes) for colour in _hex(_from_neutral(CLASS_COLOURS[k], t))]
