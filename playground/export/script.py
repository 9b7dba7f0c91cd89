"""A trainer's setup as a standalone Python file: ``python FILE`` trains it with numpy alone."""

import textwrap

from ..trainer import Trainer
from .program import program


def export_script(trainer: Trainer, epochs: int | None = None, start: str = "first") -> str:
    """The script that trains ``trainer``'s setup for ``epochs`` epochs (by default as many as it has
    trained), from its first weights or (``start="current"``) its weights now; its last line printed
    ends with the final test loss."""
    made = program(trainer, epochs, start)
    about = "\n\n".join(_wrap(paragraph) for paragraph in made.about.split("\n\n"))
    standard = [line for line in made.imports if "numpy" not in line]
    imports = "\n".join(standard) + "\n\n" * bool(standard) + "import numpy as np\n"
    sections = [f'"""{made.title}\n\n{about}\n"""\n\n{imports}']
    for number, part in enumerate(made.parts, start=1):
        comment = textwrap.indent(_wrap(part.text), "# ")
        sections.append(f"# --- {number}. {part.title} ---\n{comment}\n\n{part.code.rstrip()}\n")
    return "\n\n".join(sections)


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=96, break_long_words=False, break_on_hyphens=False)
