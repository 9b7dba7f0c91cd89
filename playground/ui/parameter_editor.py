"""Type a new value for one weight or bias, as TF Playground lets you.

Tapping a link or a bias square in the network diagram opens this editor on
that parameter; the value is set on the running network (no reset), so a
student can nudge one weight and watch the maps change.
"""

import panel as pn
import param

from playground.engine.features import FEATURES
from playground.session import Session
from playground.words import Words


class ParameterEditor(pn.viewable.Viewer):
    """A number field and a Set button for the tapped link or bias."""

    visible = param.Boolean(default=False, doc="Open on a tapped link or bias.")

    def __init__(self, session: Session, on_change, words: Words | None = None):
        super().__init__()
        self.session = session
        self.on_change = on_change
        self.words = words or Words()
        self.target: tuple | None = None  # ("weight", layer, source, target) or ("bias", layer, neuron)
        self.title = pn.pane.HTML(css_classes=["np-editor-title"])
        self.value = pn.widgets.FloatInput(label=self.words("editor.new_value"), width=110, step=0.1)
        self.apply_button = pn.widgets.Button(label=self.words("editor.set"), width=60, align="end")
        self.close_button = pn.widgets.Button(label=self.words("editor.close"), width=70, align="end")
        self.apply_button.on_click(lambda event: self.apply())
        self.close_button.on_click(lambda event: self.close())
        self._row = pn.Row(self.title, self.value, self.apply_button, self.close_button, visible=self.param.visible)
        self.words.param.watch(lambda event: self._write_title(), "language")

    def __panel__(self) -> pn.viewable.Viewable:
        return self._row

    def edit_weight(self, row: dict) -> None:
        layer, source, target = int(row["layer"]), int(row["source"]), int(row["target"])
        self._open(("weight", layer, source, target), self.session.trainer.network.weights[layer][source, target])

    def edit_bias(self, row: dict) -> None:
        layer, neuron = int(row["layer"]), int(row["neuron"])
        self._open(("bias", layer, neuron), self.session.trainer.network.biases[layer][neuron])

    def close(self) -> None:
        """Hide the editor and forget its parameter (after a reset, it names a network that is gone)."""
        self.target = None
        self.visible = False

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

    def _open(self, target: tuple, value: float) -> None:
        self.target = target
        self._write_title()
        self.value.value = round(float(value), 4)
        self.visible = True

    def _write_title(self) -> None:
        """Name the parameter being edited, in the interface's language."""
        if self.target is None:
            return
        kind, layer, *index = self.target
        if kind == "weight":
            source, target = index
            title = self.words.text("editor.weight", source=self.neuron_name(layer, source),
                                    target=self.neuron_name(layer + 1, target))
        else:
            title = self.words.text("editor.bias", neuron=self.neuron_name(layer + 1, *index))
        self.title.object = f"<b>{title}</b>"

    def neuron_name(self, column: int, index: int) -> str:
        """An input's feature label, or "neuron n of layer k" / "the output"."""
        trainer = self.session.trainer
        if column == 0:
            return FEATURES[trainer.features[index]].label
        if column == len(trainer.network.layer_sizes) - 1:
            several = trainer.network.layer_sizes[-1] > 1  # a softmax's neuron per class
            return self.words.text("network.class_output", index=index) if several else self.words.text("network.the_output")
        return self.words.text("network.neuron", index=index + 1, layer=column)
