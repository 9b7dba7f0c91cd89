"""Following a lesson on a live session: steps, resets, answers, and the replay of a whole lesson."""


from playground.lessons import LessonProgress, parse_lesson, replay
from playground.session import Session
from tests.helpers.lesson_files import ENGLISH, write_lesson


def lesson_with(tmp_path, english=ENGLISH):
    lesson, errors = parse_lesson(write_lesson(tmp_path, english))
    assert errors == []
    return lesson


def started(lesson):
    return LessonProgress(lesson, Session(lesson.start_state()))


def test_within_counts_again_from_zero_after_a_reset(tmp_path):
    progress = started(lesson_with(tmp_path, ENGLISH.replace("within: 300", "within: 3")))
    session = progress.session
    session.state.learningRate = 0.00001  # learns nothing; a new rate goes to the running network
    session.trainer.step(5)
    progress.go_to(1)  # the step starts at epoch 5
    session.trainer.step(10)
    assert progress.epochs_in_step == 10
    assert not progress.check()
    assert progress.status("en").endswith("10 epochs, more than 3: press Reset to try again")
    session.state.learningRate = 0.03
    session.trainer.step(5)
    assert not progress.check(), "the loss is low now, but 15 epochs into the step"

    session.reset()

    assert progress.epochs_in_step == 0
    session.trainer.step(3)
    assert progress.check()
    assert progress.done == ["train"]


def test_a_goal_reached_within_a_long_frame_is_not_missed(tmp_path):
    lesson = lesson_with(tmp_path, ENGLISH.replace("{metric: test_loss, below: 0.05, within: 300}",
                                                   "{metric: epoch, above: 5, within: 8}"))
    progress = started(lesson)
    progress.go_to(1)
    progress.session.trainer.step(40)  # one frame of 40 epochs: only epochs 6–8 meet the goal
    assert progress.check()


def test_a_param_goal_is_met_while_paused(tmp_path):
    progress = started(lesson_with(tmp_path, ENGLISH.replace("{metric: test_loss, below: 0.1, within: 500}",
                                                             "{count: hidden_layers, equals: 0}")))
    progress.go_to(2)
    assert not progress.check()
    progress.session.state.activation = "relu"
    assert progress.check()
    assert progress.status("en") == "activation ReLU (goal: ReLU); hidden layers 0 (goal: exactly 0)"


def test_next_previous_and_restart(tmp_path):
    lesson = lesson_with(tmp_path)
    progress = started(lesson)
    assert progress.check() and progress.done == ["watch"]  # a continue step is done once shown
    progress.next()
    progress.next()
    progress.next()  # stays on the last step
    assert progress.index == 2 and progress.step.id == "relu"
    progress.previous()
    assert progress.step.id == "train"

    session = progress.session
    session.state.param.update(activation="relu", learningRate=0.3, showTestData=True)
    session.new_weights()
    session.trainer.step(5)
    progress.restart()

    assert progress.index == 0 and progress.done == []
    assert session.trainer.epoch == 0 and session.weight_draw == 0
    start = lesson.start_state()
    assert all(getattr(session.state, key) == getattr(start, key) for key in ("activation", "learningRate", "showTestData"))


def test_restart_resets_even_when_the_state_is_already_the_preset(tmp_path):
    progress = started(lesson_with(tmp_path))
    progress.session.trainer.step(5)
    progress.restart()
    assert progress.session.trainer.epoch == 0


def test_the_answer_sets_resets_and_draws_new_weights(tmp_path):
    lesson = lesson_with(tmp_path, ENGLISH.replace("{set: {activation: relu}, train: 500}",
                                                   "{set: {activation: relu, learningRate: 0.1}, new_weights: true, train: 500}"))
    progress = started(lesson)
    progress.go_to(2)
    progress.apply_answer()
    state = progress.session.state
    assert (state.activation, state.learningRate, progress.session.weight_draw) == ("relu", 0.1, 1)


def test_replaying_the_example_reaches_every_goal(tmp_path):
    assert replay(lesson_with(tmp_path)) == []


def test_replay_names_a_goal_the_answer_does_not_reach(tmp_path):
    lesson = lesson_with(tmp_path, ENGLISH.replace("{metric: test_loss, below: 0.05, within: 300}",
                                                   "{metric: test_loss, below: 0.000001, within: 300}"))
    problems = replay(lesson)
    assert len(problems) == 1
    assert problems[0].startswith('step "train": the goal is not reached by the answer (300 epochs): test loss ')


def test_replay_names_a_goal_met_before_the_student_does_anything(tmp_path):
    lesson = lesson_with(tmp_path, ENGLISH.replace("{param: activation, equals: relu}", "{param: activation, equals: tanh}")
                         .replace("{set: {activation: relu}, train: 500}", "{train: 500}")
                         .replace("{metric: test_loss, below: 0.1, within: 500}", "{metric: test_loss, below: 0.9}"))
    (problem,) = replay(lesson)
    assert problem.startswith('step "relu": the goal is met before the student does anything '
                              "(activation Tanh (goal: Tanh); test loss ")
