"""The student's points as a CSV ``csv_import`` reads back: to share what a link cannot carry."""

from . import point_code


def points_csv(text: str) -> str:
    """``x,y,label`` rows of the points ``text`` holds (``point_code``), as drawn: before noise and split."""
    xy, labels = point_code.decode(text)
    return "x,y,label\n" + "".join(f"{x:g},{y:g},{label:g}\n" for (x, y), label in zip(xy, labels))
