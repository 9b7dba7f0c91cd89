"""TF Playground's colour scale as numbers: orange for −1, a light grey for 0, blue for +1; and a colour
per class for three or four, lighter where the network is unsure.

Numpy only, so the plots' colour maps (``views/palette.py``) and the exported picture of the output
map (``export/output_map.py``) colour a value alike. The colours are the app's one palette's
(``playground/assets/palette.css``).
"""

import numpy as np

from playground.assets import palette

NEGATIVE, NEUTRAL, POSITIVE = (palette()[name] for name in ("negative", "neutral", "positive"))
CLASS_COLOURS = (POSITIVE, NEGATIVE, palette()["class-2"], palette()["class-3"])
"""Class k's colour: TF's blue and orange for classes 0 and 1 (its +1 and −1), then green and wine."""


def rgb(hex_colour: str) -> np.ndarray:
    """A ``#rrggbb`` colour as three numbers 0…255."""
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)


def colours(values: np.ndarray) -> np.ndarray:
    """The colour (0…255, unrounded) of each value on the scale: shape ``values.shape + (3,)``; values
    past ±1 take the ends' colours, as TF clamps them, and a value that is no number is grey."""
    t = np.clip(np.nan_to_num(np.asarray(values, dtype=float)), -1.0, 1.0)[..., None]
    low, mid, high = rgb(NEGATIVE), rgb(NEUTRAL), rgb(POSITIVE)
    return np.where(t < 0, mid + (low - mid) * -t, mid + (high - mid) * t)


def class_colours(values: np.ndarray) -> np.ndarray:
    """The colour (0…255, unrounded) of each ``trainer.class_map`` value k + c: from NEUTRAL (c = 0, every
    class as likely) to class k's own (c → 1, sure); a value that is no number is grey. Shape ``values.shape + (3,)``."""
    values = np.asarray(values, dtype=float)
    known = np.isfinite(values)
    winner = np.clip(np.floor(np.where(known, values, 0.0)), 0, len(CLASS_COLOURS) - 1).astype(int)
    sure = np.where(known, values - winner, 0.0)[..., None]
    mid = rgb(NEUTRAL)
    return mid + (np.array([rgb(colour) for colour in CLASS_COLOURS])[winner] - mid) * sure
