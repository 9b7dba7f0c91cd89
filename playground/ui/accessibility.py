"""Accessible names Panel has no parameter for.

Python puts the name on the Bokeh model's host element (``html_attributes``);
``site/accessible_names.js`` hands it to the control inside, or makes a named
plot an image, because Bokeh draws each widget in a shadow root of its own.
"""

import panel as pn

from playground.ui.file_picker import FilePicker


class _Named:
    """A widget whose host carries ``accessible_name`` for site/accessible_names.js to give its control."""

    def __init__(self, accessible_name: str, **params):
        super().__init__(**params)
        self.accessible_name = accessible_name

    def _get_model(self, doc, root=None, parent=None, comm=None):
        model = super()._get_model(doc, root, parent, comm)
        model.html_attributes = {"aria-label": self.accessible_name}
        return model


class SymbolButton(_Named, pn.widgets.Button):
    """A button showing a symbol ("+", "−") that a screen reader announces by ``accessible_name``."""


class NamedFileInput(_Named, FilePicker):
    """A file input a screen reader announces by ``accessible_name`` (the browser's own says "Choose file"),
    which reads the same file again when chosen again."""


def name_plot(plot, name: str) -> None:
    """Give a HoloViews plot's figure a name for screen readers (from a plot hook)."""
    plot.state.html_attributes = {"aria-label": name}
