"""Points as short text: how the state keeps a student's points, and a link carries them.

Each point is five base64url characters, 30 bits: x and y on a 0.01 grid over the ±6
view (1,201 steps, 11 bits each) and the label on a 0.01 grid over −1..1 (201 steps,
8 bits; the classes are its ends). So 200 points make a 1,000-character key: a link
stays under 2,000 characters, which mail, chat and LMS editors keep whole.
"""

import numpy as np

from playground.engine.datasets import DOMAIN

CHARS_PER_POINT = 5
STEP = 0.01
"""The grid a coordinate and a label are rounded to: finer than a pixel of the 300 px map."""
LINK_POINTS = 200
"""The most points a link carries; the Share dialog offers a CSV for more."""
_ALPHABET = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", dtype=np.uint8)
_VALUE_OF = np.full(256, -1, dtype=np.int64)
_VALUE_OF[_ALPHABET] = np.arange(64)
_STEPS = round(2 * DOMAIN / STEP)  # 1200


def encode(xy: np.ndarray, labels: np.ndarray) -> str:
    """The text of points ``xy`` (n, 2) in the view with ``labels`` (n,) in −1..1."""
    x, y = (np.rint((np.clip(xy[:, axis], -DOMAIN, DOMAIN) + DOMAIN) / STEP).astype(np.int64) for axis in (0, 1))
    label = np.rint((np.clip(labels, -1, 1) + 1) / STEP).astype(np.int64)
    bits = (x << 19) | (y << 8) | label
    sextets = (bits[:, None] >> np.arange(24, -1, -6)) & 63
    return _ALPHABET[sextets.ravel()].tobytes().decode()


def decode(text: str) -> tuple[np.ndarray, np.ndarray]:
    """``(xy, labels)`` of a text ``encode`` wrote; raises ValueError for any other."""
    raw = np.frombuffer(text.encode("ascii", "replace"), dtype=np.uint8)
    values = _VALUE_OF[raw]
    if len(raw) % CHARS_PER_POINT or (values < 0).any():
        raise ValueError("not a list of points")
    bits = (values.reshape(-1, CHARS_PER_POINT) << np.arange(24, -1, -6)).sum(axis=1)
    x, y, label = bits >> 19, (bits >> 8) & 2047, bits & 255
    if (x > _STEPS).any() or (y > _STEPS).any() or (label > 200).any():
        raise ValueError("a point lies outside the view")
    return np.column_stack([x, y]) * STEP - DOMAIN, label * STEP - 1.0


def count(text: str) -> int:
    """How many points a text holds."""
    return len(text) // CHARS_PER_POINT
