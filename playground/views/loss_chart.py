"""Training and test loss over the epochs, as TF Playground's small chart."""

import math

import holoviews as hv
import numpy as np
from bokeh.models import Range1d

from ..ui.accessibility import name_plot
from ..words import Words
from .history_feed import HistoryFeed
from .layers import on_top_layer
from .live_source import LiveSource
from .plot_words import PlotWords

TEST_COLOUR = "#000000"
TRAIN_COLOUR = "#999999"
NICE_STEPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
"""Where an axis may end, times a power of ten: the lines fill at least 80 % of the chart."""


def nice_ceiling(value: float) -> float:
    """The smallest ``NICE_STEPS`` multiple of a power of ten at or above ``value`` (> 0)."""
    exponent = math.floor(math.log10(value))
    ends = (step * 10.0**exponent if exponent >= 0 else step / 10.0**-exponent for step in NICE_STEPS)
    return next(end for end in ends if end >= value * (1 - 1e-12))  # 0.6, not 6 × 0.1 = 0.6000000000000001


class LossChart:
    """Test loss (thick) and training loss (thin), two lines on one streamed source."""

    def __init__(self, width_px: int = 380, height_px: int = 110, words: Words | None = None):
        self.losses = LiveSource()
        self.words = PlotWords(words or Words(), _write_words)
        """Columns ``epoch``, ``test`` and ``train``: one row per epoch."""
        self.feed = HistoryFeed()
        self._highest = 0.0  # the highest finite loss drawn
        self.x_range, self.y_range = Range1d(start=0, end=1.0), Range1d(start=0, end=1.0)
        """The axes' extents, set here: they change only when the lines outgrow them."""
        self.element = hv.Curve({"epoch": [], "test": [], "train": []}, "epoch", ["test", "train"]).opts(
            color=TEST_COLOUR, line_width=2, width=width_px, height=height_px, toolbar=None, default_tools=[],
            hooks=[self.losses.hook, self._training_line_and_axes, on_top_layer, self.words.hook],
        )

    def show(self, history) -> None:
        """Draw every epoch of ``history`` (a diverged loss leaves a gap).

        Epochs already drawn are not sent again (``HistoryFeed``).
        """
        new, restarted = self.feed.new(history)
        if restarted:
            self._highest = 0.0
        if not new and not restarted:
            return
        rows = {"epoch": np.array([m.epoch for m in new], dtype=float)}
        for name in ("test", "train"):
            rows[name] = np.array([getattr(m, f"{name}_loss") for m in new], dtype=float)
            rows[name][~np.isfinite(rows[name])] = np.nan
            self._highest = max(self._highest, np.nanmax(rows[name], initial=0.0))
        if restarted:
            self.losses.update(**rows)
        else:
            self.losses.stream(**rows)
        self._fit_axes(history[-1].epoch if history else 0)

    def _fit_axes(self, last_epoch: int) -> None:
        """Grow (or, after a restart, shrink) each axis to the next nice end past its line.

        Fitting here rather than in the browser (Bokeh's ``DataRange1d``) keeps the axes
        still between steps, so a frame repaints the lines alone, and sends no range
        back from the browser at every frame.
        """
        for axis, extent in ((self.x_range, max(last_epoch, 1)), (self.y_range, self._highest or 1.0)):
            end = nice_ceiling(extent)
            if axis.end != end:
                axis.end = end

    def _training_line_and_axes(self, plot, element) -> None:
        """Add the training line on the same source, on the top layer too; the axes are ours."""
        figure = plot.state
        figure.line("epoch", "train", source=plot.handles["source"], color=TRAIN_COLOUR, line_width=1, level="overlay")
        figure.x_range, figure.y_range = self.x_range, self.y_range
        figure.xaxis.ticker.desired_num_ticks = 4  # Bokeh's six labels crowd or overlap on a chart this small
        figure.yaxis.ticker.desired_num_ticks = 3


def _write_words(plot, words: Words) -> None:
    plot.handles["xaxis"].axis_label = words.text("output.epoch_axis")
    plot.handles["yaxis"].axis_label = words.text("output.loss_axis")
    name_plot(plot, words.text("output.loss_chart_name"))
