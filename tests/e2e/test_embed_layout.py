"""The playground embedded in a course page (``embed=1``): no header from the first paint, no
horizontal scrollbar from 1,200 px down to a phone, the network and the output side by side in a
700 px column, the controls a link hides absent, and the embed kept in the address.

One page is loaded at 700 px and then resized, as a course page's column or a phone turned
around resizes an iframe; screenshots at each width go to test-results/.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.pages import epoch_at_least, open_page, press, wait_for_address, wait_for_state

PARENT = "parent=https%3A%2F%2Fschool.example"
#: A teacher's page about hidden layers: what the lesson does not need is hidden.
HIDDEN = ("regularization", "regularizationRate", "problem", "optimizer", "loss", "stopAtEpoch", "epochsPerFrame",
          "lessonsButton", "languageMenu", "shareButton")
EMBED_LINK = f"#dataset=xor&networkShape=4&embed=1&hide={','.join(HIDDEN)}&{PARENT}"
COLUMNS = (".np-network", ".np-output", ".np-data", ".np-features")


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def horizontal_overflow(page) -> int:
    """How far the page is wider than the window (0: no horizontal scrollbar)."""
    return page.evaluate("document.documentElement.scrollWidth - innerWidth")


def shoot(page, results_dir: Path, width: int) -> None:
    path = results_dir / f"embed-{width}px.png"
    page.screenshot(path=str(path), full_page=True)


@pytest.fixture(scope="module")
def embed(chromium, base_url):
    """The teacher's embed loaded at 700 px, trained for a few epochs so the maps show something."""
    context = chromium.new_context(viewport={"width": 700, "height": 720})
    page, log = open_page(context, base_url + EMBED_LINK)
    first_paint = page.evaluate("""[getComputedStyle(document.querySelector('.topbar')).display,
                                    document.querySelector('.sk-network').getBoundingClientRect().width,
                                    document.documentElement.dataset.state || '']""")
    assert wait_for_state(page) == "ready", page.inner_text("#screen")
    train(page)
    yield page, first_paint
    context.close()


def train(page) -> None:
    """A few epochs, so the maps show something."""
    press(page, "▶ Play")
    epoch_at_least(page, 60)
    press(page, "❚❚ Pause")


def test_the_header_is_gone_from_the_first_paint(embed):
    page, (header_display, skeleton_network_px, state_then) = embed
    assert state_then == "", "measured before the app was ready"
    assert header_display == "none" and skeleton_network_px == 380, "the skeleton is already the compact one"
    assert not page.locator("header.topbar").is_visible()


def test_at_700px_the_network_and_the_output_sit_side_by_side_without_a_horizontal_scrollbar(embed, results_dir):
    page, _ = embed
    assert horizontal_overflow(page) <= 0
    network, output = box(page, ".np-network"), box(page, ".np-output")
    assert page.locator(".np-network canvas").first.is_visible() and page.locator(".np-output canvas").first.is_visible()
    assert output["x"] >= network["x"] + network["width"] - 1 and abs(output["y"] - network["y"]) < 5
    assert output["x"] + output["width"] <= 700
    data = box(page, ".np-data")
    assert data["y"] >= network["y"] + network["height"] - 1, "data and features come below them"
    shoot(page, results_dir, 700)


def test_the_controls_the_link_hides_are_absent(embed):
    page, _ = embed
    for label in ("Regularization", "Regularization rate", "Problem type", "Optimizer", "Loss", "Speed",
                  "Stop at epoch (0: never)", "Language"):
        assert not page.get_by_label(label, exact=True).is_visible(), label
    assert not page.get_by_role("button", name="☰ Lessons").is_visible()
    for label in ("Learning rate", "Activation"):  # what the link leaves stays
        assert page.get_by_label(label, exact=True).is_visible(), label
    assert page.get_by_role("button", name="Step ▸").is_visible()


def set_size(page, width: int, height: int) -> None:
    """Resize the window and wait until the page is laid out for it: the window that size, then
    one more frame, in which the browser runs the resize observers Bokeh lays its plots out with."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function("([width, height]) => innerWidth === width && innerHeight === height", arg=[width, height])
    page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))")


@contextmanager
def resized(page, width: int, height: int):
    """The embed at another size for one test, then back at 700 px for the next."""
    set_size(page, width, height)
    try:
        yield
    finally:
        set_size(page, 700, 720)


@pytest.mark.parametrize("width", [1200, 900, 600])
def test_wider_and_narrower_iframes_have_no_horizontal_scrollbar(embed, results_dir, width):
    page, _ = embed
    with resized(page, width, 720):
        assert horizontal_overflow(page) <= 0
        assert page.locator(".np-network canvas").first.is_visible()
        shoot(page, results_dir, width)
        if width == 1200:  # room for TF's order in one row: data, features, network, output
            xs = [box(page, column)["x"] for column in (".np-data", ".np-features", ".np-network", ".np-output")]
            assert xs == sorted(xs) and len({round(box(page, c)["y"]) for c in COLUMNS}) == 1


@pytest.mark.parametrize("width", [420, 400])
def test_a_phone_gets_one_column_without_a_horizontal_scrollbar(embed, results_dir, width):
    page, _ = embed
    with resized(page, width, 800):
        assert horizontal_overflow(page) <= 0
        boxes = [box(page, column) for column in COLUMNS]
        assert all(abs(b["x"] - boxes[0]["x"]) < 2 for b in boxes), "one column"
        assert all(upper["y"] + upper["height"] <= lower["y"] + 1 for upper, lower in zip(boxes, boxes[1:]))
        shoot(page, results_dir, width)


def test_the_embed_stays_in_the_address_after_a_change(embed):
    page, _ = embed
    page.get_by_label("Activation", exact=True).select_option(label="ReLU")
    wait_for_address(page, "activation=relu&")
    address = page.evaluate("location.hash")
    assert address.endswith(f"&embed=1&{PARENT}") and f"&hide={','.join(HIDDEN)}" in address
    page.get_by_label("Activation", exact=True).select_option(label="Tanh")  # the shared page as it was
    wait_for_address(page, "activation=tanh&")
    train(page)
