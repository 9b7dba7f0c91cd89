"""YAML front matter as a tree of values that remember their line.

``yaml.safe_load`` forgets where a value came from, so an error could only say what
is wrong, not where. Here the document is composed into nodes (which carry their
position) and each scalar is built by PyYAML's safe constructor: the same safety as
``safe_load`` (no Python tags), plus line numbers and the scalar as written. The text
as written matters for state values: ``seed: 0.10000`` is the seed "0.10000", not the
float 0.1, exactly as a link would carry it.
"""

from dataclasses import dataclass, replace

import yaml
from yaml.constructor import SafeConstructor

from .problems import Problems

MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Node:
    """A value of the front matter: dict[str, Node], list[Node] or a plain scalar."""

    value: object
    line: int
    text: str | None = None
    """A scalar as written in the file (quotes removed); None for a mapping or a list."""

    @property
    def is_scalar(self) -> bool:
        return self.text is not None


def load(text: str, first_line: int, problems: Problems) -> Node | None:
    """The YAML document in ``text``, whose first line is line ``first_line`` of the file."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problems.add(line, f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}")
        return None
    if root is None:
        return Node({}, first_line)
    return _convert(root, first_line - 1, problems, SafeConstructor())


def _allowed(node: yaml.Node) -> bool:
    """Plain mappings, plain lists, and scalars the safe loader builds (text, numbers, true/false…)."""
    if isinstance(node, yaml.MappingNode):
        return node.tag == MAP_TAG
    if isinstance(node, yaml.SequenceNode):
        return node.tag == SEQ_TAG
    return node.tag in SafeConstructor.yaml_constructors


def _convert(node: yaml.Node, offset: int, problems: Problems, constructor: SafeConstructor) -> Node | None:
    line = node.start_mark.line + 1 + offset
    if not _allowed(node):
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.add(line, f"the tag {tag} is not allowed: a lesson holds plain values only")
        return None
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, offset, problems, constructor)
            if key is None:
                continue
            if not isinstance(key.value, str):
                problems.add(key.line, f"{key.text!r} is not a field name")
            elif key.value in items:
                problems.add(key.line, f'"{key.value}" is given twice')
            else:
                value = _convert(value_node, offset, problems, constructor)
                if value is not None:  # at its key's line: "title:", not the line below it
                    items[key.value] = replace(value, line=key.line)
        return Node(items, line)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, offset, problems, constructor) for item in node.value]
        return Node([item for item in items if item is not None], line)
    try:
        return Node(constructor.construct_object(node), line, node.value)
    except (yaml.YAMLError, ValueError) as error:  # e.g. an impossible date: month 13
        problems.add(line, f'"{node.value}" cannot be read: {getattr(error, "problem", None) or error}')
        return None
