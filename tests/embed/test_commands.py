"""Commands from the page around an embedded playground: read as plain data against the schema
(playground/embed/commands.schema.json), carried out as clicks would be, refused with reasons in the
interface's language, and anything malformed ignored without a reply."""

import json

import pytest

from playground.embed.commands import EmbedCommands, parse
from playground.links import MAX_FRAGMENT, encode
from playground.state import PlaygroundState
from playground.words import Words
from tests.helpers.embed_schema import check, envelope
from tests.helpers.embedded import embedded

GOOD = [
    envelope("setState", {"link": "activation=relu&networkShape=3,2"}),
    envelope("setState", {"link": ""}),
    envelope("play", {}), envelope("pause", {}), envelope("reset", {}),
    envelope("goToLessonStep", {"lesson": "xor", "step": 2}),
    envelope("goToLessonStep", {"lesson": "no-such-lesson", "step": 99}),  # understood; refused when carried out
]
MALFORMED = [
    {**envelope("play", {}), "namespace": "other"},
    {**envelope("play", {}), "version": 2},
    {**envelope("play", {}), "version": "1"},
    {**envelope("play", {}), "version": True},
    {**envelope("play", {}), "extra": 1},
    {key: value for key, value in envelope("play", {}).items() if key != "data"},
    envelope("eval", {}),
    envelope("__init__", {}),
    envelope("toString", {}),
    envelope("play", {"now": True}),
    envelope("play", {"": 1}),
    envelope("play", []),
    envelope("setState", {}),
    envelope("setState", {"link": 3}),
    envelope("setState", {"link": "a" * (MAX_FRAGMENT + 1)}),
    envelope("setState", {"link": "x=1", "more": "y"}),
    envelope("goToLessonStep", {"lesson": "xor", "step": 0}),
    envelope("goToLessonStep", {"lesson": "xor", "step": True}),
    envelope("goToLessonStep", {"lesson": "xor", "step": "2"}),
    envelope("goToLessonStep", {"lesson": "xor", "step": 1.5}),
    envelope("goToLessonStep", {"lesson": "", "step": 1}),
    envelope("goToLessonStep", {"lesson": "x" * 101, "step": 1}),
    envelope("goToLessonStep", {"lesson": ["xor"], "step": 1}),
    ["neural-playground", 1, "play", {}],
    "play",
    None,
]


def commanded(state: PlaygroundState | None = None):
    events, host = embedded(state)
    events.ready(encode(events.session.state), "en", {}, embed=True)
    host.take()
    words = Words(language="zh-CN" if events.session.state.lang == "zh-CN" else "en")
    return EmbedCommands(events.session, events.lessons, events, words), host


def send(commands: EmbedCommands, kind: str, data: dict) -> None:
    commands.receive(json.dumps(envelope(kind, data)))


@pytest.mark.parametrize("message", GOOD + MALFORMED, ids=repr)
def test_python_reads_as_commands_exactly_what_the_schema_allows(message):
    matches = check(message, "commands") == []
    assert (parse(json.dumps(message)) is not None) == matches
    assert matches == (json.dumps(message) in map(json.dumps, GOOD))  # not ==: True == 1 in Python


@pytest.mark.parametrize("text", ["", "{", "play()", "alert(1)", "[" * 10_000 + "]" * 10_000,
                                  json.dumps(envelope("setState", {"link": "x" * 20_000}))])
def test_text_that_is_not_a_command_is_ignored(text):
    assert parse(text) is None


def test_set_state_changes_only_the_keys_it_gives():
    commands, host = commanded(PlaygroundState(dataset="xor", networkShape=[3], learningRate=0.1))
    state = commands.session.state
    send(commands, "setState", {"link": "activation=relu&networkShape=5,2"})
    assert (state.activation, state.networkShape) == ("relu", [5, 2])
    assert (state.dataset, state.learningRate) == ("xor", 0.1), "keys not given are kept"
    assert host.heard == []


def test_set_state_with_bad_keys_sets_the_rest_and_says_what_was_refused_in_the_interfaces_language():
    commands, host = commanded(PlaygroundState(lang="zh-CN", batchSize=20))
    state = commands.session.state
    send(commands, "setState", {"link": "batchSize=999&noSuchKey=1&activation=sigmoid"})
    assert state.activation == "sigmoid"
    assert state.batchSize == 20, "a refused value keeps the playground's, not the default"
    [(kind, data)] = host.heard
    assert kind == "commandRejected" and data["command"] == "setState"
    assert len(data["problems"]) == 2 and "batchSize=999" in data["problems"][0]
    assert all(any("\u4e00" <= char <= "\u9fff" for char in problem) for problem in data["problems"])
    assert check(envelope(kind, data), "events") == []


def test_play_pause_and_reset_do_what_the_buttons_do():
    commands, host = commanded()
    session = commands.session
    send(commands, "play", {})
    assert session.playing
    session.play_frame()
    assert session.trainer.epoch > 0
    send(commands, "pause", {})
    assert not session.playing
    assert [kind for kind, _ in host.heard] == ["trainingStarted", "trainingPaused", "progress"]
    assert host.heard[1][1]["reason"] == "command"
    send(commands, "reset", {})
    assert session.trainer.epoch == 0


def test_play_on_a_diverged_network_is_refused():
    state = PlaygroundState(problem="regression", activation="relu", learningRate=10, networkShape=[8, 8, 8], noise=50)
    commands, host = commanded(state)
    session = commands.session
    session.frame_budget_s = 0.05
    send(commands, "play", {})
    while session.playing:
        session.play_frame()
    host.take()
    send(commands, "play", {})
    assert not session.playing
    assert host.heard == [("commandRejected", {"command": "play",
                                               "problems": ["The network diverged: reset it before playing."]})]


def test_go_to_lesson_step_opens_it_or_says_why_not():
    commands, host = commanded()
    lessons = commands.lessons
    send(commands, "goToLessonStep", {"lesson": "xor", "step": 2})
    assert lessons.page_keys == {"lesson": "xor", "step": "2"}
    send(commands, "goToLessonStep", {"lesson": "xor", "step": 1})
    assert lessons.page_keys == {"lesson": "xor", "step": "1"}
    host.take()

    send(commands, "goToLessonStep", {"lesson": "xor", "step": 99})
    send(commands, "goToLessonStep", {"lesson": "no-such-lesson", "step": 1})
    assert lessons.page_keys == {"lesson": "xor", "step": "1"}, "nothing changed"
    assert host.heard == [
        ("commandRejected", {"command": "goToLessonStep", "problems": [f"Lesson “xor” has steps 1–{steps}, not 99."]})
        for steps in [len(lessons.catalog.get("xor").steps)]
    ] + [("commandRejected", {"command": "goToLessonStep", "problems": ["There is no lesson “no-such-lesson”."]})]


@pytest.mark.parametrize("message", MALFORMED, ids=repr)
def test_a_malformed_command_changes_nothing_and_gets_no_reply(message):
    commands, host = commanded()
    before = encode(commands.session.state)
    commands.receive(json.dumps(message))
    assert encode(commands.session.state) == before and not commands.session.playing
    assert host.heard == []
