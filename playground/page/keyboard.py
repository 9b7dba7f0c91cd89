"""Keyboard shortcuts: space plays or pauses, → steps one epoch, r resets, Ctrl+Z undoes a stroke.

Listens on the page's document (in the browser only). A key belongs to the focused control
only where that control uses it: typing in a field never resets anything, → on a focused
slider moves the slider and steps nothing, space on a focused button presses that button,
but `.` after a click on Next still steps the step-through. Ctrl (⌘ on a Mac) with a key
belongs only to a text field (its own undo), so Ctrl+Z after a click on a button still
undoes the stroke.
"""

from collections.abc import Callable

from playground.page.browser import page_window

CTRL = "Ctrl+"
"""How ``actions`` name a key pressed with Ctrl (or ⌘): ``"Ctrl+z"``."""

MOVES = frozenset({"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"})
"""The keys a slider, a menu or a text field moves with."""
PRESSES = frozenset({" ", "Enter"})
"""The keys that press a button."""
KEYS_USED = {"slider": MOVES, "menu": MOVES | PRESSES, "button": PRESSES}
"""What each kind of control uses of a key pressed without Ctrl (text fields use every printable key too)."""

TEXT_TAGS = {"TEXTAREA", "SELECT"}
BUTTON_TAGS = {"BUTTON", "SUMMARY"}
BUTTON_INPUTS = {"button", "submit", "reset", "checkbox", "file", "color", "image"}
SLIDER_ROLES = {"slider", "spinbutton", "scrollbar"}
MENU_ROLES = {"menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "listbox", "option", "radiogroup",
              "radio", "tablist", "tab", "combobox", "tree", "treeitem", "grid"}
BUTTON_ROLES = {"button", "checkbox", "switch"}


def control_kind(tag: str, role: str, input_type: str, editable: bool) -> str | None:
    """Which kind of control a focused element is (``"text"``, ``"slider"``, ``"menu"`` or ``"button"``),
    from its tag, its ARIA role and an input's type; ``None`` for no control (the page itself, a plot)."""
    tag = tag.upper()
    if editable or tag in TEXT_TAGS:
        return "text"
    if tag == "INPUT":
        kind = (input_type or "text").lower()
        return "slider" if kind == "range" else "menu" if kind == "radio" else "button" if kind in BUTTON_INPUTS else "text"
    if role in SLIDER_ROLES:
        return "slider"
    if role in MENU_ROLES:
        return "menu"
    if tag in BUTTON_TAGS or role in BUTTON_ROLES:
        return "button"
    return None


def uses_key(kind: str | None, key: str, ctrl: bool) -> bool:
    """Whether a control of this kind does something of its own with ``key``: then no shortcut may."""
    if kind == "text":
        return ctrl or len(key) == 1 or key in MOVES
    return not ctrl and key in KEYS_USED.get(kind, ())


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
        # Panel and Bokeh draw inside shadow roots, where the event's target is the shadow's host:
        # the focused element itself is the first of the composed path.
        element = event.composedPath()[0]
        kind = control_kind(getattr(element, "tagName", None) or "",
                            (element.getAttribute("role") if hasattr(element, "getAttribute") else None) or "",
                            getattr(element, "type", None) or "", bool(getattr(element, "isContentEditable", False)))
        if uses_key(kind, event.key, ctrl):
            return
        action = actions.get(CTRL * ctrl + event.key)
        if action is not None and not suspended():
            event.preventDefault()
            action()

    window.document.addEventListener("keydown", create_proxy(on_key))
