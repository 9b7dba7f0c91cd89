"""Commands from the page around an embedded playground (``site/embed/commands.schema.json``).

``site/embed_bridge.js`` passes on only messages from an origin of the embed URL's ``parent=``
list that look like a command; they are checked again here, as plain data against the schema,
and anything else is ignored: a command is never evaluated, and a malformed one changes
nothing and gets no reply. A command that is understood but (partly) refused, such as
``setState`` with a bad key, is answered with ``commandRejected`` and its problems in the
interface's language. ``setState`` is read exactly as a link is (``links.decode``), on top of
the playground as it is, so only the keys it gives change.
"""

import json

from playground.embed.events import EmbedEvents
from playground.i18n import Message
from playground.lessons.tutor import Tutor
from playground.links import MAX_FRAGMENT, decode
from playground.session import Session
from playground.words import Words

NAMESPACE = "neural-playground"
VERSION = 1
MAX_LESSON_ID = 100
MAX_MESSAGE = 2 * MAX_FRAGMENT + 200
"""Longest message text read at all: a setState link at its longest with every character escaped, and the envelope."""

#: Each command's data: its keys and what each must be (the schema's, for a Python reader).
COMMANDS = {
    "setState": {"link": lambda value: isinstance(value, str) and len(value) <= MAX_FRAGMENT},
    "play": {},
    "pause": {},
    "reset": {},
    "goToLessonStep": {
        "lesson": lambda value: isinstance(value, str) and 1 <= len(value) <= MAX_LESSON_ID,
        "step": lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= 1,
    },
}


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
    fields = COMMANDS.get(kind) if isinstance(kind, str) else None
    if fields is None or not isinstance(data, dict) or set(data) != set(fields):
        return None
    if not all(valid(data[name]) for name, valid in fields.items()):
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
