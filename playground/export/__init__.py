"""The playground's work, out as files: a runnable numpy script, a notebook, the network's weights
(and back in), the data and the loss history, a picture of the output map.

Every export is a pure function of a ``Trainer`` that returns the file's text (the picture: its
bytes), with numpy and this package only and no file system, so the command line
(``python -m playground export``) and the page's Python (in Pyodide) call the same ones.

    program.py         the setup as a standalone numpy program, in parts (made from the
                       engine's own generator code, source_code.py, and its math written
                       as numpy text, numpy_code.py; the weights and what training
                       remembers written out, training_memory.py)
    script.py          the program as a .py file
    notebook.py        the program as a Jupyter notebook, with a picture of the boundary
    weights.py         the network and its training state as JSON, and loading it back
    tables.py          the data and the loss history as CSV
    output_map.py      the output map as a PNG (png.py: the encoder, which the build's icons use too)
"""

from ..trainer import Trainer
from .notebook import export_notebook
from .output_map import export_picture
from .program import STARTS
from .script import export_script
from .tables import export_data, export_losses
from .weights import export_weights, load_weights

PICTURE_NAMES = {
    "output": "{dataset}-epoch-{epoch}-output.png",
    "playground": "{dataset}-epoch-{epoch}-playground.png",
}
"""The names of the pictures the browser draws (the output map, the whole playground), named as the files are."""
FILE_NAMES = {
    "script": "{dataset}-epoch-{epoch}.py",
    "notebook": "{dataset}-epoch-{epoch}.ipynb",
    "weights": "{dataset}-epoch-{epoch}-network.json",
    "data": "{dataset}-data.csv",
    "losses": "{dataset}-epoch-{epoch}-losses.csv",
    "png": PICTURE_NAMES["output"],
}
"""Each format's file name, after the setup and the epoch it was exported at."""
FORMATS = tuple(FILE_NAMES)


PROGRAMS = {"script": export_script, "notebook": export_notebook}
"""The formats that train: ``f(trainer, epochs, start)``."""
RECORDS = {"weights": export_weights, "data": export_data, "losses": export_losses, "png": export_picture}
"""The formats that record the trainer as it is: ``f(trainer)``."""


def export(trainer: Trainer, format: str, epochs: int | None = None, start: str = "first") -> str | bytes:
    """The text of ``trainer``'s file in ``format`` (a picture's bytes); ``epochs`` and ``start`` are the
    programs' (``export_script``)."""
    if format in PROGRAMS:
        return PROGRAMS[format](trainer, epochs, start)
    if format in RECORDS:
        return RECORDS[format](trainer)
    raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")


def file_name(trainer: Trainer, format: str) -> str:
    """The name to save ``trainer``'s file in ``format`` (or picture, PICTURE_NAMES) under, such as
    ``spiral-epoch-300.py``."""
    return {**FILE_NAMES, **PICTURE_NAMES}[format].format(dataset=trainer.state().active_dataset(), epoch=trainer.epoch)


__all__ = ["FORMATS", "PICTURE_NAMES", "STARTS", "export", "file_name", "load_weights"]
