"""Strokes: points added and erased, a drag's spacing, undo by stroke."""

from playground.yourdata import MAX_POINTS, point_code
from playground.yourdata.drawing import BRUSH_SPACING, Strokes, with_point, without_points_near


def test_points_are_added_and_erased_near_the_pointer():
    text = with_point(with_point(with_point("", 0, 0, 1), 0.2, 0, -1), 3, 3, 1)
    assert point_code.count(text) == 3
    left = without_points_near(text, 0.1, 0)
    xy, labels = point_code.decode(left)
    assert xy.tolist() == [[3, 3]] and labels.tolist() == [1]
    assert without_points_near(left, -5, -5) == left


def test_no_point_past_the_most():
    full = point_code.encode(*point_code.decode("AAAAA" * MAX_POINTS))
    assert with_point(full, 1, 1, 1) == full


def test_a_drag_paints_every_brush_spacing():
    strokes = Strokes()
    strokes.begin("")
    painted = [x for x in (0, 0.1, 0.2, BRUSH_SPACING, BRUSH_SPACING + 0.1, 2 * BRUSH_SPACING) if strokes.far_enough(x, 0)]
    assert painted == [0, BRUSH_SPACING, 2 * BRUSH_SPACING]


def test_undo_takes_back_one_stroke_at_a_time():
    strokes = Strokes()
    strokes.begin("")
    strokes.begin("AAAAA")
    assert strokes.undo() == "AAAAA"
    assert strokes.undo() == ""
    assert strokes.undo() is None
