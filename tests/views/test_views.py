"""The views update the Bokeh sources they were drawn with, in place."""

import holoviews as hv
import numpy as np

from playground.app import PlaygroundApp
from playground.state import PlaygroundState
from playground.trainer import GRID


def rendered_app(**state):
    app = PlaygroundApp(PlaygroundState(**state))
    hv.render(app.boundary.element)  # attaches the Bokeh sources, as a page does
    hv.render(app.loss_chart.element)
    return app


def test_the_boundary_shows_the_trained_output_and_the_training_points():
    app = rendered_app(dataset="xor", xTimesY=True)
    source = app.boundary.heatmap.source
    before = np.array(source.data["image"][0])

    app.session.trainer.step(30)
    app.redraw()

    after = np.array(source.data["image"][0])
    assert after.shape == (100, 100) and not np.array_equal(before, after)
    # xor: positive where x1·x2 > 0. Row 0 is the bottom (x2 = −6), column 0 the left.
    assert after[5, 5] > 0.5 and after[94, 94] > 0.5 and after[5, 94] < -0.5 and after[94, 5] < -0.5
    points = app.boundary.points.source.data
    assert len(points["x1"]) == len(app.session.trainer.dataset.train)
    assert set(np.unique(points["color"])) == {-1.0, 1.0}
    assert set(points["line_color"]) == {"white"}  # training points, outlined as in TF


def test_the_loss_chart_grows_with_the_epochs_and_restarts_on_reset():
    app = rendered_app()
    app.session.trainer.step(12)
    app.redraw()
    losses = app.loss_chart.losses.source.data
    history = app.session.trainer.history
    assert list(losses["epoch"]) == list(range(13))
    np.testing.assert_array_equal(losses["test"], [m.test_loss for m in history])
    np.testing.assert_array_equal(losses["train"], [m.train_loss for m in history])
    figure = app.loss_chart.losses.handles["plot"]
    lines = {r.glyph.y for r in figure.renderers if r.data_source is app.loss_chart.losses.source}
    assert lines == {"test", "train"}
    highest = max(max(m.test_loss, m.train_loss) for m in history)
    # Both lines fit, and fill at least 80 % of each axis.
    assert 12 <= figure.x_range.end <= 12 / 0.8 and highest <= figure.y_range.end <= highest / 0.8
    assert figure.x_range.start == figure.y_range.start == 0

    app.session.reset()

    assert list(app.loss_chart.losses.source.data["epoch"]) == [0]
    assert figure.x_range.end == 1  # the axis shrank back with the new history


def test_divergence_shows_a_notice_that_suggests_a_lower_learning_rate():
    app = rendered_app(problem="regression", activation="relu", learningRate=10, networkShape=[8, 8, 8], noise=50)
    app.session.trainer.step(200)
    app.redraw()
    assert app.divergence_notice.visible and "learning rate" in app.divergence_notice.object

    app.session.reset()

    assert not app.divergence_notice.visible


def test_show_test_data_and_discretize_change_the_output_map():
    app = rendered_app()
    dataset = app.session.trainer.dataset
    assert len(app.boundary.points.source.data["x1"]) == len(dataset.train)

    app.session.state.showTestData = True
    points = app.boundary.points.source.data
    assert len(points["x1"]) == len(dataset.train) + len(dataset.test)
    np.testing.assert_array_equal(np.column_stack([points["x1"], points["x2"]])[len(dataset.train):], dataset.test.xy)
    assert list(points["line_color"]) == ["white"] * len(dataset.train) + ["black"] * len(dataset.test)  # TF's outlines

    app.session.trainer.step(20)
    app.session.state.discretize = True
    assert set(np.unique(app.boundary.heatmap.source.data["image"][0])) == {-1.0, 1.0}
    assert app.session.trainer.epoch == 20  # display switches do not reset


def test_the_output_map_neither_pans_nor_zooms():
    """As TF's: a drag over the map (a student tracing the boundary) must not move it."""
    app = rendered_app()
    figure = app.boundary.heatmap.handles["plot"]
    assert figure.toolbar.tools == []


def test_tapping_a_neuron_shows_its_map_in_the_output_and_tapping_again_goes_back():
    app = rendered_app(networkShape=[3])
    hv.render(app.diagram.element)
    app.session.trainer.step(10)
    app.redraw()
    output = np.array(app.boundary.heatmap.source.data["image"][0])
    hidden = app.session.trainer.neuron_maps(GRID)[1][:, 2].reshape(100, 100)
    rows = app.diagram.neurons.columns
    row = next(i for i in range(len(rows["layer"])) if rows["layer"][i] == 1 and rows["neuron"][i] == 2)

    app.diagram.neurons.source.selected.indices = [row]

    np.testing.assert_allclose(app.boundary.heatmap.source.data["image"][0], hidden)
    assert "neuron 3 of layer 1" in app.focus_note.object
    app.diagram.neurons.source.selected.indices = []  # as the app clears it after a tap (later, in a browser)
    app.diagram.neurons.source.selected.indices = [row]
    np.testing.assert_allclose(app.boundary.heatmap.source.data["image"][0], output)
    assert app.focus_note.object == ""


def test_tapping_an_input_switches_it_on_or_off_as_in_tf():
    app = rendered_app()
    hv.render(app.diagram.element)
    rows = app.diagram.neurons.columns
    x_squared = list(rows["feature"]).index("xSquared")

    app.diagram.neurons.source.selected.indices = [x_squared]
    assert app.session.state.xSquared and app.session.trainer.features == ["x", "y", "xSquared"]
    assert len(app.diagram.veils.source.data["y"]) == 6
    assert app.focus_note.object == ""  # an input is switched, not shown large

    app.diagram.neurons.source.selected.indices = []
    app.diagram.neurons.source.selected.indices = [x_squared]
    assert not app.session.state.xSquared and app.session.trainer.features == ["x", "y"]


def test_each_frame_streams_only_the_new_epochs_to_the_loss_chart():
    from bokeh.document import Document

    app = rendered_app()
    app.session.trainer.step(9)
    app.redraw()
    document = Document()
    document.add_root(app.loss_chart.losses.handles["plot"])
    sent = []
    document.on_change(lambda event: sent.append(event))

    app.session.trainer.step(1)
    app.redraw()

    # The epoch axis ends at 10 from epoch 9 on: no range change, no resend.
    assert [type(event).__name__ for event in sent] == ["ColumnsStreamedEvent"]
    assert list(sent[0].data["epoch"]) == [10]
    assert list(app.loss_chart.losses.source.data["epoch"]) == list(range(11))

    app.session.trainer.step(1)
    app.redraw()

    assert [(type(event).__name__, getattr(event, "attr", None), getattr(event, "new", None)) for event in sent[1:]] == [
        ("ColumnsStreamedEvent", "data", None), ("ModelChangedEvent", "end", 12.0)]  # past 10, the axis grows to 12


def test_hovering_a_neuron_shows_its_map_until_the_pointer_leaves():
    from bokeh.models import CustomJS, HoverTool

    app = rendered_app(networkShape=[3])
    figure = hv.render(app.diagram.element)
    reporters = [tool for tool in figure.select(type=HoverTool) if isinstance(tool.callback, CustomJS)]
    assert [tool.renderers for tool in reporters] == [[app.diagram.neurons.handles["glyph_renderer"]]]
    app.session.trainer.step(10)
    app.redraw()
    output = np.array(app.boundary.heatmap.source.data["image"][0])
    rows = app.diagram.neurons.columns
    row = next(i for i in range(len(rows["layer"])) if rows["layer"][i] == 1 and rows["neuron"][i] == 0)

    app.diagram.neurons.source.tags = [row]  # what the hover script reports
    hidden = app.session.trainer.neuron_maps(GRID)[1][:, 0].reshape(100, 100)
    np.testing.assert_allclose(app.boundary.heatmap.source.data["image"][0], hidden)
    assert "neuron 1 of layer 1" in app.focus_note.object and "move away" in app.focus_note.object

    app.diagram.neurons.source.tags = [-1]
    np.testing.assert_allclose(app.boundary.heatmap.source.data["image"][0], output)
    assert app.focus_note.object == ""


def test_a_frame_repaints_only_the_map_and_its_points_not_the_axes_and_scale():
    # Bokeh paints "overlay" glyphs on a canvas layer of their own, repainted alone when only
    # they change; the scale's own mapper keeps the map's colouring from re-laying out the plot.
    figure = rendered_app().boundary.heatmap.handles["plot"]
    image, points, ring = figure.renderers
    assert (type(image.glyph).__name__, image.level) == ("Image", "overlay")
    assert (type(points.glyph).__name__, points.level) == ("Scatter", "overlay")  # over the map
    assert (type(ring.glyph).__name__, ring.level) == ("Scatter", "overlay")  # a chosen point's, over them
    scale = next(item for item in figure.right + figure.below if type(item).__name__ == "ColorBar")
    mapper = image.glyph.color_mapper
    assert scale.color_mapper is not mapper  # the same colours on the same limits, but its own
    assert (scale.color_mapper.palette, scale.color_mapper.low, scale.color_mapper.high) == (mapper.palette, -1, 1)


def test_a_long_run_draws_the_history_the_trainer_keeps():
    from playground.trainer import HISTORY_LIMIT

    app = rendered_app(dataset="xor", networkShape=[1], percTrainData=10)
    while app.session.trainer.epoch < 2 * HISTORY_LIMIT:
        app.session.trainer.step(700)
        app.redraw()

    drawn = list(app.loss_chart.losses.source.data["epoch"])
    assert drawn == [m.epoch for m in app.session.trainer.history] and len(drawn) <= HISTORY_LIMIT
