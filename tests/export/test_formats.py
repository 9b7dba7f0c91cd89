"""One way in for the command line and the page: ``export(trainer, format)`` and the file's name."""

import pytest

from playground.export import FORMATS, export, file_name
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


def test_a_network_of_three_classes_is_refused_as_a_program_but_saved_as_data():
    trainer = trained("dataset=blobs&classes=3", 1)
    for format in ("script", "notebook"):
        with pytest.raises(ValueError, match="3 classes cannot be exported as a program yet"):
            export(trainer, format)
    assert {line.split(",")[2] for line in export(trainer, "data").splitlines()[1:]} == {"0", "1", "2"}
