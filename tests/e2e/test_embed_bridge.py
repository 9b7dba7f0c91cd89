"""A course page on another origin embeds the built site: what it hears, what it may command.

The site is served on one port (``base_url``) and the course page on a second (``host``), so
they are different origins; ``localhost`` on the course page's port is a third. Each test is
one page load of the course page, its iframe loading the whole app, so each groups what it
checks. Every message the course page hears from the site is checked against
playground/embed/events.schema.json.
"""
from __future__ import annotations

import json
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import expect

from sitebuild import browser
from tests.helpers.embed_schema import check, envelope
from tests.helpers.pages import (GOAL_MS, READY_TIMEOUT_MS, PageLog, epoch, epoch_at_least, expect_epoch,
                                  wait_for_address)

EVENTS = ["ready", "stateChanged", "trainingStarted", "trainingPaused", "progress", "lessonStepCompleted",
          "lessonCompleted", "height", "commandRejected"]
QUIET_MS = 2_000
"""How long a command that must be ignored is given to show any effect: a wait that is the
behaviour under test (nothing happens), not a wait for something to happen."""

COURSE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title><link rel="icon" href="data:,"></head>
<body style="margin: 0; font-family: sans-serif">
<h1 style="margin: 8px">Week 3: one neuron</h1>
<script>
  window.heard = [];  // every message this page receives: [origin, data, ms since load]
  addEventListener("message", (event) => heard.push([event.origin, event.data, performance.now()]));
</script>
<iframe id="playground" src="SRC" title="Neural Playground" width="100%" height="300"
        style="border: 0" allow="fullscreen"></iframe>
<script src="SITEembed.js"></script>
<script src="SITEembed.js"></script>  <!-- pasted twice by mistake: harmless -->
<script>CONNECT</script>
</body></html>
"""
CONNECT = """
  window.events = [];  // what connect().on() hands over: [type, data, ms since load]
  window.playground = NeuralPlayground.connect(document.getElementById("playground"));
  for (const type of TYPES) playground.on(type, (data) => events.push([type, data, performance.now()]));
"""


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """A second local server for course pages: (its directory, its base URL)."""
    folder = tmp_path_factory.mktemp("course")
    with browser.serving(folder) as url:
        yield folder, url


def origin(url: str) -> str:
    return f"{urlparse(url).scheme}://{urlparse(url).netloc}"


def course_page(context, host, name: str, src: str, site: str, connect: bool, host_name: str = "127.0.0.1"):
    """Write and open a course page embedding ``src``; the page and the iframe's frame, once the app is ready."""
    folder, url = host
    text = (COURSE_PAGE.replace("SRC", src).replace("SITE", site)
            .replace("CONNECT", CONNECT.replace("TYPES", json.dumps(EVENTS)) if connect else ""))
    (folder / name).write_text(text, encoding="utf-8")
    page = context.new_page()
    log = PageLog().attach(page)
    page.goto(url.replace("127.0.0.1", host_name) + name)
    frame = page.locator("#playground").element_handle().content_frame()
    frame.wait_for_function("document.documentElement.dataset.state", timeout=READY_TIMEOUT_MS)
    assert frame.evaluate("document.documentElement.dataset.state") == "ready"
    return page, frame, log


def embed_url(site: str, *keys: str) -> str:
    return site + "#" + "&".join(keys)


def heard_from_site(page, site: str) -> list[dict]:
    """Messages from the site's origin, each checked against the events schema."""
    messages = [data for sender, data, _ in page.evaluate("heard") if sender == origin(site)]
    for message in messages:
        assert check(message, "events") == [], message
    return messages


def events_of(page, kind: str) -> list[dict]:
    return [data for type_, data, _ in page.evaluate("events") if type_ == kind]


def wait_for_event(page, kind: str, timeout: int = 30_000, count: int = 1) -> dict:
    page.wait_for_function("([kind, count]) => events.filter(e => e[0] === kind).length >= count",
                           arg=[kind, count], timeout=timeout)
    return events_of(page, kind)[count - 1]


def send(page, kind: str, data: dict | None = None) -> None:
    page.evaluate("([kind, data]) => playground.send(kind, data)", [kind, data or {}])


def post_raw(page, message) -> None:
    """What any script on the course page can do without embed.js."""
    page.evaluate("(message) => document.getElementById('playground').contentWindow.postMessage(message, '*')",
                  message)


def test_an_allowed_course_page_hears_the_events_and_commands_the_playground(context, base_url, host, results_dir):
    course = origin(host[1])
    src = embed_url(base_url, "embed=1", f"parent={quote(course, safe='')}", "lesson=one-neuron", "step=2")
    page, frame, log = course_page(context, host, "allowed.html", src, base_url, connect=True)

    ready = wait_for_event(page, "ready")
    assert (ready["lesson"], ready["step"], ready["language"]) == ("one-neuron", 2, "en")
    assert ready["link"].endswith(f"lesson=one-neuron&step=2&embed=1&parent={quote(course, safe='')}")
    assert "dataset=gauss" in ready["link"] and ready["embed"] is True
    height = wait_for_event(page, "height")["height"]
    page.wait_for_function(  # the iframe as tall as its content
        "height => Math.abs(document.getElementById('playground').getBoundingClientRect().height - height) <= 1",
        arg=height)
    assert height > 600 and page.evaluate("document.getElementById('playground').style.height") == f"{height}px"
    assert heard_from_site(page, base_url)[0]["type"] == "ready", "ready comes first"

    # A student trains inside the iframe until the step's goal is reached; the course page hears of it.
    frame.get_by_role("button", name="▶ Play", exact=True).click()
    assert wait_for_event(page, "trainingStarted") == {"epoch": 0}
    completed = wait_for_event(page, "lessonStepCompleted", timeout=GOAL_MS)
    assert completed == {"lesson": "one-neuron", "step": 2, "steps": 6}
    frame.get_by_role("button", name="❚❚ Pause", exact=True).click()
    assert wait_for_event(page, "trainingPaused")["reason"] == "user"
    timed = [at for type_, _, at in page.evaluate("events") if type_ == "progress"]
    seconds = (timed[-1] - timed[0]) / 1000
    assert 2 <= len(timed) <= 2 * seconds + 3, f"{len(timed)} progress events in {seconds:.1f} s"
    last = events_of(page, "progress")[-1]
    assert last["testLoss"] < 0.02 and 0 <= last["testAccuracy"] <= 1

    # Play, pause and reset from the course page.
    paused_at = epoch(frame)
    send(page, "play")
    assert wait_for_event(page, "trainingStarted", count=2)["epoch"] == paused_at
    epoch_at_least(frame, paused_at + 20)  # training after the play command
    send(page, "pause")
    stopped = wait_for_event(page, "trainingPaused", count=2)
    assert stopped["reason"] == "command"
    expect_epoch(frame, stopped["epoch"])
    page.wait_for_timeout(500)  # the behaviour under test: no epoch comes after the pause
    assert epoch(frame) == stopped["epoch"]
    send(page, "reset")
    expect_epoch(frame, 0)  # after the reset command

    # setState: only the given keys change; a bad key is refused with the reasons.
    send(page, "setState", {"link": "activation=relu&learningRate=0.1"})
    wait_for_address(frame, "activation=relu")
    assert "dataset=gauss" in frame.evaluate("location.hash")
    page.wait_for_function("events.some(e => e[0] === 'stateChanged' && e[1].link.includes('activation=relu'))")
    send(page, "setState", {"link": "learningRate=fast&noSuchKey=1"})
    rejected = wait_for_event(page, "commandRejected")
    assert rejected["command"] == "setState" and len(rejected["problems"]) == 2
    assert "learningRate=fast" in rejected["problems"][0] and "noSuchKey" in rejected["problems"][1]
    assert "learningRate=0.1" in frame.evaluate("location.hash"), "the refused key keeps its value"

    # goToLessonStep: a step of the lesson, or a reason why not.
    send(page, "goToLessonStep", {"lesson": "one-neuron", "step": 3})
    expect(frame.locator(".np-lesson-step")).to_have_text("Step 3 of 6")
    send(page, "goToLessonStep", {"lesson": "no-such-lesson", "step": 1})
    assert wait_for_event(page, "commandRejected", count=2) == {
        "command": "goToLessonStep", "problems": ["There is no lesson “no-such-lesson”."]}

    # Malformed commands from the allowed origin: ignored, no reply.
    before = frame.evaluate("location.hash")
    for message in [envelope("play", {"now": True}), {**envelope("play", {}), "version": 2}, envelope("eval", {}),
                    envelope("play", {"": 1}), "play", None, [envelope("play", {})],
                    envelope("setState", {"link": "x" * 9000}), envelope("goToLessonStep", {"lesson": "xor"})]:
        post_raw(page, message)
    page.wait_for_timeout(QUIET_MS)
    assert epoch(frame) == 0 and frame.evaluate("location.hash") == before
    assert len(events_of(page, "commandRejected")) == 2 and len(events_of(page, "trainingStarted")) == 2

    heard_from_site(page, base_url)  # every one of them matches the schema
    page.screenshot(path=str(results_dir / "embed-course-page.png"), full_page=True)
    assert log.console_errors() == [] and log.errors == []


def test_without_parent_the_page_hears_events_but_cannot_command(context, base_url, host, results_dir):
    """No parent= list: events go to any page (they carry nothing private), commands from none are taken.
    embed.js, loaded twice and never connected, still sizes an iframe of its own site."""
    page, frame, log = course_page(context, host, "open.html", embed_url(base_url, "embed=1"), base_url,
                                   connect=False, host_name="localhost")
    page.wait_for_function("heard.some(([, data]) => data.type === 'height')", timeout=30_000)
    messages = heard_from_site(page, base_url)
    assert messages[0]["type"] == "ready"
    height = next(m["data"]["height"] for m in messages if m["type"] == "height")
    page.wait_for_function(  # auto-height without connect()
        "height => document.getElementById('playground').style.height === height", arg=f"{height}px")
    assert page.evaluate("typeof NeuralPlayground.connect") == "function"

    address = frame.evaluate("location.hash")
    for message in [envelope("play", {}), envelope("setState", {"link": "activation=relu"}),
                    envelope("setState", {"link": "noSuchKey=1"}), envelope("goToLessonStep", {"lesson": "xor", "step": 2})]:
        post_raw(page, message)
    page.wait_for_timeout(QUIET_MS)
    assert epoch(frame) == 0 and frame.evaluate("location.hash") == address
    assert {m["type"] for m in heard_from_site(page, base_url)} <= {"ready", "height"}
    assert log.console_errors() == [] and log.errors == []


def test_a_page_not_on_the_parent_list_hears_nothing_and_cannot_command(context, base_url, host):
    """parent= names the course server as 127.0.0.1; the same page opened as localhost is another origin."""
    allowed = origin(host[1])
    src = embed_url(base_url, "embed=1", f"parent={quote(allowed, safe='')}")
    page, frame, log = course_page(context, host, "other.html", src, base_url, connect=True, host_name="localhost")
    assert origin(page.url) != allowed

    address = frame.evaluate("location.hash")
    for kind, data in [("play", {}), ("setState", {"link": "activation=relu"}), ("setState", {"link": "bad=1"}),
                       ("goToLessonStep", {"lesson": "xor", "step": 2})]:
        send(page, kind, data)
    page.wait_for_timeout(QUIET_MS)
    assert epoch(frame) == 0 and frame.evaluate("location.hash") == address
    assert page.evaluate("heard") == [], "events go only to the listed origin"
    assert page.evaluate("document.getElementById('playground').getBoundingClientRect().height") == 300
    assert log.console_errors() == [] and log.errors == []
