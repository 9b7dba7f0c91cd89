"""Change the network as TF Playground's buttons do: inputs, layers, neurons.

Every click changes the state (``networkShape`` or a feature switch); the
session then builds the new network, as TF resets on any change of shape.
"""

import numpy as np
import panel as pn

from playground.engine.features import FEATURES
from playground.state import MAX_LAYERS, MAX_NEURONS, PlaygroundState
from playground.ui.accessibility import SymbolButton
from playground.ui.controls import shown
from playground.views.network_layout import network_layout
from playground.words import Words

#: A layer added by "+" starts with TF Playground's two neurons.
NEW_LAYER_NEURONS = 2
SHAPE_BUTTON_PX = 24


LABEL_PX = 72
"""Room for "8 neurons" (8个神经元) on one line, where the layers are far enough apart."""


def layer_control_px(button_px: int) -> int:
    """Width of one layer's "+ −": it must fit between two columns of a 6-layer diagram."""
    return 2 * button_px + 4


def add_layer(shape: list[int]) -> list[int]:
    return shape + [NEW_LAYER_NEURONS] if len(shape) < MAX_LAYERS else shape


def remove_layer(shape: list[int]) -> list[int]:
    return shape[:-1]


def resize_layer(shape: list[int], layer: int, change: int) -> list[int]:
    """``shape`` with layer ``layer`` grown or shrunk by ``change``, kept within 1–8."""
    sizes = list(shape)
    sizes[layer] = min(MAX_NEURONS, max(1, sizes[layer] + change))
    return sizes


class FeatureToggles(pn.viewable.Viewer):
    """One toggle button per offered input feature, in step with the state's switches.

    A lesson may hide inputs (their buttons go) and lock them. Bokeh cannot disable one
    button of a group, so the group is disabled when every input shown is locked, and a
    click on a locked one among unlocked ones is undone.
    """

    def __init__(self, state: PlaygroundState, words: Words | None = None):
        super().__init__()
        self.state = state
        words = words or Words()
        self.widget = pn.widgets.CheckButtonGroup(
            label=words("headings.features"), options=self._options(),
            value=state.features(), orientation="vertical", color="primary", variant="outline",
            description=words("controls.features_description"),
            disabled=pn.bind(lambda hidden, locked: set(state.offered_features()) <= set(locked),
                             state.param.hidden, state.param.locked),
        )
        self.widget.param.watch(self._from_widget, "value")
        state.param.watch(lambda *events: setattr(self.widget, "value", state.features()), list(FEATURES))
        state.param.watch(lambda event: self.widget.param.update(options=self._options(), value=state.features()),
                          "hidden")

    def __panel__(self) -> pn.viewable.Viewable:
        return self.widget

    def _options(self) -> dict[str, str]:
        return {FEATURES[key].label: key for key in self.state.offered_features()}

    def _from_widget(self, event) -> None:
        chosen = set(event.new)
        changes = {key: key in chosen for key in self.state.offered_features()
                   if key not in self.state.locked and getattr(self.state, key) != (key in chosen)}
        if changes:
            self.state.param.update(**changes)
        if set(self.widget.value) != set(self.state.features()):  # a locked input stays as it was
            self.widget.value = self.state.features()


class LayerButtons(pn.viewable.Viewer):
    """TF Playground's "+ / −" for hidden layers, and for each layer's neurons above its column.

    They are made again for each new shape, and in a new language (a few small
    buttons, made on a click, never during training).
    """

    def __init__(self, state: PlaygroundState, diagram_px: tuple[int, int], words: Words | None = None,
                 button_px: int = SHAPE_BUTTON_PX):
        super().__init__()
        self.state = state
        self.diagram_px = diagram_px
        """The diagram's width and height, which say where it draws each layer."""
        self.button_px = button_px
        self.words = words or Words()
        self._layout = pn.Column(margin=0)
        state.param.watch(lambda event: self._rebuild(), ["networkShape", "locked"])
        self.words.param.watch(lambda event: self._rebuild(), "language")
        self._rebuild()

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def _rebuild(self) -> None:
        shape, words = self.state.networkShape, self.words
        centres = self._hidden_column_centres(len(shape))
        width = self._control_width(centres)
        layers = pn.Row(
            self._button("+", words.text("network.add_layer"), lambda: add_layer(shape), len(shape) < MAX_LAYERS,
                         "numHiddenLayers"),
            self._button("−", words.text("network.remove_layer"), lambda: remove_layer(shape), bool(shape),
                         "numHiddenLayers"),
            pn.pane.HTML(f"<b>{words.counted('network.hidden_layers', len(shape))}</b>", margin=(6, 8)),
            visible=shown(self.state, "numHiddenLayers"), margin=0,
        )
        neurons = [
            pn.Column(
                pn.Row(
                    self._button("+", words.text("network.add_neuron", layer=i + 1),
                                 lambda i=i: resize_layer(shape, i, +1), size < MAX_NEURONS, f"numNodes{i + 1}"),
                    self._button("−", words.text("network.remove_neuron", layer=i + 1),
                                 lambda i=i: resize_layer(shape, i, -1), size > 1, f"numNodes{i + 1}"),
                    margin=0, align="center",
                ),
                pn.pane.HTML(words.counted("network.neurons", size), margin=0, width=width,
                             styles={"font-size": "11px", "text-align": "center"}),
                visible=shown(self.state, f"numNodes{i + 1}"), width=width, margin=0,
            )
            for i, size in enumerate(shape)
        ]
        self._layout.objects = [layers, pn.Row(*_spaced(neurons, centres, width), margin=0)]

    def _hidden_column_centres(self, hidden_layers: int) -> np.ndarray:
        """Where the diagram draws each hidden layer (its input and output columns aside)."""
        columns = network_layout([1] * (hidden_layers + 2), *self.diagram_px)
        return columns.x[1:-1]

    def _control_width(self, centres: np.ndarray) -> int:
        """A layer's controls are as wide as the room between two layers allows, up to LABEL_PX (the label on
        one line), and at least as wide as their two buttons."""
        room = np.diff(centres).min() - 2 if len(centres) > 1 else LABEL_PX
        return int(max(layer_control_px(self.button_px), min(room, LABEL_PX)))

    def _button(self, text: str, description: str, new_shape, enabled: bool, control: str) -> SymbolButton:
        """A "+" or "−" that sets ``new_shape()``; disabled at a limit or while a lesson locks ``control``."""
        enabled = enabled and control not in self.state.locked
        button = SymbolButton(description, label=text, width=self.button_px, height=26, disabled=not enabled,
                              description=description, margin=1, css_classes=["np-shape-button"])
        button.on_click(lambda event: setattr(self.state, "networkShape", new_shape()))
        return button


def _spaced(controls: list, centres: np.ndarray, control_px: int) -> list:
    """``controls`` (each ``control_px`` wide) with spacers between them, so each is centred on its x in ``centres``."""
    placed, edge = [], 0
    for control, centre in zip(controls, centres):
        gap = max(0, round(centre - control_px / 2 - edge))
        placed += [pn.Spacer(width=gap, margin=0), control]
        edge += gap + control_px
    return placed
