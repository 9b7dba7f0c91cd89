"""Send a redraw's changes to the page as one patch, in Pyodide.

Panel's Pyodide bridge (``pysync`` in ``panel.io.pyodide._link_docs``, Panel
1.10) hands BokehJS each document event on its own: every event is serialised
against all of the document's models (~300 here) and applied as a patch of its
own, ~1.5 ms apiece before any data. A redraw changes five or six models, so
``one_patch`` collects their events and sends them together, as a Bokeh server
does with a held document.

Where there is no such bridge (CPython, the build's smoke test, another Panel)
it is ``pn.io.hold()`` and nothing more.
"""

import inspect
import weakref
from contextlib import contextmanager

import panel as pn


@contextmanager
def one_patch():
    """Hold the document's changes and send them to the page as one patch on exit."""
    bridge = _bridge(pn.state.curdoc)
    if bridge is None:
        with pn.io.hold():
            yield
        return
    with bridge.collecting(), pn.io.hold():
        yield


class _Bridge:
    """Stands in for Panel's ``pysync`` callback, forwarding events or collecting them."""

    def __init__(self, doc, pysync):
        import panel.io.pyodide as bridge_module

        self.module = bridge_module
        self.doc = doc
        self.pysync = pysync
        self.jsdoc = inspect.getclosurevars(pysync).nonlocals["jsdoc"]
        self.collected: list | None = None
        doc.callbacks._change_callbacks[pysync] = self.forward  # same slot, same order

    def forward(self, event) -> None:
        if self.collected is None:
            self.pysync(event)
        else:
            self.collected.append(event)

    @contextmanager
    def collecting(self):
        if self.collected is not None:  # nested: the outermost sends
            yield
            return
        self.collected = []
        try:
            yield
        finally:
            events, self.collected = self.collected, None
            self._send([event for event in events if getattr(event, "setter", None) != "js"])

    def _send(self, events: list) -> None:
        """What ``pysync`` does for one event, for all of them at once."""
        if not events:
            return
        from js import Map, Object
        from pyodide.ffi import to_js

        patch, buffers = self.module._process_document_events(self.doc, events)
        patch = to_js(patch, dict_converter=self.module._dict_converter)
        buffers = Map.new(Object.entries(to_js(buffers)))
        self.module._patching = True  # so the page's echo of this patch is not sent back
        try:
            self.jsdoc.apply_json_patch(patch, buffers)
        finally:
            self.module._patching = False


_bridges: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _bridge(doc) -> _Bridge | None:
    """The document's bridge, installed over Panel's ``pysync`` once it is there; else None."""
    if doc is None:
        return None
    if doc not in _bridges:
        callbacks = getattr(doc.callbacks, "_change_callbacks", {})
        pysync = next((callback for callback in callbacks.values()
                       if getattr(callback, "__name__", "") == "pysync"
                       and getattr(callback, "__module__", "") == "panel.io.pyodide"), None)
        if pysync is None:
            return None
        _bridges[doc] = _Bridge(doc, pysync)
    return _bridges[doc]
