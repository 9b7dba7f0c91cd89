"""Inside the network's Gradient flow and Hidden space: what they draw follows the trainer, and a closed
view costs nothing."""

import subprocess
import sys

import holoviews as hv
import numpy as np
import pytest

from playground.app import PlaygroundApp
from playground.engine.hidden_space import output_in_picture
from playground.lessons import default_catalog
from playground.state import PlaygroundState
from playground.views.boundary import point_columns
from playground.views.gradient_flow import LAYERS, log_ends
from playground.views.palette import class_ramps
from playground.yourdata import point_code
from tests.helpers import ROOT


def opened(key: str, **state):
    """An app with the view ``key`` open and drawn, as a page draws it."""
    app = PlaygroundApp(PlaygroundState(**state))
    app.inside.open(key)
    view = app.inside.built[key]
    hv.render(view.chart.element)
    return app, view


def trained(app, epochs: int) -> None:
    app.session.trainer.step(epochs)
    app.redraw()


def test_the_gradient_flow_draws_each_layers_gradient_and_update_as_the_metrics_have_them():
    app, view = opened("gradientFlow", networkShape=[4, 2])
    trained(app, 6)

    history = app.session.trainer.history
    drawn = view.chart.flow.source.data
    assert list(drawn["epoch"]) == [1, 2, 3, 4, 5, 6]  # epoch 0 has no step to measure
    for layer in range(3):  # into layer 1, into layer 2, into the output
        assert list(drawn[f"gradients{layer}"]) == [m.gradient_flow.gradients[layer] for m in history[1:]]
        assert list(drawn[f"updates{layer}"]) == [m.gradient_flow.updates[layer] for m in history[1:]]
    assert all(np.isnan(drawn[f"gradients{layer}"]).all() for layer in range(3, LAYERS))
    legend = [_label(item) for item in view.chart.legend.items]
    assert legend == ["layer 1", "layer 2", "output"]
    lines = [renderer for renderer in view.chart.figure.renderers if renderer.glyph.y.startswith(("gradients", "updates"))]
    assert sorted(renderer.glyph.y for renderer in lines) == sorted(f"{kind}{layer}" for kind in ("gradients", "updates")
                                                                     for layer in range(3))
    dashes = {tuple(renderer.glyph.line_dash) for renderer in view.chart.renderers[0]}
    assert len(dashes) == 2  # gradients and updates told apart


def test_the_log_axis_ends_at_the_powers_of_ten_around_every_norm_drawn():
    app, view = opened("gradientFlow", networkShape=[4, 4, 4, 4, 4, 4], activation="sigmoid", dataset="circle")
    trained(app, 3)

    norms = np.concatenate([values for name, values in view.chart.flow.source.data.items() if name != "epoch"])
    norms = norms[np.isfinite(norms)]
    bottom, top = view.chart.y_range.start, view.chart.y_range.end
    assert bottom <= norms.min() and norms.max() <= top
    assert bottom * 10 > norms.min() and top / 10 < norms.max()  # no empty decade at either end
    assert np.log10(top / bottom) >= 4  # vanishing: the first layers' lines lie decades below the output's
    assert log_ends(3e-7, 0.095) == (1e-7, 0.1) and log_ends(0.5, 0.5) == (0.1, 1.0)


def test_the_trainer_tracks_gradients_only_while_the_flow_is_open_and_again_after_a_reset():
    app = PlaygroundApp(PlaygroundState())
    assert not app.session.trainer.track_gradients
    app.inside.open("gradientFlow")
    app.session.reset()
    assert app.session.trainer.track_gradients  # the new trainer too
    trained(app, 2)
    assert app.session.trainer.history[-1].gradient_flow is not None
    app.inside.open("gradientFlow", False)
    assert not app.session.trainer.track_gradients
    app.session.trainer.step(1)
    assert app.session.trainer.history[-1].gradient_flow is None


def test_a_reset_starts_the_flow_over():
    app, view = opened("gradientFlow")
    trained(app, 5)
    app.session.reset()
    trained(app, 2)
    assert list(view.chart.flow.source.data["epoch"]) == [1, 2]
    assert view.chart.x_range.start == 1


def test_the_hidden_space_draws_the_points_at_their_two_neurons_outputs_over_the_output_there():
    app, view = opened("hiddenSpace", dataset="xor", networkShape=[4, 2])
    trained(app, 50)

    trainer = app.session.trainer
    assert view.layer.value == 1  # the last hidden layer first
    activations = trainer.network.forward(trainer.train_inputs)[1][2]
    points = view.chart.points.source.data
    assert np.allclose(points["x1"], activations[:, 0]) and np.allclose(points["x2"], activations[:, 1])
    assert list(points["color"]) == list(trainer.dataset.train.labels)
    assert view.chart.axis_labels == ("neuron 1 of layer 2", "neuron 2 of layer 2")
    # Every point inside the picture, and its colour behind it the output at its place.
    x, y = view.chart.x_range, view.chart.y_range
    assert (x.start <= activations[:, 0]).all() and (activations[:, 0] <= x.end).all()
    assert (y.start <= activations[:, 1]).all() and (activations[:, 1] <= y.end).all()
    picture = view.chart.picture.source.data
    image = np.array(picture["image"][0])
    cells = view.chart.window.grid()
    space = type("Space", (), {"centre": np.zeros(2), "basis": np.eye(2)})
    assert np.allclose(image.ravel(), output_in_picture(trainer.network, 1, space, cells))
    assert picture["x"][0] == pytest.approx(x.start) and picture["dw"][0] == pytest.approx(x.end - x.start)
    # Trained, the output tells the points apart where layer 2 puts them.
    outputs = trainer.network.output_from(1, activations)
    assert np.mean(np.sign(outputs) == trainer.dataset.train.labels) > 0.9


def test_three_classes_are_drawn_in_their_colours_as_the_output_map_draws_them():
    app, view = opened("hiddenSpace", dataset="blobs", classes=3, networkShape=[4, 2])
    trained(app, 30)

    train = app.session.trainer.dataset.train
    chart = view.chart
    expected = point_columns(train.xy, train.labels, train.xy[:0], train.labels[:0], classes=3)
    assert np.allclose(chart.points.source.data["color"], expected["color"])  # each class its colour
    for source, mapper in ((chart.picture, "color_mapper"), (chart.points, "color_color_mapper")):
        drawn = source.handles[mapper]
        assert (drawn.low, drawn.high, list(drawn.palette)) == (0, 3, class_ramps(3))  # the output map's scale
    winners = np.floor(np.array(chart.picture.source.data["image"][0])).astype(int)
    assert set(np.unique(winners)) == {0, 1, 2}  # each class wins somewhere in the picture


def test_the_hidden_space_draws_the_points_the_output_map_draws():
    xy = np.array([[1.0, 2.0], [-3.0, 0.5], [4.0, -4.0], [-2.0, -5.0], [2.0, 3.0], [-4.0, 1.0]])
    drawn = point_code.encode(xy, np.array([1.0, -1.0, 1.0, -1.0, 1.0, -1.0]))
    app, view = opened("hiddenSpace", dataset="yours", yourData=drawn, networkShape=[2])
    trained(app, 5)
    assert len(view.chart.points.source.data["x1"]) == len(xy)  # the student's own, test part included


def test_a_wider_layer_is_projected_on_axes_that_turn_smoothly():
    app, view = opened("hiddenSpace", dataset="xor", networkShape=[4, 2])
    view.layer.value = 0  # layer 1: four neurons
    assert "PCA" in view.caption.object and view.chart.axis_labels == ("principal axis 1", "principal axis 2")
    before = view._basis.copy()
    trained(app, 1)
    assert np.all(np.sum(before * view._basis, axis=0) > 0.9)  # neither axis flipped nor swapped
    trainer = app.session.trainer
    activations = trainer.network.forward(trainer.train_inputs)[1][1]
    projected = (activations - activations.mean(axis=0)) @ view._basis
    assert np.allclose(view.chart.points.source.data["x1"], projected[:, 0])


def test_the_hidden_space_follows_the_network_and_says_when_there_is_no_hidden_layer():
    app, view = opened("hiddenSpace", networkShape=[3])
    assert list(view.layer.options) == ["layer 1"] and "PCA" in view.caption.object
    app.session.state.networkShape = [3, 2, 2]
    assert list(view.layer.options) == ["layer 1", "layer 2", "layer 3"]
    app.session.state.networkShape = []
    assert not view.plot.visible
    assert view.caption.object == "The network has no hidden layer: add one to see how it moves the data."
    app.session.state.networkShape = [2]
    assert view.plot.visible and view.chart.axis_labels == ("neuron 1 of layer 1", "neuron 2 of layer 1")


def test_the_views_speak_chinese():
    app, view = opened("gradientFlow", networkShape=[2])
    app.session.state.lang = "zh-CN"
    assert [_label(item) for item in view.chart.legend.items] == ["第 1 层", "输出"]
    assert view.chart.words.plot.handles["yaxis"].axis_label == "大小（对数刻度）"
    assert "梯度流" in view.chart.words.plot.state.html_attributes["aria-label"]


def test_a_lesson_opens_the_views_it_uses():
    app = PlaygroundApp(PlaygroundState())
    app.lessons.open(default_catalog().get("vanishing-gradients"))
    assert app.inside.toggles["gradientFlow"].value and app.session.trainer.track_gradients
    app.lessons.open(default_catalog().get("hidden-space"))
    assert app.inside.toggles["hiddenSpace"].value


def test_closed_views_are_neither_built_nor_imported_nor_tracked():
    code = ("import sys; from playground.app import PlaygroundApp, PlaygroundState; app = PlaygroundApp(PlaygroundState());"
            "app.layout(); app.session.trainer.step(1); app.redraw();"
            "print(app.inside.built, app.session.trainer.history[-1].gradient_flow,"
            " [name for name in sys.modules if name.startswith('playground.ui.inside.')])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["{}", "None", "[]"]


def _label(item) -> str:
    """A legend item's text: a value (BokehJS reads a bare string as the name of a column: "Invalid field")."""
    return item.label.value


def test_a_diverged_network_leaves_both_views_standing():
    app = PlaygroundApp(PlaygroundState(networkShape=[4, 4]))
    for key in ("gradientFlow", "hiddenSpace"):
        app.inside.open(key)
        hv.render(app.inside.built[key].chart.element)
    trained(app, 2)
    app.session.trainer.network.parameter_vector[:] = np.nan  # as a learning rate far too high leaves it
    trained(app, 1)
    assert app.session.trainer.divergence
    space = app.inside.built["hiddenSpace"].chart
    assert np.isnan(space.points.source.data["x1"]).all() and space.x_range.end > space.x_range.start
    assert list(app.inside.built["gradientFlow"].chart.flow.source.data["epoch"]) == [1, 2, 3]


def test_a_frame_sends_the_views_only_what_changed():
    from bokeh.document import Document

    app = PlaygroundApp(PlaygroundState(dataset="xor", networkShape=[4, 2]))
    for key in ("gradientFlow", "hiddenSpace"):
        app.inside.open(key)
    flow, space = (app.inside.built[key].chart for key in ("gradientFlow", "hiddenSpace"))
    document = Document()
    for chart in (flow, space):
        document.add_root(hv.render(chart.element))
    trained(app, 20)
    sent = []
    document.on_change(lambda event: sent.append(event))

    trained(app, 1)

    streamed = [event for event in sent if type(event).__name__ == "ColumnsStreamedEvent"]
    assert len(streamed) == 1 and list(streamed[0].data["epoch"]) == [21]  # the flow: the new epoch only
    patched = {key for event in sent if type(event).__name__ == "ColumnDataChangedEvent" for key in event.cols}
    assert patched == {"image", "x1", "x2"}  # the picture and the points' places; their labels stay


def test_paused_the_hidden_space_goes_back_through_the_epochs_drawn():
    app, view = opened("hiddenSpace", dataset="xor", networkShape=[4, 2])
    start = np.array(view.chart.points.source.data["x1"])
    for _ in range(3):
        trained(app, 20)
    assert view.epoch_shown.visible and (view.epoch_shown.start, view.epoch_shown.end) == (0, 60)
    trained_weights = app.session.trainer.network.parameter_vector.copy()
    now = np.array(view.chart.points.source.data["x1"])

    view.epoch_shown.value = 0  # as the student drags it
    assert np.allclose(view.chart.points.source.data["x1"], start)
    assert np.array_equal(app.session.trainer.network.parameter_vector, trained_weights)  # only drawn
    view.epoch_shown.value = 60
    assert np.allclose(view.chart.points.source.data["x1"], now)

    app.session.playing = True
    trained(app, 1)
    assert not view.epoch_shown.visible  # while playing, the picture follows the training


def test_a_long_run_keeps_its_first_and_latest_frames_and_thins_the_rest():
    from playground.trainer import Trainer
    from playground.ui.inside.past_frames import KEPT, PastFrames

    trainer, past = Trainer(PlaygroundState()), PastFrames()
    for _ in range(3 * KEPT):
        past.keep(trainer)
        trainer.step(1)
    epochs = [epoch for epoch, _ in past.frames]
    assert len(epochs) <= KEPT and epochs[0] == 0 and epochs[-1] == 3 * KEPT - 1
    assert epochs[-KEPT // 2:] == list(range(3 * KEPT - KEPT // 2, 3 * KEPT))  # the latest, every one
