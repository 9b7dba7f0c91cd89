"""Tapping a link or a bias opens an editor that sets that one parameter."""

import holoviews as hv

from playground.app import PlaygroundApp
from playground.state import PlaygroundState


def rendered_app():
    app = PlaygroundApp(PlaygroundState(networkShape=[3]))
    hv.render(app.diagram.element)
    return app


def test_tapping_a_link_edits_that_weight_without_a_reset():
    app = rendered_app()
    app.session.trainer.step(4)
    links = app.diagram.links
    row = 4  # one row per weight: rows 0-5 are inputs → layer 1
    layer, source, target = (int(links.columns[name][row]) for name in ("layer", "source", "target"))

    links.source.selected.indices = [row]

    assert app.editor.visible
    assert "Weight from" in app.editor.title.object
    assert app.editor.value.value == round(app.session.trainer.network.weights[layer][source, target], 4)
    app.editor.value.value = 2.5
    app.editor.apply()
    assert app.session.trainer.network.weights[layer][source, target] == 2.5
    assert app.session.trainer.epoch == 4
    assert links.source.data["weight"][row] == 2.5  # redrawn


def test_tapping_a_bias_edits_that_bias_and_a_reset_closes_the_editor():
    app = rendered_app()
    app.diagram.biases.source.selected.indices = [3]  # layer 1 has 3 neurons; row 3 is the output
    assert app.editor.title.object == "<b>Bias of the output</b>"
    app.editor.value.value = -0.7
    app.editor.apply()
    assert app.session.trainer.network.biases[1][0] == -0.7

    app.session.reset()
    assert not app.editor.visible
