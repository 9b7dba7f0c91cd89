"""Readouts (the epoch, the losses) show each new text, and a new text sends the browser nothing else."""
from __future__ import annotations

import html

from bokeh.document import Document

from playground.ui.readout import Readout


def rendered(readout: Readout):
    document = Document()
    model = readout.get_root(document)
    document.add_root(model)
    return document, model


def test_a_readout_shows_each_new_text():
    readout = Readout("<b>Epoch</b> 000,001", width=130)
    _, model = rendered(readout)
    readout.object = "<b>Epoch</b> 000,002 & more"
    assert html.unescape(model.text) == "<b>Epoch</b> 000,002 & more" and model.width == 130


def test_a_new_text_changes_only_the_text_in_the_document():
    readout = Readout("<b>0.501</b>", css_classes=["np-metrics"])
    document, model = rendered(readout)
    changes = []
    document.on_change(lambda event: changes.append(getattr(event, "attr", type(event).__name__)))
    readout.object = "<b>0.499</b>"
    assert changes == ["text"]
    readout.visible = False  # the pane's other properties still reach the browser, as Panel's
    assert changes == ["text", "visible"] and model.visible is False
