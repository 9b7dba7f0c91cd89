"""A lesson file's Markdown body: the intro, then one ``## [step-id] Title`` section a step.

Inside a step: instructions, then up to three ``### Hint`` sections, then at most one
``### Answer``. Translated files may use their own words for the two headings
(``### 提示``, ``### 答案``); either word is accepted in any file. Headings inside fenced
code blocks are text, so a lesson can show Markdown source.
"""

import re
from dataclasses import dataclass, field

from .problems import Problems

MAX_HINTS = 3
HINT_WORDS = ("hint", "提示")
ANSWER_WORDS = ("answer", "答案")
STEP_HEADING = re.compile(r"^##[ \t]+(.*?)[ \t]*$")
SUB_HEADING = re.compile(r"^###[ \t]+(.*?)[ \t]*$")
STEP_TITLE = re.compile(r"^\[([^\]]*)\][ \t]*(.*)$")
FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")


@dataclass
class Part:
    """A ``### Hint`` or ``### Answer`` section: its heading's line and its Markdown lines."""

    line: int
    lines: list[str] = field(default_factory=list)


@dataclass
class Section:
    """One step's text as written: its heading, instructions, hints and answer."""

    id: str
    title: str
    line: int
    instructions: list[str] = field(default_factory=list)
    hints: list[Part] = field(default_factory=list)
    answer: Part | None = None


@dataclass
class Body:
    """The intro (Markdown, may be empty) and the step sections in file order."""

    intro: str
    sections: list[Section]


def text(lines: list[str]) -> str:
    """Markdown lines as one string without surrounding blank lines."""
    return "\n".join(lines).strip("\n").rstrip()


def parse(lines: list[str], first_line: int, problems: Problems) -> Body:
    """Split the body (``lines``, the first being line ``first_line``) into its sections."""
    intro: list[str] = []
    sections: list[Section] = []
    target = intro  # the list the next line of text belongs to
    fence = None
    for number, line in enumerate(lines, start=first_line):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
        elif opened:
            fence = opened.group(1)
        elif heading := STEP_HEADING.match(line):
            section = _step(heading.group(1), number, problems)
            if section:
                sections.append(section)
                target = section.instructions
                continue
        elif heading := SUB_HEADING.match(line):
            part = _part(heading.group(1), number, sections[-1] if sections else None, problems)
            if part is not None:
                target = part.lines
                continue
        target.append(line)
    for section in sections:
        _check(section, problems)
    return Body(text(intro), sections)


def _step(heading: str, number: int, problems: Problems) -> Section | None:
    match = STEP_TITLE.match(heading)
    if not match:
        problems.add(number, f'heading "## {heading}" is not a step: write "## [step-id] Title"')
        return None
    step_id, title = match.groups()
    if not title:
        problems.add(number, f'step [{step_id}] has no title after its id')
    return Section(step_id.strip(), title, number)


def _part(heading: str, number: int, section: Section | None, problems: Problems) -> Part | None:
    """The new ``### Hint`` or ``### Answer`` part of ``section``; None keeps the heading as text."""
    word = heading.rstrip(":：").strip().casefold()
    if word not in HINT_WORDS + ANSWER_WORDS:
        if section:  # in the intro a ### heading is the author's own
            problems.add(number, f'unknown section "### {heading}" in step [{section.id}]: '
                                 f'use "### Hint" or "### Answer" (or #### for a heading of your own)')
        return None
    if section is None:
        problems.add(number, f'"### {heading}" comes before the first step')
        return None
    if word in ANSWER_WORDS:
        if section.answer is not None:
            problems.add(number, f"step [{section.id}] has a second answer")
            return None
        section.answer = Part(number)
        return section.answer
    if section.answer is not None:
        problems.add(number, f"step [{section.id}]: hints come before the answer")
    elif len(section.hints) == MAX_HINTS:
        problems.add(number, f"step [{section.id}] has more than {MAX_HINTS} hints")
    else:
        section.hints.append(Part(number))
        return section.hints[-1]
    return None


def _check(section: Section, problems: Problems) -> None:
    if not text(section.instructions):
        problems.add(section.line, f"step [{section.id}] has no instructions under its heading")
    for part in [*section.hints, *([section.answer] if section.answer else [])]:
        if not text(part.lines):
            problems.add(part.line, f"step [{section.id}]: this section is empty")
