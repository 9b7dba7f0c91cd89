"""The output map: the network's prediction over the plane, with the data on it."""

import holoviews as hv
import numpy as np

from ..ui.accessibility import name_plot
from ..trainer import DOMAIN, GRID_RESOLUTION
from ..words import Words
from .live_source import LiveSource
from .palette import diverging
from .plot_words import PlotWords

BOUNDS = (-DOMAIN, -DOMAIN, DOMAIN, DOMAIN)
SCALE_BESIDE_PX = 80
"""Room the colour scale (and the x2 axis) take to the map's right."""
SCALE_BELOW_PX = (30, 80)
"""Room the x2 axis takes to the left and the colour scale (with the x1 axis) below, when it is below."""


def _points(outline: str, hook) -> hv.Points:
    """Data points filled by label on the output's scale: ±1 classes at its ends,
    regression targets anywhere between."""
    return hv.Points({"x1": [], "x2": [], "label": []}, kdims=["x1", "x2"], vdims=["label"]).opts(
        color="label", cmap=diverging(), clim=(-1, 1), size=7, line_color=outline, line_width=1, hooks=[hook],
    )


class DecisionBoundary:
    """A 100×100 heatmap of the output (−1 orange … +1 blue) under the points."""

    def __init__(self, size_px: int = 300, words: Words | None = None, scale_below: bool = False):
        """``size_px``: the map's side; ``scale_below``: the colour scale under the map, not beside
        it (a narrow column)."""
        self.heatmap = LiveSource()
        self.words = PlotWords(words or Words(), _write_words)
        self.train_points = LiveSource()
        self.test_points = LiveSource()
        blank = np.zeros((GRID_RESOLUTION, GRID_RESOLUTION))
        image = hv.Image(blank, bounds=BOUNDS, kdims=["x1", "x2"], vdims=[hv.Dimension("output", range=(-1, 1))])
        self.element = (
            image.opts(
                cmap=diverging(), clim=(-1, 1), colorbar=True, hooks=[self.heatmap.hook, self.words.hook],
                xlim=(-DOMAIN, DOMAIN), ylim=(-DOMAIN, DOMAIN), **_plot_size(size_px, scale_below),
                toolbar=None, default_tools=[], xlabel="", ylabel="",
            )
            * _points("white", self.train_points.hook)
            * _points("black", self.test_points.hook)  # TF outlines test points in black
        ).opts(toolbar=None)

    def show_points(self, xy: np.ndarray, labels: np.ndarray) -> None:
        self.train_points.update(x1=xy[:, 0], x2=xy[:, 1], color=labels)

    def show_test_points(self, xy: np.ndarray, labels: np.ndarray) -> None:
        """Test points, or none (empty arrays) when they are hidden."""
        self.test_points.update(x1=xy[:, 0], x2=xy[:, 1], color=labels)

    def show_output(self, output_grid: np.ndarray) -> None:
        """``output_grid``: (resolution, resolution), row 0 at x2 = −DOMAIN."""
        self.heatmap.update(image=[output_grid])


def _plot_size(size_px: int, scale_below: bool) -> dict:
    """The plot's options that give the map itself about ``size_px`` a side, with its colour scale."""
    if scale_below:
        beside, below = SCALE_BELOW_PX
        return dict(width=size_px + beside, height=size_px + below, colorbar_position="bottom")
    return dict(width=size_px + SCALE_BESIDE_PX, height=size_px)


def _write_words(plot, words: Words) -> None:
    """The colour scale's title and the map's name for screen readers (from the heatmap's hook)."""
    plot.handles["colorbar"].title = words.text("output.colour_scale")
    name_plot(plot, words.text("output.map_name"))
