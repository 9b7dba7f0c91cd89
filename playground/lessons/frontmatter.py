"""The front matter of a lesson: its setup, and its steps with their goals and answers.

The English file's front matter holds everything a machine reads (the points of its ``data``
CSV, read beside it, join its preset: ``lesson_data``); a translation's holds
only ``id`` and ``version``, to be compared with the English one. Goals are read here
into the closed vocabulary of ``goals``; a step's accuracy goal is refused when the
problem at that step (the preset's, or the one an earlier answer set) is regression.
"""

from dataclasses import dataclass, field

from playground.i18n import DEFAULT_LANGUAGE, LANGUAGES
from playground.state import HIDABLE_CONTROLS, INSIDE_VIEWS

from .goals import (
    ACCURACY_METRICS, COUNT_RELATIONS, COUNTS, METRIC_RELATIONS, METRICS, PARAM_RELATIONS,
    AllOf, AnyOf, Continue, CountGoal, Diverged, Goal, MetricGoal, ParamGoal,
)
from .lesson_data import data_name, with_points
from .model import LEVELS, Answer, Step
from .reading import Reader
from .yaml_nodes import Node

REQUIRED = ("id", "version", "title", "level", "minutes", "steps")
OPTIONAL = ("preset", "data", "locked", "hidden", "open")
TRANSLATION_FIELDS = ("id", "version")
ANSWER_FIELDS = ("set", "train", "reset", "new_weights")
FIELD_GOALS = ("metric", "param", "count", "diverged", "all", "any")
"""Goals written as fields; the one other goal is the word ``continue``."""


@dataclass
class Header:
    """What the English front matter says; a field that could not be read is None or empty."""

    id: str | None = None
    version: int | None = None
    titles: dict[str, str] = field(default_factory=dict)
    level: str | None = None
    minutes: int | None = None
    preset: tuple = ()
    data: str | None = None
    """The name of the CSV of the lesson's own points, beside the lesson (its points join the preset)."""
    locked: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    open: tuple[str, ...] = ()
    """The views inside the network the lesson opens (keys of ``state.INSIDE_VIEWS``)."""
    steps: list[Step] = field(default_factory=list)
    """The steps read in full (a lesson with problems may lack some)."""
    step_ids: list[str] = field(default_factory=list)
    """Every step's id, in order, even of a step whose goal has a problem."""
    step_lines: list[int] = field(default_factory=list)
    """Where each step of ``step_ids`` is declared."""
    lines: dict[str, int] = field(default_factory=dict)
    """Where each field is given."""


def read(root: Node, reader: Reader) -> Header:
    """The English file's front matter."""
    header = Header()
    fields = reader.fields(root, "front matter", REQUIRED, OPTIONAL)
    if fields is None:
        return header
    header.lines |= {name: node.line for name, node in fields.items()}
    read_field = {
        "id": lambda node: reader.name(node, "id"),
        "version": lambda node: reader.integer(node, "version", 1),
        "level": lambda node: reader.choice(node, "", LEVELS, "level"),
        "minutes": lambda node: reader.integer(node, "minutes", 1),
        "preset": lambda node: reader.settings(node, "preset"),
        "data": lambda node: data_name(reader, node),
        "locked": lambda node: _controls(reader, node, "locked"),
        "hidden": lambda node: _controls(reader, node, "hidden"),
        "open": lambda node: _names(reader, node, "open", INSIDE_VIEWS, "view"),
    }
    for name, read_one in read_field.items():
        if name in fields:
            setattr(header, name, read_one(fields[name]))
    if header.data:
        header.preset = with_points(reader.problems.path, header.data, header.lines["data"], header.preset, reader)
    if "title" in fields:
        header.titles = _titles(reader, fields["title"])
    if "steps" in fields:
        _steps(reader, fields["steps"], header)
    return header


def check_translation(root: Node, reader: Reader, english: Header, english_name: str) -> None:
    """A translation's front matter: only ``id`` and ``version``, both the English file's."""
    fields = reader.fields(root, "a translation's front matter", TRANSLATION_FIELDS) or {}
    for name, expected in (("id", english.id), ("version", english.version)):
        if name in fields and expected is not None and fields[name].value != expected:
            reader.error(fields[name].line, f"{name} must be {english_name}'s: {expected}")


def _titles(reader: Reader, node: Node) -> dict[str, str]:
    fields = reader.fields(node, "title", (DEFAULT_LANGUAGE,), tuple(LANGUAGES)[1:]) or {}
    titles = {language: reader.text(value, f"title: {language}") for language, value in fields.items()}
    return {language: title for language, title in titles.items() if title}


def _controls(reader: Reader, node: Node, where: str) -> tuple[str, ...]:
    return _names(reader, node, where, HIDABLE_CONTROLS, "control")


def _names(reader: Reader, node: Node, where: str, choices, what: str) -> tuple[str, ...]:
    names = (reader.choice(item, where, choices, what) for item in reader.items(node, where))
    return tuple(name for name in names if name)


def _steps(reader: Reader, node: Node, header: Header) -> None:
    items = reader.items(node, "steps")
    if isinstance(node.value, list) and not items:
        reader.error(node.line, "steps: a lesson needs at least one step")
    problem = dict(header.preset).get("problem", "classification")
    for number, item in enumerate(items, start=1):
        fields = reader.fields(item, f"step {number}", ("id", "goal"), ("answer",))
        if fields is None or "id" not in fields:
            continue
        step_id = reader.name(fields["id"], f"step {number}: id")
        if step_id in header.step_ids:
            reader.error(fields["id"].line, f'step id "{step_id}" is used twice')
        elif step_id:
            header.step_ids.append(step_id)
            header.step_lines.append(item.line)
        where = f'step "{step_id}"' if step_id else f"step {number}"
        answer = _answer(reader, fields["answer"], where, header) if "answer" in fields else None
        if answer:
            problem = dict(answer.set).get("problem", problem)
        goal = _goal(reader, fields["goal"], where, problem) if "goal" in fields else None
        if goal is not None and not isinstance(goal, Continue) and "answer" not in fields:
            reader.error(item.line, f"{where}: needs an answer (what the prose answer tells the student "
                                    "to do), e.g. answer: {train: 300}")
        if step_id and goal is not None:
            header.steps.append(Step(step_id, goal, answer))


def _answer(reader: Reader, node: Node, where: str, header: Header) -> Answer | None:
    where = f"{where}: answer"
    fields = reader.fields(node, where, optional=ANSWER_FIELDS)
    if fields is None:
        return None
    if not fields:
        reader.error(node.line, f"{where}: is empty; give any of {', '.join(ANSWER_FIELDS)}")
        return None
    changes = reader.settings(fields["set"], f"{where}: set") if "set" in fields else ()
    for key, _ in changes:
        if key in header.locked or key in header.hidden:
            reader.error(fields["set"].line, f"{where}: sets {key}, which the lesson locks or hides")
    train = reader.integer(fields["train"], f"{where}: train", 0) if "train" in fields else 0
    flags = {name: reader.boolean(fields[name], f"{where}: {name}") if name in fields else False
             for name in ("reset", "new_weights")}
    return Answer(changes, train or 0, bool(flags["reset"]), bool(flags["new_weights"]))


def _goal(reader: Reader, node: Node, where: str, problem: str, nested: bool = False) -> Goal | None:
    """A goal in the closed vocabulary, or None after reporting why not."""
    if node.is_scalar:
        if node.value == "continue" and not nested:
            return Continue()
        if node.value == "continue":
            reader.error(node.line, f"{where}: continue stands alone, never inside all or any")
        else:
            reader.error(node.line, f'{where}: unknown goal "{node.text}" (known: continue, {", ".join(FIELD_GOALS)})')
        return None
    if not isinstance(node.value, dict):
        reader.error(node.line, f"{where}: a goal is continue or fields, like {{metric: test_loss, below: 0.1}}")
        return None
    kinds = [kind for kind in FIELD_GOALS if kind in node.value]
    if len(kinds) != 1:
        reader.error(node.line, f"{where}: a goal needs exactly one of {', '.join(FIELD_GOALS)}"
                                f"{'; found ' + ', '.join(kinds) if kinds else ''}")
        return None
    return GOAL_READERS[kinds[0]](reader, node, where, problem)


def _metric(reader: Reader, node: Node, where: str, problem: str) -> Goal | None:
    fields = reader.fields(node, where, ("metric",), (*METRIC_RELATIONS, "within"))
    if fields is None or "metric" not in fields:
        return None
    metric = fields["metric"]
    name = reader.choice(metric, where, METRICS, "metric")
    if name in ACCURACY_METRICS and problem != "classification":
        reader.error(metric.line, f"{where}: {name} needs a classification problem; this step's is {problem}")
    relation = reader.one_of(fields, tuple(METRIC_RELATIONS), node.line, where)
    value = reader.number(relation[1], f"{where}: {relation[0]}") if relation else None
    if name in ACCURACY_METRICS and value is not None and not 0 <= value <= 1:
        reader.error(relation[1].line, f"{where}: accuracy is a fraction from 0 to 1 (0.95, not 95)")
        value = None
    within = reader.integer(fields["within"], f"{where}: within", 1) if "within" in fields else None
    if None in (name, relation, value) or ("within" in fields and within is None):
        return None
    return MetricGoal(name, relation[0], value, within)


def _param(reader: Reader, node: Node, where: str, problem: str) -> Goal | None:
    fields = reader.fields(node, where, ("param",), PARAM_RELATIONS)
    if fields is None or "param" not in fields:
        return None
    key = fields["param"]
    known = reader.state_key(str(key.value), key.line, where)
    relation = reader.one_of(fields, PARAM_RELATIONS, node.line, where)
    if relation is None or not known:
        return None
    name, given = relation
    items = [given] if name == "equals" else reader.items(given, f"{where}: {name}")
    if name != "equals" and isinstance(given.value, list) and not items:
        reader.error(given.line, f"{where}: {name} needs at least one value")
    values = tuple(reader.setting(key.value, key.line, item, where) for item in items)
    if not values or None in values:
        return None
    return ParamGoal(key.value, name, values)


def _count(reader: Reader, node: Node, where: str, problem: str) -> Goal | None:
    fields = reader.fields(node, where, ("count",), tuple(COUNT_RELATIONS))
    if fields is None or "count" not in fields:
        return None
    count = reader.choice(fields["count"], where, tuple(COUNTS), "count")
    relation = reader.one_of(fields, tuple(COUNT_RELATIONS), node.line, where)
    value = reader.integer(relation[1], f"{where}: {relation[0]}", 0) if relation else None
    if None in (count, relation, value):
        return None
    return CountGoal(count, relation[0], value)


def _diverged(reader: Reader, node: Node, where: str, problem: str) -> Goal | None:
    fields = reader.fields(node, where, ("diverged",))
    if fields is None or "diverged" not in fields:
        return None
    if fields["diverged"].value is not True:
        reader.error(fields["diverged"].line, f"{where}: the only divergence goal is diverged: true")
        return None
    return Diverged()


def _compound(reader: Reader, node: Node, where: str, problem: str) -> Goal | None:
    kind = "all" if "all" in node.value else "any"
    fields = reader.fields(node, where, (kind,))
    if fields is None or kind not in fields:
        return None
    items = reader.items(fields[kind], f"{where}: {kind}")
    if isinstance(fields[kind].value, list) and not items:
        reader.error(fields[kind].line, f"{where}: {kind} needs at least one goal")
    goals = [_goal(reader, item, where, problem, nested=True) for item in items]
    if not goals or None in goals:
        return None
    return (AllOf if kind == "all" else AnyOf)(tuple(goals))


GOAL_READERS = {"metric": _metric, "param": _param, "count": _count, "diverged": _diverged,
                "all": _compound, "any": _compound}
