"""What resets what, and what a frame of play trains, without a browser."""

import numpy as np

from playground.session import DISPLAY_PARAMETERS, VIEW_PARAMETERS, Session
from playground.state import PlaygroundState


def weights(session):
    return [w.copy() for w in session.trainer.network.weights]


def test_reset_starts_again_from_the_same_weights_and_data():
    session = Session(PlaygroundState(seed="0.42000"))
    first = weights(session)
    session.trainer.step(20)

    session.reset()

    assert session.trainer.epoch == 0
    for a, b in zip(first, weights(session)):
        np.testing.assert_array_equal(a, b)


def test_learning_rate_changes_the_running_network_without_reset():
    session = Session(PlaygroundState())
    session.trainer.step(5)
    trained = weights(session)

    session.state.learningRate = 0.3

    assert session.trainer.epoch == 5
    assert session.trainer.learner.learning_rate == 0.3
    for a, b in zip(trained, weights(session)):
        np.testing.assert_array_equal(a, b)


def test_structural_changes_reset():
    session = Session(PlaygroundState())
    for change in (dict(activation="relu"), dict(networkShape=[3]), dict(dataset="xor"), dict(xSquared=True),
                   dict(regularizationRate=0.01), dict(batchSize=5), dict(noise=10)):
        session.trainer.step(3)
        session.state.param.update(**change)
        assert session.trainer.epoch == 0, change
    assert session.trainer.network.layer_sizes == [3, 3, 1]


def test_what_the_views_draw_from_never_resets_training():
    assert set(VIEW_PARAMETERS) <= set(DISPLAY_PARAMETERS)


def test_display_options_keep_training():
    session = Session(PlaygroundState())
    session.trainer.step(3)
    session.state.param.update(showTestData=True, discretize=True)
    assert session.trainer.epoch == 3


def test_a_frame_trains_only_while_playing():
    session = Session(PlaygroundState(), frame_budget_s=0.02)
    assert session.play_frame() == 0
    session.playing = True
    trained = session.play_frame()
    assert trained >= 1 and session.trainer.epoch == trained


def test_divergence_pauses_playing():
    state = PlaygroundState(problem="regression", activation="relu", learningRate=10, networkShape=[8, 8, 8], noise=50)
    session = Session(state, frame_budget_s=0.05)
    session.playing = True
    for _ in range(100):
        session.play_frame()
    assert session.trainer.divergence and not session.playing


def test_stop_at_epoch_pauses_there():
    session = Session(PlaygroundState(stopAtEpoch=7), frame_budget_s=1.0)
    session.playing = True
    session.play_frame()
    assert session.trainer.epoch == 7 and not session.playing


def test_new_weights_are_other_weights_that_reset_then_keeps():
    session = Session(PlaygroundState(seed="0.42000"))
    original = weights(session)

    session.new_weights()
    drawn = weights(session)
    session.trainer.step(5)
    session.reset()

    assert any(not np.array_equal(a, b) for a, b in zip(original, drawn))
    for a, b in zip(drawn, weights(session)):
        np.testing.assert_array_equal(a, b)


def test_new_weights_are_the_streams_next_draws_as_tfs_reset():
    """TF's reset draws the next weights from the stream the data left: press New weights twice,
    and the three networks' weights are that stream's draws one after the other."""
    session = Session(PlaygroundState(seed="0.42000", networkShape=[3]))
    networks = [session.trainer.network]
    for _ in range(2):
        session.new_weights()
        networks.append(session.trainer.network)
    drawn = np.concatenate([w.T.ravel() for network in networks for w in network.weights])
    stream = session.trainer.dataset.random_after.copy()
    np.testing.assert_array_equal(drawn, stream.random(len(drawn)) - 0.5)


def test_a_fixed_speed_trains_that_many_epochs_per_frame():
    session = Session(PlaygroundState(epochsPerFrame=3), frame_budget_s=0.001)  # the count wins
    session.playing = True
    assert session.play_frame() == 3 and session.trainer.epoch == 3


def test_hiding_an_input_that_is_on_rebuilds_the_network_and_one_that_is_off_does_not():
    session = Session(PlaygroundState(sinX=True))
    session.trainer.step(3)
    session.state.hidden = ["cosY"]
    assert session.trainer.epoch == 3
    session.state.hidden = ["cosY", "sinX"]
    assert session.trainer.epoch == 0 and session.trainer.features == ["x", "y"]
    session.state.locked = ["dataset"]
    assert session.revision == 1, "a lock changes no setting"


def test_adopting_a_trainer_takes_its_setup_without_a_reset_and_keeps_the_pages_own():
    saved = Session(PlaygroundState(dataset="xor", networkShape=[3], seed="0.12345", learningRate=0.1))
    saved.new_weights()
    saved.trainer.step(7)
    session = Session(PlaygroundState(lang="zh-CN", hidden=["noise"]))
    session.playing = True
    revision = session.revision

    session.adopt(saved.trainer)

    assert session.trainer is saved.trainer and session.trainer.epoch == 7 and not session.playing
    assert (session.state.dataset, session.state.networkShape, session.state.seed) == ("xor", [3], "0.12345")
    assert session.weight_draw == 1 and session.revision == revision + 1
    assert (session.state.lang, session.state.hidden) == ("zh-CN", ["noise"])
    session.state.activation = "relu"  # and from there on, the usual rules
    assert session.trainer is not saved.trainer
