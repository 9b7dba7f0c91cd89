"""The "Gradient flow" view: each layer's weight gradients and updates over the epochs, drawn while training."""

import panel as pn

from playground.trainer import Trainer
from playground.ui.inside import VIEW_WIDTH
from playground.views.gradient_flow import GradientFlowChart
from playground.words import Words


class GradientFlowView(pn.viewable.Viewer):
    """The chart and a line on how to read it; the trainer's epochs carry their gradient flow while it is open
    (``InsideView.tracks_gradients``)."""

    def __init__(self, words: Words):
        super().__init__()
        self.chart = GradientFlowChart(width_px=VIEW_WIDTH, words=words)
        self._layout = pn.Column(
            pn.pane.HTML(words("inside.gradient_flow_caption"), width=VIEW_WIDTH, margin=(0, 10), css_classes=["np-caption"]),
            pn.pane.HoloViews(self.chart.element), css_classes=["np-gradient-flow"])

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def show(self, trainer: Trainer) -> None:
        self.chart.show(trainer.history, len(trainer.network.weights))
