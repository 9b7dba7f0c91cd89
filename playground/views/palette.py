"""TF Playground's colours as the plots' colour map (the scale itself: ``playground/colour_scale.py``)."""

import numpy as np

from playground.colour_scale import NEGATIVE, NEUTRAL, POSITIVE, colours

__all__ = ["NEGATIVE", "NEUTRAL", "POSITIVE", "diverging"]


def diverging(steps: int = 256) -> list[str]:
    """``steps`` colours from NEGATIVE through NEUTRAL to POSITIVE, as TF's scale."""
    return ["#{:02x}{:02x}{:02x}".format(*colour) for colour in np.rint(colours(np.linspace(-1.0, 1.0, steps))).astype(int)]
