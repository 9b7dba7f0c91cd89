"""Keyboard shortcuts: space plays or pauses, → steps one epoch, r resets.

Listens on the page's document (in the browser only). A key pressed while a
form control has focus belongs to that control: space on a focused button
presses that button, and typing in a field never resets anything.
"""

from collections.abc import Callable

from playground.page.browser import page_window

#: Elements that use these keys themselves (Panel renders inside shadow DOM, so
#: the element is the first of the event's composed path, not its target).
OWN_KEYS = {"INPUT", "SELECT", "TEXTAREA", "BUTTON"}


def bind_shortcuts(actions: dict[str, Callable[[], None]], suspended: Callable[[], bool] = lambda: False) -> None:
    """Run ``actions[event.key]`` on key presses anywhere else on the page, except while
    ``suspended()`` (a dialog over the playground: a stray r must not reset what is behind it)."""
    window = page_window()
    if window is None:
        return
    from pyodide.ffi import create_proxy

    def on_key(event) -> None:
        if event.ctrlKey or event.metaKey or event.altKey or event.repeat:
            return
        element = event.composedPath()[0]
        if getattr(element, "tagName", "") in OWN_KEYS or getattr(element, "isContentEditable", False):
            return
        action = actions.get(event.key)
        if action is not None and not suspended():
            event.preventDefault()
            action()

    window.document.addEventListener("keydown", create_proxy(on_key))
