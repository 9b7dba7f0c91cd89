""""Your data"'s tools in CPython: made only when chosen; taps, drags, eraser, undo, clear and import."""

import pytest

from playground.app import PlaygroundApp
from playground.state import PlaygroundState
from playground.yourdata import point_code


def app_with_your_data(**options) -> PlaygroundApp:
    state = PlaygroundState(seed="0.1", **options)
    app = PlaygroundApp(state)
    app.layout()
    return app


def points(app) -> list[list[float]]:
    return point_code.decode(app.session.state.yourData)[0].tolist()


def test_the_tools_are_made_only_once_your_data_is_chosen():
    app = app_with_your_data()
    assert app.your_data.__panel__().objects == [] and not app.your_data.__panel__().visible
    app.session.state.dataset = "yours"
    assert app.your_data.__panel__().visible and app.your_data.__panel__().objects


def test_taps_and_a_drag_draw_points_of_the_chosen_class_shown_on_the_map_while_training_goes_on():
    app = app_with_your_data(dataset="yours")
    tools, trainer = app.your_data, app.session.trainer
    trainer.step(5)
    tools.pointer("tap", 1, 1)
    tools.label.value = -1.0
    for kind, x in (("start", -1), ("move", -1.1), ("move", -2), ("end", None)):
        tools.pointer(kind, x, None if x is None else -1)
    assert points(app) == [[1, 1], [-1, -1], [-2, -1]]
    assert point_code.decode(app.session.state.yourData)[1].tolist() == [1, -1, -1]
    assert sorted(app.boundary.points.columns["x1"].tolist()) == [-2, -1, 1]  # test points too
    assert app.session.trainer is trainer and trainer.epoch == 5
    tools.undo()
    assert points(app) == [[1, 1]]


def test_taps_outside_the_view_or_on_another_data_set_draw_nothing():
    app = app_with_your_data(dataset="yours")
    app.your_data.pointer("tap", 6.5, 0)
    assert app.session.state.yourData == ""
    app.session.state.dataset = "xor"
    app.your_data.pointer("tap", 1, 1)
    assert app.session.state.yourData == ""


def test_undo_on_another_data_set_keeps_the_points_for_when_your_data_is_chosen_again():
    app = app_with_your_data(dataset="yours")
    app.your_data.pointer("tap", 1, 1)
    app.session.state.dataset = "xor"
    app.your_data.undo()  # Ctrl+Z while another data set shows: not the hidden points
    assert points(app) == [[1, 1]]
    app.session.state.dataset = "yours"
    app.your_data.undo()
    assert points(app) == []


def test_the_eraser_and_clear_are_strokes_too():
    app = app_with_your_data(dataset="yours")
    tools = app.your_data
    for x in (0, 3):
        tools.pointer("tap", x, 0)
    tools.tool.value = "erase"
    tools.pointer("tap", 0.2, 0)
    assert points(app) == [[3, 0]]
    tools.clear()
    assert app.session.state.yourData == ""
    tools.undo()
    assert points(app) == [[3, 0]]
    tools.undo()
    assert points(app) == [[0, 0], [3, 0]]


def test_regression_draws_the_chosen_value():
    app = app_with_your_data(problem="regression", regDataset="yours")
    app.your_data.value.value = 0.3
    app.your_data.pointer("tap", 0, 0)
    assert point_code.decode(app.session.state.yourData)[1].tolist() == pytest.approx([0.3])


def test_a_csv_replaces_the_points_and_a_bad_one_leaves_them_saying_why():
    app = app_with_your_data(dataset="yours")
    tools = app.your_data
    tools.take_file(b"x,y,label\n0,0,cat\n1,2,dog\n")
    assert points(app) == [[0, 0], [1, 2]]
    assert "Took 2 points from the file." in tools.notice.object and '"cat" is orange' in tools.notice.object
    tools.take_file(b"0,0,1\n1,x,1\n")
    assert points(app) == [[0, 0], [1, 2]]
    assert tools.notice.object.startswith("The file was not imported") and "line 2" in tools.notice.object
    tools.take_file(b"\xff\xfe\x00")
    assert "not a text file" in tools.notice.object and points(app) == [[0, 0], [1, 2]]
    tools.undo()
    assert app.session.state.yourData == ""


def test_words_in_chinese():
    app = app_with_your_data(dataset="yours", lang="zh-CN")
    app.your_data.take_file(b"0,0,1\n1,x,1\n")
    assert "第 2 行" in app.your_data.notice.object


def test_the_share_dialog_offers_a_csv_for_points_a_link_cannot_carry():
    import numpy as np

    many = point_code.encode(np.zeros((point_code.LINK_POINTS + 1, 2)), np.ones(point_code.LINK_POINTS + 1))
    app = app_with_your_data(dataset="yours", yourData=many)
    app.share.open()
    assert app.share.points_note.visible and app.share.points_file.visible
    assert "201 points are too many for a link" in app.share.points_note.object
    assert "yourData" not in app.share.link.text
    assert app.share.points_file.callback().read().startswith("x,y,label\n0,0,1\n")
    app.session.state.yourData = many[: 5 * point_code.LINK_POINTS]
    app.share.refresh()
    assert not app.share.points_note.visible and "yourData=" in app.share.link.text
