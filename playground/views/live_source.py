"""Reach the Bokeh data source behind a HoloViews element, to update it in place.

Re-rendering a HoloViews element per frame costs tens of milliseconds;
assigning new arrays to the Bokeh ``ColumnDataSource`` it was drawn with
costs about one (DESIGN.md §3). A ``LiveSource`` is a plot hook that keeps
that source once HoloViews has built the plot, and remembers the latest
columns so a plot rendered later (or again) starts from them.
"""


class LiveSource:
    """Holds the ``ColumnDataSource`` of the element it is hooked into."""

    def __init__(self):
        self.source = None
        self.handles: dict = {}
        """The plot's Bokeh models by role (``x_range``, ``glyph`` …)."""
        self.columns: dict = {}

    def hook(self, plot, element) -> None:
        self.handles = plot.handles
        self.source = plot.handles["source"]
        if self.columns:
            self.source.data.update(self.columns)

    def update(self, **columns) -> None:
        """Replace the given columns at once; only they are sent to the browser.

        Columns left out must keep their length (pass every column on a change of size).
        """
        self.columns.update(columns)
        if self.source is not None:
            self.source.data.update(columns)
