"""Typed reading of front-matter nodes: each mismatch becomes a problem at its line.

Every reader returns the value, or None after reporting why it cannot (no state value
is None, so None always means "already reported"). State values are read exactly as a
link's would be: ``links.decode`` parses the value as written and every warning it
gives is an error here, so a lesson accepts what a link accepts and nothing else.
"""

import difflib
import re
from urllib.parse import quote

from playground.links import STATE_KEYS, decode

from .problems import Problems
from .yaml_nodes import Node

NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Lesson and step ids: lowercase letters and digits, words joined by hyphens."""


def suggestion(word: str, known) -> str:
    """'; did you mean "x"?' for a near miss among ``known``, else ''."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f'; did you mean "{close[0]}"?' if close else ""


def at(where: str, message: str) -> str:
    """``message`` after the place it is about ("step "train": …"), if there is one."""
    return f"{where}: {message}" if where else message


class Reader:
    """Reads nodes of one file's front matter into values, reporting problems as it goes."""

    def __init__(self, problems: Problems):
        self.problems = problems

    def error(self, line: int, message: str) -> None:
        self.problems.add(line, message)

    def fields(self, node: Node, where: str, required=(), optional=()) -> dict[str, Node] | None:
        """A mapping's known fields; a missing required one or an unknown one is a problem."""
        if not isinstance(node.value, dict):
            self.error(node.line, f"{where}: expected fields ({', '.join((*required, *optional))})")
            return None
        for name in required:
            if name not in node.value:
                self.error(node.line, f'{where}: "{name}" is missing')
        known = (*required, *optional)
        for name, value in node.value.items():
            if name not in known:
                self.error(value.line, f'{where}: unknown field "{name}" (known: {", ".join(known)})'
                                       f"{suggestion(name, known)}")
        return {name: value for name, value in node.value.items() if name in known}

    def one_of(self, fields: dict[str, Node], names, line: int, where: str) -> tuple[str, Node] | None:
        """The one field of ``names`` that is given; none or several is a problem."""
        given = [name for name in names if name in fields]
        if len(given) != 1:
            self.error(line, f"{where}: give exactly one of {', '.join(names)}")
            return None
        return given[0], fields[given[0]]

    def integer(self, node: Node, where: str, minimum: int) -> int | None:
        if isinstance(node.value, bool) or not isinstance(node.value, int) or node.value < minimum:
            self.error(node.line, f"{where}: expected a whole number, at least {minimum}; got {_shown(node)}")
            return None
        return node.value

    def number(self, node: Node, where: str) -> float | None:
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            self.error(node.line, f"{where}: expected a number; got {_shown(node)}")
            return None
        return float(node.value)

    def boolean(self, node: Node, where: str) -> bool | None:
        if not isinstance(node.value, bool):
            self.error(node.line, f"{where}: expected true or false; got {_shown(node)}")
            return None
        return node.value

    def text(self, node: Node, where: str) -> str | None:
        if not isinstance(node.value, str) or not node.value.strip():
            self.error(node.line, f"{where}: expected some text; got {_shown(node)}")
            return None
        return node.value.strip()

    def name(self, node: Node, where: str) -> str | None:
        if not isinstance(node.value, str) or not NAME.match(node.value):
            self.error(node.line, f"{where}: {_shown(node)} is not an id: use lowercase letters, digits "
                                  "and hyphens, like one-neuron")
            return None
        return node.value

    def choice(self, node: Node, where: str, choices, what: str) -> str | None:
        """One of ``choices``, each a ``what`` ("metric", "level"), for the messages."""
        if not isinstance(node.value, str) or node.value not in choices:
            hint = suggestion(node.value, choices) if isinstance(node.value, str) else ""
            self.error(node.line, at(where, f"unknown {what} {_shown(node)} (known: {', '.join(choices)}){hint}"))
            return None
        return node.value

    def items(self, node: Node, where: str) -> list[Node]:
        """A list's items (none if ``node`` is not a list)."""
        if not isinstance(node.value, list):
            self.error(node.line, f"{where}: expected a list, like [a, b]; got {_shown(node)}")
            return []
        return node.value

    def state_key(self, key: str, line: int, where: str) -> bool:
        """Whether ``key`` is a state key (a link's key); if not, say so."""
        if key not in STATE_KEYS:
            self.error(line, f'{where}: unknown state key "{key}"{suggestion(key, STATE_KEYS)}')
        return key in STATE_KEYS

    def setting(self, key: str, line: int, node: Node, where: str):
        """State key ``key`` (given at ``line``) set to ``node``, parsed as a link's value."""
        if not self.state_key(key, line, where):
            return None
        if not node.is_scalar:
            self.error(node.line, f'{where}: write {key} as a link writes it, e.g. networkShape: "4,2"')
            return None
        state, warnings = decode(f"{key}={quote(node.text, safe='')}")
        for warning in warnings:  # a link keeps the default after a bad value; a lesson must not
            self.error(node.line, f"{where}: {warning.split('; kept ')[0]}")
        return None if warnings else getattr(state, key)

    def settings(self, node: Node, where: str) -> tuple[tuple[str, object], ...]:
        """A mapping of state keys to values, in the file's order; bad entries are left out."""
        if not isinstance(node.value, dict):
            self.error(node.line, f"{where}: expected state keys and values, like dataset: xor")
            return ()
        pairs = []
        for key, value in node.value.items():
            parsed = self.setting(key, value.line, value, where)
            if parsed is not None:
                pairs.append((key, parsed))
        return tuple(pairs)


def _shown(node: Node) -> str:
    """A value for a message: as written for a scalar, else what kind of thing it is."""
    if node.is_scalar:
        return f'"{node.text}"' if node.text else "nothing"
    return "a list" if isinstance(node.value, list) else "fields"
