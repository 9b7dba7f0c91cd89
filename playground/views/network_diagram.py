"""TF Playground's network picture: every neuron's map, the links and the biases.

One plot, built once. Each frame pushes new arrays into three Bokeh sources
(docs/measurements.md: a data update costs ~1 ms where a re-render costs tens): every
neuron's map is a tile of one mosaic image (one array per frame, not one per
neuron: in Pyodide each array sent costs its own buffer), all links share one
``segment`` glyph (one row per weight), all biases one ``scatter`` glyph.
Every row says what it draws, so a tap or a selection maps back to the
network: a link is ``network.weights[layer][source, target]``, a bias
``network.biases[layer][neuron]``, a neuron target ``neuron_maps[layer][:, neuron]``.
"""

from collections.abc import Callable, Sequence

import holoviews as hv
import numpy as np

from ..assets import palette
from ..ui.accessibility import name_plot
from ..engine.features import FEATURES, feature_matrix
from ..trainer import GRID, THUMBNAIL_ROWS
from ..words import Words
from .glyph_fields import coloured_by, draw_from_column
from .layers import on_top_layer
from .live_source import LiveSource
from .network_layout import (
    BIAS_PX, NODE_PX, PAD_PX, ROW_PX, THUMBNAIL_RESOLUTION, Layout, biases, cell_offsets, links, network_layout,
)
from .palette import diverging
from .plot_words import PlotWords

MAX_LINK_PX = 10
"""TF Playground's link width: 1 px at weight 0, growing to this at |w| = 5."""
TEXT_COLOUR = "#555555"
VALUE_COLOURS = (palette()["muted"], palette()["ink"])
"""The numbers written on the picture (``show_values``): the others, and the neuron a step is about
(the palette's muted and ink)."""
OFF_INPUT_VEIL = 0.7
"""Opacity of the white veil over an input that is switched off (TF fades those)."""
HEIGHT_PX = len(FEATURES) * ROW_PX + 2 * PAD_PX
"""Room for every input feature at TF Playground's spacing."""


class NetworkDiagram:
    """Inputs, hidden layers and output of a trainer's network, left to right."""

    def __init__(self, trainer, width_px: int = 560, height_px: int = HEIGHT_PX,
                 offered: Callable[[], Sequence[str]] = lambda: tuple(FEATURES), words: Words | None = None):
        self.width, self.height = width_px, height_px
        words = words or Words()
        self.words = [PlotWords(words, write) for write in (_name_weights, _name_biases, _name_picture)]
        """Hooks that keep the hover texts and the picture's name in the interface's language."""
        self.points = GRID[THUMBNAIL_ROWS]
        """Where ``show`` expects the neuron maps: ``trainer.neuron_maps(diagram.points)``,
        or ``trainer.picture().thumbnails``, the same rows of the output map's pass."""
        self.inputs_offered = offered
        """The inputs to draw, asked at every redraw: a lesson may hide some and show them again."""
        self.offered: list[str] = []
        """The inputs drawn in the first column, on or off, as TF draws them all: a tap switches one."""
        self.thumbnails, self.links, self.biases, self.labels, self.neurons, self.veils, self.values = (
            LiveSource() for _ in range(7))
        self.shape: tuple | None = None  # (features, layer sizes) drawn now
        self.layout = None
        colours = dict(cmap=diverging(), clim=(-1, 1), default_tools=[])  # no pan or zoom
        segments = hv.Segments(
            {name: [] for name in ("x0", "y0", "x1", "y1", "weight", "line_width", "layer", "source", "target")},
            ["x0", "y0", "x1", "y1"], ["weight", "line_width", "layer", "source", "target"],
        ).opts(
            color="weight", line_width="line_width", **colours,
            hooks=[coloured_by("weight", "line_color"), self.links.hook, self.words[0].hook, on_top_layer],
            tools=["hover", "tap"],
            nonselection_alpha=1.0, selection_alpha=1.0,  # a tap picks a link to edit, not to highlight
        )
        images = hv.Image(np.zeros((1, 1)), bounds=(0, 0, 1, 1)).opts(
            **colours, clipping_colors={"NaN": "transparent"}, hooks=[self.thumbnails.hook, on_top_layer])  # NaN between tiles
        bias_points = hv.Points(
            {"x": [], "y": [], "bias": [], "layer": [], "neuron": []}, ["x", "y"], ["bias", "layer", "neuron"]
        ).opts(
            color="bias", **colours, marker="square", size=BIAS_PX + 1, line_color=TEXT_COLOUR, line_width=0.5,
            hooks=[coloured_by("bias", "fill_color"), self.biases.hook, self.words[1].hook, on_top_layer],
            tools=["hover", "tap"],
            nonselection_alpha=1.0, selection_alpha=1.0,
        )
        veils = hv.Points({"x": [], "y": []}, ["x", "y"]).opts(
            marker="square", size=NODE_PX, color="white", alpha=OFF_INPUT_VEIL, line_alpha=0,
            hooks=[self.veils.hook, on_top_layer], default_tools=[],
        )
        # Invisible squares over the thumbnails: the image glyph reports taps per pixel, not per neuron.
        neuron_targets = hv.Points(
            {"x": [], "y": [], "layer": [], "neuron": [], "feature": []}, ["x", "y"], ["layer", "neuron", "feature"]
        ).opts(
            marker="square", size=NODE_PX, fill_alpha=0, line_alpha=0, hooks=[self.neurons.hook, on_top_layer], tools=["tap"],
            nonselection_alpha=0, selection_alpha=0, default_tools=[],
        )
        # The inputs' names never change while training: alone beneath the top layer, which a frame repaints.
        labels = hv.Labels({"x": [], "y": [], "text": []}, ["x", "y"], "text").opts(
            text_align="right", text_baseline="middle", text_font_size="12px", text_color=TEXT_COLOUR,
            hooks=[self.labels.hook], default_tools=[],
        )
        # Numbers written on the picture by a view that explains it; empty (nothing drawn) otherwise.
        values = hv.Labels({"x": [], "y": [], "text": [], "colour": []}, ["x", "y"], ["text", "colour"]).opts(
            text_font_size="10px", text_baseline="top", hooks=[self.values.hook, _value_style, on_top_layer],
            default_tools=[],
        )
        self.element = (segments * images * veils * bias_points * neuron_targets * labels * values).opts(
            xlim=(0, width_px), ylim=(0, height_px), width=width_px, height=height_px,
            xaxis=None, yaxis=None, show_grid=False, show_frame=False, toolbar=None, default_tools=[],
            border=0, hooks=[self.words[2].hook],
        )
        self.show(trainer, trainer.neuron_maps(self.points))

    def show(self, trainer, neuron_maps: list[np.ndarray]) -> None:
        """Draw the current weights, biases and maps; lay out again if the shape changed.

        ``neuron_maps``: ``trainer.neuron_maps(points)`` for any square grid of
        points over the domain, row-major from the bottom (``self.points``).
        """
        network = trainer.network
        offered = list(self.inputs_offered())
        relaid = self.shape != (tuple(offered), tuple(trainer.features), tuple(network.layer_sizes))
        if relaid:
            self._lay_out(trainer, offered)
        # Positions go to the browser only with a new layout; each frame sends just the values.
        weights = np.concatenate([w.ravel() for w in network.weights])
        self.links.update(
            **(self._link_rows if relaid else {}), weight=weights,
            line_width=1 + (MAX_LINK_PX - 1) * np.minimum(np.abs(weights) / 5, 1),
        )
        bias = np.concatenate(network.biases)
        self.biases.update(**(self._bias_rows if relaid else {}), bias=bias)
        mosaic = self._blank_mosaic.copy()
        mosaic.flat[self._neuron_cells] = _images(*neuron_maps[1:]).ravel()
        self.thumbnails.update(**(self._mosaic_place if relaid else {}), image=[mosaic])

    def show_values(self, neurons: dict[tuple[int, int], str], links: dict[tuple[int, int, int], str],
                    current: tuple[int, int] | None = None) -> None:
        """Write numbers on the picture as it is laid out now: ``neurons[(column, neuron)]`` under a neuron
        (column 0: the network's inputs, in its order), ``links[(layer, source, target)]`` on a link's first
        third; the ``current`` neuron's stronger. Empty dicts wipe them."""
        layout, rows = self.layout, self._link_rows
        inputs = [self.offered.index(key) for key in self.shape[1]]
        x, y, text, colour = [], [], [], []
        for (column, neuron), value in neurons.items():
            row = inputs[neuron] if column == 0 else neuron
            x.append(layout.x[column])
            y.append(layout.y[column][row] - layout.node / 2 - 1)
            text.append(value)
            colour.append(VALUE_COLOURS[(column, neuron) == current])
        sizes = self.shape[2]
        starts = np.cumsum([0, *(a * b for a, b in zip(sizes[:-1], sizes[1:]))])
        for (layer, source, target), value in links.items():
            index = starts[layer] + source * sizes[layer + 1] + target
            x.append(rows["x0"][index] + (rows["x1"][index] - rows["x0"][index]) / 3)
            y.append(rows["y0"][index] + (rows["y1"][index] - rows["y0"][index]) / 3 + 6)
            text.append(value)
            colour.append(VALUE_COLOURS[1])
        self.values.update(x=np.array(x, dtype=float), y=np.array(y, dtype=float), text=text, colour=colour)

    def _lay_out(self, trainer, offered: list[str]) -> None:
        """Compute every position for the offered inputs and the trainer's layer sizes."""
        if offered != self.offered:
            self.offered = offered
            self._input_images = _images(scaled_inputs(feature_matrix(self.points, offered)))
        sizes = [len(offered), *trainer.network.layer_sizes[1:]]
        layout = network_layout(sizes, self.width, self.height)
        corner = layout.node / 2
        self.shape = (tuple(offered), tuple(trainer.features), tuple(trainer.network.layer_sizes))
        self.layout = layout
        on = [self.offered.index(key) for key in trainer.features]
        fed = Layout(layout.node, layout.x, [layout.y[0][on], *layout.y[1:]])  # links leave the inputs that are on
        self._link_rows = links(fed)
        self._bias_rows = biases(layout)
        rows, columns = cell_offsets(layout)
        self._mosaic_place, self._blank_mosaic = _mosaic(layout, rows, columns)
        tile = np.add.outer(np.arange(THUMBNAIL_RESOLUTION) * self._blank_mosaic.shape[1],
                            np.arange(THUMBNAIL_RESOLUTION)).ravel()  # a tile's cells, as its image's
        cells = (rows * self._blank_mosaic.shape[1] + columns)[:, None] + tile
        self._blank_mosaic.flat[cells[:sizes[0]]] = self._input_images.ravel()  # the inputs never change
        self._neuron_cells = cells[sizes[0]:].ravel()
        self._targets = {
            "x": np.concatenate([np.full(len(ys), x) for x, ys in zip(layout.x, layout.y)]),
            "y": np.concatenate(layout.y),
            "layer": np.concatenate([np.full(size, i) for i, size in enumerate(sizes)]),
            "neuron": np.concatenate([np.arange(size) for size in sizes]),
        }
        self.neurons.update(**self._targets, feature=self.offered + [""] * (sum(sizes) - len(self.offered)))
        off = [i for i, key in enumerate(self.offered) if key not in trainer.features]
        self.veils.update(x=np.full(len(off), layout.x[0]), y=layout.y[0][off])
        self.labels.update(
            x=np.full(sizes[0], layout.x[0] - corner - 8), y=layout.y[0],
            text=[FEATURES[key].label for key in self.offered],
        )


def _value_style(plot, element) -> None:
    """The numbers in their row's colour, on a light backing so a link under them does not cross them out."""
    draw_from_column(plot, "text_color", "colour", through_scale=False)
    glyph = plot.handles["glyph"]
    glyph.background_fill_color, glyph.background_fill_alpha = palette()["surface"], 0.75


def _name_weights(plot, words: Words) -> None:
    plot.handles["hover"].tooltips = [(words.text("network.weight"), "@weight{0.000}")]


def _name_biases(plot, words: Words) -> None:
    plot.handles["hover"].tooltips = [(words.text("network.bias"), "@bias{0.000}")]


def _name_picture(plot, words: Words) -> None:
    name_plot(plot, words.text("network.picture_name"))


def scaled_inputs(inputs: np.ndarray) -> np.ndarray:
    """Input features divided by their largest |value|, to fit the colour scale −1…1."""
    scale = np.abs(inputs).max(axis=0, initial=0.0)
    return inputs / np.where(scale > 0, scale, 1.0)


def _mosaic(layout: Layout, rows: np.ndarray, columns: np.ndarray) -> tuple[dict, np.ndarray]:
    """Where the mosaic image goes (one glyph row) and an all-NaN mosaic with a tile per neuron."""
    cell = layout.node / THUMBNAIL_RESOLUTION
    shape = (rows.max() + THUMBNAIL_RESOLUTION, columns.max() + THUMBNAIL_RESOLUTION)
    place = {"x": [layout.x[0] - layout.node / 2], "y": [min(ys.min() for ys in layout.y) - layout.node / 2],
             "dw": [shape[1] * cell], "dh": [shape[0] * cell]}
    return place, np.full(shape, np.nan, dtype=np.float32)


def _images(*maps: np.ndarray) -> np.ndarray:
    """(neurons, r, r) float32 images from (points, neurons) maps over a square grid.

    Values are clipped to ±2 (the colour scale saturates at ±1) so that a diverged
    network's huge outputs fit float32.
    """
    values = np.concatenate(maps, axis=1).T
    values = np.clip(values, -2.0, 2.0).astype(np.float32, order="C")
    resolution = int(round(np.sqrt(values.shape[1])))
    return values.reshape(len(values), resolution, resolution)
