"""Three and four classes in the built site: a link trains them, the map paints a colour per class, the
confusion matrix follows training, the classes menu changes them, a tablet and Chinese see it all."""
from __future__ import annotations

import io
import re

import numpy as np
from PIL import Image
from playwright.sync_api import expect

from playground.links import decode
from playground.trainer import Trainer
from playground.views.palette import CLASS_COLOURS
from tests.helpers.pages import (GOAL_MS, epoch_at_least, open_page, press, touch_screen, wait_for_address,
                                 wait_for_state, wait_until)

CLASS_MAP = "[aria-label^='Output: the class the network predicts']"
"""The output map of several classes, by its name for screen readers."""
MATRIX = "Test points: their class (rows), the class predicted (columns)"
"""The confusion matrix's caption: its name for screen readers."""


def classes_painted(page, selector: str = CLASS_MAP) -> list[float]:
    """For each class, the share of the map's pixels in (nearly) its full colour: a surely decided region."""
    pixels = np.asarray(Image.open(io.BytesIO(page.locator(selector).screenshot())).convert("RGB"), dtype=float)
    colours = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in CLASS_COLOURS], dtype=float)
    near = np.linalg.norm(pixels.reshape(-1, 1, 3) - colours, axis=2) < 40
    return near.mean(axis=0).tolist()


def matrix(page) -> np.ndarray:
    """The confusion matrix the page shows, read from its table's cells."""
    table = page.get_by_role("table", name=MATRIX)
    rows = table.locator("tbody tr").all_inner_texts()
    return np.array([[int(n) for n in re.findall(r"\d+", row)[1:]] for row in rows])


def test_a_three_class_link_trains_paints_three_colours_and_its_matrix_follows(context, base_url, results_dir):
    link = "dataset=blobs&classes=3&networkShape=8&seed=0.5"
    page, log = open_page(context, base_url + "#" + link)
    assert wait_for_state(page) == "ready"
    expect(page.get_by_text("Part of the link was ignored")).to_have_count(0)  # no longer refused
    expect(page.get_by_role("combobox", name="Classes")).to_have_value("3")
    here = Trainer(decode(link)[0]).confusion()  # the same seed: the same data and first weights here
    np.testing.assert_array_equal(matrix(page), here)
    press(page, "▶ Play")
    epoch_at_least(page, 100)
    press(page, "❚❚ Pause")
    wait_until(page, lambda: np.trace(matrix(page)) >= 0.95 * here.sum(), "the matrix's diagonal filling up")
    after = matrix(page)
    accuracy = re.search(r"Test accuracy\s+([0-9.]+)%", page.locator(".np-metric", has_text="Test accuracy").inner_text())
    assert abs(float(accuracy.group(1)) / 100 - np.trace(after) / after.sum()) < 0.001  # the same points
    painted = classes_painted(page)
    assert all(share > 0.05 for share in painted[:3]) and painted[3] < 0.001  # three colours, no fourth
    page.locator(CLASS_MAP).screenshot(path=str(results_dir / "classes-3-map.png"))
    page.screenshot(path=str(results_dir / "classes-3.png"), full_page=True)

    page.get_by_role("combobox", name="Classes").select_option("4")
    wait_for_address(page, "classes=4")
    expect(page.get_by_role("table", name=MATRIX).locator("tbody tr")).to_have_count(4)
    press(page, "▶ Play")
    epoch_at_least(page, 150)
    press(page, "❚❚ Pause")
    assert all(share > 0.04 for share in classes_painted(page))  # the fourth, wine, too
    page.screenshot(path=str(results_dir / "classes-4.png"), full_page=True)

    page.get_by_role("button", name="Circle", exact=True).click()  # two classes: TF's map, no matrix
    wait_for_address(page, "dataset=circle")
    expect(page.get_by_role("table", name=MATRIX)).to_have_count(0)
    expect(page.get_by_role("combobox", name="Classes")).to_be_hidden()
    assert log.console_errors() == [] and log.errors == []


def test_a_tablet_and_chinese_see_the_classes_menu_the_map_and_the_matrix(chromium, base_url, results_dir):
    with touch_screen(chromium, 1024, 768) as tablet:
        page, log = open_page(tablet, base_url + "#dataset=spiral&classes=4&networkShape=8,8&lang=zh-CN")
        assert wait_for_state(page) == "ready"
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024
        expect(page.get_by_role("combobox", name="类别数")).to_have_value("4")
        table = page.get_by_role("table", name="测试点：真实类别（行），预测类别（列）")
        expect(table.locator("tbody tr")).to_have_count(4)
        page.get_by_role("button", name="▶ 播放", exact=True).tap()
        epoch_at_least(page, 50)
        page.get_by_role("button", name="❚❚ 暂停", exact=True).tap()
        expect(page.locator("[aria-label^='输出：网络在整个平面上预测的类别']")).to_have_count(1)
        table.scroll_into_view_if_needed()
        page.screenshot(path=str(results_dir / "classes-tablet-zh.png"), full_page=True)
        assert log.console_errors() == [] and log.errors == []


def test_lesson_three_classes_in_the_page_four_classes_then_the_matrix_of_noisy_blobs(context, base_url, results_dir):
    page, log = open_page(context, base_url + "#lesson=three-classes&step=4")
    assert wait_for_state(page) == "ready"
    expect(page.locator(".np-lesson-step")).to_have_text("Step 4 of 6")
    page.get_by_role("combobox", name="Classes").select_option("4")
    wait_for_address(page, "classes=4")
    press(page, "▶ Play")
    page.get_by_text("✓ Goal reached").wait_for(timeout=GOAL_MS)
    press(page, "❚❚ Pause")
    press(page, "Next ›")
    expect(page.locator(".np-lesson-step")).to_have_text("Step 5 of 6")
    page.get_by_role("slider", name="Noise").focus()
    for _ in range(8):  # 5 a press: to 40
        page.keyboard.press("ArrowRight")
    wait_for_address(page, "noise=40")
    press(page, "▶ Play")
    page.get_by_text("✓ Goal reached").wait_for(timeout=GOAL_MS)
    press(page, "❚❚ Pause")
    confused = matrix(page)
    assert confused.shape == (4, 4) and np.trace(confused) < confused.sum()  # overlapping blobs: mistakes
    page.screenshot(path=str(results_dir / "classes-lesson.png"))
    assert log.console_errors() == [] and log.errors == []
