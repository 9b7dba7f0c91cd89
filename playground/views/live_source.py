"""Reach the Bokeh data source behind a HoloViews element, to update it in place.

Re-rendering a HoloViews element per frame costs tens of milliseconds;
assigning new arrays to the Bokeh ``ColumnDataSource`` it was drawn with
costs about one (docs/measurements.md). A ``LiveSource`` is a plot hook that keeps
that source once HoloViews has built the plot, and remembers the latest
columns so a plot rendered later (or again) starts from them.
"""

import numpy as np
import panel as pn
from bokeh.models import CustomJS, HoverTool

from playground.assets import asset


class LiveSource:
    """Holds the ``ColumnDataSource`` of the element it is hooked into."""

    def __init__(self):
        self.source = None
        self.handles: dict = {}
        """The plot's Bokeh models by role (``x_range``, ``glyph`` …)."""
        self.columns: dict = {}
        self.tap_callbacks: list = []
        self.hover_callbacks: list = []

    def hook(self, plot, element) -> None:
        self.handles = plot.handles
        self.source = plot.handles["source"]
        if self.columns:
            self.source.data.update(self.columns)
        self.source.selected.on_change("indices", self._tapped)
        if self.hover_callbacks:
            plot.state.add_tools(HoverTool(renderers=[plot.handles["glyph_renderer"]], tooltips=None,
                                           callback=CustomJS(args={"source": self.source}, code=asset("report_hover.js"))))
            self.source.on_change("tags", self._hovered)

    def on_hover(self, callback) -> None:
        """Call ``callback(row)`` when the pointer enters a row's glyph, ``callback(None)`` when it leaves.

        Bokeh keeps hover in the browser; a small script reports the row under the
        pointer through the source's ``tags`` (synced back to Python), only when it changes.
        """
        self.hover_callbacks.append(callback)

    def on_tap(self, callback) -> None:
        """Call ``callback(row)`` with the columns of a row the user taps."""
        self.tap_callbacks.append(callback)

    def _hovered(self, attr, old, new) -> None:
        row = new[0] if new else -1
        rows = len(next(iter(self.columns.values()), []))
        shown = {name: values[row] for name, values in self.columns.items()} if 0 <= row < rows else None
        for callback in self.hover_callbacks:
            callback(shown)

    def _tapped(self, attr, old, new) -> None:
        if not new:
            return
        row = {name: values[new[0]] for name, values in self.columns.items()}
        for callback in self.tap_callbacks:
            callback(row)
        pn.state.execute(self._clear_selection)

    async def _clear_selection(self) -> None:
        # So a second tap on the same row is a change too. Cleared later, as a change of
        # our own: one made inside the browser's own change would not be sent back to it.
        self.source.selected.indices = []

    def stream(self, **rows) -> None:
        """Append rows to every column: only the new rows go to the browser."""
        self.columns.update({name: np.concatenate([self.columns[name], values]) for name, values in rows.items()})
        if self.source is not None:
            self.source.stream(rows)

    def update(self, **columns) -> None:
        """Replace the given columns at once; only they are sent to the browser.

        Columns left out must keep their length (pass every column on a change of size).
        """
        self.columns.update(columns)
        if self.source is not None:
            self.source.data.update(columns)
