"""The built site's pages in Chromium, as the e2e tests open, read and drive them."""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlparse

from playwright.sync_api import expect

READY_TIMEOUT_MS = 120_000
"""How long a page may take to load the whole app."""
WAIT_MS = 30_000
"""How long a test waits for what a click or a key should bring about."""
GOAL_MS = 60_000
"""How long a lesson's step may train before its goal is reached."""

@contextmanager
def touch_screen(browser, width: int, height: int):
    """A new context of ``browser`` as a tablet or a phone: a ``width`` × ``height`` mobile viewport that taps;
    closed after."""
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True, is_mobile=True)
    try:
        yield context
    finally:
        context.close()


# Records what the progress box shows as the page loads: [stage, text, bar width] at
# every change, in window.progressSeen (an init script, so it sees the first change).
RECORD_PROGRESS_JS = """
window.progressSeen = [];
new MutationObserver(() => {
  const box = document.getElementById("progress");
  if (!box || !box.dataset.stage) return;
  const entry = [box.dataset.stage, document.getElementById("progress-stage").textContent,
                 parseFloat(document.getElementById("progress-bar").style.width) || 0];
  const last = window.progressSeen[window.progressSeen.length - 1];
  if (!last || last.join("|") !== entry.join("|")) window.progressSeen.push(entry);
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
"""


@dataclass
class PageLog:
    """What one page did: request URLs, failed requests, console messages, page errors."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> PageLog:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("console", lambda m: self.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        return self

    def hosts(self) -> set[str]:
        return {urlparse(u).hostname or urlparse(u).scheme for u in self.requests}

    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "error"]


def open_page(context, url: str):
    page = context.new_page()
    log = PageLog().attach(page)
    page.goto(url)
    return page, log


def wait_for_state(page, timeout_ms: int = READY_TIMEOUT_MS) -> str:
    """Wait until the loader reports a state: ready, error, missing, file or nowasm."""
    page.wait_for_function("document.documentElement.dataset.state", timeout=timeout_ms)
    return page.evaluate("document.documentElement.dataset.state")


EPOCH = ".np-epoch .np-value"
"""The epoch the app shows, as it writes it: 000,042."""


def epoch(page) -> int:
    return int(page.locator(EPOCH).inner_text().replace(",", ""))


def expect_epoch(page, n: int) -> None:
    """Wait until the page (or an iframe's frame) shows epoch ``n``."""
    expect(page.locator(EPOCH)).to_have_text(f"{n:07,d}")


def shown_test_loss(page) -> float:
    text = page.locator(".np-metric", has_text="Test loss").inner_text()
    return float(re.search(r"Test loss\s+([0-9.]+)", text).group(1))


def press(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()


# The output map's frame (the square of data, inside the plot's axes and colour scale) on the page,
# from BokehJS's own layout: [left, top, width, height] in the page's pixels.
MAP_FRAME_JS = """() => {
  const walk = view => {
    const name = view.model?.html_attributes?.["aria-label"] ?? "";
    if (name.startsWith("Output: the network") && view.frame) {
      const plot = view.el.getBoundingClientRect(), frame = view.frame.bbox;
      return [plot.x + frame.left, plot.y + frame.top, frame.width, frame.height];
    }
    for (const child of view.child_views ?? []) {
      const found = walk(child);
      if (found) return found;
    }
    return null;
  };
  for (const view of Object.values(Bokeh.index)) {
    const found = walk(view);
    if (found) return found;
  }
  return null;
}"""


def map_pixel(page, x1: float, x2: float, domain: float = 6.0) -> tuple[float, float]:
    """The page's pixel where the output map draws the point (x1, x2) of its ±``domain`` view."""
    left, top, width, height = page.evaluate(MAP_FRAME_JS)
    return left + (x1 + domain) / (2 * domain) * width, top + (domain - x2) / (2 * domain) * height


def wait_for_address(page, *parts: str) -> None:
    """Wait until the address's ``#…`` part holds every one of ``parts``, in a page or an iframe's frame."""
    page.wait_for_function("parts => parts.every(part => location.hash.includes(part))", arg=list(parts),
                           timeout=WAIT_MS)


def wait_until(page, condition, what: str, timeout_ms: int = WAIT_MS) -> None:
    """Poll ``condition()`` until it holds, for what no Playwright matcher says: Playwright for Python
    has no ``expect.poll``, and page.wait_for_function cannot reach into Panel's shadow roots."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        page.wait_for_timeout(100)  # the poll's interval (Playwright's events are handled meanwhile)


def epoch_at_least(page, n: int) -> None:
    wait_until(page, lambda: epoch(page) >= n, f"epoch {n}")
