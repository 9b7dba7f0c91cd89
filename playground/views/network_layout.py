"""Where the network picture puts each neuron and link, in screen pixels.

Pure geometry, kept apart from the drawing so it can be tested alone. The unit
is one pixel with y pointing up, as the plot draws it; neuron 0 of every
column is at the top, as in TF Playground.
"""

from dataclasses import dataclass

import numpy as np

from ..trainer import THUMBNAIL_RESOLUTION

NODE_PX = 30
"""TF Playground's thumbnail side; smaller only when the neurons would not fit."""
ROW_PX = 55
"""Vertical distance between neurons (TF's 30 px square plus a 25 px gap)."""
LABEL_PX = 70
"""Room on the left for the input features' names."""
BIAS_PX = 5
"""Side of a bias square."""
PAD_PX = 8


@dataclass(frozen=True)
class Layout:
    """Centres of the neurons, column by column: inputs, hidden layers, output."""

    node: float
    """Side of a neuron's square, px."""
    x: np.ndarray
    """Centre x of each column."""
    y: list[np.ndarray]
    """Centre y of each neuron, per column."""


def network_layout(layer_sizes: list[int], width: float, height: float) -> Layout:
    """Spread the columns (inputs … output) evenly across ``width``; stack each from the top.

    Both spacings are whole numbers of map cells (``node / THUMBNAIL_RESOLUTION``), so every
    neuron's square sits on one lattice and all the maps can be drawn as one image.
    """
    row = min(ROW_PX, (height - 2 * PAD_PX) / max(layer_sizes))
    left, right = LABEL_PX, width - PAD_PX
    gap = (right - left) / len(layer_sizes)
    node = min(NODE_PX, row * NODE_PX / ROW_PX, gap / 2)  # links and biases need the other half
    cell = node / THUMBNAIL_RESOLUTION
    column_step = cell * np.floor((right - left - node) / (len(layer_sizes) - 1) / cell)
    row = cell * np.floor(row / cell)
    x = left + node / 2 + column_step * np.arange(len(layer_sizes))
    top = height - PAD_PX - node / 2
    y = [top - row * np.arange(size, dtype=float) for size in layer_sizes]
    return Layout(node, x, y)


def cell_offsets(layout: Layout) -> tuple[np.ndarray, np.ndarray]:
    """Each neuron's bottom-left map cell, counted from the lowest, leftmost square's corner.

    Column by column, neuron 0 first: the order of ``Network.layer_outputs``.
    """
    cell = layout.node / THUMBNAIL_RESOLUTION
    bottom = min(ys.min() for ys in layout.y)
    rows = np.concatenate([np.rint((ys - bottom) / cell) for ys in layout.y]).astype(int)
    columns = np.concatenate([np.full(len(ys), np.rint((x - layout.x[0]) / cell)) for x, ys in zip(layout.x, layout.y)])
    return rows, columns.astype(int)


def links(layout: Layout) -> dict[str, np.ndarray]:
    """One row per weight, in the order of ``weights[layer].ravel()``.

    A link runs from the right edge of its source to the left edge of its
    target; the links into one neuron fan out over 40 % of its height (TF's
    12 px of 30), so they stay apart where they meet.
    """
    columns = {name: [] for name in ("layer", "source", "target", "x0", "y0", "x1", "y1")}
    half = layout.node / 2
    for layer, (ys_in, ys_out) in enumerate(zip(layout.y[:-1], layout.y[1:])):
        source, target = np.meshgrid(np.arange(len(ys_in)), np.arange(len(ys_out)), indexing="ij")
        source, target = source.ravel(), target.ravel()
        fan = (source - (len(ys_in) - 1) / 2) / len(ys_in) * layout.node * 0.4
        columns["layer"].append(np.full(source.size, layer))
        columns["source"].append(source)
        columns["target"].append(target)
        columns["x0"].append(np.full(source.size, layout.x[layer] + half + 2))
        columns["y0"].append(ys_in[source])
        columns["x1"].append(np.full(source.size, layout.x[layer + 1] - half))
        columns["y1"].append(ys_out[target] - fan)
    return {name: np.concatenate(parts) for name, parts in columns.items()}


def biases(layout: Layout) -> dict[str, np.ndarray]:
    """One small square per hidden and output neuron, just left of its bottom corner."""
    layer = np.concatenate([np.full(len(ys), i) for i, ys in enumerate(layout.y[1:])])
    neuron = np.concatenate([np.arange(len(ys)) for ys in layout.y[1:]])
    x = layout.x[1:][layer] - layout.node / 2 - BIAS_PX
    y = np.concatenate(layout.y[1:]) - layout.node / 2 + BIAS_PX / 2
    return {"layer": layer, "neuron": neuron, "x": x, "y": y}
