"""The network picture: its geometry, and the arrays each frame pushes into it."""

import itertools

import holoviews as hv
import numpy as np
import pytest
from bokeh.models import HoverTool

from playground.engine.features import FEATURES
from playground.state import PlaygroundState
from playground.trainer import DOMAIN, GRID_RESOLUTION, Trainer, grid_points
from playground.views.network_diagram import HEIGHT_PX, THUMBNAIL_RESOLUTION, NetworkDiagram
from playground.views.network_layout import BIAS_PX, biases, links, network_layout
from playground.views.palette import NEGATIVE, POSITIVE

ALL_INPUTS = dict.fromkeys(FEATURES, True)
WIDTH, HEIGHT = 560, HEIGHT_PX


def shapes():
    """0–6 hidden layers of 1–8 neurons (uniform, and mixed) under 0–9 inputs."""
    for inputs, layers, neurons in itertools.product(range(10), range(7), range(1, 9)):
        yield [inputs, *[neurons] * layers, 1]
        yield [inputs, *[1 + (neurons + 3 * i) % 8 for i in range(layers)], 1]


def squares(layout):
    """(left, bottom, right, top) of every neuron and every bias square."""
    half = layout.node / 2
    nodes = [(x - half, y - half, x + half, y + half) for x, ys in zip(layout.x, layout.y) for y in ys]
    b = biases(layout)
    bias = [(x - BIAS_PX / 2, y - BIAS_PX / 2, x + BIAS_PX / 2, y + BIAS_PX / 2) for x, y in zip(b["x"], b["y"])]
    return nodes + bias


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width, height", [(WIDTH, HEIGHT), (380, 260)])
def test_the_layout_has_one_column_per_layer_and_nothing_overlaps(width, height):
    for sizes in shapes():
        layout = network_layout(sizes, width, height)
        assert [len(ys) for ys in layout.y] == sizes
        assert np.all(np.diff(layout.x) > 0)
        boxes = squares(layout)
        assert all(0 <= left and 0 <= bottom and right <= width and top <= height
                   for left, bottom, right, top in boxes), sizes
        assert not any(overlap(p, q) for p, q in itertools.combinations(boxes, 2)), sizes
        assert layout.node >= (20 if height == HEIGHT else 10), sizes  # thumbnails stay readable


def test_neuron_zero_is_at_the_top_and_inputs_leave_room_for_their_names():
    layout = network_layout([9, 8, 8, 1], WIDTH, HEIGHT)
    assert layout.node == 30
    assert all(ys[0] == max(ys) for ys in layout.y)
    assert layout.x[0] - layout.node / 2 >= 60


def test_a_link_runs_from_its_source_to_its_target_in_the_order_of_the_weights():
    sizes = [3, 4, 2, 1]
    layout = network_layout(sizes, WIDTH, HEIGHT)
    rows = links(layout)
    assert len(rows["x0"]) == 3 * 4 + 4 * 2 + 2 * 1
    # weights[1].ravel() row 5 is source 2, target 1 of layer 1
    i = 3 * 4 + 5
    assert (rows["layer"][i], rows["source"][i], rows["target"][i]) == (1, 2, 1)
    assert rows["y0"][i] == layout.y[1][2]
    assert abs(rows["y1"][i] - layout.y[2][1]) < layout.node / 2
    assert layout.x[1] < rows["x0"][i] < rows["x1"][i] < layout.x[2]
    into = (rows["layer"] == 1) & (rows["target"] == 1)  # fanned out, source 0 on top
    assert np.all(np.diff(rows["y1"][into]) < 0)


@pytest.fixture
def drawn():
    """A diagram of a 6×8 network with all inputs, rendered as a page would."""
    trainer = Trainer(PlaygroundState(dataset="spiral", networkShape=[8] * 6, **ALL_INPUTS))
    diagram = NetworkDiagram(trainer)
    figure = hv.render(diagram.element)  # runs the hooks that capture the Bokeh sources
    return trainer, diagram, figure


def column(live, spec):
    """The values a glyph property reads from its source."""
    return np.asarray(live.source.data[spec.field])


def colours(glyph_colour, values):
    """The colours BokehJS paints ``values`` with through a LinearColorMapper."""
    mapper, palette = glyph_colour.transform, np.array(glyph_colour.transform.palette)
    index = np.floor((values - mapper.low) / (mapper.high - mapper.low) * len(palette)).astype(int)
    return palette[np.clip(index, 0, len(palette) - 1)]


def test_one_link_per_weight_wider_as_the_weight_grows_coloured_by_its_sign(drawn):
    trainer, diagram, _ = drawn
    trainer.step(5)
    trainer.network.weights[1][0, :4] = [2.0, -2.0, 0.2, -0.2]
    diagram.show(trainer, trainer.neuron_maps(diagram.points))

    weights = np.concatenate([w.ravel() for w in trainer.network.weights])
    data = diagram.links.source.data
    assert len(data["weight"]) == weights.size == 9 * 8 + 5 * 8 * 8 + 8
    np.testing.assert_array_equal(data["weight"], weights)

    glyph = diagram.links.handles["glyph"]
    widths = column(diagram.links, glyph.line_width)
    by_size = np.argsort(np.abs(weights))
    assert np.all(np.diff(widths[by_size]) >= 0) and widths[by_size[-1]] > widths[by_size[0]]
    assert 1 <= widths.min() and widths.max() <= 10

    painted = colours(glyph.line_color, column(diagram.links, glyph.line_color))
    palette = list(glyph.line_color.transform.palette)
    assert list(painted[9 * 8 : 9 * 8 + 2]) == [POSITIVE, NEGATIVE]  # |w| ≥ 1: TF's full colours
    middle = len(palette) // 2
    assert all(palette.index(c) >= middle for c in painted[weights > 0.01])
    assert all(palette.index(c) < middle for c in painted[weights < -0.01])


def test_links_and_biases_show_their_value_on_hover(drawn):
    _, diagram, figure = drawn
    hovers = {
        renderer: tool.tooltips
        for tool in figure.select(type=HoverTool)
        for renderer in tool.renderers
    }
    assert "Weight" in str(hovers[diagram.links.handles["glyph_renderer"]])
    assert "@weight" in str(hovers[diagram.links.handles["glyph_renderer"]]).replace("{weight}", "weight")
    assert "Bias" in str(hovers[diagram.biases.handles["glyph_renderer"]])
    assert diagram.thumbnails.handles["glyph_renderer"] not in hovers


def test_biases_follow_the_network(drawn):
    trainer, diagram, _ = drawn
    trainer.step(3)
    diagram.show(trainer, trainer.neuron_maps(diagram.points))
    data = diagram.biases.source.data
    assert len(data["bias"]) == 6 * 8 + 1
    for layer, neuron, bias in zip(data["layer"], data["neuron"], data["bias"]):
        assert trainer.network.biases[layer][neuron] == bias


def tiles(diagram):
    """Each neuron's map as drawn: the 20×20 part of the mosaic under its square, in layer order."""
    data = diagram.thumbnails.source.data
    (mosaic,), (left,), (bottom,) = data["image"], data["x"], data["y"]
    cell = diagram.layout.node / 20
    assert data["dw"][0] == mosaic.shape[1] * cell and data["dh"][0] == mosaic.shape[0] * cell
    corners = [(x - diagram.layout.node / 2, y - diagram.layout.node / 2)
               for x, ys in zip(diagram.layout.x, diagram.layout.y) for y in ys]
    starts = [(round((y - bottom) / cell), round((x - left) / cell)) for x, y in corners]
    for (row, column), (x, y) in zip(starts, corners):  # squares sit exactly on the mosaic's cells
        assert abs(left + column * cell - x) < 1e-9 and abs(bottom + row * cell - y) < 1e-9
    return [np.array(mosaic[row:row + 20, column:column + 20]) for row, column in starts]


def test_every_neuron_map_is_a_tile_of_one_image_under_its_square_and_changes_with_training(drawn):
    trainer, diagram, figure = drawn
    before = tiles(diagram)
    assert len(before) == 9 + 6 * 8 + 1
    assert sum(type(r.glyph).__name__ == "Image" for r in figure.renderers) == 1
    mosaic = diagram.thumbnails.source.data["image"][0]
    assert np.count_nonzero(~np.isnan(mosaic)) == len(before) * 20 * 20  # transparent between tiles

    trainer.step(20)
    maps = trainer.neuron_maps(diagram.points)
    diagram.show(trainer, maps)

    after = tiles(diagram)
    assert all(np.array_equal(b, a) for b, a in zip(before[:9], after[:9]))  # inputs stay
    assert not any(np.array_equal(b, a) for b, a in zip(before[9:], after[9:]))
    np.testing.assert_allclose(after[9 + 8 * 2 + 3], np.clip(maps[3][:, 3], -2, 2).reshape(20, 20), rtol=1e-6)
    np.testing.assert_allclose(after[-1], maps[-1][:, 0].reshape(20, 20), rtol=1e-6)
    assert all(np.abs(image).max() <= 1 + 1e-6 for image in after[:9])  # x1² (up to 36) fits the scale
    x1 = after[0]  # row 0 is the bottom, column 0 the left: x1 grows to the right
    assert x1[0, 0] == -1 and x1[0, -1] == 1 and np.all(x1[:, 0] == x1[0, 0])
    x2 = after[1]
    assert x2[0, 0] == -1 and x2[-1, 0] == 1 and np.all(x2[0, :] == x2[0, 0])


def test_a_new_shape_is_laid_out_again_in_the_same_plot(drawn):
    _, diagram, figure = drawn
    small = Trainer(PlaygroundState(dataset="xor", networkShape=[3]))
    diagram.show(small, small.neuron_maps(diagram.points))

    assert len(diagram.links.source.data["weight"]) == 2 * 3 + 3
    assert len(tiles(diagram)) == 9 + 3 + 1  # every input, on or off, as TF
    assert len(diagram.biases.source.data["bias"]) == 3 + 1
    labels = diagram.labels.source.data
    assert list(labels["text"]) == [feature.label for feature in FEATURES.values()]
    inputs = np.array(diagram.neurons.source.data["layer"]) == 0
    np.testing.assert_array_equal(labels["y"], np.array(diagram.neurons.source.data["y"])[inputs])  # names beside maps
    assert np.all(np.array(labels["x"]) < diagram.thumbnails.source.data["x"][0])
    assert diagram.links.source in {r.data_source for r in figure.renderers}


def test_inputs_that_are_off_are_veiled_have_no_links_and_name_their_feature_for_a_tap(drawn):
    _, diagram, _ = drawn
    trainer = Trainer(PlaygroundState(x=False, y=True, sinX=True))
    diagram.show(trainer, trainer.neuron_maps(diagram.points))

    column = diagram.layout.y[0]
    order = list(FEATURES)
    on_rows = column[[order.index("y"), order.index("sinX")]]
    assert set(diagram.links.source.data["y0"][diagram.links.source.data["layer"] == 0]) == set(on_rows)
    veiled = set(diagram.veils.source.data["y"])
    assert veiled == set(column) - set(on_rows) and len(veiled) == 7
    targets = diagram.neurons.columns
    inputs = [i for i, layer in enumerate(targets["layer"]) if layer == 0]
    assert [targets["feature"][i] for i in inputs] == order
    assert all(targets["feature"][i] == "" for i, layer in enumerate(targets["layer"]) if layer > 0)


def test_a_link_that_hides_inputs_leaves_them_out_of_the_picture():
    trainer = Trainer(PlaygroundState(hidden=["cosX", "cosY"]))
    diagram = NetworkDiagram(trainer, offered=PlaygroundState(hidden=["cosX", "cosY"]).offered_features)
    assert len(diagram.layout.y[0]) == 7
    assert "cos(X₁)" not in list(diagram.labels.columns["text"])


def test_a_frame_sends_only_the_values_and_a_new_shape_sends_the_positions_too(drawn):
    from bokeh.document import Document

    trainer, diagram, figure = drawn
    document = Document()
    document.add_root(figure)
    sent = []
    document.on_change(lambda event: sent.append((event.model, set(getattr(event, "cols", None) or ["*"]))))

    trainer.step(1)
    diagram.show(trainer, trainer.neuron_maps(diagram.points))
    assert dict(sent) == {diagram.links.source: {"weight", "line_width"},
                          diagram.biases.source: {"bias"}, diagram.thumbnails.source: {"image"}}

    sent.clear()
    small = Trainer(PlaygroundState(networkShape=[3]))
    diagram.show(small, small.neuron_maps(diagram.points))
    assert {"x0", "y0", "x1", "y1"} <= dict(sent)[diagram.links.source]


def test_inputs_hidden_after_the_picture_is_drawn_leave_it_at_the_next_redraw():
    state = PlaygroundState()
    trainer = Trainer(state)
    diagram = NetworkDiagram(trainer, offered=state.offered_features)
    state.hidden = ["xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY"]
    diagram.show(trainer, trainer.neuron_maps(diagram.points))
    assert list(diagram.labels.columns["text"]) == ["X₁", "X₂"] and len(diagram.layout.y[0]) == 2


def test_thumbnails_read_from_the_output_pass_are_the_maps_at_points_near_their_lattice():
    trainer = Trainer(PlaygroundState(networkShape=[3, 2], xSquared=True))
    trainer.step(5)
    diagram = NetworkDiagram(trainer)

    read = trainer.picture().thumbnails
    for sampled, direct in zip(read, trainer.neuron_maps(diagram.points)):
        np.testing.assert_allclose(sampled, direct, atol=1e-5)  # float32; tanh's two forms
    lattice = grid_points(THUMBNAIL_RESOLUTION)
    half_cell = DOMAIN / (GRID_RESOLUTION - 1)
    assert np.abs(diagram.points - lattice).max() <= half_cell + 1e-12


def test_a_frame_repaints_everything_but_the_inputs_names():
    # What a frame changes (links, maps, biases) is on Bokeh's top layer, painted in the order
    # drawn: links under the maps, the veils over switched-off inputs, the biases, then the numbers a view
    # writes on the picture (none unless it is open).
    trainer = Trainer(PlaygroundState())
    figure = hv.render(NetworkDiagram(trainer).element)
    drawn = [(type(renderer.glyph).__name__, renderer.level) for renderer in figure.renderers]
    assert drawn == [("Segment", "overlay"), ("Image", "overlay"), ("Scatter", "overlay"),
                     ("Scatter", "overlay"), ("Scatter", "overlay"), ("Text", "glyph"), ("Text", "overlay")]
