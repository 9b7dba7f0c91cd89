"""The confusion matrix under the output map, for more than two classes: how many test points of
each class the network gives to each class.

A small HTML table, a row per class and a column per class predicted, each headed by the class's
colour on the map; a cell is tinted in the predicted class's colour by its share of the row, so
the matrix reads as a heatmap too. A ``<table>`` with a ``<caption>`` is what a screen reader
reads as a table with a name. Each frame rebuilds the text (a few µs for 16 cells) and sends it
only when it changed: once a network settles, its matrix rarely does.
"""

import numpy as np
import panel as pn

from ..assets import asset
from ..views.palette import CLASS_COLOURS
from ..words import Words
from .readout import Readout


class ConfusionTable(pn.viewable.Viewer):
    """The test points' confusion matrix, shown while the network has more than two classes."""

    def __init__(self, words: Words, **params):
        super().__init__(**params)
        self.words = words
        self.pane = Readout("", visible=False, margin=(0, 10), css_classes=["np-confusion"],
                            stylesheets=[asset("confusion_table.css")])

    def show(self, matrix: np.ndarray | None) -> None:
        """``matrix``: counts by class (row) and class predicted (column), as ``Trainer.confusion``
        gives them; None hides the table (two classes, or regression)."""
        if matrix is None:
            self.pane.visible = False
            return
        text = confusion_html(self.words, matrix)
        if text != self.pane.object:
            self.pane.object = text
        self.pane.visible = True

    def __panel__(self) -> pn.viewable.Viewable:
        return self.pane


def confusion_html(words: Words, matrix: np.ndarray) -> str:
    """The table of ``matrix``, in the interface's language."""
    classes = range(len(matrix))
    head = "".join(f"<th scope='col'>{_class(k)}</th>" for k in classes)
    rows = "".join(
        f"<tr><th scope='row'>{_class(k)}</th>"
        + "".join(_cell(count, row.sum(), CLASS_COLOURS[j], hit=j == k) for j, count in enumerate(row))
        + "</tr>"
        for k, row in enumerate(matrix)
    )
    return (f"<table><caption>{words.text('output.confusion_caption')}</caption>"
            f"<thead><tr><th scope='col'>{words.text('output.confusion_corner')}</th>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _class(k: int) -> str:
    """A class's heading: its colour on the map, then its number (the label the data give it)."""
    return f"<span class='np-swatch' style='background:{CLASS_COLOURS[k]}'></span>{k}"


def _cell(count: int, row_total: int, colour: str, hit: bool) -> str:
    """A count, tinted in the predicted class's colour by its share of the row (right answers in bold)."""
    share = count / row_total if row_total else 0.0
    tint = f" style='background:{colour}{round(share * 0x60):02x}'" if count else ""
    return f"<td{tint}>{f'<b>{count}</b>' if hit else count}</td>"
