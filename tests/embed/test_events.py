"""What the page around an embedded playground hears: each event when it happens, in the spec's
shape (playground/embed/events.schema.json), ready first, progress throttled and stateChanged coalesced."""

from playground.embed.events import PROGRESS_PERIOD_S, STATE_PERIOD_S, EmbedEvents
from playground.state import PlaygroundState
from tests.helpers.embedded import LESSONS, embedded


def ready(events: EmbedEvents, link: str = "activation=tanh") -> None:
    events.ready(link, "en", {}, embed=True)


def test_ready_comes_first_and_brings_what_happened_while_the_app_was_built():
    events, host = embedded()
    session = events.session
    session.playing = True
    session.play_frame()
    session.playing = False
    assert host.heard == []

    events.ready("dataset=gauss&lesson=one-neuron&step=2", "zh-CN", {"lesson": "one-neuron", "step": "2"}, embed=True)

    assert host.heard[0] == ("ready", {"link": "dataset=gauss&lesson=one-neuron&step=2", "language": "zh-CN",
                                       "lesson": "one-neuron", "step": 2, "embed": True})
    assert host.kinds()[1:] == ["trainingStarted", "trainingPaused", "progress"]


def test_ready_in_free_play_has_no_lesson():
    events, host = embedded()
    events.ready("x=true", "en", {}, embed=False)
    assert host.heard == [("ready", {"link": "x=true", "language": "en", "lesson": None, "step": None,
                                      "embed": False})]


def test_training_started_and_paused_say_the_epoch_and_why():
    events, host = embedded(PlaygroundState(stopAtEpoch=5))
    ready(events)
    host.take()
    session = events.session
    session.playing = True
    assert host.take() == [("trainingStarted", {"epoch": 0})]

    while session.playing:
        session.play_frame()
    kind, data = host.take()[0]
    assert (kind, data) == ("trainingPaused", {"epoch": 5, "reason": "stopAtEpoch"})

    session.state.stopAtEpoch = 0
    session.playing = True
    session.play_frame()
    session.playing = False  # the Pause button
    paused = host.take()[1:]
    epoch = session.trainer.epoch
    assert paused[0] == ("trainingPaused", {"epoch": epoch, "reason": "user"})
    assert paused[1][0] == "progress" and paused[1][1]["epoch"] == epoch

    session.playing = True
    with events.pausing_for("command"):
        session.playing = False
    assert host.take()[1][1]["reason"] == "command"
    session.playing = True
    session.playing = False
    assert host.take()[1][1]["reason"] == "user", "a command's reason is not kept for the next pause"


def test_a_diverged_network_pauses_with_that_reason_and_losses_null():
    state = PlaygroundState(problem="regression", activation="relu", learningRate=10, networkShape=[8, 8, 8], noise=50)
    events, host = embedded(state)
    events.session.frame_budget_s = 0.05
    ready(events)
    events.session.playing = True
    for _ in range(100):
        events.session.play_frame()
    heard = dict(host.take()[1:])
    assert heard["trainingPaused"]["reason"] == "diverged"
    assert heard["progress"]["testLoss"] is None and heard["progress"]["testAccuracy"] is None  # regression


def test_progress_at_most_twice_a_second_while_training():
    events, host = embedded()
    ready(events)
    events.session.playing = True
    host.take()
    for _ in range(24):  # three seconds of frames at 8 a second
        events.session.play_frame()
        events.frame()
        host.wait(0.125)
    progress = [data for kind, data in host.heard if kind == "progress"]
    assert len(progress) == 3 / PROGRESS_PERIOD_S
    assert progress[-1]["epoch"] > progress[0]["epoch"] > 0
    assert all(0 <= data["testAccuracy"] <= 1 and data["trainingLoss"] > 0 for data in progress)


def test_state_changes_are_coalesced_and_the_latest_link_is_sent():
    events, host = embedded()
    events.state_changed("before ready")
    ready(events, "a=1")
    assert host.take() == [("ready", {"link": "a=1", "language": "en", "lesson": None, "step": None, "embed": True})]

    host.wait(1)
    events.state_changed("a=2")  # after a quiet spell: at once
    assert host.take() == [("stateChanged", {"link": "a=2"})]
    for link in ("a=3", "a=4", "a=5"):  # a burst: one send, at the end of the period, with the last link
        host.wait(0.05)
        events.state_changed(link)
    assert host.heard == []
    host.wait(STATE_PERIOD_S)
    assert host.take() == [("stateChanged", {"link": "a=5"})]

    host.wait(1)
    events.state_changed("a=5")  # the same setup again (a redraw): nothing to say
    host.wait(1)
    assert host.heard == []


def test_a_reached_goal_is_a_step_completed_and_the_last_one_completes_the_lesson():
    events, host = embedded()
    guide = events.lessons
    ready(events)
    lesson = LESSONS.get("one-neuron")

    guide.go_to("one-neuron", 1)  # "continue": reached as soon as it is shown
    assert ("lessonStepCompleted", {"lesson": "one-neuron", "step": 1, "steps": 6}) in host.take()

    guide.go_to("one-neuron", 6)
    heard = [event for event in host.take() if event[0].startswith("lesson")]
    assert heard == [("lessonStepCompleted", {"lesson": "one-neuron", "step": 6, "steps": 6}),
                     ("lessonCompleted", {"lesson": "one-neuron", "steps": len(lesson.steps)})]
