"""The page's ``localStorage``, where a student's progress outlives the page (``lessons.store``).

Outside a page, or where the browser refuses storage to this page, a ``MemoryStorage``
stands in: the same two methods over a dict, gone with the Python that holds it.
"""

from playground.page.browser import page_window


class MemoryStorage:
    """``localStorage``'s two methods over a dict: the store outside a browser page."""

    def __init__(self):
        self.items: dict[str, str] = {}

    def getItem(self, key: str) -> str | None:  # noqa: N802 (the Web Storage API's name)
        return self.items.get(key)

    def setItem(self, key: str, value: str) -> None:  # noqa: N802
        self.items[key] = value


def page_storage():
    """The page's ``localStorage``; a ``MemoryStorage`` outside a page or where the browser refuses it."""
    window = page_window()
    try:
        return window.localStorage if window is not None else MemoryStorage()
    except Exception:  # a SecurityError where the browser blocks storage for this page
        return MemoryStorage()
