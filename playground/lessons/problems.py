"""What is wrong with a lesson file, and where: ``lessons/03-xor.md:27: message``.

A teacher fixes a lesson faster when every problem is listed at once, each with the
line to look at, so readers collect problems here instead of stopping at the first.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LessonError:
    """One problem in a lesson file; ``line`` counts from 1."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Problems:
    """The problems found in one file, in the order they were found."""

    def __init__(self, path: Path):
        self.path = path
        self.errors: list[LessonError] = []

    def add(self, line: int, message: str) -> None:
        self.errors.append(LessonError(self.path, line, message))
