"""Offline after the first visit (site/service_worker.js, site/offline.js): a visit after the
first loads and trains without the network, a file of another build is never kept, and a new
build replaces the kept one whole, once the student accepts the page's offer to reload."""
from __future__ import annotations

import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect

from sitebuild import offline, precompress, serve
from tests.helpers.pages import WAIT_MS, epoch_at_least, open_page, press, wait_for_state

WORKER_READY_MS = 60_000
# Resolves with the active service worker's state once it has activated, or has failed to: the
# install keeps every file first.
KEPT = """async () => {
  const worker = (await navigator.serviceWorker.ready).active;
  while (worker.state === "activating") await new Promise((resolve) => worker.addEventListener("statechange", resolve));
  return worker.state;
}"""
# The state the service worker's install ends in: "activated", or "redundant" when it failed.
INSTALLED = """async () => {
  let registration;
  while (!(registration = await navigator.serviceWorker.getRegistration())) await new Promise((r) => setTimeout(r, 100));
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  while (!["activated", "redundant"].includes(worker.state)) {
    await new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
  }
  return worker.state;
}"""
# This origin's caches, and for each file a cache of this site's builds holds: the sha256 of its
# bytes, as Subresource Integrity writes it.
CACHED = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    if (!name.startsWith("playground-offline-")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const bytes = await (await cache.match(request)).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
      found[request.url] = "sha256-" + btoa(String.fromCharCode(...digest));
    }
  }
  return { names: await caches.keys(), files: found };
}"""
# The first bytes of the wasm, asked for as a resumed download would, and the type it is kept with.
WASM_RANGE = """async () => {
  const response = await fetch("pyodide/pyodide.asm.wasm", { headers: { Range: "bytes=0-3" } });
  return { status: response.status, range: response.headers.get("Content-Range"),
           type: response.headers.get("Content-Type"), bytes: [...new Uint8Array(await response.arrayBuffer())] };
}"""


def visit(context, url):
    page, log = open_page(context, url)
    assert wait_for_state(page) == "ready"
    return page, log


def train(page, epochs: int) -> None:
    press(page, "▶ Play")
    epoch_at_least(page, epochs)
    press(page, "❚❚ Pause")


def test_a_visit_after_the_first_loads_and_trains_without_the_network(context, base_url, dist, results_dir):
    page, _ = visit(context, base_url)
    assert page.evaluate(KEPT) == "activated"
    kept = offline.read(dist)["files"]
    assert page.evaluate(CACHED)["files"] == {base_url + path: integrity for path, integrity in kept.items()}

    context.set_offline(True)
    page.close()
    page, log = visit(context, base_url + "#dataset=spiral")
    # Its training worker started too: its runtime and wheels came from the cache as well.
    page.wait_for_function("window.playground.trainingWorker.ready || window.playground.trainingWorker.failed",
                           timeout=WORKER_READY_MS)
    assert page.evaluate("window.playground.trainingWorker.failed") is None
    train(page, 30)
    page.screenshot(path=str(results_dir / "offline-second-visit.png"))
    assert log.failed == [] and log.console_errors() == [] and log.errors == []
    wasm_size = (dist / "pyodide/pyodide.asm.wasm").stat().st_size
    assert page.evaluate(WASM_RANGE) == {"status": 206, "range": f"bytes 0-3/{wasm_size}", "type": "application/wasm",
                                         "bytes": [0, 97, 115, 109]}  # "\0asm"
    # Another page of the site, never opened before, is there too.
    page.goto(base_url + "teachers.html")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_file_not_of_this_build_fails_the_install_and_is_not_kept(chromium, dist, tmp_path):
    mixed = tmp_path / "mixed"
    shutil.copytree(dist, mixed)
    changed = mixed / "teachers.html"  # a host half-way through copying the next build
    changed.write_text(changed.read_text().replace("<head>", '<head>\n<meta name="build" content="B">'))
    for suffix in precompress.ENCODINGS:
        changed.with_name(changed.name + suffix).unlink()
    context = chromium.new_context()
    with serving_folder(mixed) as url:
        page, log = visit(context, url)
        assert page.evaluate(INSTALLED) == "redundant"
        kept = offline.read(dist)["files"]
        cached = page.evaluate(CACHED)["files"]
        assert url + "teachers.html" not in cached
        assert all(cached[url + path] == integrity for path, integrity in kept.items() if url + path in cached)
        train(page, 10)  # the page runs on, as without a service worker
        assert log.console_errors() == [] and log.errors == []
    context.close()


@contextmanager
def serving_folder(folder: Path):
    """Serve whatever FOLDER (a symbolic link) points at, on one origin, as a host whose files a rebuild replaces."""
    server = serve.make_server(folder, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def rebuilt(dist: Path, into: Path) -> Path:
    """DIST with a changed page, as the next build would write it: its own service worker and version."""
    shutil.copytree(dist, into)
    page = into / "index.html"
    page.write_text(page.read_text().replace("<head>", '<head>\n<meta name="build" content="B">'))
    stale = [page, into / offline.SCRIPT]
    for path in stale:
        for suffix in precompress.ENCODINGS:
            path.with_name(path.name + suffix).unlink()
    wheels = {path for path in offline.read(dist)["files"] if path.endswith(".whl")}
    offline.write(into, wheels)
    return into


def point(link: Path, target: Path) -> None:
    """Make LINK point at TARGET at once: the server sees one build or the other, never a mix."""
    temporary = link.with_name(link.name + ".new")
    temporary.symlink_to(target)
    os.replace(temporary, link)


def test_a_new_build_replaces_the_kept_one_once_the_student_reloads(chromium, dist, tmp_path, results_dir):
    build_b = rebuilt(dist, tmp_path / "b")
    served = tmp_path / "site"
    point(served, dist)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    with serving_folder(served) as url:
        english, _ = visit(context, url)
        assert english.evaluate(KEPT) == "activated"
        english.close()
        english, _ = visit(context, url)  # a visit from the kept build, A

        point(served, build_b)
        # Another tab opens: still A (from the cache), while the browser finds B and keeps it.
        chinese, chinese_log = visit(context, url + "#lang=zh-CN")
        notices = {"en": english.locator("#update-notice"), "zh-CN": chinese.locator("#update-notice")}
        expect(notices["zh-CN"]).to_be_visible(timeout=WAIT_MS * 4)
        expect(notices["zh-CN"]).to_contain_text("游乐场有新版本了。")
        assert chinese.locator('meta[name="build"]').count() == 0  # nothing of B's until the reload
        chinese.screenshot(path=str(results_dir / "offline-update-notice-zh-CN.png"))
        expect(notices["en"]).to_contain_text("A new version of the playground is ready.")
        english.screenshot(path=str(results_dir / "offline-update-notice.png"))

        with chinese.expect_event("load"):
            chinese.get_by_role("button", name="重新加载以使用").click()
        assert wait_for_state(chinese) == "ready"
        assert chinese.locator('meta[name="build"]').get_attribute("content") == "B"
        expect(notices["zh-CN"]).to_be_hidden()
        kept_b = offline.read(build_b)
        cached = chinese.evaluate(CACHED)
        assert sorted(cached["names"]) == sorted([f"playground-offline-{kept_b['version']}", "playground-startup-snapshot"])
        assert cached["files"] == {url + path: integrity for path, integrity in kept_b["files"].items()}
        assert chinese_log.console_errors() == [] and chinese_log.errors == []

        # The first tab's Reload now just reloads: B took over in the other one.
        with english.expect_event("load"):
            english.get_by_role("button", name="Reload to use it").click()
        assert wait_for_state(english) == "ready"
        assert english.locator('meta[name="build"]').get_attribute("content") == "B"
        train(english, 20)
    context.close()
