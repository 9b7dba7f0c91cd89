"""Commands from the page around an embedded playground (``commands.schema.json`` beside this file).

The schema is the one statement of each command's shape: read here, handed to
``site/embed_bridge.js`` when it is connected (``SHAPES``), and shipped to course pages. The
bridge passes on only messages from an origin of the embed URL's ``parent=`` list that fit a
shape; they are checked again here, as plain data against the schema, and anything else is
ignored: a command is never evaluated, and a malformed one changes
nothing and gets no reply. A command that is understood but (partly) refused, such as
``setState`` with a bad key, is answered with ``commandRejected`` and its problems in the
interface's language. ``setState`` is read exactly as a link is (``links.decode``), on top of
the playground as it is, so only the keys it gives change. A new command is its shape in the
schema and its handler here (``EmbedCommands._<type>``).
"""

import json
import math
from importlib.resources import files

from playground.embed.events import EmbedEvents
from playground.i18n import Message
from playground.lessons.tutor import Tutor
from playground.links import MAX_FRAGMENT, decode
from playground.session import Session
from playground.words import Words

NAMESPACE = "neural-playground"
VERSION = 1
MAX_MESSAGE = 2 * MAX_FRAGMENT + 200
"""Longest message text read at all: a setState link at its longest with every character escaped, and the envelope."""

SCHEMA = json.loads(files(__package__).joinpath("commands.schema.json").read_text(encoding="utf-8"))
SHAPES: dict[str, dict] = SCHEMA["$defs"]
"""Each command's data, by its type: a JSON Schema of the few keywords ``fits`` reads."""
SHAPE_KEYWORDS = {"type", "properties", "required", "additionalProperties", "minLength", "maxLength", "minimum",
                  "description"}
"""What ``fits`` (and the bridge's ``fits``) understands; the tests hold the schema to it."""


def fits(value, shape: dict) -> bool:
    """Whether ``value`` (plain data, as JSON reads) is of ``shape``: an object with only the keys it
    names (``additionalProperties`` is always false), a string within its lengths, or a whole number
    (not a boolean) from its minimum."""
    kind = shape["type"]
    if kind == "object":
        properties = shape.get("properties", {})
        return (isinstance(value, dict) and set(shape.get("required", ())) <= set(value) <= set(properties)
                and all(fits(value[key], properties[key]) for key in value))
    if kind == "string":
        return isinstance(value, str) and shape.get("minLength", 0) <= len(value) <= shape.get("maxLength", math.inf)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool) and value >= shape.get("minimum", -math.inf)
    return False


def parse(text: str) -> tuple[str, dict] | None:
    """A command's type and data, if ``text`` is a command as the schema says; else None."""
    if not isinstance(text, str) or len(text) > MAX_MESSAGE:
        return None
    try:
        message = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past what Python reads
        return None
    if not isinstance(message, dict) or set(message) != {"namespace", "version", "type", "data"}:
        return None
    kind, data, version = message["type"], message["data"], message["version"]
    if message["namespace"] != NAMESPACE or type(version) is not int or version != VERSION:
        return None
    shape = SHAPES.get(kind) if isinstance(kind, str) else None
    if shape is None or not fits(data, shape):
        return None
    return kind, data


class EmbedCommands:
    """Carries out the host's commands on the playground, as the matching clicks would."""

    def __init__(self, session: Session, lessons: Tutor, events: EmbedEvents, words: Words):
        self.session, self.lessons, self.events, self.words = session, lessons, events, words

    def receive(self, text: str) -> None:
        """Carry out the command in ``text`` if it is one; else nothing."""
        command = parse(text)
        if command is None:
            return
        kind, data = command
        problems = getattr(self, "_" + kind)(**data)
        if problems:
            self.events.rejected(kind, [problem.in_language(self.words.language) for problem in problems])

    def _setState(self, link: str):
        state = self.session.state
        wanted, problems = decode(link, start=state)
        changed = {name: value for name, value in wanted.values().items() if value != getattr(state, name)}
        state.param.update(changed)
        return problems

    def _play(self):
        if self.session.trainer.divergence:
            return [Message("embed.diverged")]
        self.session.playing = True
        return []

    def _pause(self):
        with self.events.pausing_for("command"):
            self.session.playing = False
        return []

    def _reset(self):
        self.session.reset()
        return []

    def _goToLessonStep(self, lesson: str, step: int):
        problem = self.lessons.go_to(lesson, step)
        return [problem] if problem else []
