"""Gradient flow: how large each layer's weight gradients and updates are over the epochs, log scale.

A line per layer of weights, coloured by layer: solid for the gradient, dashed for the
update. Vanishing gradients show as the first layers' lines lying decades below the
last's; exploding ones as lines climbing off the top.
"""

import math

import holoviews as hv
import numpy as np
from bokeh.core.properties import value
from bokeh.models import Legend, LegendItem, Range1d

from playground.assets import palette

from ..state import MAX_LAYERS
from ..ui.accessibility import name_plot
from ..words import Words
from .history_feed import HistoryFeed
from .layers import on_top_layer
from .live_source import LiveSource
from .loss_chart import nice_ceiling
from .plot_words import PlotWords

LAYERS = MAX_LAYERS + 1
"""Layers of weights a network has at most: into each hidden layer, then into the output."""
LAYER_COLOURS = tuple(palette()[f"layer-{name}"] for name in (*range(1, MAX_LAYERS + 1), "output"))
KINDS = ("gradients", "updates")
"""The norms drawn, as ``GradientFlow`` names them: solid lines, then dashed."""
DASHES = {"gradients": "solid", "updates": "dashed"}


def log_ends(low: float, high: float) -> tuple[float, float]:
    """The powers of ten around ``low`` … ``high`` (> 0): a decade at least."""
    bottom, top = 10.0 ** math.floor(math.log10(low)), 10.0 ** math.ceil(math.log10(high))
    return bottom, max(top, 10 * bottom)


def flow_rows(flows: list, layers: int = LAYERS) -> dict[str, np.ndarray]:
    """Columns ``epoch``, ``gradients0`` … and ``updates0`` … of the metrics ``flows`` (each with its
    gradient flow): a layer the network lacks, or a norm a log axis cannot draw (0, inf, NaN), is NaN."""
    rows = {"epoch": np.array([metrics.epoch for metrics in flows], dtype=float)}
    for kind in KINDS:
        values = np.full((len(flows), layers), np.nan)
        for row, metrics in enumerate(flows):
            norms = getattr(metrics.gradient_flow, kind)
            values[row, :len(norms)] = norms
        values[~(np.isfinite(values) & (values > 0))] = np.nan
        rows.update({f"{kind}{layer}": values[:, layer] for layer in range(layers)})
    return rows


class GradientFlowChart:
    """Every layer's two lines on one streamed source; the legend names the layers as the diagram does."""

    def __init__(self, width_px: int = 360, height_px: int = 220, words: Words | None = None):
        self.flow = LiveSource()
        """Columns ``epoch``, ``gradients0`` … ``gradients6``, ``updates0`` … ``updates6``: a row per epoch."""
        self.feed = HistoryFeed()
        self.words = PlotWords(words or Words(), self._write_words)
        self.layers = 0
        """Layers of weights of the network drawn (its hidden layers and the output)."""
        self.first_epoch: float | None = None
        """The first epoch with a gradient flow since the chart started over (the view may open late)."""
        self.low, self.high = math.inf, 0.0
        """The smallest and largest norm drawn since the chart started over."""
        self.x_range, self.y_range = Range1d(start=0, end=1.0), Range1d(start=1e-3, end=1.0)
        """The axes' extents, set here: they change only when the lines outgrow them."""
        self.renderers: list[list] = []
        """Per layer, its gradient's and its update's line (once drawn)."""
        self.figure = None
        """The Bokeh figure drawn (once drawn)."""
        self.items: list[LegendItem] = []
        """Per layer, its legend entry."""
        self.others: list = []
        """The figure's renderers other than the lines."""
        self.legend = Legend(items=[], location="top_left", label_text_font_size="10px", spacing=0,
                             padding=4, margin=0, border_line_alpha=0)
        columns = {name: [] for name in flow_rows([])}
        self.element = hv.Curve(columns, "epoch", list(columns)[1:]).opts(
            logy=True, color=LAYER_COLOURS[0], line_width=2, width=width_px, height=height_px, toolbar=None,
            default_tools=[], hooks=[self.flow.hook, self._lines_and_axes, on_top_layer, self.words.hook],
        )

    def show(self, history: list, layers: int) -> None:
        """Draw the epochs of ``history`` that carry a gradient flow, for a network of ``layers`` layers of weights."""
        new, restarted = self.feed.new(history)
        if restarted:
            self.first_epoch, self.low, self.high = None, math.inf, 0.0
        if layers != self.layers:
            self.layers = layers
            self._show_layers()
        flows = [metrics for metrics in new if metrics.gradient_flow is not None]
        if not flows and not restarted:
            return
        rows = flow_rows(flows)
        if restarted:
            self.flow.update(**rows)
        else:
            self.flow.stream(**rows)
        if flows:
            self._fit_axes(rows)

    def _fit_axes(self, rows: dict[str, np.ndarray]) -> None:
        """Grow each axis past its lines: the epochs from the first drawn to a nice end past the last,
        the norms to the powers of ten around them. Set here, the axes stay still between frames."""
        if self.first_epoch is None:
            self.first_epoch = float(rows["epoch"][0])
        norms = np.concatenate([values for name, values in rows.items() if name != "epoch"])
        norms = norms[np.isfinite(norms)]
        if norms.size:
            self.low, self.high = min(self.low, norms.min()), max(self.high, norms.max())
            bottom, top = log_ends(self.low, self.high)
            if (self.y_range.start, self.y_range.end) != (bottom, top):
                self.y_range.update(start=bottom, end=top)
        start, last = self.first_epoch, float(rows["epoch"][-1])
        end = start + nice_ceiling(max(last - start, 1))
        if (self.x_range.start, self.x_range.end) != (start, end):
            self.x_range.update(start=start, end=end)

    def _lines_and_axes(self, plot, element) -> None:
        """The other lines on the same source, on the top layer too; the legend and the axes are ours."""
        figure, source = plot.state, plot.handles["source"]
        first = plot.handles["glyph_renderer"]
        self.renderers = [[first if (kind, layer) == ("gradients", 0) else figure.line(
            "epoch", f"{kind}{layer}", source=source, color=LAYER_COLOURS[layer], line_width=2 if kind == "gradients" else 1.5,
            line_dash=DASHES[kind], level="overlay") for kind in KINDS] for layer in range(LAYERS)]
        self.items = [LegendItem(renderers=renderers) for renderers in self.renderers]
        lines = {id(renderer) for renderers in self.renderers for renderer in renderers}
        self.figure, self.others = figure, [renderer for renderer in figure.renderers if id(renderer) not in lines]
        figure.add_layout(self.legend, "right")
        figure.x_range, figure.y_range = self.x_range, self.y_range
        figure.xaxis.ticker.desired_num_ticks = 4
        self._show_layers()

    def _show_layers(self) -> None:
        """Only the network's layers have lines and a legend entry; the last is the output's. The other
        lines are off the figure, not hidden: BokehJS gives a hidden line every frame's data all the same."""
        if self.figure is None:
            return
        self.figure.renderers = self.others + [renderer for renderers in self.renderers[:self.layers]
                                               for renderer in renderers]
        self.legend.items = self.items[:self.layers]
        self._write_labels(self.words.words)

    def _write_labels(self, words: Words) -> None:
        for layer, item in enumerate(self.legend.items):
            output = layer == self.layers - 1
            # A value, not a bare string: BokehJS read a bare one as the name of a column.
            item.label = value(words.text("inside.output_layer") if output else words.text("inside.layer", layer=layer + 1))

    def _write_words(self, plot, words: Words) -> None:
        plot.handles["xaxis"].axis_label = words.text("output.epoch_axis")
        plot.handles["yaxis"].axis_label = words.text("inside.flow_axis")
        self._write_labels(words)
        name_plot(plot, words.text("inside.gradient_flow_name"))
