"""The browser page the app runs in, when it runs in one.

Under Pyodide in a page, ``js`` is the page's window. Under CPython (``panel
serve``, tests) there is none, and Pyodide under Node (the build's smoke test)
has no document.
"""

import sys


def page_window():
    """The page's ``window`` object, or None outside a browser page."""
    if sys.platform != "emscripten":
        return None
    import js

    return js if hasattr(js, "document") else None
