"""The embed link reopens what the teacher chose, and the snippet is HTML a course page can take as is."""

from html.parser import HTMLParser
from urllib.parse import unquote

import pytest

from playground.embed.snippet import (DEFAULT_HEIGHT, EmbedChoices, embed_url, iframe_snippet, read_height,
                                      read_origins)
from playground.links import STATE_KEYS, decode, read_embedding, split_page_keys
from playground.state import HIDABLE_CONTROLS, PlaygroundState

BASE = "https://school.example/playground/index.html"
#: Page keys the embedding contract adds; links.py learns them on another branch.
def fragment_pairs(url: str) -> dict[str, str]:
    """Every key of the URL's fragment, percent-decoded."""
    return {unquote(name): unquote(value)
            for name, _, value in (piece.partition("=") for piece in url.split("#", 1)[1].split("&"))}


def opened(url: str) -> tuple[PlaygroundState, dict[str, str]]:
    """What the app reads from ``url``, which must hold no problem: the state and the page keys."""
    setup, page = split_page_keys(url)
    state, problems = decode(setup)
    assert problems == [] and read_embedding(page)[1] == []
    return state, page


def a_setup() -> PlaygroundState:
    return PlaygroundState(dataset="xor", activation="relu", learningRate=0.1, networkShape=[5, 3], xTimesY=True,
                           noise=15, optimizer="adam", stopAtEpoch=400, seed="0.12345", hidden=["noise"],
                           lang="en")


@pytest.mark.parametrize("language", ["", "en", "zh-CN"])
def test_the_link_reopens_the_setup_hidden_controls_lesson_step_and_language(language):
    state = a_setup()
    choices = EmbedChoices(hidden=("playButton", "numNodes2", "sinX", "lessonsButton", "shareButton"),
                           lesson="xor", step=3, language=language,
                           parents=("https://school.example", "http://127.0.0.1:8123"))
    url = embed_url(BASE + "#old=fragment", state, choices)

    assert url.startswith(BASE + "#")
    reopened, page = opened(url)
    for key in STATE_KEYS:
        if key != "lang":
            assert getattr(reopened, key) == getattr(state, key), key
    assert reopened.lang == language
    assert reopened.hidden == list(choices.hidden)  # the teacher's choice, not the controls hidden here
    assert page == {"lesson": "xor", "step": "3", "embed": "1",
                    "parent": "https://school.example,http://127.0.0.1:8123"}
    assert read_embedding(page)[0].parents == ("https://school.example", "http://127.0.0.1:8123")
    assert "/" not in url.split("parent=")[1]  # origins are percent-encoded


def test_another_lesson_starts_from_its_preset_so_the_link_sets_nothing_but_the_page():
    url = embed_url(BASE, a_setup(), EmbedChoices(hidden=("stepButton",), lesson="features", step=1,
                                                  language="zh-CN", keep_setup=False))
    pairs = fragment_pairs(url)
    assert set(pairs) & set(STATE_KEYS) == {"lang"}
    reopened, page = opened(url)
    assert reopened.hidden == ["stepButton"] and reopened.lang == "zh-CN"
    assert page == {"lesson": "features", "step": "1", "embed": "1"}


def test_free_play_has_no_lesson_and_no_parent():
    pairs = fragment_pairs(embed_url(BASE, PlaygroundState(), EmbedChoices()))
    assert "lesson" not in pairs and "step" not in pairs and "parent" not in pairs and "lang" not in pairs
    assert pairs["embed"] == "1"


def test_every_hidable_control_survives_the_link():
    reopened, _ = opened(embed_url(BASE, PlaygroundState(), EmbedChoices(hidden=HIDABLE_CONTROLS)))
    assert reopened.hidden == list(HIDABLE_CONTROLS)


class Elements(HTMLParser):
    """Start tags with their attributes, end tags, and whether anything was left open."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.started: list[tuple[str, dict]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.started.append((tag, dict(attrs)))
        self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing"


@pytest.mark.parametrize("language, title", [("en", "Neural Playground"), ("zh-CN", "神经网络游乐场")])
def test_the_snippet_is_one_iframe_a_course_page_takes_as_is(language, title):
    url = embed_url(BASE, a_setup(), EmbedChoices(hidden=("playButton",), lesson="xor", step=2, language=language,
                                                  parents=("https://school.example",)))
    snippet = iframe_snippet(url, 640, language)
    parsed = Elements()
    parsed.feed(snippet)
    parsed.close()

    assert parsed.open == [] and [tag for tag, _ in parsed.started] == ["iframe"]
    attributes = parsed.started[0][1]
    assert attributes["src"] == url  # the '&'s were escaped and read back
    assert "&amp;" in snippet and "&lesson" not in snippet
    assert attributes["width"] == "100%" and attributes["height"] == "640"
    assert attributes["allow"] == "fullscreen" and attributes["title"] == title
    assert "sandbox" not in attributes
    assert "border:0" in attributes["style"] and "max-width:1200px" in attributes["style"]


def test_a_title_that_needs_escaping_stays_one_attribute():
    snippet = iframe_snippet('https://x.example/#a="b"&c=<d>', DEFAULT_HEIGHT, "en")
    parsed = Elements()
    parsed.feed(snippet)
    assert parsed.started[0][1]["src"] == 'https://x.example/#a="b"&c=<d>'


@pytest.mark.parametrize("typed, height", [("720", 720), (" 300 ", 300), ("2000px", 2000), ("1024 px", 1024)])
def test_a_height_in_range_is_taken(typed, height):
    assert read_height(typed) == height


@pytest.mark.parametrize("typed, key", [("", "share.height_not_a_number"), ("7.5", "share.height_not_a_number"),
                                        ("-400", "share.height_not_a_number"), ("abc", "share.height_not_a_number"),
                                        ("299", "share.height_out_of_range"), ("2001", "share.height_out_of_range"),
                                        ("٧٢٠", "share.height_not_a_number")])
def test_a_bad_height_is_refused_with_a_reason(typed, key):
    with pytest.raises(ValueError) as refused:
        read_height(typed)
    assert refused.value.args[0].key == key
    assert "300" in refused.value.args[0] and "2000" in refused.value.args[0]


def test_origins_are_read_normalised_and_without_repeats():
    typed = "https://School.example/, http://127.0.0.1:8123\nhttps://school.example  https://a.example:8443"
    assert read_origins(typed) == ("https://school.example", "http://127.0.0.1:8123", "https://a.example:8443")
    assert read_origins("  ") == ()


@pytest.mark.parametrize("origin", ["school.example", "ftp://school.example", "https://school.example/course",
                                    "https://school.example?x=1", "https://user@school.example",
                                    "https://school.example:99999", "https://", "javascript:alert(1)",
                                    "https://school.example/#x"])
def test_what_is_not_an_origin_is_named(origin):
    with pytest.raises(ValueError) as refused:
        read_origins(f"https://ok.example, {origin}")
    assert refused.value.args[0].key == "share.bad_origin" and origin in refused.value.args[0]
