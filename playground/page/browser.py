"""The browser page the app runs in, when it runs in one.

Under Pyodide in a page, ``js`` is the page's window. Under CPython (``panel
serve``, tests) there is none, and Pyodide under Node (the build's smoke test)
has no document.
"""

import asyncio
import sys
from collections.abc import Callable


def page_window():
    """The page's ``window`` object, or None outside a browser page."""
    if sys.platform != "emscripten":
        return None
    import js

    return js if hasattr(js, "document") else None


def page_object():
    """The page's one object, ``window.playground`` (its members are listed in this package's
    docstring), or None: none outside the site's page (``panel serve`` has no such object)."""
    return getattr(page_window(), "playground", None)


def training_worker():
    """The page's training worker (``window.playground.trainingWorker``, site/loader.js), or None: none
    outside a page, and none until the page is ready."""
    return getattr(page_object(), "trainingWorker", None)


def show_page_text(show: bool) -> None:
    """TF's hideText: hide the page's header and text around the app (for embedding)."""
    window = page_window()
    if window is not None:
        window.document.documentElement.classList.toggle("hide-text", not show)


def paints_pace_frames() -> bool:
    """Whether ``next_paint`` waits for a paint: in a browser page, not outside one."""
    return page_window() is not None


async def next_paint() -> None:
    """Return once the browser has painted (at once outside a page).

    A frame that waits for this is seen: back-to-back Python tasks longer than a
    paint's interval otherwise get one paint for every two redraws.
    """
    window = page_window()
    if window is not None:
        await window.playground.nextPaint()


def after_paint(callback: Callable[[], None]) -> None:
    """Call ``callback`` once the browser has painted what this task changed (at once outside a page):
    a click's own answer (Pause becoming Play) is seen before the slower work it starts."""
    if page_window() is None:
        callback()
        return

    async def painted_then_called() -> None:
        await next_paint()
        callback()

    asyncio.ensure_future(painted_then_called())
