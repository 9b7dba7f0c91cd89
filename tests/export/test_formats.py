"""One way in for the command line and the page: ``export(trainer, format)`` and the file's name."""

import pytest

from playground.engine.datasets import make_dataset
from playground.export import FORMATS, export, file_name
from playground.links import decode
from playground.trainer import Trainer
from tests.helpers.exported import trained


def test_every_format_is_named_after_the_setup_and_epoch_and_all_but_the_picture_is_text():
    trainer = trained("problem=regression&regDataset=reg-gauss", 2)
    for format in FORMATS:
        made = export(trainer, format)
        assert isinstance(made, bytes if format == "png" else str) and made.strip()
    assert [file_name(trainer, format) for format in FORMATS] == [
        "reg-gauss-epoch-2.py", "reg-gauss-epoch-2.ipynb", "reg-gauss-epoch-2-network.json",
        "reg-gauss-data.csv", "reg-gauss-epoch-2-losses.csv", "reg-gauss-epoch-2-output.png"]


def test_an_unknown_format_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="svg.*script, notebook, weights, data, losses, png"):
        export(trained("dataset=xor", 0), "svg")


def test_a_program_of_points_its_data_set_would_not_make_is_refused_but_they_are_saved_as_data():
    state, _ = decode("dataset=xor")
    trainer = Trainer(state, dataset=make_dataset("circle", 0, 50, "0.00000"))  # as a loaded network may hold
    for format in ("script", "notebook"):
        with pytest.raises(ValueError, match="not the ones xor makes for the link's seed"):
            export(trainer, format)
    assert export(trainer, "data").splitlines()[1].split(",")[:2] == list(map(repr, trainer.dataset.train.xy[0].tolist()))
