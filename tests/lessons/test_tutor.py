"""The lesson flow on a real session, without Panel: opening, goals reached by training, steps,
restart, close, progress kept, and what a link asks for."""

import subprocess
import sys

import pytest

from playground.lessons import load_catalog
from playground.lessons.store import LessonStore
from playground.lessons.tutor import Tutor
from playground.page.storage import MemoryStorage
from playground.session import Session
from playground.state import PlaygroundState
from tests.helpers import ROOT
from tests.helpers.lesson_files import write_lesson


def tutor_for(directory, storage=None, state=None) -> Tutor:
    return Tutor(Session(state or PlaygroundState()), load_catalog(directory),
                 LessonStore(storage if storage is not None else MemoryStorage()))


@pytest.fixture
def tutor(tmp_path) -> Tutor:
    write_lesson(tmp_path)
    return tutor_for(tmp_path)


def opened(tutor: Tutor, step: int = 0) -> Tutor:
    tutor.open(tutor.catalog.lessons[0], step)
    return tutor


def reached(tutor: Tutor) -> bool:
    return tutor.progress.step.id in tutor.progress.done


def train_until_reached(tutor: Tutor, epochs: int) -> None:
    """Train as the app's frames do, ten epochs then a check, until the goal is reached."""
    for _ in range(epochs // 10):
        tutor.session.trainer.step(10)
        tutor.check_goal()
        if reached(tutor):
            return
    raise AssertionError(f"goal not reached in {epochs} epochs: {tutor.progress.status('en')}")


def heard(tutor: Tutor, *parameters: str) -> list[str]:
    """The names of ``parameters`` the tutor changes or triggers from now on, in order."""
    names: list[str] = []
    tutor.param.watch(lambda *events: names.extend(event.name for event in events), list(parameters))
    return names


def test_the_tutor_imports_no_panel():
    code = ("import sys, playground.lessons.tutor; "
            "print([m for m in ('panel', 'holoviews', 'bokeh') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_opening_applies_the_preset_hides_and_locks_and_closing_gives_the_controls_back(tmp_path):
    write_lesson(tmp_path)
    tutor = tutor_for(tmp_path, state=PlaygroundState(hidden=["noise"], learningRate=0.3))
    state = tutor.session.state

    opened(tutor)

    assert (state.dataset, state.networkShape, state.learningRate) == ("gauss", [], 0.03)
    assert state.hidden == ["regularization", "regularizationRate", "noise"] and state.locked == ["dataset"]
    assert tutor.progress.index == 0 and not tutor.choosing and tutor.notice is None
    assert tutor.page_keys == {"lesson": "one-neuron", "step": "1"}

    tutor.close()

    assert state.hidden == ["noise"] and state.locked == []
    assert state.dataset == "gauss", "free play goes on from where the lesson left the playground"
    assert tutor.progress is None and tutor.page_keys == {}


def test_a_page_embedded_without_its_text_stays_so_when_a_lesson_opens(tmp_path):
    write_lesson(tmp_path)
    tutor = opened(tutor_for(tmp_path, state=PlaygroundState(hideText=True)))
    assert tutor.session.state.hideText and tutor.session.state.dataset == "gauss"
    tutor.restart()
    assert tutor.session.state.hideText


def test_each_step_shown_is_said_then_checked(tutor):
    said = heard(tutor, "progress", "new_step", "checked", "page_keys")
    opened(tutor)
    assert said == ["progress", "new_step", "page_keys", "checked"], "the step to read was done, and saved, once shown"
    said.clear()
    tutor.next()
    assert said == ["new_step", "checked", "page_keys"]
    said.clear()
    tutor.check_goal()
    assert said == ["checked"], "a check that changes nothing changes no address"


def test_a_step_to_read_is_done_once_shown_and_a_goal_reached_by_training_is_saved_and_told(tutor):
    reached_steps: list[tuple[str, int]] = []
    tutor.when_goal_reached(lambda lesson, index: reached_steps.append((lesson.id, index)))
    opened(tutor)
    assert reached(tutor) and reached_steps == [("one-neuron", 0)], "a step to read is done once shown"
    tutor.next()
    assert tutor.page_keys == {"lesson": "one-neuron", "step": "2"} and not reached(tutor)

    train_until_reached(tutor, 300)

    assert tutor.store.saved(tutor.progress.lesson).steps_done == ("watch", "train")
    assert reached_steps == [("one-neuron", 0), ("one-neuron", 1)]
    tutor.check_goal()
    assert len(reached_steps) == 2, "a goal is reached once"


def test_a_goal_on_a_setting_is_met_the_moment_it_is_set(tutor):
    opened(tutor, step=2)
    checks = heard(tutor, "checked")
    tutor.session.state.activation = "relu"
    assert checks == ["checked"], "checked while paused, nothing redrawn"


def test_previous_and_go_to_show_another_step(tutor):
    opened(tutor, step=2)
    tutor.previous()
    assert tutor.progress.index == 1 and tutor.page_keys["step"] == "2"
    tutor.toggle_picker()
    assert tutor.go_to("one-neuron", 3) is None
    assert tutor.progress.index == 2 and not tutor.choosing and tutor.page_keys["step"] == "3"
    assert tutor.go_to("one-neuron", 4) == "Lesson “one-neuron” has steps 1–3, not 4."
    assert tutor.go_to("nope", 1) == "There is no lesson “nope”."
    assert tutor.progress.index == 2, "nothing changed"


def test_restart_goes_back_to_the_first_step_and_the_preset(tutor):
    opened(tutor, step=1)
    train_until_reached(tutor, 300)
    tutor.session.state.activation = "relu"
    steps = heard(tutor, "new_step", "progress")

    tutor.restart()

    progress, session = tutor.progress, tutor.session
    assert progress.index == 0 and progress.done == ["watch"]
    assert session.trainer.epoch == 0 and session.state.activation == "tanh"
    assert tutor.page_keys["step"] == "1"
    assert steps == ["new_step"], "the lesson stays open throughout"


def test_the_last_steps_goal_marks_the_lesson_done(tutor):
    opened(tutor, step=2)
    assert not reached(tutor)
    tutor.session.state.activation = "relu"  # the goal's setting, met while paused; the loss is still to reach
    assert not reached(tutor)
    train_until_reached(tutor, 500)

    assert tutor.store.is_done(tutor.progress.lesson)

    tutor.next()  # Finish: back to free play, the list out to choose the next lesson
    assert tutor.progress is None and tutor.choosing and tutor.page_keys == {}
    assert tutor.store.is_done(tutor.catalog.lessons[0])


def test_the_list_of_lessons_comes_and_goes(tutor):
    tutor.toggle_picker()
    assert tutor.choosing and tutor.progress is None
    opened(tutor)
    assert not tutor.choosing, "a lesson chosen puts the list away"
    tutor.toggle_picker()
    tutor.toggle_picker()
    assert not tutor.choosing and tutor.progress.index == 0, "back to the open lesson"


def test_progress_comes_back_on_the_next_page(tmp_path):
    write_lesson(tmp_path)
    storage = MemoryStorage()
    first = opened(tutor_for(tmp_path, storage))
    first.next()

    linked = tutor_for(tmp_path, storage)
    linked.open_link({}, {"dataset"})  # another playground link: not the lesson
    assert linked.progress is None

    again = tutor_for(tmp_path, storage)
    again.open_link({}, ())  # the bare address: the lesson left open
    assert again.progress.index == 1 and again.progress.done == ["watch"]
    assert again.store.saved(again.progress.lesson).step == "train"

    again.close()
    closed = tutor_for(tmp_path, storage)
    closed.open_link({}, ())
    assert closed.progress is None, "a lesson closed stays closed"


def test_a_link_opens_a_lesson_at_its_step_from_its_preset_with_the_links_own_settings_on_top(tutor):
    tutor.open_link({"lesson": "one-neuron", "step": "2"}, ())
    assert tutor.progress.index == 1 and tutor.session.state.dataset == "gauss"
    assert tutor.notice is None

    tutor.close()
    state = tutor.session.state
    state.param.update(dataset="xor", learningRate=0.1, hideText=True)  # as a link to embed the lesson says
    tutor.open_link({"lesson": "one-neuron", "step": "3"}, {"hideText", "learningRate"})
    assert tutor.progress.index == 2
    assert (state.dataset, state.learningRate, state.hideText) == ("gauss", 0.1, True)


@pytest.mark.parametrize("step", ["9", "0", "two", "²", ""])
def test_a_bad_step_in_a_link_opens_step_one_with_a_notice(tutor, step):
    tutor.open_link({"lesson": "one-neuron", "step": step}, ())
    assert tutor.progress.index == 0
    assert f"step={step}: this lesson has steps 1–3" in tutor.notice
    assert "步" in tutor.notice.in_language("zh-CN"), "said again in each language"
    tutor.close()
    assert tutor.notice is None


def test_an_unknown_lesson_in_a_link_opens_the_list_with_a_notice(tutor):
    tutor.open_link({"lesson": "nope", "step": "2"}, ())
    assert tutor.progress is None and tutor.choosing
    assert "there is no lesson “nope”" in tutor.notice
    opened(tutor)
    assert tutor.notice is None and not tutor.choosing


def test_free_play_reads_no_lesson(tmp_path, monkeypatch):
    write_lesson(tmp_path)
    monkeypatch.setenv("PLAYGROUND_LESSONS", str(tmp_path))
    tutor = Tutor(Session(), store=LessonStore(MemoryStorage()))
    tutor.open_link({}, ())
    tutor.toggle_picker()
    assert tutor._catalog is None, "the list's view reads them, when it is made"
    assert [lesson.id for lesson in tutor.catalog.lessons] == ["one-neuron"]
