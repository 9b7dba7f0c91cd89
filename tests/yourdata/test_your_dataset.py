"""The student's points as training data: split by the train percent, jittered by the seed's noise,
and taken by a training session without resetting its network."""

import numpy as np
import pytest

from playground.session import Session
from playground.state import PlaygroundState
from playground.yourdata import point_code
from playground.yourdata.dataset import your_dataset
from playground.yourdata.drawing import with_point


def some_points(n: int, seed: int = 0) -> str:
    rng = np.random.default_rng(seed)
    xy = rng.uniform(-5, 5, (n, 2))
    return point_code.encode(xy, np.where(xy[:, 0] > 0, 1.0, -1.0))


def test_the_split_follows_the_train_percent_and_keeps_every_point():
    text = some_points(400)
    data = your_dataset(text, "classification", 0, 70, "0.123")
    assert len(data.train) + len(data.test) == 400
    assert 0.6 < len(data.train) / 400 < 0.8


def test_a_new_point_leaves_the_others_where_they_were_in_their_part():
    text = some_points(50)
    before = your_dataset(text, "classification", 30, 50, "s")
    after = your_dataset(with_point(text, 1, 1, 1), "classification", 30, 50, "s")
    for part in ("train", "test"):
        old, new = getattr(before, part), getattr(after, part)
        np.testing.assert_array_equal(new.xy[: len(old)], old.xy)


def test_noise_jitters_by_the_seed_within_the_view():
    text = some_points(100)
    quiet = your_dataset(text, "classification", 0, 90, "s")
    noisy = your_dataset(text, "classification", 50, 90, "s")
    again = your_dataset(text, "classification", 50, 90, "s")
    other = your_dataset(text, "classification", 50, 90, "t")
    np.testing.assert_array_equal(noisy.train.xy, again.train.xy)
    assert not np.array_equal(noisy.train.xy, quiet.train.xy)
    assert np.abs(noisy.train.xy - quiet.train.xy).max() <= 2.5 + 1e-9
    assert np.abs(noisy.train.xy).max() <= 6
    assert not np.array_equal(noisy.train.xy[:5], other.train.xy[:5])


def test_one_point_trains_and_none_is_empty():
    assert len(your_dataset(some_points(1), "classification", 0, 10, "s").train) == 1
    empty = your_dataset("", "regression", 0, 50, "s")
    assert len(empty.train) == len(empty.test) == 0


def test_a_session_takes_drawn_points_while_training_without_a_reset():
    state = PlaygroundState(dataset="yours", yourData=some_points(20), seed="0.5")
    session = Session(state)
    trainer, revision = session.trainer, session.revision
    session.trainer.step(30)
    weights = session.trainer.network.parameter_vector.copy()
    state.yourData = with_point(state.yourData, 2, 2, 1)
    assert session.trainer is trainer and session.revision == revision
    assert session.data_revision == 1
    assert trainer.epoch == 30
    np.testing.assert_array_equal(trainer.network.parameter_vector, weights)
    assert len(trainer.dataset.train) + len(trainer.dataset.test) == 21
    assert trainer.recipe["yourData"] == state.yourData  # the training worker makes the same data
    trainer.step(1)
    assert trainer.epoch == 31


def test_points_of_another_problem_or_data_set_change_nothing_running():
    state = PlaygroundState(dataset="circle", yourData=some_points(5))
    session = Session(state)
    trainer = session.trainer
    state.yourData = some_points(8)
    assert session.trainer is trainer and session.data_revision == 0
    state.dataset = "yours"
    assert session.trainer is not trainer
    assert len(session.trainer.dataset.train) + len(session.trainer.dataset.test) == 8


def test_regression_on_drawn_values():
    state = PlaygroundState(problem="regression", regDataset="yours", yourData=some_points(30), seed="1")
    session = Session(state)
    first = session.trainer.history[-1].train_loss
    session.trainer.step(200)
    assert session.trainer.history[-1].train_loss < first


def test_the_losses_shown_are_measured_on_the_new_points():
    state = PlaygroundState(dataset="yours", seed="0.5", percTrainData=90)
    session = Session(state)
    assert np.isnan(session.trainer.history[-1].train_loss)
    state.yourData = some_points(20)
    assert np.isfinite(session.trainer.history[-1].train_loss) and len(session.trainer.history) == 1


def all_labels(data) -> list[float]:
    return sorted(np.concatenate([data.train.labels, data.test.labels]).tolist())


def test_values_drawn_for_regression_are_classified_by_their_sign():
    text = point_code.encode(np.array([[0, 0], [1, 1], [2, 2]]), np.array([0.4, -0.2, 0.0]))
    assert all_labels(your_dataset(text, "classification", 0, 90, "s")) == [-1, 1, 1]
    assert all_labels(your_dataset(text, "regression", 0, 90, "s")) == pytest.approx([-0.2, 0.0, 0.4])
