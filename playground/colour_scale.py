"""TF Playground's colour scale as numbers: orange for −1, a light grey for 0, blue for +1.

Numpy only, so the plots' colour map (``views/palette.py``) and the exported picture of the output
map (``export/output_map.py``) colour a value alike. The three colours are the app's one palette's
(``playground/assets/palette.css``).
"""

import numpy as np

from playground.assets import palette

NEGATIVE, NEUTRAL, POSITIVE = (palette()[name] for name in ("negative", "neutral", "positive"))


def rgb(hex_colour: str) -> np.ndarray:
    """A ``#rrggbb`` colour as three numbers 0…255."""
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)


def colours(values: np.ndarray) -> np.ndarray:
    """The colour (0…255, unrounded) of each value on the scale: shape ``values.shape + (3,)``; values
    past ±1 take the ends' colours, as TF clamps them, and a value that is no number is grey."""
    t = np.clip(np.nan_to_num(np.asarray(values, dtype=float)), -1.0, 1.0)[..., None]
    low, mid, high = rgb(NEGATIVE), rgb(NEUTRAL), rgb(POSITIVE)
    return np.where(t < 0, mid + (low - mid) * -t, mid + (high - mid) * t)
