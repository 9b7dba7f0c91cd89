"""Reading a student's CSV: what fits is taken (with notices), what does not is refused by its line."""

import numpy as np
import pytest

from playground.yourdata import MAX_POINTS
from playground.yourdata.csv_import import FIT, CsvError, read_csv


def refusal(text: str, problem: str = "classification") -> str:
    with pytest.raises(CsvError) as caught:
        read_csv(text, problem)
    return caught.value.message


def test_plain_rows_with_plus_minus_one():
    read = read_csv("1,2,1\n-3,4.5,-1\n", "classification")
    np.testing.assert_array_equal(read.xy, [[1, 2], [-3, 4.5]])
    np.testing.assert_array_equal(read.labels, [1, -1])
    assert read.notices == []


def test_header_blank_lines_comments_bom_and_other_separators():
    text = "\ufeffx;y;label\n\n# drawn by hand\n0;0;1\n1\t1\t0\n 2 , 3 , \"1\" \r\n"
    read = read_csv(text, "classification")
    np.testing.assert_array_equal(read.xy, [[0, 0], [1, 1], [2, 3]])
    np.testing.assert_array_equal(read.labels, [1, -1, 1])


def test_zero_one_labels_read_zero_as_minus_one():
    np.testing.assert_array_equal(read_csv("0,0,0\n1,1,1\n", "classification").labels, [-1, 1])


def test_two_class_names_sorted_first_is_orange():
    read = read_csv("x,y,kind\n0,0,dog\n1,1,cat\n2,2,dog\n", "classification")
    np.testing.assert_array_equal(read.labels, [1, -1, 1])
    assert read.notices[0].key == "yourdata.class_names"
    assert read.notices[0].values == {"negative": "cat", "positive": "dog"}


def test_one_class_name_is_one_class():
    np.testing.assert_array_equal(read_csv("0,0,a\n1,1,a\n", "classification").labels, [-1, -1])


def test_points_outside_the_view_are_moved_in_with_a_notice_not_dropped():
    read = read_csv("0,0,1\n20,10,-1\n10,5,1\n", "classification")
    assert len(read.xy) == 3
    assert np.abs(read.xy).max() == pytest.approx(FIT)
    assert read.xy[1, 0] == pytest.approx(FIT) and read.xy[0, 0] == pytest.approx(-FIT)
    ratio = (read.xy[1] - read.xy[2]) / np.array([10, 5])
    assert ratio[0] == pytest.approx(ratio[1])  # the same scale on both axes keeps the shape
    assert [n.key for n in read.notices] == ["yourdata.points_scaled"]
    assert read.notices[0].values == {"outside": 2}


def test_points_inside_the_view_stay_where_they_are():
    np.testing.assert_array_equal(read_csv("-6,6,1\n5.5,-6,1\n", "classification").xy, [[-6, 6], [5.5, -6]])


def test_regression_values_beyond_one_are_scaled_with_a_notice():
    read = read_csv("0,0,4\n1,1,-2\n2,2,0.5\n", "regression")
    np.testing.assert_allclose(read.labels, [1, -0.5, 0.125])
    assert read.notices[0].key == "yourdata.values_scaled"


def test_regression_values_within_one_stay():
    np.testing.assert_array_equal(read_csv("0,0,0.3\n1,1,-1\n", "regression").labels, [0.3, -1])


@pytest.mark.parametrize(("text", "key", "line"), [
    ("0,0,1\n1,1\n", "yourdata.bad_cells", 2),
    ("0,0,1,train\n1;1\n", "yourdata.bad_cells", 2),
    ("x,y,l\n0,0,1\n\n1,one,1\n", "yourdata.bad_number", 4),
    ("0,0,1\nnan,0,1\n", "yourdata.bad_number", 2),
    ("0,0,1\n1,1,inf\n", "yourdata.bad_class", 2),
    ("0,0,1\n1,1,2\n", "yourdata.bad_class", 2),
    ("0,0,-1\n1,1,1\n2,2,0\n", "yourdata.bad_class", 3),
    ("0,0,a\n1,1,b\n2,2,c\n", "yourdata.too_many_classes", 3),
])
def test_a_bad_row_is_named_by_its_line(text, key, line):
    message = refusal(text)
    assert message.key == key
    assert message.values["line"] == line
    assert f"line {line}" in message


def test_a_regression_value_must_be_a_number():
    message = refusal("0,0,0.5\n1,1,big\n", "regression")
    assert message.key == "yourdata.bad_number" and message.values["line"] == 2


@pytest.mark.parametrize("text", ["", "\n\n", "x,y,label\n", "# nothing\n"])
def test_a_file_without_rows_is_refused(text):
    assert refusal(text).key == "yourdata.no_rows"


def test_at_most_max_points():
    rows = "".join(f"{i % 12 - 6},0,1\n" for i in range(MAX_POINTS))
    assert len(read_csv(rows, "classification").xy) == MAX_POINTS
    message = refusal(rows + "0,0,1\n")
    assert message.key == "yourdata.too_many"
    assert message.values == {"count": MAX_POINTS + 1, "most": MAX_POINTS}
    assert "2,000" in message or "2000" in message


def test_our_own_csvs_read_back():
    from playground.engine.datasets import make_dataset
    from playground.export.tables import export_data
    from playground.state import PlaygroundState
    from playground.trainer import Trainer
    from playground.yourdata import point_code
    from playground.yourdata.csv_export import points_csv

    text = point_code.encode(np.array([[1.25, -3.5], [0, 6]]), np.array([-1.0, 0.5]))
    read = read_csv(points_csv(text), "regression")
    assert point_code.encode(read.xy, read.labels) == text
    exported = export_data(Trainer(PlaygroundState(seed="2")))  # the Export's data: x,y,label,set
    assert len(read_csv(exported, "classification").xy) == len(make_dataset("circle", 0, 50, "2").train) * 2
