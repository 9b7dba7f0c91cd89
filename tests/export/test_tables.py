"""The data and the loss history as CSV: every point and every epoch, to the last bit."""

import csv
import io

import numpy as np

from playground.export.tables import export_data, export_losses
from tests.helpers.exported import trained


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_data_holds_every_point_with_its_set():
    trainer = trained("dataset=spiral&noise=20&percTrainData=30", 0)
    table = rows(export_data(trainer))
    assert list(table[0]) == ["x", "y", "label", "set"]
    for name, points in (("train", trainer.dataset.train), ("test", trainer.dataset.test)):
        mine = [row for row in table if row["set"] == name]
        assert np.array_equal([[float(row["x"]), float(row["y"])] for row in mine], points.xy)
        assert np.array_equal([float(row["label"]) for row in mine], points.labels)
    assert {row["label"] for row in table} == {"1", "-1"}
    assert len(table) == 500 and sum(row["set"] == "train" for row in table) == 150


def test_the_losses_are_the_history():
    trainer = trained("problem=regression&regDataset=reg-plane", 7)
    table = rows(export_losses(trainer))
    assert [int(row["epoch"]) for row in table] == list(range(8))
    assert [float(row["test_loss"]) for row in table] == [m.test_loss for m in trainer.history]
    assert [float(row["train_loss"]) for row in table] == [m.train_loss for m in trainer.history]


def test_a_diverged_loss_is_written_as_python_and_spreadsheets_read_it():
    trainer = trained("problem=regression&regDataset=reg-plane&learningRate=10&activation=relu&networkShape=8,8,8&noise=50", 60)
    assert trainer.divergence
    last = rows(export_losses(trainer))[-1]
    assert last["test_loss"] in ("inf", "nan") and not np.isfinite(float(last["test_loss"]))
