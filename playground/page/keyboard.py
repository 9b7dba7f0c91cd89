"""Keyboard shortcuts: space plays or pauses, → steps one epoch, r resets, Ctrl+Z undoes a stroke.

Listens on the page's document (in the browser only). A key pressed while a
form control has focus belongs to that control: space on a focused button
presses that button, and typing in a field never resets anything; Ctrl (⌘ on a
Mac) with a key belongs only to a text field (its own undo), so Ctrl+Z after a
click on a button still undoes the stroke.
"""

from collections.abc import Callable

from playground.page.browser import page_window

#: Elements that use these keys themselves (Panel renders inside shadow DOM, so
#: the element is the first of the event's composed path, not its target).
OWN_KEYS = {"INPUT", "SELECT", "TEXTAREA", "BUTTON"}
#: Elements that use Ctrl (or ⌘) with a key themselves: a text field's undo, copy, paste.
OWN_CTRL_KEYS = {"INPUT", "TEXTAREA"}
CTRL = "Ctrl+"
"""How ``actions`` name a key pressed with Ctrl (or ⌘): ``"Ctrl+z"``."""


def bind_shortcuts(actions: dict[str, Callable[[], None]], suspended: Callable[[], bool] = lambda: False) -> None:
    """Run ``actions[event.key]`` (``actions["Ctrl+" + event.key]`` with Ctrl or ⌘ held) on key presses
    anywhere else on the page, except while ``suspended()`` (a dialog over the playground: a stray r
    must not reset what is behind it)."""
    window = page_window()
    if window is None:
        return
    from pyodide.ffi import create_proxy

    def on_key(event) -> None:
        ctrl = event.ctrlKey or event.metaKey
        if event.altKey or event.repeat:
            return
        element = event.composedPath()[0]
        own = OWN_CTRL_KEYS if ctrl else OWN_KEYS
        if getattr(element, "tagName", "") in own or getattr(element, "isContentEditable", False):
            return
        action = actions.get(CTRL * ctrl + event.key)
        if action is not None and not suspended():
            event.preventDefault()
            action()

    window.document.addEventListener("keydown", create_proxy(on_key))
