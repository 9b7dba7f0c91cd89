"""Strokes on the output map: each adds or erases points, and the last ones can be taken back.

A stroke is one tap, or one drag from press to release; a drag paints a point each
BRUSH_SPACING of the way, so a slow drag and a fast one paint alike. Points are kept as
``point_code`` text (the state's), so a stroke's undo is the text from before it.
"""

import numpy as np

from . import MAX_POINTS, point_code

BRUSH_SPACING = 0.4
"""Units of the ±6 view between the points a drag paints."""
ERASER_RADIUS = 0.5
"""Units around the pointer within which the eraser takes points."""
UNDO_STEPS = 100


def with_point(text: str, x: float, y: float, label: float) -> str:
    """``text`` and one more point; as it was when it holds MAX_POINTS already."""
    if point_code.count(text) >= MAX_POINTS:
        return text
    return text + point_code.encode(np.array([[x, y]]), np.array([label]))


def without_points_near(text: str, x: float, y: float, radius: float = ERASER_RADIUS) -> str:
    """``text`` without the points within ``radius`` of (x, y)."""
    xy, labels = point_code.decode(text)
    kept = np.hypot(xy[:, 0] - x, xy[:, 1] - y) > radius
    return text if kept.all() else point_code.encode(xy[kept], labels[kept])


class Strokes:
    """Where the stroke under way last painted, and the points as they were before each stroke."""

    def __init__(self):
        self.before: list[str] = []
        """The text before each stroke, the latest last (at most UNDO_STEPS)."""
        self.last: tuple[float, float] | None = None
        """Where the stroke under way last painted or erased; None between strokes."""

    def begin(self, text: str) -> None:
        self.before = [*self.before[-(UNDO_STEPS - 1):], text]
        self.last = None

    def far_enough(self, x: float, y: float) -> bool:
        """Whether a drag at (x, y) has gone BRUSH_SPACING from where it last painted (and note it if so)."""
        if self.last is not None and np.hypot(x - self.last[0], y - self.last[1]) < BRUSH_SPACING:
            return False
        self.last = (x, y)
        return True

    def undo(self) -> str | None:
        """The text before the last stroke (None if there is none), forgetting that stroke."""
        return self.before.pop() if self.before else None
