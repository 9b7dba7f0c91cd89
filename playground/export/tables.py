"""The data and the loss history as CSV, for a spreadsheet or another program.

Numbers are written to their last bit (Python's shortest exact form), whole ones without ".0", so a
label reads 1 or -1. The data's first three columns are x, y, label: what a CSV of one's own data
has, so an exported file can be read back as data.
"""

import math

from ..trainer import Trainer


def export_data(trainer: Trainer) -> str:
    """Every point: ``x,y,label,set``, the training points first, then the test points."""
    lines = ["x,y,label,set"]
    for name, points in (("train", trainer.dataset.train), ("test", trainer.dataset.test)):
        lines += [f"{_number(x)},{_number(y)},{_number(label)},{name}" for (x, y), label in zip(points.xy, points.labels)]
    return "\n".join(lines) + "\n"


def export_losses(trainer: Trainer) -> str:
    """The loss history: ``epoch,train_loss,test_loss``, one row for each epoch the history holds."""
    rows = [f"{m.epoch},{_number(m.train_loss)},{_number(m.test_loss)}" for m in trainer.history]
    return "\n".join(["epoch,train_loss,test_loss", *rows]) + "\n"


def _number(value: float) -> str:
    value = float(value)
    return str(int(value)) if math.isfinite(value) and value.is_integer() else repr(value)
