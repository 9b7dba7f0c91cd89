"""Tests for the data sets: TF Playground's generators, the split and user data.

Labels are checked against a scalar, line-by-line port of TF's ``dataset.ts``
label functions (below), an oracle independent of the vectorised code.
"""

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from playground.engine.datasets import (
    CLASSIFICATION_DATASETS,
    DATASET_ALIASES,
    NUM_SAMPLES,
    REGRESSION_DATASETS,
    Dataset,
    Points,
    dataset_from_rows,
    dataset_name,
    generate,
    make_dataset,
    points_from_rows,
    problem_of,
    split,
)
from playground.engine.seedrandom import SeedRandom

ALL_DATASETS = CLASSIFICATION_DATASETS + REGRESSION_DATASETS
TWO_CLASS_BALANCED = ("gauss", "spiral")  # one class per half whatever the noise


# --- oracle: TF's label functions, scalar, as written in dataset.ts ---------

def tf_circle_label(x, y):
    return 1 if math.hypot(x, y) < 5 * 0.5 else -1


def tf_xor_label(x, y):
    return 1 if x * y >= 0 else -1


def tf_plane_label(x, y):
    return (x + y) / 10  # d3 linear [-10, 10] -> [-1, 1]


def tf_reg_gauss_label(x, y):
    gaussians = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
    label = 0
    for cx, cy, sign in gaussians:
        scaled = min(max(1 - math.hypot(x - cx, y - cy) / 2, 0), 1)  # clamped [0, 2] -> [1, 0]
        if abs(sign * scaled) > abs(label):
            label = sign * scaled
    return label


def gen(name, noise=0, seed=0, n=None):
    return generate(name, noise, np.random.default_rng(seed), n)


# --- names -------------------------------------------------------------------

@pytest.mark.parametrize("name", CLASSIFICATION_DATASETS)
def test_classification_names(name):
    assert dataset_name(name) == name and problem_of(name) == "classification"


@pytest.mark.parametrize("name", REGRESSION_DATASETS)
def test_regression_names(name):
    assert dataset_name(name) == name and problem_of(name) == "regression"


@pytest.mark.parametrize("alias, canonical", sorted(DATASET_ALIASES.items()))
def test_aliases_resolve(alias, canonical):
    assert dataset_name(alias) == canonical
    assert dataset_name(alias.upper()) == canonical
    assert problem_of(alias) == problem_of(canonical)


def test_unknown_name_lists_choices():
    with pytest.raises(ValueError) as error:
        dataset_name("moons")
    assert "moons" in str(error.value)
    for choice in ALL_DATASETS:
        assert choice in str(error.value)


# --- sizes, ranges, labels ---------------------------------------------------

@pytest.mark.parametrize("name", ALL_DATASETS)
@pytest.mark.parametrize("noise", [0, 25, 50])
def test_default_sizes_and_dtypes(name, noise):
    points = gen(name, noise)
    assert len(points) == NUM_SAMPLES[problem_of(name)]
    assert points.xy.shape == (len(points), 2) and points.labels.shape == (len(points),)
    assert points.xy.dtype == np.float64 and points.labels.dtype == np.float64
    assert np.isfinite(points.xy).all() and np.isfinite(points.labels).all()


@settings(max_examples=30)
@given(n=st.integers(2, 301), name=st.sampled_from(ALL_DATASETS))
def test_sizes_follow_tf_loops(n, name):
    # TF's per-class loops run i < n / 2: ceil(n / 2) points each; xor and
    # the regression sets have one loop of n.
    expected = 2 * math.ceil(n / 2) if name in ("circle", "gauss", "spiral") else n
    assert len(gen(name, 10, n=n)) == expected


@pytest.mark.parametrize("name", CLASSIFICATION_DATASETS)
@pytest.mark.parametrize("noise", [0, 50])
def test_classification_labels_are_plus_minus_one(name, noise):
    labels = gen(name, noise).labels
    assert set(np.unique(labels)) == {-1.0, 1.0}


@pytest.mark.parametrize("name", TWO_CLASS_BALANCED)
@pytest.mark.parametrize("noise", [0, 30, 50])
def test_balanced_generators_are_exactly_balanced(name, noise):
    labels = gen(name, noise).labels
    assert (labels == 1).sum() == (labels == -1).sum() == len(labels) // 2


def test_circle_is_balanced_without_noise_and_xor_roughly():
    circle = gen("circle", 0).labels
    assert (circle == 1).sum() == (circle == -1).sum()
    xor = gen("xor", 0, n=2000).labels
    assert 0.45 < (xor == 1).mean() < 0.55


@pytest.mark.parametrize("noise", [0, 25, 50])
def test_coordinate_bounds(noise):
    # circle, xor and regression never move the drawn points (noise only
    # moves the point used for the label); spiral moves them by U(-1, 1)·noise.
    assert np.hypot(*gen("circle", noise).xy.T).max() < 5
    xor = np.abs(gen("xor", noise).xy)
    assert xor.min() >= 0.3 and xor.max() <= 5.3
    assert np.abs(gen("spiral", noise).xy).max() <= 5 + noise / 100
    for name in REGRESSION_DATASETS:
        assert np.abs(gen(name, noise).xy).max() <= 6
    gauss = gen("gauss", noise)
    std = math.sqrt(0.5 + 7 * noise / 100)
    centres = np.where(gauss.labels[:, None] > 0, 2.0, -2.0)
    assert np.abs(gauss.xy - centres).max() < 8 * std  # a Gaussian, so a loose bound


@pytest.mark.parametrize("noise", [0, 25, 50])
def test_regression_label_ranges(noise):
    # plane: |x + y| ≤ 12 plus noise up to 2·6·noise, over 10, unclamped in TF.
    plane = gen("reg-plane", noise).labels
    assert np.abs(plane).max() <= (12 + 12 * noise / 100) / 10
    assert np.abs(gen("reg-gauss", noise).labels).max() <= 1


# --- semantics against the oracle -----------------------------------------------

@pytest.mark.parametrize("name, oracle", [("circle", tf_circle_label), ("xor", tf_xor_label),
                                          ("reg-plane", tf_plane_label),
                                          ("reg-gauss", tf_reg_gauss_label)])
def test_noise_free_labels_match_tf(name, oracle):
    points = gen(name, 0, seed=7)
    expected = [oracle(x, y) for x, y in points.xy]
    np.testing.assert_allclose(points.labels, expected, rtol=0, atol=1e-12)


def test_circle_leaves_a_ring_empty_without_noise():
    r = np.hypot(*gen("circle", 0, n=4000).xy.T)
    assert not ((r >= 2.5) & (r < 3.5)).any()
    assert (r < 2.5).sum() == (r >= 3.5).sum()


def test_reg_gauss_reaches_both_signs():
    labels = gen("reg-gauss", 0).labels
    assert labels.min() < -0.5 and labels.max() > 0.5 and (labels == 0).any()


def test_spiral_arms_without_noise():
    points = gen("spiral", 0, n=400)
    arm = len(points) // 2
    for label, delta in ((1.0, 0.0), (-1.0, math.pi)):
        x, y = points.xy[points.labels == label].T
        r = np.hypot(x, y)
        np.testing.assert_allclose(r, np.arange(arm) / arm * 5, atol=1e-12)
        angle = np.arctan2(x, y)  # TF uses x = r·sin t, y = r·cos t
        expected = 1.75 * 2 * np.pi * r / 5 + delta
        np.testing.assert_allclose(np.exp(1j * angle[1:]), np.exp(1j * expected[1:]), atol=1e-9)


@pytest.mark.parametrize("noise", [0, 25, 50])
def test_gauss_variance_follows_noise(noise):
    points = gen("gauss", noise, n=20000)
    variance = 0.5 + noise / 100 * (4 - 0.5) / 0.5  # d3 linear [0, .5] -> [.5, 4]
    for label, centre in ((1.0, 2.0), (-1.0, -2.0)):
        cloud = points.xy[points.labels == label]
        np.testing.assert_allclose(cloud.mean(axis=0), centre, atol=0.1)
        np.testing.assert_allclose(cloud.var(axis=0), variance, rtol=0.05)


# --- noise -------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL_DATASETS)
def test_noise_changes_the_data(name):
    quiet, noisy = gen(name, 0, seed=3), gen(name, 50, seed=3)
    assert not (np.array_equal(quiet.xy, noisy.xy) and np.array_equal(quiet.labels, noisy.labels))


@pytest.mark.parametrize("name", ["circle", "xor", "reg-plane", "reg-gauss"])
def test_noise_moves_only_labels_of_fixed_point_sets(name):
    # TF: same seed, other noise -> the same drawn points, some other labels.
    quiet, noisy = gen(name, 0, seed=5), gen(name, 50, seed=5)
    np.testing.assert_array_equal(quiet.xy, noisy.xy)
    assert not np.array_equal(quiet.labels, noisy.labels)


def test_circle_label_noise_grows_with_noise():
    def disagreement(noise):
        points = gen("circle", noise, seed=11, n=4000)
        return np.mean(points.labels != np.where(np.hypot(*points.xy.T) < 2.5, 1, -1))

    assert disagreement(0) == 0 < disagreement(10) < disagreement(50)


def test_plane_label_noise_is_bounded():
    quiet, noisy = gen("reg-plane", 0, seed=9), gen("reg-plane", 50, seed=9)
    shift = np.abs(noisy.labels - quiet.labels)
    assert shift.max() <= 2 * 6 * 0.5 / 10 + 1e-12 and shift.max() > 0


def test_spiral_noise_moves_points_by_at_most_noise():
    quiet, noisy = gen("spiral", 0, seed=2), gen("spiral", 30, seed=2)
    shift = np.abs(noisy.xy - quiet.xy)
    assert 0 < shift.max() <= 0.3
    np.testing.assert_array_equal(quiet.labels, noisy.labels)


# --- determinism ---------------------------------------------------------------

@settings(max_examples=20)
@given(seed=st.text(max_size=12), other=st.text(max_size=12), name=st.sampled_from(ALL_DATASETS))
def test_same_seed_same_data_other_seed_other_data(seed, other, name):
    first, again = make_dataset(name, 10, 50, seed), make_dataset(name, 10, 50, seed)
    for a, b in ((first.train, again.train), (first.test, again.test)):
        np.testing.assert_array_equal(a.xy, b.xy)
        np.testing.assert_array_equal(a.labels, b.labels)
    assume(other != seed)
    assert not np.array_equal(first.train.xy, make_dataset(name, 10, 50, other).train.xy)


def test_make_dataset_draws_everything_from_the_data_stream():
    rng = SeedRandom("0.123")
    expected = split(generate("spiral", 20, rng), 70, rng, "classification")
    made = make_dataset("spiral", 20, 70, "0.123")
    np.testing.assert_array_equal(made.train.xy, expected.train.xy)
    np.testing.assert_array_equal(made.test.labels, expected.test.labels)
    assert made.problem == "classification"
    assert make_dataset("plane", 0, 50, "1").problem == "regression"


# --- split ---------------------------------------------------------------------

def numbered(n):
    """Points whose x1 is their index, so the split can be traced exactly."""
    ids = np.arange(n, dtype=np.float64)
    return Points(np.column_stack([ids, -ids]), np.where(ids % 2 == 0, 1.0, -1.0))


@settings(max_examples=60)
@given(n=st.integers(2, 700), percent=st.one_of(st.integers(10, 90), st.floats(10, 90)),
       seed=st.integers(0, 2**32))
def test_split_sizes_and_partition(n, percent, seed):
    dataset = split(numbered(n), percent, np.random.default_rng(seed), "classification")
    assert isinstance(dataset, Dataset) and dataset.problem == "classification"
    k = math.floor(n * percent / 100)
    if n >= 10:  # TF's rule exactly; below 10 points both parts are kept non-empty
        assert len(dataset.train) == k
    assert 1 <= len(dataset.train) <= n - 1
    train, test = dataset.train.xy[:, 0], dataset.test.xy[:, 0]
    assert not set(train) & set(test)
    assert sorted(np.concatenate([train, test])) == list(range(n))
    for part in (dataset.train, dataset.test):  # labels travel with their points
        np.testing.assert_array_equal(part.xy[:, 1], -part.xy[:, 0])
        np.testing.assert_array_equal(part.labels, np.where(part.xy[:, 0] % 2 == 0, 1, -1))


def test_split_shuffles():
    dataset = split(numbered(500), 50, np.random.default_rng(0), "regression")
    assert not np.array_equal(dataset.train.xy[:, 0], np.arange(250))


@pytest.mark.parametrize("percent", [10, 20, 30, 40, 50, 60, 70, 80, 90])
@pytest.mark.parametrize("name", ["circle", "reg-gauss"])
def test_make_dataset_split_sizes(name, percent):
    dataset = make_dataset(name, 0, percent, "0.5")
    n = NUM_SAMPLES[problem_of(name)]
    assert len(dataset.train) == n * percent // 100 and len(dataset.test) == n - n * percent // 100
    together = np.concatenate([dataset.train.xy, dataset.test.xy])
    generated = generate(name, 0, SeedRandom("0.5"))
    assert sorted(map(tuple, together)) == sorted(map(tuple, generated.xy))


# --- invalid arguments -----------------------------------------------------------

@pytest.mark.parametrize("noise", [-1, 80.5, 100, float("nan"), "10", None, True])
def test_bad_noise(noise):
    with pytest.raises(ValueError, match="noise must be a number from 0 to 80"):
        generate("circle", noise, np.random.default_rng(0))


@pytest.mark.parametrize("percent", [0, 5, 9.99, 90.01, 100, float("nan"), "50", None])
def test_bad_percent(percent):
    with pytest.raises(ValueError, match="percent_train must be from 10 to 90"):
        make_dataset("xor", 0, percent, "1")


@pytest.mark.parametrize("num_samples", [0, 1, 2.5, "100", True])
def test_bad_num_samples(num_samples):
    with pytest.raises(ValueError, match="num_samples"):
        generate("gauss", 0, np.random.default_rng(0), num_samples)


def test_bad_problem_and_too_few_points():
    with pytest.raises(ValueError, match="unknown problem 'clustering'.*classification, regression"):
        split(numbered(10), 50, np.random.default_rng(0), "clustering")
    with pytest.raises(ValueError, match="at least 2 points"):
        split(numbered(1), 50, np.random.default_rng(0), "classification")
    with pytest.raises(ValueError, match="unknown dataset 'moons'"):
        make_dataset("moons", 0, 50, "1")


def test_points_are_read_only_and_checked():
    points = gen("xor")
    with pytest.raises(ValueError):
        points.xy[0, 0] = 1.0
    with pytest.raises(ValueError, match="shape"):
        Points(np.zeros((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match="shape"):
        Points(np.zeros((4, 2)), np.zeros(3))


# --- user data ---------------------------------------------------------------------

def test_rows_in_various_forms():
    rows = [(-6, 6, 1), [0.5, -0.25, -1], ("1.5", " 2 ", "1")]
    for given_rows in (rows, np.array([[-6, 6, 1], [0.5, -0.25, -1], [1.5, 2, 1]])):
        points = points_from_rows(given_rows, "classification")
        np.testing.assert_array_equal(points.xy, [[-6, 6], [0.5, -0.25], [1.5, 2]])
        np.testing.assert_array_equal(points.labels, [1, -1, 1])


def test_zero_one_labels_become_minus_one_one():
    points = points_from_rows([(0, 0, 0), (1, 1, 1), (2, 2, 0)], "classification")
    np.testing.assert_array_equal(points.labels, [-1, 1, -1])


def test_regression_labels_kept_up_to_two():
    points = points_from_rows([(0, 0, -2), (1, 1, 0.3), (2, 2, 2)], "regression")
    np.testing.assert_array_equal(points.labels, [-2, 0.3, 2])


BAD_ROWS = [
    ("classification", [(0, 0, 1), (1, 2)], 2, "expected 3 values"),
    ("classification", [(0, 0, 1), (1, 2, 3, 4)], 2, "expected 3 values"),
    ("classification", [5, (0, 0, 1)], 1, "expected 3 values"),
    ("classification", ["0,0,1", (0, 0, 1)], 1, "expected 3 values"),
    ("classification", [(0, 0, 1), (0, "a", 1)], 2, "x2 is not a number"),
    ("regression", [(0, 0, 1), (0, 0, 1), (None, 0, 1)], 3, "x1 is not a number"),
    ("regression", [(0, 0, 1), (0, 0, 1), (float("nan"), 0, 1)], 3, "x1 must be a finite number"),
    ("classification", [(0, 0, 1), (0, 0, float("inf"))], 2, "label must be a finite number"),
    ("classification", [(0, 0, 1), (0, 6.5, 1)], 2, r"x2 must lie in \[-6, 6\]"),
    ("regression", [(-7, 0, 0), (0, 0, 1)], 1, r"x1 must lie in \[-6, 6\]"),
    ("classification", [(0, 0, 1), (0, 0, 2)], 2, "must be -1 or 1"),
    ("classification", [(0, 0, 1), (0, 0, 1), (0, 0, 0.5)], 3, "must be -1 or 1"),
    ("classification", [(0, 0, 1), (0, 0, -1), (0, 0, 0)], 3, "mixes 0 and -1"),
    ("classification", [(0, 0, 0), (0, 0, 1), (0, 0, -1)], 3, "mixes 0 and -1"),
    ("regression", [(0, 0, 1), (0, 0, 2.5)], 2, r"regression label must lie in \[-2, 2\]"),
]


@pytest.mark.parametrize("problem, rows, row, message", BAD_ROWS)
def test_bad_rows_name_the_row_and_the_problem(problem, rows, row, message):
    with pytest.raises(ValueError, match=rf"^row {row}: .*{message}"):
        points_from_rows(rows, problem)


@pytest.mark.parametrize("rows", [[], [(0, 0, 1)], np.zeros((1, 3))])
def test_too_few_rows(rows):
    with pytest.raises(ValueError, match="at least 2 points"):
        points_from_rows(rows, "classification")


@pytest.mark.parametrize("rows", [None, "0,0,1", np.zeros((4, 2)), np.zeros(3)])
def test_rows_that_are_not_a_table(rows):
    with pytest.raises(ValueError, match=r"rows|row 1"):
        points_from_rows(rows, "regression")


coordinate = st.floats(-6, 6)
valid_rows = st.lists(st.tuples(coordinate, coordinate, st.sampled_from([-1, 1])),
                      min_size=2, max_size=30)
CORRUPTIONS = [(0, "x"), (1, float("nan")), (0, 6.01), (1, -1e9), (2, 3), (2, 0.5), (2, None)]


@settings(max_examples=60)
@given(rows=valid_rows, data=st.data())
def test_a_single_bad_row_is_named(rows, data):
    np.testing.assert_array_equal(points_from_rows(rows, "classification").labels,
                                  [label for _, _, label in rows])
    index = data.draw(st.integers(0, len(rows) - 1))
    column, value = data.draw(st.sampled_from(CORRUPTIONS))
    broken = [list(row) for row in rows]
    broken[index][column] = value
    with pytest.raises(ValueError, match=rf"^row {index + 1}: "):
        points_from_rows(broken, "classification")


@settings(max_examples=30)
@given(rows=st.lists(st.tuples(coordinate, coordinate, st.floats(-2, 2)), min_size=2, max_size=40),
       percent=st.integers(10, 90), seed=st.text(max_size=8))
def test_dataset_from_rows_splits_all_rows(rows, percent, seed):
    dataset = dataset_from_rows(rows, "regression", percent, seed)
    assert dataset.problem == "regression"
    together = np.concatenate([
        np.column_stack([part.xy, part.labels]) for part in (dataset.train, dataset.test)])
    assert sorted(map(tuple, together)) == sorted(map(tuple, np.array(rows, dtype=float)))
    again = dataset_from_rows(rows, "regression", percent, seed)
    np.testing.assert_array_equal(again.train.xy, dataset.train.xy)


def test_engine_imports_no_ui_library():
    code = ("import sys, playground.engine.datasets; "
            "print([m for m in ('panel', 'holoviews', 'bokeh', 'param') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
