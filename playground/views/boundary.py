"""The output map: the network's prediction over the plane, with the data on it.

Two classes (and regression, and a neuron's map) are drawn on TF's scale, orange −1 … blue +1;
more classes each in a colour of their own, lighter where the network is unsure
(``trainer.class_map``'s values on ``palette.class_ramps``). A change of scale sets the
colour mappers' palette and range: the drawn arrays stay one number a pixel.
"""

from functools import cache

import holoviews as hv
import numpy as np
from bokeh.events import DoubleTap, Pan, PanEnd, PanStart, Tap
from bokeh.models import FixedTicker

from ..assets import palette
from ..ui.accessibility import name_plot
from ..trainer import CONFIDENT, DOMAIN, GRID_RESOLUTION
from ..words import Words
from .glyph_fields import draw_from_column
from .layers import on_top_layer
from .live_source import LiveSource
from .palette import class_ramps, diverging
from .plot_words import PlotWords

BOUNDS = (-DOMAIN, -DOMAIN, DOMAIN, DOMAIN)
POINTER_EVENTS = ((Tap, "tap"), (DoubleTap, "tap"), (PanStart, "start"), (Pan, "move"), (PanEnd, "end"))
"""The pointer's events on the map that ``on_pointer`` reports, by the kind it names them. A tap within
300 ms of the last is Bokeh's double tap instead: for drawing, a tap all the same."""
SCALE_BESIDE_PX = 80
"""Room the colour scale (and the x2 axis) take to the map's right."""
SCALE_BELOW_PX = (30, 80)
"""Room the x2 axis takes to the left and the colour scale (with the x1 axis) below, when it is below."""


TRAIN_OUTLINE, TEST_OUTLINE = "white", "black"  # as TF outlines them
TF_TICKS = (-1, -0.5, 0, 0.5, 1)
"""The colour scale's ticks for TF's −1…1 (where Bokeh's own ticker put them); several classes' are their middles."""
CHOSEN_RING_PX = 16
"""A ring around the point a view explains (``show_chosen``), wide enough to see the point's colour inside."""


def data_points(*hooks) -> hv.Points:
    """Data points filled by label on the output's scale (±1 classes at its ends, regression
    targets anywhere between, or each of several classes in its colour), outlined by their set:
    one glyph for both sets, so the page builds and draws one renderer, not two. No tools: the map
    neither pans nor zooms, as in TF."""
    return hv.Points({"x1": [], "x2": [], "label": [], "outline": []}, kdims=["x1", "x2"],
                     vdims=["label", "outline"]).opts(
        color="label", cmap=diverging(), clim=(-1, 1), size=7, line_color="outline", line_width=1,
        hooks=[*hooks, _outlines_as_given, on_top_layer], default_tools=[],
    )


def point_columns(train_xy: np.ndarray, train_labels: np.ndarray, test_xy: np.ndarray,
                  test_labels: np.ndarray, classes: int = 2) -> dict[str, np.ndarray | list]:
    """The columns of ``data_points``: both sets' places and labels (±1 or regression's targets for
    ``classes`` 2, else 0…K−1, drawn in their class's full colour), each point outlined by its set."""
    xy = np.concatenate([train_xy, test_xy])
    labels = np.concatenate([train_labels, test_labels])
    outline = [TRAIN_OUTLINE] * len(train_xy) + [TEST_OUTLINE] * len(test_xy)
    return {"x1": xy[:, 0], "x2": xy[:, 1], "color": labels + CONFIDENT if classes > 2 else labels, "line_color": outline}


def _ring() -> hv.Points:
    """An empty ring in the palette's ink, over the points: no points, nothing drawn."""
    return hv.Points({"x1": [], "x2": []}, kdims=["x1", "x2"]).opts(
        size=CHOSEN_RING_PX, fill_alpha=0, line_color=palette()["ink"], line_width=3, default_tools=[])


def _outlines_as_given(plot, element) -> None:
    """Outline each point in the colour its row names. (From empty data HoloViews cannot tell
    the column holds colours, and maps it through a colour scale.)"""
    draw_from_column(plot, "line_color", "line_color", through_scale=False)


class DecisionBoundary:
    """A 100×100 heatmap of the output (−1 orange … +1 blue, or a colour per class) under the points."""

    def __init__(self, size_px: int = 300, words: Words | None = None, scale_below: bool = False):
        """``size_px``: the map's side; ``scale_below``: the colour scale under the map, not beside
        it (a narrow column)."""
        self.heatmap = LiveSource()
        self.words = PlotWords(words or Words(), self._write_words)
        self.points = LiveSource()
        """Training points, then test points (drawn over them)."""
        self.chosen = LiveSource()
        """The ring around the point a view explains, if any."""
        self._pointer_callbacks: list = []
        self.map_classes = self.point_classes = 2
        """The scales the map and the points are drawn on: 2 is TF's −1…1, more a colour per class."""
        self._figure = None
        self._listened_to = None
        blank = np.zeros((GRID_RESOLUTION, GRID_RESOLUTION))
        image = hv.Image(blank, bounds=BOUNDS, kdims=["x1", "x2"], vdims=[hv.Dimension("output", range=(-1, 1))])
        self.element = (
            image.opts(
                cmap=diverging(), clim=(-1, 1), colorbar=True,
                hooks=[self.heatmap.hook, on_top_layer, _scale_of_its_own, self._keep_figure, self._paint_map,
                       self.words.hook],
                xlim=(-DOMAIN, DOMAIN), ylim=(-DOMAIN, DOMAIN), **_plot_size(size_px, scale_below),
                toolbar=None, default_tools=[], xlabel="", ylabel="",
            )
            * data_points(self.points.hook, self._paint_points)
            * _ring().opts(hooks=[self.chosen.hook, on_top_layer])
        ).opts(toolbar=None)

    def on_pointer(self, callback) -> None:
        """Call ``callback(kind, x1, x2)`` for a tap ("tap") or a drag ("start", "move", "end") anywhere on
        the map, glyphs or not. Bokeh reports these only once asked (here), so the page starts without them."""
        self._pointer_callbacks.append(callback)
        self._listen()

    def _keep_figure(self, plot, element) -> None:
        self._figure = plot.state
        self._listen()

    def _listen(self) -> None:
        if self._figure is None or not self._pointer_callbacks or self._listened_to is self._figure:
            return
        self._listened_to = self._figure
        for event, kind in POINTER_EVENTS:
            self._figure.on_event(event, lambda event, kind=kind: self._pointed(kind, event.x, event.y))

    def _pointed(self, kind: str, x1: float | None, x2: float | None) -> None:
        for callback in self._pointer_callbacks:
            callback(kind, x1, x2)

    def show_points(self, train_xy: np.ndarray, train_labels: np.ndarray,
                    test_xy: np.ndarray, test_labels: np.ndarray, classes: int = 2) -> None:
        """Both sets of points, their labels those of ``classes`` classes (±1 for two, else 0…K−1), or
        regression's targets (classes 2); the test set may be empty (hidden)."""
        self.point_classes = classes
        self._paint_points()
        self.points.update(**point_columns(train_xy, train_labels, test_xy, test_labels, classes))

    def show_chosen(self, xy: tuple[float, float] | None) -> None:
        """Ring the point at ``xy`` (a view explains it), or no point; sent to the page only when it moves."""
        ring = {"x1": [] if xy is None else [xy[0]], "x2": [] if xy is None else [xy[1]]}
        if ring != self.chosen.columns:
            self.chosen.update(**ring)

    def show_output(self, output_grid: np.ndarray, classes: int = 2) -> None:
        """``output_grid``: (resolution, resolution), row 0 at x2 = −DOMAIN; values on TF's scale −1…1
        (``classes`` 2), or ``trainer.class_map``'s of ``classes`` classes."""
        if classes != self.map_classes:
            self.map_classes = classes
            self._paint_map()
        self.heatmap.update(image=[output_grid])

    def _paint_map(self, plot=None, element=None) -> None:
        """Put the map and its colour scale on ``map_classes``' scale (also a plot hook, for a new drawing)."""
        handles = self.heatmap.handles
        if not handles:
            return
        colorbar = handles["colorbar"]
        if plot is not None:
            # BokehJS's colour scale takes the ticker it is drawn with and no other: a scale changes its ticks.
            colorbar.ticker = self._ticker = FixedTicker(minor_ticks=[])
        for mapper in (handles["color_mapper"], colorbar.color_mapper):
            paint_scale(mapper, self.map_classes)
        several = self.map_classes > 2
        self._ticker.ticks = [k + 0.5 for k in range(self.map_classes)] if several else list(TF_TICKS)
        colorbar.major_label_overrides = {k + 0.5: str(k) for k in range(self.map_classes)} if several else {}
        self.words.rewrite()

    def _paint_points(self, plot=None, element=None) -> None:
        if self.points.handles:
            paint_scale(self.points.handles["color_color_mapper"], self.point_classes)

    def _write_words(self, plot, words: Words) -> None:
        """The colour scale's title and the map's name for screen readers, for the scale drawn."""
        several = self.map_classes > 2
        plot.handles["colorbar"].title = words.text("output.class_scale" if several else "output.colour_scale")
        name_plot(plot, words.text("output.class_map_name", classes=self.map_classes) if several
                  else words.text("output.map_name"))


@cache
def _scale(classes: int) -> tuple[list[str], float, float]:
    """The palette and range of TF's scale (``classes`` 2), or of a ramp per class over 0…classes."""
    return (diverging(), -1, 1) if classes == 2 else (class_ramps(classes), 0, classes)


def paint_scale(mapper, classes: int) -> None:
    """Put a colour mapper on ``classes``' scale, if it is not there (a change is sent to the browser)."""
    palette, low, high = _scale(classes)
    if (mapper.low, mapper.high, list(mapper.palette)) != (low, high, palette):
        mapper.update(palette=palette, low=low, high=high)


def _scale_of_its_own(plot, element) -> None:
    """Give the colour scale a copy of the map's colour mapper. BokehJS re-scans a mapper's data
    each time it colours an image and tells the scale, which then lays out and repaints the
    whole plot: at every frame, though the limits are fixed at ±1."""
    colorbar = plot.handles["colorbar"]
    mapper = colorbar.color_mapper
    colorbar.color_mapper = type(mapper)(**mapper.properties_with_values(include_defaults=False))


def _plot_size(size_px: int, scale_below: bool) -> dict:
    """The plot's options that give the map itself about ``size_px`` a side, with its colour scale."""
    if scale_below:
        beside, below = SCALE_BELOW_PX
        return dict(width=size_px + beside, height=size_px + below, colorbar_position="bottom")
    return dict(width=size_px + SCALE_BESIDE_PX, height=size_px)
