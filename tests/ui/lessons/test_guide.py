"""A lesson in the app, as shown: the column, the panel, hints, the list and the notice follow the
tutor on a real session (the flow itself is tests/lessons/test_tutor.py)."""

import pytest

from playground.lessons import load_catalog
from playground.lessons.store import LessonStore
from playground.lessons.tutor import Tutor
from playground.page.storage import MemoryStorage
from playground.session import Session
from playground.state import PlaygroundState
from playground.ui.controls import top_bar
from playground.ui.dataset_picker import DatasetPicker
from playground.ui.lessons.guide import LessonGuide
from playground.words import Words
from tests.helpers.lesson_files import ENGLISH, write_lesson


def guide_for(directory, storage=None, state=None) -> LessonGuide:
    return LessonGuide(Tutor(Session(state or PlaygroundState()), load_catalog(directory),
                             LessonStore(storage if storage is not None else MemoryStorage())))


@pytest.fixture
def guide(tmp_path) -> LessonGuide:
    write_lesson(tmp_path)
    return guide_for(tmp_path)


def opened(guide: LessonGuide, step: int = 0) -> LessonGuide:
    guide.tutor.open(guide.tutor.catalog.lessons[0], step)
    return guide


def train_until_reached(guide: LessonGuide, epochs: int) -> None:
    """Train as the app's frames do, ten epochs then a check, until the panel says the goal is reached."""
    panel, tutor = guide.lesson_panel, guide.tutor
    for _ in range(epochs // 10):
        tutor.session.trainer.step(10)
        tutor.check_goal()
        if panel.reached.visible:
            return
    raise AssertionError(f"goal not reached in {epochs} epochs: {panel.status.object}")


def test_opening_shows_the_panel_hides_and_locks_controls_and_closing_gives_them_back(tmp_path):
    write_lesson(tmp_path)
    guide = guide_for(tmp_path, state=PlaygroundState(hidden=["noise"], learningRate=0.3))
    state = guide.tutor.session.state
    regularization = top_bar(state, Words())[2]
    thumbnails = DatasetPicker(state, Words()).buttons
    assert not guide.column.visible and guide.lesson_panel is None

    opened(guide)

    assert not regularization.visible and thumbnails["xor"].disabled
    assert guide.column.visible and guide.lesson_panel.visible and not guide.notice.visible

    guide.tutor.close()

    assert regularization.visible and not thumbnails["xor"].disabled
    assert not guide.column.visible and not guide.lesson_panel.visible


def test_the_panel_says_when_the_goal_is_reached_and_offers_the_next_step(guide):
    panel = opened(guide).lesson_panel
    assert not panel.next_button.disabled, "a step to read is done once shown"
    guide.tutor.next()
    assert "Step 2 of 3" in panel.heading.object and "Train it" in panel.instructions.object
    assert panel.goal.object.count("Goal: Test loss below 0.05 within 300 epochs") == 1
    assert panel.status.object.startswith("test loss ")
    assert panel.next_button.disabled and panel.next_button.color == "default" and not panel.reached.visible

    train_until_reached(guide, 300)

    assert "✓ Goal reached" in panel.reached.object
    assert not panel.next_button.disabled and panel.next_button.color == "primary"
    assert guide.tutor.store.saved(guide.tutor.progress.lesson).steps_done == ("watch", "train")


def test_the_panels_buttons_move_the_tutor(guide):
    panel, tutor = opened(guide).lesson_panel, guide.tutor
    panel.next_button.clicks += 1
    assert tutor.progress.index == 1 and "Step 2 of 3" in panel.heading.object
    panel.previous_button.clicks += 1
    assert tutor.progress.index == 0 and "Step 1 of 3" in panel.heading.object
    panel.restart_button.clicks += 1
    assert tutor.progress.index == 0
    guide.menu_button.clicks += 1
    assert tutor.choosing and guide.picker.visible and not panel.visible
    guide.picker.buttons[0].clicks += 1
    assert not tutor.choosing and not guide.picker.visible and panel.visible
    panel.close_button.clicks += 1
    assert tutor.progress is None and not guide.column.visible


def test_hints_come_one_at_a_time_and_the_answer_on_request(guide):
    panel = opened(guide, step=1).lesson_panel
    assert not panel.hints.visible and panel.hint_button.label == "Show hint 1 of 2"

    panel.hint_button.clicks += 1
    assert "Watch the line" in panel.hints.object and "only needs to turn" not in panel.hints.object
    assert panel.hint_button.label == "Show hint 2 of 2"
    panel.hint_button.clicks += 1
    assert "only needs to turn" in panel.hints.object and not panel.hint_button.visible

    assert not panel.answer.visible
    panel.answer_button.clicks += 1
    assert panel.answer.visible and "wait about 300 epochs" in panel.answer.object and not panel.answer_button.visible

    guide.tutor.next()
    assert not panel.hints.visible and not panel.answer.visible and not panel.hint_button.visible, "relu has no hint"


def test_restart_shows_the_first_step_without_hints(guide):
    opened(guide, step=1)
    train_until_reached(guide, 300)
    guide.lesson_panel.show_hint()

    guide.tutor.restart()

    assert guide.lesson_panel.hints_shown == 0 and "Step 1 of 3" in guide.lesson_panel.heading.object


def test_the_last_steps_goal_marks_the_lesson_done(guide):
    panel = opened(guide, step=2).lesson_panel
    assert panel.next_button.label == "Finish ✓" and panel.next_button.disabled
    guide.tutor.session.state.activation = "relu"  # the goal's setting, met while paused; the loss is still to reach
    train_until_reached(guide, 500)

    assert "✓ Lesson complete" in panel.reached.object

    guide.tutor.next()  # Finish: back to free play, the list open to choose the next lesson
    assert guide.picker.visible and not panel.visible and guide.column.visible
    assert "✓ Done" in guide.picker.marks[0].object


def test_the_list_shows_where_the_student_left_a_lesson(tmp_path):
    write_lesson(tmp_path)
    storage = MemoryStorage()
    opened(guide_for(tmp_path, storage)).tutor.next()

    again = guide_for(tmp_path, storage)
    again.tutor.open_link({}, ())  # the bare address: the lesson left open
    assert again.lesson_panel.visible and "Step 2 of 3" in again.lesson_panel.heading.object
    again.tutor.toggle_picker()
    assert "At step 2 of 3" in again.picker.marks[0].object


def test_a_bad_step_in_a_link_is_said_in_a_notice(guide):
    guide.tutor.open_link({"lesson": "one-neuron", "step": "9"}, ())
    assert guide.notice.visible and "step=9: this lesson has steps 1–3" in guide.notice.object
    assert guide.lesson_panel.visible
    guide.words.language = "zh-CN"
    assert guide.notice.object == guide.tutor.notice.in_language("zh-CN")
    guide.tutor.close()
    assert not guide.notice.visible and not guide.column.visible


def test_an_unknown_lesson_in_a_link_opens_the_list_with_a_notice(guide):
    guide.tutor.open_link({"lesson": "nope", "step": "2"}, ())
    assert guide.picker.visible and guide.column.visible
    assert guide.notice.visible and "there is no lesson “nope”" in guide.notice.object


def test_the_panel_and_the_list_speak_chinese_in_place(guide):
    panel = opened(guide, step=1).lesson_panel
    panel.show_hint()
    guide.tutor.toggle_picker()

    guide.words.language = "zh-CN"

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
    panel = opened(guide_for(tmp_path)).lesson_panel
    html = panel.instructions.object
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "<em>fine</em>" in html


def test_free_play_makes_no_lesson_widgets(tmp_path, monkeypatch):
    write_lesson(tmp_path)
    monkeypatch.setenv("PLAYGROUND_LESSONS", str(tmp_path))
    guide = LessonGuide(Tutor(Session(), store=LessonStore(MemoryStorage())))
    guide.tutor.open_link({}, ())
    assert guide.tutor._catalog is None and guide.picker is None and guide.lesson_panel is None
    guide.tutor.toggle_picker()
    assert [lesson.id for lesson in guide.picker.lessons] == ["one-neuron"]


def test_a_guide_made_over_an_open_lesson_shows_it(guide):
    tutor = opened(guide, step=1).tutor
    tutor.toggle_picker()
    again = LessonGuide(tutor)
    assert again.picker.visible and not again.lesson_panel.visible and again.column.visible
    tutor.toggle_picker()
    assert again.lesson_panel.visible and "Step 2 of 3" in again.lesson_panel.heading.object
