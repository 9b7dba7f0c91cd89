"""The hidden space: the data where one hidden layer puts them, over what the layers after it make of each place.

Where the data points of two classes end up on either side of the output's boundary,
the layers before have folded the plane so that a straight cut separates them.
"""

from collections.abc import Callable

import holoviews as hv
import numpy as np
from bokeh.models import Range1d

from ..ui.accessibility import name_plot
from ..words import Words
from .boundary import data_points, paint_scale
from .layers import on_top_layer
from .live_source import LiveSource
from .palette import diverging
from .plot_words import PlotWords

RESOLUTION = 50
"""Cells per side of the output's picture in the hidden space."""
MARGIN = 1.1
"""The window's half side, as a share of the points' half spread."""
SHRINK_BELOW = 0.4
"""The window is fitted again when the points spread over less than this share of it."""
SMALLEST_HALF_SIDE = 0.05
"""Points all in one place (a dead layer) still get a window this large."""


class Window:
    """The square of the hidden space the picture shows: still from frame to frame, fitted again only when
    a point leaves it or the points shrink to a small part of it, so the picture does not jitter."""

    def __init__(self):
        self.centre, self.half_side = np.zeros(2), 1.0

    def fit(self, points: np.ndarray, anew: bool = False) -> bool:
        """Follow ``points`` (n, 2), or fit them ``anew`` (another layer drawn); whether the window moved.
        Points that are not finite are left out."""
        finite = points[np.isfinite(points).all(axis=1)]
        if not len(finite):
            return False
        low, high = finite.min(axis=0), finite.max(axis=0)
        needed = max(float((high - low).max()) / 2, SMALLEST_HALF_SIDE)
        inside = (low >= self.centre - self.half_side).all() and (high <= self.centre + self.half_side).all()
        if inside and needed >= SHRINK_BELOW * self.half_side and not anew:
            return False
        self.centre, self.half_side = (low + high) / 2, MARGIN * needed
        return True

    def grid(self, resolution: int = RESOLUTION) -> np.ndarray:
        """The centres of the picture's cells, row-major from the bottom (as ``trainer.grid_points``)."""
        ticks = (np.arange(resolution) + 0.5) / resolution * 2 - 1
        x1, x2 = np.meshgrid(self.centre[0] + self.half_side * ticks, self.centre[1] + self.half_side * ticks)
        return np.column_stack([x1.ravel(), x2.ravel()])


class HiddenSpaceChart:
    """The output's picture (an image that moves with the window) under the data points."""

    def __init__(self, size_px: int = 300, words: Words | None = None):
        self.picture = LiveSource()
        """The image's columns: ``image`` and its place, ``x``, ``y``, ``dw``, ``dh``."""
        self.points = LiveSource()
        self.window = Window()
        self.words = PlotWords(words or Words(), self._write_words)
        self.axis_labels = ("", "")
        self.classes = 2
        """The classes the picture and the points are coloured for (the output map's scales, ``boundary``)."""
        self.x_range, self.y_range = Range1d(start=-1.0, end=1.0), Range1d(start=-1.0, end=1.0)
        """The window's extents, set here: they change only when the window is fitted again."""
        blank = np.zeros((RESOLUTION, RESOLUTION))
        image = hv.Image(blank, bounds=(-1, -1, 1, 1), kdims=["h1", "h2"],
                         vdims=[hv.Dimension("output", range=(-1, 1))])
        self.element = (
            image.opts(cmap=diverging(), clim=(-1, 1), width=size_px, height=size_px, toolbar=None, default_tools=[],
                       hooks=[self.picture.hook, self._axes, on_top_layer, self.words.hook, self._paint])
            * data_points(self.points.hook, self._paint)
        ).opts(toolbar=None)

    def show(self, points: np.ndarray, columns: dict, output_at: Callable[[np.ndarray], np.ndarray],
             axis_labels: tuple[str, str], anew: bool = False, classes: int = 2) -> None:
        """Draw ``points`` (n, 2), with the labels and outlines of ``columns`` (``boundary.point_columns``
        of the same points, whose places in the plane are not drawn here), over ``output_at(cells)``: the
        output at the centres of the picture's cells. ``anew`` (another layer drawn) fits the window to the
        points whether they fit in it or not. ``classes``: 2 (TF's scale), or 3–4, whose output is
        ``trainer.class_map``'s and whose labels are ``point_columns``' for them."""
        if classes != self.classes:
            self.classes = classes
            self._paint()
        image = {}
        if self.window.fit(points, anew) or not self.picture.columns:
            (x1, x2), half = self.window.centre, self.window.half_side
            self.x_range.update(start=x1 - half, end=x1 + half)
            self.y_range.update(start=x2 - half, end=x2 + half)
            image = {"x": [x1 - half], "y": [x2 - half], "dw": [2 * half], "dh": [2 * half]}
        output = output_at(self.window.grid()).reshape(RESOLUTION, RESOLUTION)
        self.picture.update(image=[output], **image)
        places = {"x1": points[:, 0], "x2": points[:, 1]}
        looks = {name: values for name, values in columns.items() if name not in places}
        drawn = self.points.columns
        same_points = len(drawn.get("x1", ())) == len(points) and all(
            np.array_equal(drawn[name], values) for name, values in looks.items())
        self.points.update(**places, **({} if same_points else looks))  # labels and outlines only when they change
        if axis_labels != self.axis_labels:
            self.axis_labels = axis_labels
            self._write_words(self.words.plot, self.words.words)

    def _paint(self, plot=None, element=None) -> None:
        """Both colour scales on the classes drawn (also a plot hook, for a new drawing)."""
        for source, mapper in ((self.picture, "color_mapper"), (self.points, "color_color_mapper")):
            if source.handles:
                paint_scale(source.handles[mapper], self.classes)

    def _axes(self, plot, element) -> None:
        figure = plot.state
        figure.x_range, figure.y_range = self.x_range, self.y_range
        figure.xaxis.ticker.desired_num_ticks = figure.yaxis.ticker.desired_num_ticks = 4

    def _write_words(self, plot, words: Words) -> None:
        if plot is None:
            return
        plot.handles["xaxis"].axis_label, plot.handles["yaxis"].axis_label = self.axis_labels
        name_plot(plot, words.text("inside.hidden_space_name"))
