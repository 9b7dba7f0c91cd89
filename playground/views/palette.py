"""TF Playground's colours as the plots' colour map, and a ramp per class for more than two (the scales
themselves, from the app's one palette: ``playground/colour_scale.py``)."""

import numpy as np

from playground.colour_scale import CLASS_COLOURS, NEGATIVE, NEUTRAL, POSITIVE, class_colours, colours

__all__ = ["NEGATIVE", "NEUTRAL", "POSITIVE", "CLASS_COLOURS", "diverging", "class_ramps"]


def _hex(rgb_rows: np.ndarray) -> list[str]:
    return ["#{:02x}{:02x}{:02x}".format(*colour) for colour in np.rint(rgb_rows).astype(int)]


def diverging(steps: int = 256) -> list[str]:
    """``steps`` colours from NEGATIVE through NEUTRAL to POSITIVE, as TF's scale."""
    return _hex(colours(np.linspace(-1.0, 1.0, steps)))


def class_ramps(classes: int, steps: int = 64) -> list[str]:
    """For each class in turn, ``steps`` colours from NEUTRAL (unsure) to the class's own (sure):
    the scale of a map of ``trainer.class_map`` values, class k with confidence c at k + c."""
    return _hex(class_colours((np.arange(classes)[:, None] + (np.arange(steps) + 0.5) / steps).ravel()))
