"""Three or four classes on the page: the map's colour per class, the points', the scale's names, the matrix."""

import re

import holoviews as hv
import numpy as np

from playground.app import PlaygroundApp
from playground.links import decode
from playground.trainer import GRID
from playground.views.palette import CLASS_COLOURS, NEUTRAL, POSITIVE, diverging


def trained_app(link: str, epochs: int) -> PlaygroundApp:
    state, problems = decode(link)
    app = PlaygroundApp(state, problems)
    hv.render(app.boundary.element)  # attaches the Bokeh models, as a page does
    app.session.trainer.step(epochs)
    app.redraw()
    return app


def painted(mapper, values: np.ndarray) -> list[str]:
    """The colours a Bokeh LinearColorMapper gives ``values`` (BokehJS's rule: equal bins over low…high)."""
    palette = list(mapper.palette)
    bins = np.floor((values - mapper.low) / (mapper.high - mapper.low) * len(palette)).astype(int)
    return [palette[b] for b in np.clip(bins, 0, len(palette) - 1)]


def distance(a: str, b: str) -> float:
    return float(np.abs(np.array([int(a[i:i + 2], 16) - int(b[i:i + 2], 16) for i in (1, 3, 5)])).max())


def test_a_three_class_link_draws_each_class_in_its_colour_lighter_where_unsure():
    app = trained_app("dataset=blobs&classes=3&networkShape=8,8&seed=0.5", 150)
    assert not app.link_notice.visible  # the page no longer refuses the link
    assert app.session.trainer.network.layer_sizes[-1] == 3
    mapper = app.boundary.heatmap.handles["color_mapper"]
    image = np.array(app.boundary.heatmap.source.data["image"][0]).ravel()
    probabilities = app.session.trainer.neuron_maps(GRID)[-1]
    winner, sure = probabilities.argmax(axis=1), probabilities.max(axis=1)
    colours = painted(mapper, image)
    for k in range(3):  # where the network is sure of class k, the map is class k's own colour
        surest = np.flatnonzero(winner == k)[np.argmax(sure[winner == k])]
        assert sure[surest] > 0.99 and distance(colours[surest], CLASS_COLOURS[k]) <= 4
    assert len({colours[i] for i in np.flatnonzero(sure > 0.99)}) >= 3
    unsure = np.argmin(sure)  # between the blobs: a pale colour, near the neutral grey
    assert distance(colours[unsure], NEUTRAL) < distance(colours[unsure], CLASS_COLOURS[winner[unsure]])
    colorbar = app.boundary.heatmap.handles["colorbar"]
    assert list(painted(colorbar.color_mapper, np.array([0.99, 1.99, 2.99]))) == painted(mapper, np.array([0.99, 1.99, 2.99]))
    assert list(colorbar.major_label_overrides.values()) == ["0", "1", "2"] and colorbar.title == "class"


def test_the_points_take_their_class_colour():
    app = trained_app("dataset=spiral&classes=4&networkShape=8,8", 0)
    points = app.boundary.points
    labels = app.session.trainer.dataset.train.labels
    colours = painted(points.handles["color_color_mapper"], np.asarray(points.source.data["color"]))
    assert {(int(label), colour) for label, colour in zip(labels, colours)} == {
        (k, painted(points.handles["color_color_mapper"], np.array([k + 0.999]))[0]) for k in range(4)}
    assert all(distance(painted(points.handles["color_color_mapper"], np.array([k + 0.999]))[0], CLASS_COLOURS[k]) <= 4
               for k in range(4))


def test_the_confusion_matrix_shown_is_the_engines_and_follows_training():
    app = trained_app("dataset=blobs&classes=3&networkShape=4&seed=0.2&noise=20", 0)

    def shown() -> np.ndarray:
        rows = re.findall(r"<tr><th scope='row'>.*?</tr>", app.confusion.pane.object)
        return np.array([[int(n) for n in re.findall(r"<td[^>]*>(?:<b>)?(\d+)", row)] for row in rows])

    assert app.confusion.pane.visible
    before = shown()
    np.testing.assert_array_equal(before, app.session.trainer.confusion())
    app.session.trainer.step(60)
    app.redraw()
    np.testing.assert_array_equal(shown(), app.session.trainer.confusion())
    assert np.trace(shown()) > np.trace(before)  # more points on the diagonal: the network learned


def test_two_classes_keep_tf_scale_and_no_matrix_and_a_neuron_of_several_is_drawn_on_it():
    app = trained_app("dataset=blobs&classes=3&networkShape=4", 20)
    mapper = app.boundary.heatmap.handles["color_mapper"]
    app.hovered = (2, 1)  # the output neuron of class 1: its probability, on TF's scale
    app.redraw()
    assert (mapper.low, mapper.high, list(mapper.palette)) == (-1, 1, diverging())
    assert app.focus_note.object.startswith("Showing the output for class 1")
    app.hovered = None
    colorbar = app.boundary.heatmap.handles["colorbar"]
    ticker = colorbar.ticker
    app.session.state.classes = 4  # the menu's choice: a new network of four classes
    # BokehJS draws the scale with the ticker it was first drawn with: the same one, its ticks changed
    assert colorbar.ticker is ticker and ticker.ticks == [0.5, 1.5, 2.5, 3.5]
    app.session.state.classes = 2  # two classes again
    assert app.session.trainer.network.layer_sizes[-1] == 1
    assert (mapper.low, mapper.high) == (-1, 1) and not app.confusion.pane.visible
    assert colorbar.title == "output" and colorbar.ticker is ticker and ticker.ticks == [-1, -0.5, 0, 0.5, 1]
    assert painted(app.boundary.points.handles["color_color_mapper"], np.array([1.0]))[0] == POSITIVE


def test_discretize_paints_each_class_at_full_strength():
    app = trained_app("dataset=blobs&classes=4&networkShape=8&discretize=true", 40)
    image = np.array(app.boundary.heatmap.source.data["image"][0]).ravel()
    colours = set(painted(app.boundary.heatmap.handles["color_mapper"], image))
    assert colours <= {painted(app.boundary.heatmap.handles["color_mapper"], np.array([k + 0.999]))[0] for k in range(4)}
