"""Fixtures for the Chromium end-to-end tests of the static site.

One build of dist/ per session (reused when `build.py check` passes and its inputs are
unchanged), one local server, one browser, and one page with the app loaded that the
app tests share. To test another app (e.g. a stand-in while playground.app is being
written) set PLAYGROUND_E2E_PROJECT and PLAYGROUND_E2E_APP_MODULE; PLAYGROUND_E2E_DIST
sets where that build goes.

Adding app assertions: take `app` to use the shared page (the test must leave it as it found
it: paused, at epoch 0, the same address; checked after each test, so they pass in any order),
or `loaded_app` only to read it; `.page` is the Playwright Page and `.log` every request, console
message and page error since the load. A test that changes what it cannot put back opens its own.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from sitebuild import browser, pipeline
from tests.helpers import ROOT
from tests.helpers.pages import (RECORD_PROGRESS_JS, WAIT_MS, PageLog, expect_epoch, open_page, wait_for_state,
                                  wait_until)

RESULTS = ROOT / "test-results"
# Playwright's matchers wait as long as this suite's other waits do (their own default is 5 s).
expect.set_options(timeout=WAIT_MS)


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: Chromium end-to-end test of the built site")


def pytest_collection_modifyitems(items):
    """Mark everything here e2e, so quick runs can use -m "not e2e", and run it last: the quick tests
    report first, and from the first browser test on Playwright's sync API keeps an event loop
    running in this thread, in which no later test could call asyncio.run."""
    for item in items:
        if "tests/e2e/" in item.nodeid:
            item.add_marker(pytest.mark.e2e)
    items.sort(key=lambda item: "tests/e2e/" in item.nodeid)  # a stable sort: each part keeps its order


@dataclass
class LoadedApp:
    """A page showing the ready app, its log, and the site's base URL."""

    page: object
    log: PageLog
    base_url: str


@pytest.fixture(scope="session")
def results_dir() -> Path:
    RESULTS.mkdir(exist_ok=True)
    return RESULTS


@pytest.fixture()
def shots(results_dir, request) -> Path:
    """The folder of test-results/ where a test module keeps its screenshots: its SHOTS_FOLDER."""
    folder = results_dir / request.module.SHOTS_FOLDER
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def build_options() -> pipeline.Options:
    project = os.environ.get("PLAYGROUND_E2E_PROJECT")
    if not project:
        return pipeline.Options()
    dist = os.environ.get("PLAYGROUND_E2E_DIST", str(ROOT / "test-results" / "dist-e2e"))
    return pipeline.Options(dist=Path(dist), project=Path(project),
                            app_module=os.environ.get("PLAYGROUND_E2E_APP_MODULE", "playground.app"))


@pytest.fixture(scope="session")
def dist(build_options) -> Path:
    if not pipeline.up_to_date(build_options):
        pipeline.build(build_options)
    return build_options.dist


@pytest.fixture(scope="session")
def base_url(dist):
    with browser.serving(dist) as url:
        yield url


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def chromium(playwright):
    instance = browser.launch(playwright)
    yield instance
    instance.close()


@pytest.fixture()
def context(chromium):
    """A fresh, empty browser profile for one test."""
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def loaded_app(chromium, base_url, results_dir):
    """One page with the app loaded and ready, shared by the app tests."""
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_init_script(RECORD_PROGRESS_JS)
    page, log = open_page(ctx, base_url)
    state = wait_for_state(page)
    page.screenshot(path=str(results_dir / "app-loaded.png"))
    if state != "ready":
        detail = page.inner_text("#screen")
        pytest.fail(f"app did not become ready (state {state}): {detail}")
    yield LoadedApp(page, log, base_url)
    ctx.close()


@pytest.fixture()
def app(loaded_app):
    """The shared page, for a test that changes it and puts it back. Checked after the test: paused,
    at epoch 0, the address it found, and no error or request to another host on the way."""
    page, log = loaded_app.page, loaded_app.log
    address, console, errors = page.evaluate("location.hash"), len(log.console), len(log.errors)
    yield loaded_app
    expect(page.get_by_role("button", name="▶ Play", exact=True)).to_be_visible()
    expect_epoch(page, 0)
    wait_until(page, lambda: page.evaluate("location.hash") == address, f"the address the test found, {address}")
    assert [text for kind, text in log.console[console:] if kind == "error"] == [] and log.errors[errors:] == []
    assert log.hosts() == {"127.0.0.1"}
