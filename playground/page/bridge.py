"""The page's end of the embed bridge: ``window.playground.embed`` (``site/embed_bridge.js``).

The bridge posts events to the host only when the page is framed, checks the origin and
the shape of every command before handing its JSON text to Python, and holds events until
the app is interactive. Both directions cross as JSON text, so no Python object outlives
a call in JavaScript. Without that bridge (``panel serve``, tests, the build's smoke test)
events go nowhere and no command comes.
"""

import asyncio
import json
from collections.abc import Callable
from typing import NamedTuple

from playground.page.browser import page_object


class PageEnd(NamedTuple):
    """How events reach the host: ``post(type, data)``, and ``later(seconds, callback)`` to coalesce them."""

    post: Callable[[str, dict], None]
    later: Callable[[float, Callable[[], None]], None]


NOWHERE = PageEnd(post=lambda kind, data: None, later=lambda seconds, callback: callback())
"""No page around: events are dropped at once, so nothing waits for an event loop."""


def connect(receive: Callable[[str], None], origins: list[str], shapes: dict[str, dict]) -> PageEnd:
    """Hand the host's commands (JSON text) from ``origins`` that fit ``shapes`` (each command's data,
    by type: ``embed.commands.SHAPES``) to ``receive``; return how to post events to the host (to those
    origins, or to any without them)."""
    bridge = getattr(page_object(), "embed", None)
    if bridge is None:
        return NOWHERE
    from pyodide.ffi import create_proxy

    bridge.listen(create_proxy(lambda text: receive(str(text))), json.dumps(origins), json.dumps(shapes))
    return PageEnd(post=lambda kind, data: bridge.post(kind, json.dumps(data, ensure_ascii=False, allow_nan=False)),
                   later=lambda seconds, callback: asyncio.get_event_loop().call_later(seconds, callback))
