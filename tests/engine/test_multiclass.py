"""More than two classes: the data sets made for them, the softmax head's labels and the confusion matrix."""

import math

import numpy as np
import pytest

from playground.engine import Network
from playground.engine.confusion import class_indices, confusion_matrix
from playground.engine.datasets import MULTICLASS_DATASETS, class_counts, generate, make_dataset
from playground.engine.losses import HEADS, make_head
from playground.engine.seedrandom import SeedRandom


@pytest.mark.parametrize("name", MULTICLASS_DATASETS)
@pytest.mark.parametrize("classes", [3, 4])
def test_multiclass_data_is_balanced_and_the_same_for_a_seed(name, classes):
    points = generate(name, 10, SeedRandom("0.31416"), classes=classes)
    again = generate(name, 10, SeedRandom("0.31416"), classes=classes)
    other = generate(name, 10, SeedRandom("0.27182"), classes=classes)

    np.testing.assert_array_equal(points.xy, again.xy)
    np.testing.assert_array_equal(points.labels, again.labels)
    assert not np.array_equal(points.xy, other.xy)
    counts = np.bincount(points.labels.astype(int))
    assert len(counts) == classes and counts.min() == counts.max() == math.ceil(500 / classes)


@pytest.mark.parametrize("classes", [2, 3, 4])
def test_blobs_sit_on_a_circle_one_class_each(classes):
    points = generate("blobs", 0, np.random.default_rng(1), 6000, classes)
    labels = class_indices(points.labels, classes)
    for k in range(classes):
        angle = 2 * math.pi * k / classes
        centre = 3.5 * np.array([math.sin(angle), math.cos(angle)])
        np.testing.assert_allclose(points.xy[labels == k].mean(axis=0), centre, atol=0.1)


def test_each_spiral_arm_is_turned_by_a_third_of_a_turn():
    points = generate("spiral", 0, np.random.default_rng(0), 300, 3)
    x, y = points.xy.T
    angle = np.arctan2(x, y)
    turn = np.repeat([0, 2 * math.pi / 3, 4 * math.pi / 3], 100)
    expected = 1.75 * 2 * np.pi * np.hypot(x, y) / 5 + turn
    away = np.hypot(x, y) > 0  # each arm's first point sits at the centre, at no angle
    np.testing.assert_allclose(np.exp(1j * angle[away]), np.exp(1j * expected[away]), atol=1e-9)


def test_two_class_blobs_and_spiral_are_labelled_as_tf_labels():
    assert set(generate("blobs", 0, np.random.default_rng(0), 20).labels) == {1.0, -1.0}
    tf_spiral = make_dataset("spiral", 20, 50, "0.5")
    assert tf_spiral.classes == 2 and set(tf_spiral.train.labels) == {1.0, -1.0}


def test_which_data_sets_have_how_many_classes():
    assert class_counts("blobs") == class_counts("spiral") == (2, 3, 4)
    assert class_counts("circle") == (2,) and class_counts("plane") == ()


@pytest.mark.parametrize(("name", "classes", "message"), [
    ("circle", 3, "circle has two classes, not 3; blobs and spiral have 2, 3 or 4"),
    ("reg-plane", 3, "reg-plane has no classes, not 3"),
    ("blobs", 5, "blobs has 2, 3 or 4 classes, not 5"),
])
def test_a_class_count_a_data_set_cannot_have_is_refused(name, classes, message):
    with pytest.raises(ValueError, match=message):
        generate(name, 0, np.random.default_rng(0), classes=classes)


def test_the_softmax_head_needs_classes_of_a_classification():
    with pytest.raises(ValueError, match="3 classes need a classification problem"):
        make_head("regression", classes=3)
    with pytest.raises(ValueError, match="not 5"):
        make_head("classification", classes=5)
    assert make_head("classification", "square", 3) is not make_head("classification", "square")


def test_a_saved_three_class_network_comes_back_with_its_softmax():
    network = Network(2, [3], "relu", make_head("classification", classes=3), np.random.default_rng(0))
    copy = Network.from_json(network.to_json())
    assert copy.head.name == "softmax3+cross-entropy" == HEADS[copy.head.name].name
    x = np.random.default_rng(1).normal(size=(5, 2))
    np.testing.assert_array_equal(copy.predict(x), network.predict(x))


def test_confusion_matrix_counts_true_class_by_row_and_predicted_by_column():
    labels = np.array([0, 0, 1, 2, 2, 2], dtype=float)
    predicted = np.array([0, 1, 1, 2, 0, 2], dtype=float)
    np.testing.assert_array_equal(confusion_matrix(labels, predicted, 3), [[1, 1, 0], [0, 1, 0], [1, 0, 2]])


def test_two_classes_are_plus_one_then_minus_one():
    labels = np.array([1.0, 1.0, -1.0])
    np.testing.assert_array_equal(confusion_matrix(labels, np.array([1.0, -1.0, -1.0]), 2), [[1, 1], [0, 1]])
