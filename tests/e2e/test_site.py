"""The static site in headless Chromium: loads, stays on 127.0.0.1, explains failures."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from sitebuild import manifest
from tests.helpers.pages import open_page, wait_for_state


def test_dist_passes_check(dist):
    assert manifest.check(dist) == []


def test_app_becomes_interactive(loaded_app):
    page = loaded_app.page
    assert page.evaluate("document.documentElement.dataset.state") == "ready"
    assert page.locator("#app .bk-root, #app [data-root-id] > *").count() > 0
    assert page.locator("#progress").is_hidden()
    timings = page.evaluate("window.playground.timings")
    assert timings["interactive"] > timings["start"]


def test_progress_goes_runtime_then_packages_then_app(loaded_app):
    seen = loaded_app.page.evaluate("window.progressSeen")
    stages = [stage for stage, _, _ in seen]
    assert list(dict.fromkeys(stages)) == ["runtime", "packages", "app"]
    assert stages == sorted(stages, key=["runtime", "packages", "app"].index), "a stage came back"
    texts = {stage: " / ".join(text for s, text, _ in seen if s == stage) for stage in stages}
    assert "Downloading the Python runtime… " in texts["runtime"], texts["runtime"]
    # The packages download beside the runtime (preloaded), so they may have come before it has.
    assert "Downloading packages… " in texts["packages"] or "Installing packages…" in texts["packages"], texts
    assert "Building the app…" in texts["app"], texts["app"]
    widths = [width for _, _, width in seen]
    assert widths == sorted(widths) and widths[-1] == 100, widths
    assert len(set(widths)) >= 8, "the bar should move within the stages, not jump per stage"
    sizes = loaded_app.page.locator(".progress-steps .size").all_inner_texts()
    assert sizes[0].endswith(" MB") and sizes[1].endswith(" MB") and "steps" in sizes[2], sizes


LESSON_FILES_IN_PYODIDE = """
import json
from playground.lessons import default_catalog
catalog = default_catalog()
json.dumps({"files": sorted(path.name for lesson in catalog.lessons for path in lesson.files.values()),
            "errors": [str(error) for error in catalog.errors]})
"""


def test_the_app_reads_every_shipped_lesson(loaded_app, dist):
    shipped = sorted(path.name for path in (dist / "lessons").glob("*.md")) if (dist / "lessons").is_dir() else []
    found = json.loads(loaded_app.page.evaluate(f"window.playground.pyodide.runPython({json.dumps(LESSON_FILES_IN_PYODIDE)})"))
    assert found == {"files": shipped, "errors": []}


STDLIB_ORIGINS = """
import json, sys
json.dumps({name: getattr(sys.modules[name].__spec__, "origin", None)
            for name in ("asyncio", "json.decoder", "pyodide.ffi", "email.message") if name in sys.modules})
"""


def test_the_standard_library_runs_from_bytecode(loaded_app):
    # Pyodide ships its stdlib as source; the build compiles it, so no load compiles it again.
    origins = json.loads(loaded_app.page.evaluate(f"window.playground.pyodide.runPython({json.dumps(STDLIB_ORIGINS)})"))
    assert "asyncio" in origins and "pyodide.ffi" in origins, origins
    assert all(origin.startswith("/lib/python314.zip/") and origin.endswith(".pyc")
               for origin in origins.values()), origins


PANDAS_STATE = """
import importlib.util, json, sys
json.dumps({"imported": "pandas" in sys.modules, "findable": importlib.util.find_spec("pandas") is not None})
"""


def test_pandas_is_neither_shipped_nor_imported(loaded_app, dist):
    # 5 MB and 1.5 s of every load: the app, Panel (patched), Bokeh and HoloViews run without it.
    state = json.loads(loaded_app.page.evaluate(f"window.playground.pyodide.runPython({json.dumps(PANDAS_STATE)})"))
    assert state == {"imported": False, "findable": False}
    assert not list((dist / "pyodide").glob("pandas-*.whl"))


NOT_IMPORTED_AT_START = ("markdown_it", "numpy.random", "playground.export")
"""Imported on first use, not by the start (~0.2 s of a first visit each): the lessons' Markdown
(widget tooltips render without it: sitebuild/plain_markdown.py), numpy's generators, the exports
(when the Export menu first opens)."""


def test_the_start_leaves_markdown_and_numpys_generators_for_later(context, base_url, results_dir):
    page, log = open_page(context, base_url + "#**bold**=1")  # a page of its own: none opened a lesson
    assert wait_for_state(page) == "ready"
    expect(page.get_by_text("ignored: unknown key '**bold**'")).to_be_visible()  # the notice, as written
    page.screenshot(path=str(results_dir / "site-link-notice.png"))
    imported = page.evaluate(
        "code => window.playground.pyodide.runPython(code).toJs()",
        f"import sys; [name for name in {NOT_IMPORTED_AT_START!r} if name in sys.modules]")
    assert imported == [] and log.errors == []


PYODIDE_DOWNLOADS = """() => performance.getEntriesByType('resource')
  .filter(entry => new URL(entry.name).pathname.startsWith('/pyodide/'))
  .map(entry => [new URL(entry.name).pathname.slice('/pyodide/'.length), entry.initiatorType])"""


def test_the_page_head_starts_every_download_and_each_comes_once(loaded_app, dist):
    # Preloaded as they are asked for later, so those requests take the preloaded responses:
    # no file twice, nothing waits for the runtime.
    downloads = loaded_app.page.evaluate(PYODIDE_DOWNLOADS)
    names = [name for name, _ in downloads]
    assert len(names) == len(set(names)), sorted(names)
    assert {name for name, by in downloads if by != "link"} == {"pyodide.mjs", "pyodide.asm.mjs"}, downloads
    # The packages come as two images (compiled ones, linked before Python starts, and pure
    # ones), fetched by the download worker the head starts; the page asks for no wheel. The
    # training worker, once the page is ready, takes numpy from the same image (asking for it
    # again, from the browser's cache) and downloads no numpy wheel.
    loaded_app.page.wait_for_function("window.playground.trainingWorker.ready", timeout=60_000)
    images = [url.rsplit("/", 1)[1] for url in loaded_app.log.requests if ".img" in url]
    assert sorted(images) == ["site-packages-compiled.img"] * 2 + ["site-packages.img"], images
    assert not [name for name in names if name.endswith(".whl")]
    assert not [url for url in loaded_app.log.requests if "/numpy-" in url], loaded_app.log.requests


def test_every_request_stays_on_this_machine(loaded_app):
    assert loaded_app.log.requests, "no requests recorded"
    assert loaded_app.log.hosts() == {"127.0.0.1"}, sorted(loaded_app.log.requests)
    assert loaded_app.log.failed == []


def test_no_console_errors(loaded_app):
    assert loaded_app.log.console_errors() == []
    assert loaded_app.log.errors == []


def test_file_url_explains_how_to_serve(context, dist, results_dir):
    page, log = open_page(context, (dist / "index.html").as_uri())
    assert wait_for_state(page, 10_000) == "file"
    assert "python -m http.server" in page.inner_text("#screen")
    page.screenshot(path=str(results_dir / "screen-file-url.png"))


@pytest.mark.parametrize("file", ["site-packages.img", "site-packages-compiled.img", "python_stdlib.zip"])
def test_missing_file_is_named(context, base_url, results_dir, file):
    context.route(f"**/{file}", lambda route: route.fulfill(status=404, body="gone"))  # HEAD too
    page, log = open_page(context, base_url)
    assert wait_for_state(page) == "missing"
    text = page.inner_text("#screen")
    assert f"pyodide/{file} (HTTP 404)" in text
    page.screenshot(path=str(results_dir / f"screen-missing-{file.split('.')[0]}.png"))


def test_python_error_shows_message_and_reload(context, base_url, results_dir):
    def broken_app_module(route):
        html = route.fetch().text()
        tag = '<script id="boot-config" type="application/json">'
        start = html.index(tag) + len(tag)
        end = html.index("</script>", start)
        config = json.loads(html[start:end])
        config["app_module"] = "no_such_module_for_e2e"
        route.fulfill(body=html[:start] + json.dumps(config) + html[end:],
                      content_type="text/html")

    context.route(base_url, broken_app_module)
    page, log = open_page(context, base_url)
    assert wait_for_state(page) == "error"
    assert "no_such_module_for_e2e" in page.inner_text("#screen")
    assert page.locator("#screen button", has_text="Reload").is_visible()
    page.screenshot(path=str(results_dir / "screen-python-error.png"))


def test_no_webassembly_screen(context, base_url, results_dir):
    # What a browser without WebAssembly (or with it disabled by policy) looks like.
    context.add_init_script("delete globalThis.WebAssembly")
    page, log = open_page(context, base_url)
    assert wait_for_state(page, 10_000) == "nowasm"
    page.screenshot(path=str(results_dir / "screen-no-wasm.png"))


def test_python_error_after_ready_shows_a_banner_over_the_working_app(context, base_url, results_dir):
    page, log = open_page(context, base_url)
    assert wait_for_state(page) == "ready"
    # A failing button callback, as a bug in the app would be: click the real button.
    page.evaluate("""playground.pyodide.runPython(`
import gc, panel as pn
step = next(o for o in gc.get_objects() if isinstance(o, pn.widgets.Button) and o.label == "Step ▸")
def failing_click(event):
    raise ZeroDivisionError("provoked by a click in the e2e test")
step.on_click(failing_click)
`)""")
    page.get_by_role("button", name="Step ▸").click()
    banner = page.locator("#app-error")
    banner.wait_for(state="visible")
    assert "ZeroDivisionError: provoked by a click in the e2e test" in banner.inner_text()
    assert banner.get_by_role("button", name="Reload").is_visible()
    page.screenshot(path=str(results_dir / "banner-python-error.png"))
    assert page.locator("#screen").is_hidden()
    assert page.locator(".np-epoch .np-value").inner_text() == "000,001"  # the step still ran

    banner.get_by_role("button", name="Dismiss").click()
    assert banner.is_hidden()
    # A failing periodic callback (training frames are one): its task dies in asyncio.
    page.evaluate("""playground.pyodide.runPython(`
def failing_frame():
    raise RuntimeError("provoked in a frame by the e2e test")
pn.state.add_periodic_callback(failing_frame, period=10, count=1)
`)""")
    banner.wait_for(state="visible")
    assert "RuntimeError: provoked in a frame by the e2e test" in banner.inner_text()
