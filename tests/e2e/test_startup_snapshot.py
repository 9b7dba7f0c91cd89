"""The start-up snapshot (site/startup_snapshot.js): a second visit restores Python's memory
after the imports instead of importing again, whatever that memory held before, and a snapshot
that does not fit costs only a normal start."""
from __future__ import annotations

import pytest

from tests.helpers.pages import epoch_at_least, open_page, press, wait_for_state

# Resolves once this site's snapshot (the heap and what JavaScript must put back) is stored.
SNAPSHOT_STORED = """async () => {
  const cache = await caches.open("playground-startup-snapshot");
  for (let tries = 0; tries < 300; tries++) {
    const urls = (await cache.keys()).map((request) => request.url);
    if (urls.length === 2) return urls;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}"""


def visit(context, base_url):
    page, log = open_page(context, base_url)
    assert wait_for_state(page) == "ready"
    return page, log


def started(page) -> str:
    return page.evaluate("window.playground.timings.python")


def first_draws(page) -> list[float]:
    """The first number of Python's and of numpy's global random generators in this page."""
    return page.evaluate("""JSON.parse(playground.pyodide.runPython(
      "import json, random, numpy; json.dumps([random.random(), numpy.random.random()])"))""")


def test_a_second_visit_restores_python_and_trains_with_fresh_randomness(context, base_url, results_dir):
    first, _ = visit(context, base_url)
    assert started(first) == "started"
    assert len(first.evaluate(SNAPSHOT_STORED)) == 2
    first.close()

    second, log = visit(context, base_url)
    assert started(second) == "restored"
    # The imports came with the snapshot: the loader ran none of them.
    phases = [name for name, _ in second.evaluate("window.playground.timings.marks")]
    assert not [name for name in phases if name.startswith("importing")], phases
    draws = first_draws(second)
    press(second, "▶ Play")
    epoch_at_least(second, 50)
    press(second, "❚❚ Pause")
    second.screenshot(path=str(results_dir / "restored-from-snapshot.png"))
    assert log.console_errors() == [] and log.errors == []
    # The snapshot froze the random generators' state; each visit still draws its own numbers.
    # And a link opens its own setup, as on a first visit.
    third, _ = visit(context, base_url + "#dataset=xor&learningRate=0.1")
    assert started(third) == "restored"
    assert all(a != b for a, b in zip(draws, first_draws(third)))
    assert third.get_by_label("Learning rate", exact=True).input_value() == "0.1"


def test_a_snapshot_that_does_not_fit_gives_a_normal_start_and_is_replaced(context, base_url):
    first, _ = visit(context, base_url)
    stored = first.evaluate(SNAPSHOT_STORED)
    heap_url = min(stored, key=len)
    # What another Pyodide build would leave, or a truncated write: not a snapshot of this one.
    first.evaluate("""async (url) => {
      const cache = await caches.open("playground-startup-snapshot");
      await cache.put(url, new Response(new Uint8Array(1 << 20)));
    }""", heap_url)
    first.close()

    second, log = visit(context, base_url)
    assert started(second) == "started"
    warnings = [text for kind, text in log.console if kind == "warning"]
    assert any("start-up snapshot did not fit" in text for text in warnings), warnings
    press(second, "▶ Play")
    epoch_at_least(second, 20)
    assert log.console_errors() == [] and log.errors == []
    assert len(second.evaluate(SNAPSHOT_STORED)) == 2  # a good one again, for the next visit
    second.close()
    third, _ = visit(context, base_url)
    assert started(third) == "restored"


@pytest.fixture()
def context_without_service_worker(chromium):
    """A fresh profile whose pages come from the server: no service worker (site/service_worker.js)
    answers them from its cache, so a route can change what the server sends."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context
    context.close()


def test_a_restored_start_that_fails_starts_once_more_without_the_snapshot(context_without_service_worker, base_url):
    context = context_without_service_worker
    first, _ = visit(context, base_url)
    first.evaluate(SNAPSHOT_STORED)
    first.close()

    def broken_app_module(route):  # a failure after the restore, as a bad snapshot could cause
        html = route.fetch().text()
        route.fulfill(body=html.replace('"app_module": "playground.app"', '"app_module": "no_such_module_for_e2e"'),
                      content_type="text/html")

    context.route(base_url, broken_app_module)
    page, log = open_page(context, base_url)
    page.wait_for_event("load")  # the restored start failed: the page reloads once, without it
    assert wait_for_state(page) == "error"
    assert "no_such_module_for_e2e" in page.inner_text("#screen")
    assert page.evaluate("window.playground.timings.python") == "started"
    assert any("without the start-up snapshot" in text for kind, text in log.console if kind == "warning")


# Memory of four 64 KiB blocks holding stale bytes, and a heap image to restore over it: each block
# zero or not in either. The restore skips only blocks zero in both; the memory must end as the image.
RESTORED_OVER_STALE = """async () => {
  const { restoreHeap } = await import("./startup_snapshot.js");
  const block = 65536;
  const memory = new Uint8Array(4 * block), image = new Uint8Array(4 * block);
  memory[block + 7] = 1;  // image zero, memory not
  image[2 * block + 9] = 2;  // image not, memory zero
  memory[3 * block] = 5; image[3 * block + 1] = 3;  // both not
  restoreHeap(memory, image);
  return memory.every((byte, index) => byte === image[index]);
}"""


def test_a_restore_leaves_memory_exactly_as_the_snapshot_whatever_it_held(context, base_url):
    page = context.new_page()
    page.goto(base_url + "teachers.html")
    assert page.evaluate(RESTORED_OVER_STALE) is True
