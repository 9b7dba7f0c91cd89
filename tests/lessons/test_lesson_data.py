"""A lesson's own points: ``data: points.csv`` beside the lesson file becomes its preset's Your data,
and a missing or malformed file is named at the ``data`` line."""

import numpy as np
import pytest

from playground.lessons import parse_lesson
from playground.trainer import Trainer
from playground.yourdata import point_code
from tests.helpers.lesson_files import ENGLISH, NAME, line_of, write_lesson

POINTS = "x,y,label\n1.5,2,1\n-3,0.25,-1\n4,-4,1\n-2,-5,-1\n"
WITH_DATA = ENGLISH.replace("  dataset: gauss\n", "  dataset: yours\n").replace("locked:", "data: points.csv\nlocked:")


def test_the_lessons_points_start_it_on_your_data_and_ship_with_it(tmp_path):
    path = write_lesson(tmp_path, WITH_DATA)
    (tmp_path / "points.csv").write_text(POINTS, encoding="utf-8")

    lesson, errors = parse_lesson(path)

    assert errors == []
    xy, labels = point_code.decode(dict(lesson.preset)["yourData"])
    assert xy.tolist() == [[1.5, 2.0], [-3.0, 0.25], [4.0, -4.0], [-2.0, -5.0]]
    assert labels.tolist() == [1.0, -1.0, 1.0, -1.0]
    state = lesson.start_state()
    dataset = Trainer(state).dataset
    assert state.dataset == "yours" and len(dataset.train) + len(dataset.test) == 4
    assert [file.name for file in lesson.paths] == [f"{NAME}.md", f"{NAME}.zh-CN.md", "points.csv"]


@pytest.mark.parametrize(("data", "csv", "message"), [
    ("points.csv", None, f"data: points.csv is not there: put it beside {NAME}.md"),
    ("points.csv", "x,y,label\n1,2,1\n1,two,-1\n", 'data: points.csv is refused: line 3: "two" is not a number'),
    ("points.csv", "x,y,label\n", "data: points.csv is refused: it has no rows of x,y,label"),
    ("../points.csv", POINTS, "data: name a CSV file beside the lesson, like points.csv, not ../points.csv"),
    ("points.txt", POINTS, "data: name a CSV file beside the lesson, like points.csv, not points.txt"),
])
def test_a_missing_or_malformed_file_is_named_at_the_data_line(tmp_path, data, csv, message):
    english = WITH_DATA.replace("data: points.csv", f"data: {data}")
    path = write_lesson(tmp_path / "lessons", english)
    if csv is not None:
        (tmp_path / "lessons" / data).write_text(csv, encoding="utf-8")

    lesson, errors = parse_lesson(path)

    assert lesson is None
    assert [str(error) for error in errors] == [f"{path}:{line_of(english, 'data:')}: {message}"]


def test_the_points_are_given_once(tmp_path):
    code = point_code.encode(np.array([[1.0, 1.0]]), np.array([1.0]))
    english = WITH_DATA.replace("  dataset: yours\n", f"  dataset: yours\n  yourData: {code}\n")
    path = write_lesson(tmp_path, english)
    (tmp_path / "points.csv").write_text(POINTS, encoding="utf-8")
    _, errors = parse_lesson(path)
    assert [error.message for error in errors] == [
        "data: points.csv gives the points, and so does the preset's yourData: keep one"]
