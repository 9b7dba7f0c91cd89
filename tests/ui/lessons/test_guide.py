"""A lesson in the app, on a real session: opening, goals reached by training, hints, restart, progress."""

import pytest

from playground.lessons import load_catalog
from playground.lessons.store import LessonStore
from playground.page.storage import MemoryStorage
from playground.session import Session
from playground.state import PlaygroundState
from playground.ui.controls import top_bar
from playground.ui.dataset_picker import DatasetPicker
from playground.ui.lessons.guide import LessonGuide
from playground.words import Words
from tests.helpers.lesson_files import ENGLISH, write_lesson


def guide_for(directory, storage=None, state=None) -> LessonGuide:
    return LessonGuide(Session(state or PlaygroundState()), load_catalog(directory),
                       LessonStore(storage if storage is not None else MemoryStorage()))


@pytest.fixture
def guide(tmp_path) -> LessonGuide:
    write_lesson(tmp_path)
    return guide_for(tmp_path)


def opened(guide: LessonGuide, step: int = 0) -> LessonGuide:
    guide.open(guide.catalog.lessons[0], step)
    return guide


def train_until_reached(guide: LessonGuide, epochs: int) -> None:
    """Train as the app's frames do, ten epochs then a check, until the goal is reached."""
    panel = guide.panel
    for _ in range(epochs // 10):
        guide.session.trainer.step(10)
        guide.follow()
        if panel.reached.visible:
            return
    raise AssertionError(f"goal not reached in {epochs} epochs: {panel.status.object}")


def test_opening_applies_the_preset_hides_and_locks_and_closing_gives_the_controls_back(tmp_path):
    write_lesson(tmp_path)
    guide = guide_for(tmp_path, state=PlaygroundState(hidden=["noise"], learningRate=0.3))
    state = guide.session.state
    regularization = top_bar(state, Words())[2]
    thumbnails = DatasetPicker(state, Words()).buttons

    opened(guide)

    assert (state.dataset, state.networkShape, state.learningRate) == ("gauss", [], 0.03)
    assert state.hidden == ["regularization", "regularizationRate", "noise"] and state.locked == ["dataset"]
    assert not regularization.visible and thumbnails["xor"].disabled
    assert guide.column.visible and guide.panel.panel.visible
    assert guide.page_keys == {"lesson": "one-neuron", "step": "1"}

    guide.close()

    assert state.hidden == ["noise"] and state.locked == []
    assert regularization.visible and not thumbnails["xor"].disabled
    assert state.dataset == "gauss", "free play goes on from where the lesson left the playground"
    assert not guide.column.visible and guide.page_keys == {}


def test_a_page_embedded_without_its_text_stays_so_when_a_lesson_opens(tmp_path):
    write_lesson(tmp_path)
    guide = opened(guide_for(tmp_path, state=PlaygroundState(hideText=True)))
    assert guide.session.state.hideText and guide.session.state.dataset == "gauss"
    guide.restart()
    assert guide.session.state.hideText


def test_the_panel_says_when_the_goal_is_reached_and_offers_the_next_step(guide):
    panel = opened(guide).panel
    assert not panel.next_button.disabled, "a step to read is done once shown"
    guide.next()
    assert "Step 2 of 3" in panel.heading.object and "Train it" in panel.instructions.object
    assert panel.goal.object.count("Goal: Test loss below 0.05 within 300 epochs") == 1
    assert panel.status.object.startswith("test loss ")
    assert panel.next_button.disabled and panel.next_button.color == "default" and not panel.reached.visible

    train_until_reached(guide, 300)

    assert "✓ Goal reached" in panel.reached.object
    assert not panel.next_button.disabled and panel.next_button.color == "primary"
    assert guide.store.saved(guide.progress.lesson).steps_done == ("watch", "train")


def test_hints_come_one_at_a_time_and_the_answer_on_request(guide):
    panel = opened(guide, step=1).panel
    assert not panel.hints.visible and panel.hint_button.label == "Show hint 1 of 2"

    panel.hint_button.clicks += 1
    assert "Watch the line" in panel.hints.object and "only needs to turn" not in panel.hints.object
    assert panel.hint_button.label == "Show hint 2 of 2"
    panel.hint_button.clicks += 1
    assert "only needs to turn" in panel.hints.object and not panel.hint_button.visible

    assert not panel.answer.visible
    panel.answer_button.clicks += 1
    assert panel.answer.visible and "wait about 300 epochs" in panel.answer.object and not panel.answer_button.visible

    guide.next()
    assert not panel.hints.visible and not panel.answer.visible and not panel.hint_button.visible, "relu has no hint"


def test_restart_goes_back_to_the_first_step_and_the_preset(guide):
    opened(guide, step=1)
    train_until_reached(guide, 300)
    guide.panel.show_hint()
    guide.session.state.activation = "relu"

    guide.restart()

    progress, session = guide.progress, guide.session
    assert progress.index == 0 and progress.done == ["watch"]
    assert session.trainer.epoch == 0 and session.state.activation == "tanh"
    assert guide.panel.hints_shown == 0 and guide.page_keys["step"] == "1"


def test_the_last_steps_goal_marks_the_lesson_done(guide):
    panel = opened(guide, step=2).panel
    assert panel.next_button.label == "Finish ✓" and panel.next_button.disabled
    guide.session.state.activation = "relu"  # the goal's setting, met while paused; the loss is still to reach
    train_until_reached(guide, 500)

    assert "✓ Lesson complete" in panel.reached.object
    assert guide.store.is_done(guide.progress.lesson)

    guide.next()  # Finish: back to free play, the list open to choose the next lesson
    assert guide.progress is None and guide.picker.panel.visible
    assert "✓ Done" in guide.picker.marks[0].object


def test_progress_comes_back_on_the_next_page(tmp_path):
    write_lesson(tmp_path)
    storage = MemoryStorage()
    first = opened(guide_for(tmp_path, storage))
    first.next()

    linked = guide_for(tmp_path, storage)
    linked.open_link({}, {"dataset"})  # another playground link: not the lesson
    assert linked.progress is None

    again = guide_for(tmp_path, storage)
    again.open_link({}, ())  # the bare address: the lesson left open
    assert again.progress.index == 1 and again.progress.done == ["watch"]
    again.toggle_picker()
    assert "At step 2 of 3" in again.picker.marks[0].object


def test_a_link_opens_a_lesson_at_its_step_from_its_preset_with_the_links_own_settings_on_top(guide):
    guide.open_link({"lesson": "one-neuron", "step": "2"}, ())
    assert guide.progress.index == 1 and guide.session.state.dataset == "gauss"
    assert not guide.notice.visible

    guide.close()
    state = guide.session.state
    state.param.update(dataset="xor", learningRate=0.1, hideText=True)  # as a link to embed the lesson says
    guide.open_link({"lesson": "one-neuron", "step": "3"}, {"hideText", "learningRate"})
    assert guide.progress.index == 2
    assert (state.dataset, state.learningRate, state.hideText) == ("gauss", 0.1, True)


@pytest.mark.parametrize("step", ["9", "0", "two", "²", ""])
def test_a_bad_step_in_a_link_opens_step_one_with_a_notice(guide, step):
    guide.open_link({"lesson": "one-neuron", "step": step}, ())
    assert guide.progress.index == 0
    assert guide.notice.visible and f"step={step}: this lesson has steps 1–3" in guide.notice.object


def test_an_unknown_lesson_in_a_link_opens_the_list_with_a_notice(guide):
    guide.open_link({"lesson": "nope", "step": "2"}, ())
    assert guide.progress is None and guide.picker.panel.visible and guide.column.visible
    assert "there is no lesson “nope”" in guide.notice.object


def test_the_panel_and_the_list_speak_chinese_in_place(guide):
    panel = opened(guide, step=1).panel
    panel.show_hint()
    guide.toggle_picker()

    guide.set_language("zh-CN")

    assert "第 2 步，共 3 步" in panel.heading.object and "一个神经元画一条直线" in panel.heading.object
    assert "训练" in panel.instructions.object and "看橙色和蓝色之间的那条线" in panel.hints.object
    assert "目标：300 个周期内测试损失低于 0.05" in panel.goal.object
    assert panel.status.object.startswith("测试损失")
    assert (guide.menu_button.label, panel.next_button.label) == ("☰ 课程", "下一步 ›")
    assert "入门" in guide.picker.marks[0].object


def test_lesson_text_cannot_carry_raw_html(tmp_path):
    write_lesson(tmp_path, ENGLISH.replace("The output neuron alone sees X₁ and X₂.",
                                           "<script>alert(1)</script> <img src=x onerror=alert(2)> *fine*"),
                 chinese=None)
    (tmp_path / "01-one-neuron.md").write_text(
        (tmp_path / "01-one-neuron.md").read_text().replace("  zh-CN: 一个神经元画一条直线\n", ""))
    panel = opened(guide_for(tmp_path)).panel
    html = panel.instructions.object
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "<em>fine</em>" in html


def test_free_play_reads_no_lesson(tmp_path, monkeypatch):
    write_lesson(tmp_path)
    monkeypatch.setenv("PLAYGROUND_LESSONS", str(tmp_path))
    guide = LessonGuide(Session(), store=LessonStore(MemoryStorage()))
    guide.open_link({}, ())
    assert guide._catalog is None and guide.picker is None and guide.panel is None
    guide.toggle_picker()
    assert [lesson.id for lesson in guide.catalog.lessons] == ["one-neuron"]
