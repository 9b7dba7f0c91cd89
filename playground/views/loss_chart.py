"""Training and test loss over the epochs, as TF Playground's small chart."""

import holoviews as hv
import numpy as np
from bokeh.models import DataRange1d

from ..ui.accessibility import name_plot
from ..words import Words
from .live_source import LiveSource
from .plot_words import PlotWords

TEST_COLOUR = "#000000"
TRAIN_COLOUR = "#999999"


class LossChart:
    """Test loss (thick) and training loss (thin), two lines on one streamed source."""

    def __init__(self, width_px: int = 380, height_px: int = 110, words: Words | None = None):
        self.losses = LiveSource()
        self.words = PlotWords(words or Words(), _write_words)
        """Columns ``epoch``, ``test`` and ``train``: one row per epoch."""
        self._drawn = None  # the history list drawn: another list is a new or thinned history
        self._count = 0  # history entries drawn
        self.element = hv.Curve({"epoch": [], "test": [], "train": []}, "epoch", ["test", "train"]).opts(
            color=TEST_COLOUR, line_width=2, width=width_px, height=height_px, toolbar=None, default_tools=[],
            hooks=[self.losses.hook, _training_line_and_growing_axes, self.words.hook],
        )

    def show(self, history) -> None:
        """Draw every epoch of ``history`` (a diverged loss leaves a gap).

        Epochs already drawn are not sent again: a frame streams its new epochs only,
        so a long run costs each frame the same. A history that did not grow from
        the one drawn (a reset, or the trainer's thinning of a long one) is drawn afresh.
        """
        restarted = history is not self._drawn or len(history) < self._count
        if restarted:
            self._drawn, self._count = history, 0
        new = history[self._count:]
        self._count = len(history)
        if not new and not restarted:
            return
        rows = {"epoch": np.array([m.epoch for m in new], dtype=float)}
        for name in ("test", "train"):
            rows[name] = np.array([getattr(m, f"{name}_loss") for m in new], dtype=float)
            rows[name][~np.isfinite(rows[name])] = np.nan
        if restarted:
            self.losses.update(**rows)
        else:
            self.losses.stream(**rows)


def _training_line_and_growing_axes(plot, element) -> None:
    """Add the training line on the same source; let BokehJS fit both axes to the data.

    The axes follow the lines in the browser, so a frame sends no range changes.
    """
    figure = plot.state
    figure.line("epoch", "train", source=plot.handles["source"], color=TRAIN_COLOUR, line_width=1)
    figure.x_range = DataRange1d(start=0, range_padding=0, min_interval=1)
    figure.y_range = DataRange1d(start=0, range_padding=0.05, min_interval=1e-3)
    figure.xaxis.ticker.desired_num_ticks = 4  # Bokeh's six labels crowd or overlap on a chart this small
    figure.yaxis.ticker.desired_num_ticks = 3


def _write_words(plot, words: Words) -> None:
    plot.handles["xaxis"].axis_label = words.text("output.epoch_axis")
    plot.handles["yaxis"].axis_label = words.text("output.loss_axis")
    name_plot(plot, words.text("output.loss_chart_name"))
