"""What the smoke test of other browsers asks of a page, whichever protocol drives it.

Firefox is driven over WebDriver BiDi (sitebuild/firefox.py), WebKitGTK over classic
WebDriver through Selenium (sitebuild/webkit.py); Chromium keeps Playwright
(sitebuild/browser.py). Each runs a function body in the page and returns its JSON
value; what they share is written here once, in JavaScript both can run. Panel draws its
widgets in shadow roots, which querySelector does not enter, hence ``deep``.
"""
from __future__ import annotations

from pathlib import Path

# deep(selector, text): the first element, in the document or any shadow root, that matches
# the selector and, given text, whose trimmed text is exactly that.
DEEP = """const deep = (selector, text) => {
  const search = (root) => {
    for (const element of root.querySelectorAll(selector))
      if (text === undefined || element.textContent.trim() === text) return element;
    for (const host of root.querySelectorAll("*")) {
      const found = host.shadowRoot && search(host.shadowRoot);
      if (found) return found;
    }
    return null;
  };
  return search(document);
};
"""


class DrivenPage:
    """One tab of a browser the smoke test drives."""

    engine: str
    version: str
    VIEWPORT = {"width": 1280, "height": 900}

    def open(self, url: str) -> None:
        raise NotImplementedError

    def run(self, body: str):
        """Run ``body`` (a function's statements, which may await and ``return``; ``deep`` is
        defined) in the page; its JSON return value."""
        raise NotImplementedError

    def click(self, element: str) -> None:
        """A real mouse click on the middle of ``element`` (a JavaScript expression)."""
        raise NotImplementedError

    def screenshot(self, path: Path) -> None:
        raise NotImplementedError

    def errors(self) -> list[str]:
        """The page's errors so far: uncaught exceptions and console errors."""
        raise NotImplementedError

    @staticmethod
    def as_json_expression(body: str) -> str:
        """An expression for a promise of ``body``'s return value as JSON text."""
        return f"(async () => {{ {DEEP}\n{body}\n}})().then((value) => JSON.stringify(value ?? null))"

    @staticmethod
    def center_of(element: str) -> str:
        """A body that scrolls ``element`` into view and returns its middle, in the viewport's pixels."""
        return f"""const element = {element};
if (!element) throw new Error("nothing to click: {element.replace('"', "'")}");
element.scrollIntoView({{block: "center"}});
const box = element.getBoundingClientRect();
return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];"""
