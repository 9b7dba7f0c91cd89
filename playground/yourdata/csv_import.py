"""A CSV of ``x,y,label`` rows read into points, or refused with the line at fault.

A student's file is whatever a spreadsheet wrote: a header or none, commas, semicolons or
tabs, labels as ±1, 0/1 or two class names, values of any scale, columns after the third
(the Export's data CSV adds its ``set``). What can be made to fit
is (points outside the ±6 view are moved in, regression values beyond ±1 scaled), each
with a notice; what cannot is refused whole, so a bad file never replaces good data.
"""

import re
from dataclasses import dataclass, field

import numpy as np

from playground.engine.datasets import DOMAIN
from playground.i18n import Message

from . import MAX_POINTS

_SEPARATOR = re.compile(r"[,;\t]")
FIT = 0.9 * DOMAIN
"""How far from the centre points moved into the view reach: inside it, not cut by its edge."""


class CsvError(ValueError):
    """Why a file was refused, as a ``Message`` the interface says in its language."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


@dataclass
class Imported:
    """Points read from a file: ``xy`` (n, 2) in the view, ``labels`` (n,), and what was changed to fit."""

    xy: np.ndarray
    labels: np.ndarray
    notices: list[Message] = field(default_factory=list)


def read_csv(text: str, problem: str) -> Imported:
    """The points of ``text`` for ``problem`` ("classification" or "regression"); raises ``CsvError``."""
    rows = list(_rows(text))
    if rows and not _is_number(rows[0][1][0]):
        rows = rows[1:]  # a header
    if len(rows) > MAX_POINTS:
        raise CsvError(Message("yourdata.too_many", count=len(rows), most=MAX_POINTS))
    if not rows:
        raise CsvError(Message("yourdata.no_rows"))
    xy = np.array([_coordinates(line, cells) for line, cells in rows]).reshape(-1, 2)
    notices = []
    labels = (_classes if problem == "classification" else _values)(rows, notices)
    return Imported(_fitted(xy, notices), labels, notices)


def _rows(text: str):
    """(line number, cells) of every line with data: blank lines and ``#`` comments are skipped."""
    for line, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if raw.strip() and not raw.lstrip().startswith("#"):
            cells = [cell.strip().strip('"').strip() for cell in _SEPARATOR.split(raw)]
            if len(cells) < 3:
                raise CsvError(Message("yourdata.bad_cells", line=line, count=len(cells)))
            yield line, cells[:3]  # more columns are another program's (an export's "set"): not ours


def _is_number(cell: str) -> bool:
    try:
        return bool(np.isfinite(float(cell)))
    except ValueError:
        return False


def _reads_as_number(cell: str) -> bool:
    """Whether ``cell`` is written as a number, finite or not ("inf" is a bad class, not a name)."""
    try:
        float(cell)
        return True
    except ValueError:
        return False


def _coordinates(line: int, cells: list[str]) -> tuple[float, float]:
    for cell in cells[:2]:
        if not _is_number(cell):
            raise CsvError(Message("yourdata.bad_number", line=line, cell=cell[:20]))
    return float(cells[0]), float(cells[1])


def _classes(rows, notices: list) -> np.ndarray:
    """±1 labels from ±1, 0/1 (0 is −1) or two names (in sorted order: the first −1, orange)."""
    cells = [cells[2] for _, cells in rows]
    if all(_reads_as_number(cell) for cell in cells):
        numbers = np.array([float(cell) for cell in cells])
        bad = ~np.isin(numbers, (-1.0, 0.0, 1.0))
        if not bad.any() and (numbers == 0).any() and (numbers == -1).any():
            bad = numbers == numbers[numbers != 1.0][-1]  # 0 and −1 both: the later kind is at fault
        if bad.any():
            raise CsvError(Message("yourdata.bad_class", line=rows[int(np.argmax(bad))][0]))
        return np.where(numbers == 1.0, 1.0, -1.0)
    names = sorted(set(cells))
    if len(names) > 2:
        line = next(line for line, cells in rows if cells[2] == names[2])
        raise CsvError(Message("yourdata.too_many_classes", line=line, name=names[2][:20]))
    if len(names) == 2:
        notices.append(Message("yourdata.class_names", negative=names[0][:20], positive=names[1][:20]))
    return np.array([1.0 if len(names) == 2 and cell == names[1] else -1.0 for cell in cells])


def _values(rows, notices: list) -> np.ndarray:
    """Regression targets, scaled into [−1, 1] (the output map's colours) if any lies beyond."""
    for line, cells in rows:
        if not _is_number(cells[2]):
            raise CsvError(Message("yourdata.bad_number", line=line, cell=cells[2][:20]))
    values = np.array([float(cells[2]) for _, cells in rows])
    largest = float(np.abs(values).max())
    if largest > 1:
        notices.append(Message("yourdata.values_scaled", largest=f"{largest:g}"))
        values = values / largest
    return values


def _fitted(xy: np.ndarray, notices: list) -> np.ndarray:
    """``xy`` as given if it lies in the view; else centred and scaled alike on both axes to ±FIT."""
    if np.abs(xy).max() <= DOMAIN:
        return xy
    low, high = xy.min(axis=0), xy.max(axis=0)
    half = float((high - low).max()) / 2
    scale = FIT / half if half > 0 else 1.0
    notices.append(Message("yourdata.points_scaled", outside=int((np.abs(xy) > DOMAIN).any(axis=1).sum())))
    return np.clip((xy - (low + high) / 2) * scale, -DOMAIN, DOMAIN)
