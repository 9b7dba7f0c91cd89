"""Figures that change at every frame of training: the epoch, the losses, the focused neuron."""
import panel as pn


class Readout(pn.pane.HTML):
    """An HTML pane that, when its object changes, sends only its new text.

    Panel recomputes every property of a pane (its theme's modifiers, its stylesheets) whenever
    its object changes; for the panes that change at every frame that was ~40 % of the page's
    redraw. Only the text of a readout ever changes, so only the text is sent.
    """

    def _update(self, ref, model) -> None:
        model.text = self._transform_object(self.object)["object"]
