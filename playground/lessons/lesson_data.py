"""A lesson's own points: the CSV its front matter's ``data`` names, in the lesson's folder.

Read by the same rules as a student's import (``yourdata/csv_import.py``), for the problem the
preset sets, and added to the preset as ``yourData``: the lesson starts with these points, shown
when the preset (or a step's answer) chooses Your data. A file that is missing or refused is a
problem at the ``data`` line that names the file.
"""

import re
from pathlib import Path

from playground.yourdata import point_code
from playground.yourdata.csv_import import CsvError, read_csv

from .reading import Reader
from .yaml_nodes import Node

FILE_NAME = re.compile(r"^[\w.-]+\.csv$")
"""A CSV file's plain name: the file sits beside the lesson, so the build ships the folder as it is."""


def data_name(reader: Reader, node: Node) -> str | None:
    """The ``data`` field: a CSV file's name, without folders."""
    if not node.is_scalar or not FILE_NAME.match(node.text):
        reader.error(node.line, f"data: name a CSV file beside the lesson, like points.csv, not {node.text or 'that'}")
        return None
    return node.text


def with_points(lesson: Path, name: str, line: int, preset: tuple, reader: Reader) -> tuple:
    """``preset`` with the points of the CSV ``name`` beside ``lesson`` as its ``yourData``."""
    settings = dict(preset)
    if "yourData" in settings:
        reader.error(line, f"data: {name} gives the points, and so does the preset's yourData: keep one")
        return preset
    path = lesson.parent / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        reader.error(line, f"data: {name} is not there: put it beside {lesson.name}")
        return preset
    except (OSError, UnicodeDecodeError) as error:
        reader.error(line, f"data: {name} cannot be read as UTF-8 text: {error}")
        return preset
    try:
        points = read_csv(text, settings.get("problem", "classification"))
    except CsvError as refused:
        reader.error(line, f"data: {name} is refused: {refused.message}")
        return preset
    return (*preset, ("yourData", point_code.encode(points.xy, points.labels)))
