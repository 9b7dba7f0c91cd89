""""Your data" in the built site: points drawn by clicks and a drag on the output map, trained on while
drawing, undo and clear, and a CSV imported through the file input (a bad one says which line) or dropped on the page."""
from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from playground.yourdata import point_code
from tests.helpers.pages import epoch_at_least, open_page, press, wait_for_state, wait_until

MAP = "[aria-label^='Output: the network']"
"""The output map's plot, by its name for screen readers."""


def drawn(page) -> tuple[list, list]:
    """The points the address carries: xy and labels."""
    keys = parse_qs(page.evaluate("location.hash")[1:])
    xy, labels = point_code.decode(keys.get("yourData", [""])[0])
    return xy.tolist(), labels.tolist()


def count(page) -> int:
    return len(drawn(page)[0])


def on_map(page, fx: float, fy: float) -> tuple[float, float]:
    """The page's pixel at a fraction of the map's square (0, 0 its top left; 1, 1 its bottom right):
    the plot is the square with its colour scale to the right."""
    box = page.locator(MAP).bounding_box()
    side = min(box["height"], box["width"] - 80)
    return box["x"] + 30 + fx * (side - 40), box["y"] + 10 + fy * (side - 40)


@pytest.fixture()
def page(context, base_url):
    page, log = open_page(context, base_url + "#seed=0.5")
    assert wait_for_state(page) == "ready"
    press(page, "Your data")
    expect(page.get_by_text("Click or tap the output map")).to_be_visible()
    yield page
    assert log.console_errors() == [] and log.errors == []


def test_draw_both_classes_train_undo_and_clear(page, results_dir):
    for label, spots in (("Blue (+1)", ((0.2, 0.2), (0.3, 0.15))), ("Orange (−1)", ((0.8, 0.8), (0.7, 0.85)))):
        press(page, label)
        for fx, fy in spots:
            before = count(page)
            page.mouse.click(*on_map(page, fx, fy))
            wait_until(page, lambda before=before: count(page) == before + 1, f"a point of {label}")
    xy, labels = drawn(page)
    assert labels == [1, 1, -1, -1]
    assert xy[0][0] < 0 < xy[0][1] and xy[2][0] > 0 > xy[2][1]  # top left blue, bottom right orange
    expect(page.get_by_text("4 points")).to_be_visible()

    press(page, "▶ Play")
    epoch_at_least(page, 50)
    page.mouse.move(*on_map(page, 0.75, 0.25))  # a drag paints several, while training goes on
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(*on_map(page, 0.75 - 0.04 * step, 0.25 + 0.02 * step))
    page.mouse.up()
    wait_until(page, lambda: count(page) >= 7, "points painted by a drag")
    painted = count(page)
    epoch_at_least(page, 150)  # no reset: training went on
    page.wait_for_timeout(500)
    page.screenshot(path=str(results_dir / "your-data-drawn.png"))
    page.locator(MAP).screenshot(path=str(results_dir / "your-data-map.png"))
    press(page, "❚❚ Pause")

    press(page, "Undo")
    wait_until(page, lambda: count(page) == 4, "the drag taken back")
    assert painted > 4
    press(page, "Clear")
    wait_until(page, lambda: count(page) == 0, "no points")
    expect(page.get_by_text("0 points")).to_be_visible()


def test_import_a_csv_and_a_bad_one(page, results_dir):
    file_input = page.locator("input[type=file]")
    rows = "x,y,label\n" + "".join(f"{x},{y},{'a' if x < y else 'b'}\n" for x in range(-8, 9, 2) for y in (-3, 3))
    file_input.set_input_files(files=[{"name": "points.csv", "mimeType": "text/csv", "buffer": rows.encode()}])
    expect(page.get_by_text("Took 18 points from the file.")).to_be_visible()
    expect(page.get_by_text("all points were moved and scaled alike to fit")).to_be_visible()
    wait_until(page, lambda: count(page) == 18, "18 points in the address")
    assert max(abs(v) for point in drawn(page)[0] for v in point) <= 6
    page.screenshot(path=str(results_dir / "your-data-imported.png"))

    file_input.set_input_files(files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": b"0,0,1\n1,oops,1\n"}])
    expect(page.get_by_text("The file was not imported, your points are as they were: line 2")).to_be_visible()
    assert count(page) == 18

    page.evaluate("""text => {
        const data = new DataTransfer();
        data.items.add(new File([text], "dropped.csv", {type: "text/csv"}));
        for (const type of ["dragover", "drop"]) {
            document.body.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
        }
    }""", "x,y,label\n1,1,1\n-1,-1,0\n2,2,1\n")
    expect(page.get_by_text("Took 3 points from the file.")).to_be_visible()
    wait_until(page, lambda: count(page) == 3, "the dropped file's 3 points")
