"""Read and write the ``#…`` part of the page's address, where a setup lives.

In a browser page (Pyodide) the app talks to ``window.location`` directly;
under ``panel serve`` it goes through Panel's ``Location``. Writing replaces
the current history entry, so a tweak does not become a Back-button step.
"""

import panel as pn

from playground.page.browser import page_window


def read_fragment() -> str:
    """The page's fragment, with its '#', or '' if there is none."""
    window = page_window()
    if window is not None:
        return str(window.location.hash)
    return pn.state.location.hash if pn.state.location else ""


def read_base() -> str:
    """The page's address without its fragment: where a shared link or an embed points ('' if unknown)."""
    window = page_window()
    if window is not None:
        return str(window.location.href).split("#")[0]
    return pn.state.location.href.split("#")[0] if pn.state.location else ""


def write_fragment(fragment: str) -> None:
    """Show ``fragment`` (without '#') in the address bar."""
    window = page_window()
    if window is not None:
        window.history.replaceState(None, "", "#" + fragment)
    elif pn.state.location:
        pn.state.location.hash = "#" + fragment
