"""TF Playground's colours: orange for −1, blue for +1, a light grey between.

Read from the app's one palette (``playground/assets/palette.css``), which the page's CSS uses too.
"""

import numpy as np

from playground.assets import palette

NEGATIVE, NEUTRAL, POSITIVE = (palette()[name] for name in ("negative", "neutral", "positive"))


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)


def diverging(steps: int = 256) -> list[str]:
    """``steps`` colours from NEGATIVE through NEUTRAL to POSITIVE, as TF's scale."""
    t = np.linspace(-1.0, 1.0, steps)[:, None]
    low, mid, high = _rgb(NEGATIVE), _rgb(NEUTRAL), _rgb(POSITIVE)
    rgb = np.where(t < 0, mid + (low - mid) * -t, mid + (high - mid) * t)
    return ["#{:02x}{:02x}{:02x}".format(*colour) for colour in np.rint(rgb).astype(int)]
