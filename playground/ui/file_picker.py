"""A file input that reads the same file again when it is chosen again.

A browser fires no change for the file its input already holds, so a student who loads a network,
trains on, and loads the same file again (or imports the same CSV after changing it) would see
nothing happen. The input forgets each file once read (playground/assets/forget_file.js, in the
page: Panel's ``clear()`` does not reach BokehJS under Pyodide); Python sees ``None`` then.
"""

import panel as pn

from playground.assets import asset


class FilePicker(pn.widgets.FileInput):
    """A FileInput whose value is each file chosen, the same one again too, and then None."""

    def __init__(self, **params):
        super().__init__(**params)
        self.jscallback(value=asset("forget_file.js"))
