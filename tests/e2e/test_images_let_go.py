"""A few seconds after "ready" the page lets go of its package images (site/site_image.js's keepUnread):
the files of the modules its Python imported are emptied, the rest copied out. What a student does
after that still imports what it needs: a lesson's text (markdown_it), an export (playground.export)."""
from __future__ import annotations

from playwright.sync_api import expect

from playground.export import load_weights
from tests.helpers.pages import WAIT_MS, open_page, press, wait_for_state

LESSON_ONE = "One neuron draws a straight line"

FILES_JS = """names => JSON.parse(window.playground.pyodide.runPython(`
import importlib.util, json, os, sys
json.dumps({name: [name in sys.modules, os.path.getsize(importlib.util.find_spec(name).origin)]
            for name in ${JSON.stringify(names)}})`))"""
"""For each module named: whether Python has imported it, and its file's size in bytes."""


def test_after_the_page_lets_its_package_images_go_a_lesson_and_an_export_import_what_they_need(context, base_url,
                                                                                                 tmp_path):
    page, log = open_page(context, base_url + "#dataset=xor")
    assert wait_for_state(page) == "ready"
    page.wait_for_function("window.playground.timings.imagesLetGo", timeout=WAIT_MS)
    files = page.evaluate(FILES_JS, ["numpy", "bokeh.models", "markdown_it.main"])
    assert files["numpy"] == [True, 0] and files["bokeh.models"] == [True, 0]  # imported: emptied
    imported, size = files["markdown_it.main"]
    assert not imported and size > 1000  # not yet imported: kept

    press(page, "☰ Lessons")
    page.get_by_role("button", name=LESSON_ONE).click()
    expect(page.locator(".np-lesson-step")).to_have_text("Step 1 of 6")
    expect(page.get_by_role("heading", name="Meet the playground")).to_be_visible()  # its Markdown, rendered
    assert page.evaluate(FILES_JS, ["markdown_it.main"])["markdown_it.main"][0]

    page.get_by_role("button", name="Export ▾", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Network (.json)", exact=True).click()
    saved = tmp_path / "network.json"
    download.value.save_as(saved)
    network = load_weights(saved.read_text(encoding="utf-8"))
    assert f"dataset={network.state().dataset}" in page.evaluate("location.hash")  # the lesson's own
    assert log.errors == [] and log.console_errors() == []
