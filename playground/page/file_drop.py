"""A file dropped anywhere on the page: its bytes handed to Python (in the browser only).

"Your data" listens once it is first chosen; a drop while it is not shown is ignored by its
handler. The page's own default for a dropped file (opening it, leaving the playground) is
prevented whenever a file is dragged over the page.
"""

import asyncio
from collections.abc import Callable

from playground.page.browser import page_window

_tasks: set = set()
"""Reads of dropped files under way (asyncio keeps only weak references to tasks)."""


def listen_for_dropped_files(take: Callable[[bytes], None]) -> None:
    """Call ``take(content)`` with the first file of each drop on the page."""
    window = page_window()
    if window is None:
        return
    from pyodide.ffi import create_proxy

    def carries_files(event) -> bool:
        return event.dataTransfer is not None and "Files" in list(event.dataTransfer.types)

    def on_drag_over(event) -> None:
        if carries_files(event):
            event.preventDefault()  # allows the drop

    def on_drop(event) -> None:
        if not carries_files(event) or event.dataTransfer.files.length == 0:
            return
        event.preventDefault()
        task = asyncio.ensure_future(_read(event.dataTransfer.files.item(0), take))
        _tasks.add(task)
        task.add_done_callback(_tasks.discard)

    window.addEventListener("dragover", create_proxy(on_drag_over))
    window.addEventListener("drop", create_proxy(on_drop))


async def _read(file, take: Callable[[bytes], None]) -> None:
    take((await file.arrayBuffer()).to_bytes())
