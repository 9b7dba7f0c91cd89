"""Type a new value for one weight or bias, as TF Playground lets you.

Tapping a link or a bias square in the network diagram opens this editor on
that parameter; the value is set on the running network (no reset), so a
student can nudge one weight and watch the maps change.
"""

import panel as pn

from playground.engine.features import FEATURES
from playground.session import Session


class ParameterEditor:
    """A number field and a Set button for the tapped link or bias."""

    def __init__(self, session: Session, on_change):
        self.session = session
        self.on_change = on_change
        self.target: tuple | None = None  # ("weight", layer, source, target) or ("bias", layer, neuron)
        self.title = pn.pane.HTML(css_classes=["np-editor-title"])
        self.value = pn.widgets.FloatInput(label="New value", width=110, step=0.1)
        self.apply_button = pn.widgets.Button(label="Set", width=60, align="end")
        self.close_button = pn.widgets.Button(label="Close", width=70, align="end")
        self.apply_button.on_click(lambda event: self.apply())
        self.close_button.on_click(lambda event: setattr(self.panel, "visible", False))
        self.panel = pn.Row(self.title, self.value, self.apply_button, self.close_button, visible=False)

    def edit_weight(self, row: dict) -> None:
        layer, source, target = int(row["layer"]), int(row["source"]), int(row["target"])
        self.target = ("weight", layer, source, target)
        self._open(f"Weight from {self.neuron_name(layer, source)} to {self.neuron_name(layer + 1, target)}",
                   self.session.trainer.network.weights[layer][source, target])

    def edit_bias(self, row: dict) -> None:
        layer, neuron = int(row["layer"]), int(row["neuron"])
        self.target = ("bias", layer, neuron)
        self._open(f"Bias of {self.neuron_name(layer + 1, neuron)}", self.session.trainer.network.biases[layer][neuron])

    def apply(self) -> None:
        """Set the typed value on the network the editor was opened on."""
        if self.target is None or self.value.value is None:
            return
        network = self.session.trainer.network
        kind, layer, *index = self.target
        if kind == "weight":
            network.set_weight(layer, *index, self.value.value)
        else:
            network.set_bias(layer, *index, self.value.value)
        self.on_change()

    def _open(self, title: str, value: float) -> None:
        self.title.object = f"<b>{title}</b>"
        self.value.value = round(float(value), 4)
        self.panel.visible = True

    def neuron_name(self, column: int, index: int) -> str:
        """An input's feature label, or "neuron n of layer k" / "the output"."""
        trainer = self.session.trainer
        if column == 0:
            return FEATURES[trainer.features[index]].label
        if column == len(trainer.network.layer_sizes) - 1:
            return "the output"
        return f"neuron {index + 1} of layer {column}"
