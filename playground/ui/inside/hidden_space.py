"""The "Hidden space" view: the data as a chosen hidden layer sees them, and the output's boundary there."""

import numpy as np
import panel as pn

from playground.engine.hidden_space import hidden_space, output_in_picture
from playground.session import Session
from playground.ui.inside import VIEW_WIDTH
from playground.ui.inside.past_frames import PastFrames
from playground.trainer import Trainer, class_map, decided
from playground.ui.readout import Readout
from playground.views.boundary import point_columns
from playground.views.hidden_space import HiddenSpaceChart
from playground.words import Words


class HiddenSpaceView(pn.viewable.Viewer):
    """A menu of the hidden layers (the last one first), a line saying what the picture is, the picture, and,
    while paused, a slider back through the epochs drawn."""

    def __init__(self, session: Session, words: Words):
        super().__init__()
        self.session, self.words = session, words
        self.chart = HiddenSpaceChart(size_px=VIEW_WIDTH, words=words)
        self.layer = pn.widgets.Select(label=words("inside.hidden_layer"), options={}, width=180,
                                       css_classes=["np-hidden-layer"])
        self.layer.param.watch(lambda event: self._chosen(), "value")
        self.caption = Readout("", width=VIEW_WIDTH, margin=(0, 10), css_classes=["np-caption"])
        self.plot = pn.pane.HoloViews(self.chart.element)
        self._offered = None  # (hidden layers, language) the menu offers
        self._basis = None  # the last frame's axes, so a projection turns smoothly
        self._drawn = None  # (trainer, layer) drawn last: another is fitted into the picture anew
        self.past = PastFrames()
        self.epoch_shown = pn.widgets.IntSlider(label=words("inside.epoch_shown"), start=0, end=1, value=0, width=VIEW_WIDTH - 10,
                                                margin=(5, 15), visible=False, css_classes=["np-epoch-shown"])
        self.epoch_shown.param.watch(lambda event: self._rewind(event.new), "value")
        self._following = False  # while the slider is set to the epoch trained: no rewind
        self._layout = pn.Column(self.layer, self.caption, self.plot, self.epoch_shown, css_classes=["np-hidden-space"])

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def show(self, trainer: Trainer) -> None:
        self.past.keep(trainer)
        self._draw(trainer)
        first, last = self.past.epochs
        self.epoch_shown.visible = not self.session.playing and last > first and bool(trainer.network.hidden)
        if self.epoch_shown.visible:
            self._following = True
            try:
                self.epoch_shown.param.update(start=first, end=last, value=last)
            finally:
                self._following = False

    def _rewind(self, epoch: int) -> None:
        """Draw the weights of a frame drawn before (the slider moved, while paused)."""
        if not self._following:
            with self.past.at(epoch):
                self._draw(self.session.trainer)

    def _draw(self, trainer: Trainer) -> None:
        network, words = trainer.network, self.words
        self._offer(len(network.hidden))
        self.layer.visible = self.plot.visible = bool(network.hidden)
        if not network.hidden:
            self.caption.object = words.text("inside.no_hidden_layer")
            return
        layer = self.layer.value
        inputs, columns = self._points(trainer)
        space = hidden_space(network, inputs, layer, self._basis)
        self._basis = space.basis
        neurons = network.hidden[layer]
        projected = neurons > 2
        self.caption.object = (words.text("inside.hidden_space_projected", layer=layer + 1, count=neurons) if projected
                               else words.text("inside.hidden_space_neurons", layer=layer + 1))
        axes = ((words.text("inside.principal_axis", index=index) for index in (1, 2)) if projected else
                (words.text("network.neuron", index=index, layer=layer + 1) if index <= neurons else ""
                 for index in (1, 2)))
        discrete = self.session.state.discretize
        self.chart.show(space.points, columns, lambda cells: _output(network, layer, space, cells, discrete),
                        tuple(axes), anew=self._drawn != (trainer, layer), classes=trainer.classes)
        self._drawn = (trainer, layer)

    def _offer(self, layers: int) -> None:
        """The menu's layers, named in the interface's language; the last one unless the student chose another."""
        offered = (layers, self.words.language)
        if offered == self._offered:
            return
        chosen = self.layer.value
        self._offered = None  # while the menu changes: no redraw of its own
        self.layer.param.update(
            options={self.words.text("inside.layer", layer=index + 1): index for index in range(layers)},
            value=chosen if chosen is not None and chosen < layers else max(layers - 1, 0))
        self._offered = offered

    def _chosen(self) -> None:
        """Another layer chosen: draw it now, even while paused."""
        if self._offered is not None:
            self.show(self.session.trainer)

    def _points(self, trainer: Trainer) -> tuple[np.ndarray, dict]:
        """The network inputs of the points drawn (the test points as the output map shows them) and their columns."""
        data, shown = trainer.dataset, slice(None) if self.session.state.test_points_shown() else slice(0)
        inputs = np.concatenate([trainer.train_inputs, trainer.test_inputs[shown]])
        return inputs, point_columns(data.train.xy, data.train.labels, data.test.xy[shown], data.test.labels[shown],
                                     trainer.classes)


def _output(network, layer: int, space, cells: np.ndarray, discrete: bool) -> np.ndarray:
    """The output at ``cells`` of the picture, as the output map shows it: TF's scale, or for several classes
    the winning class and how sure it is (``class_map``); the decisions alone when discretized."""
    output = output_in_picture(network, layer, space, cells)
    classes = 2 if output.ndim == 1 else output.shape[1]
    if classes > 2:
        output = class_map(output)
    return decided(output, classes) if discrete else output
