"""Read one lesson: its English file and the translations beside it, checked together.

``NN-<id>.md`` holds the front matter and the English text; ``NN-<id>.zh-CN.md`` the
Chinese text under the same step ids. Every problem in any of the files is reported
with its file and line; a lesson comes back only when there is none.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from playground.i18n import DEFAULT_LANGUAGE, LANGUAGES

from . import body, frontmatter, yaml_nodes
from .goals import Continue
from .model import Lesson, LessonText, StepText
from .problems import LessonError, Problems
from .reading import Reader

TRANSLATIONS = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
FILE_NAME = re.compile(r"^\d\d-(.+)\.md$")


def translation_path(path: Path, language: str) -> Path:
    """``03-xor.zh-CN.md`` beside ``03-xor.md``."""
    return path.with_name(f"{path.name.removesuffix('.md')}.{language}.md")


@dataclass
class _File:
    """A lesson file split into its front matter and its body."""

    front: yaml_nodes.Node
    body: body.Body


def parse_lesson(path: Path) -> tuple[Lesson | None, list[LessonError]]:
    """The lesson in ``path`` (its English file) and its translations, or None and every problem."""
    problems = Problems(path)
    english = _read(path, problems)
    if english is None:
        return None, _by_line(problems.errors)
    header = frontmatter.read(english.front, Reader(problems))
    _check_english(path, header, english.body, problems)
    bodies, files, translation_errors = {DEFAULT_LANGUAGE: english.body}, {DEFAULT_LANGUAGE: path}, []
    for language in TRANSLATIONS:
        other = translation_path(path, language)
        if _has_translation(header, language, other, problems):
            translation, errors = _read_translation(other, header, english.body, path.name)
            translation_errors += errors
            if translation:
                bodies[language], files[language] = translation, other
    if problems.errors or translation_errors:
        return None, _by_line(problems.errors) + _by_line(translation_errors)
    lesson = Lesson(
        id=header.id, version=header.version, level=header.level, minutes=header.minutes,
        preset=header.preset, locked=header.locked, hidden=header.hidden, steps=tuple(header.steps),
        texts={language: _text(header, language, text) for language, text in bodies.items()}, files=files,
        data=path.parent / header.data if header.data else None,
        open_views=header.open,
    )
    return lesson, []


def _check_english(path: Path, header: frontmatter.Header, text: body.Body, problems: Problems) -> None:
    """The file is named for the lesson, and the body has the front matter's steps, with answers."""
    _check_file_name(path, header, problems)
    ids = header.step_ids
    _match(text.sections, ids, problems, "the front matter's steps",
           lambda step_id: header.step_lines[ids.index(step_id)])
    for step, section in _pairs(header, text):
        if not isinstance(step.goal, Continue) and section.answer is None:
            problems.add(section.line, f'step [{step.id}] needs an "### Answer" section: its goal is not continue')


def _has_translation(header: frontmatter.Header, language: str, other: Path, problems: Problems) -> bool:
    """Whether the translation into ``language`` is there; the title has that language exactly then."""
    if not other.exists():
        if language in header.titles:
            problems.add(header.lines["title"], f"title has {language}, but there is no {other.name}")
        return False
    if language not in header.titles and "title" in header.lines:
        problems.add(header.lines["title"], f"title: {language} is missing ({other.name} is there)")
    return True


def _by_line(errors: list[LessonError]) -> list[LessonError]:
    """Errors in the order of the file, a file at a time (sorted() is stable)."""
    files = list(dict.fromkeys(error.path for error in errors))
    return sorted(errors, key=lambda error: (files.index(error.path), error.line))


def _read(path: Path, problems: Problems) -> _File | None:
    """Front matter and body of one file, or None (and why) when it has no front matter."""
    try:
        lines = path.read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        problems.add(1, f"cannot be read as UTF-8 text: {error}")
        return None
    if not lines or lines[0].rstrip() != "---":
        problems.add(1, "a lesson file starts with its front matter: a line ---, the fields, then ---")
        return None
    end = next((number for number in range(1, len(lines)) if lines[number].rstrip() == "---"), None)
    if end is None:
        problems.add(1, "the front matter has no closing --- line")
        return None
    front = yaml_nodes.load("\n".join(lines[1:end]), 2, problems)
    sections = body.parse(lines[end + 1:], end + 2, problems)
    return _File(front, sections) if front else None


def _check_file_name(path: Path, header: frontmatter.Header, problems: Problems) -> None:
    match = FILE_NAME.match(path.name)
    if header.id and (not match or match.group(1) != header.id):
        problems.add(header.lines["id"], f'the file of lesson "{header.id}" must be named NN-{header.id}.md '
                                         f"(NN: two digits that order the lessons), not {path.name}")


def _match(sections: list[body.Section], ids: list[str], problems: Problems, source: str, missing_line) -> None:
    """Each of ``ids`` has exactly one section, in the same order, and no section is extra."""
    ids = list(dict.fromkeys(ids))  # a step id given twice is reported where it is declared
    seen: list[str] = []
    for section in sections:
        if section.id in seen:
            problems.add(section.line, f"step [{section.id}] has a second section")
        elif section.id not in ids:
            problems.add(section.line, f"section [{section.id}] is not one of {source} ({', '.join(ids)})")
        else:
            seen.append(section.id)
    for step_id in ids:
        if step_id not in seen:
            problems.add(missing_line(step_id), f'step "{step_id}" has no "## [{step_id}] Title" section')
    expected = [step_id for step_id in ids if step_id in seen]
    if seen != expected:
        first = next(step_id for step_id, wanted in zip(seen, expected) if step_id != wanted)
        line = next(section.line for section in sections if section.id == first)
        problems.add(line, f"section [{first}] is out of order: {source} go {', '.join(ids)}")


def _pairs(header: frontmatter.Header, text: body.Body) -> list[tuple]:
    """(step, its section) for every step that has one."""
    by_id = {section.id: section for section in reversed(text.sections)}  # the first of duplicates
    return [(step, by_id[step.id]) for step in header.steps if step.id in by_id]


def _read_translation(path: Path, header: frontmatter.Header, english: body.Body, english_name: str):
    """A translation's body, checked against the English file; and its problems."""
    problems = Problems(path)
    translation = _read(path, problems)
    if translation is None:
        return None, problems.errors
    frontmatter.check_translation(translation.front, Reader(problems), header, english_name)
    ids = [section.id for section in english.sections]
    _match(translation.body.sections, ids, problems, f"{english_name}'s sections", lambda step_id: 1)
    theirs = {section.id: section for section in english.sections}
    for section in translation.body.sections:
        reference = theirs.get(section.id)
        if reference and len(section.hints) != len(reference.hints):
            problems.add(section.line, f"step [{section.id}]: {len(section.hints)} hints here, "
                                       f"{len(reference.hints)} in {english_name}")
        if reference and (section.answer is None) != (reference.answer is None):
            has = "has no answer" if section.answer is None else "has an answer"
            problems.add(section.line, f"step [{section.id}] {has} here, unlike in {english_name}")
    return translation.body, problems.errors


def _text(header: frontmatter.Header, language: str, text: body.Body) -> LessonText:
    steps = tuple(
        StepText(
            title=section.title,
            instructions=body.text(section.instructions),
            hints=tuple(body.text(hint.lines) for hint in section.hints),
            answer=body.text(section.answer.lines) if section.answer else None,
        )
        for _, section in _pairs(header, text)
    )
    return LessonText(header.titles[language], text.intro, steps)
