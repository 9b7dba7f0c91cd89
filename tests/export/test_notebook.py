"""An exported notebook is valid nbformat 4, holds the script's program, and (where Jupyter is
installed) runs to the engine's final test loss and a picture of the boundary."""

import importlib.util
import json

import pytest

from playground.export.notebook import export_notebook
from tests.helpers.exported import TOLERANCE, assert_same_losses, run_script, trained

LINK = "dataset=xor&networkShape=4&activation=relu&x=false&y=false&xTimesY=true&optimizer=momentum&seed=0.66230"
EPOCHS = 10


def code_cells(notebook: dict) -> list[str]:
    return [cell["source"] for cell in notebook["cells"] if cell["cell_type"] == "code"]


def test_the_notebook_is_the_script_explained_and_the_boundary_drawn(tmp_path):
    trainer = trained(LINK, EPOCHS)
    notebook = json.loads(export_notebook(trainer))
    assert (notebook["nbformat"], notebook["metadata"]["kernelspec"]["name"]) == (4, "python3")
    kinds = [cell["cell_type"] for cell in notebook["cells"]]
    assert kinds == ["markdown", "code"] * (len(kinds) // 2)  # every part has its explanation
    *program, picture = code_cells(notebook)
    assert "matplotlib" in picture and "matplotlib" not in "".join(program)
    assert_same_losses(run_script("\n\n".join(program), tmp_path), trainer, 0, EPOCHS)


def test_the_notebook_is_valid_nbformat_4():
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.reads(export_notebook(trained(LINK, EPOCHS)), as_version=4)
    nbformat.validate(notebook)


@pytest.mark.skipif(not all(importlib.util.find_spec(name) for name in ("nbformat", "nbclient", "ipykernel", "matplotlib")),
                    reason="running a notebook needs nbformat, nbclient, ipykernel and matplotlib (not in the test extra)")
def test_the_notebook_runs_to_the_engines_loss_and_draws_the_boundary():
    import nbclient
    import nbformat

    trainer = trained(LINK, EPOCHS)
    notebook = nbformat.reads(export_notebook(trainer), as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    printed = "".join(output.get("text", "") for output in outputs if output.get("name") == "stdout").splitlines()
    assert float(printed[-1].split()[-1]) == pytest.approx(trainer.history[-1].test_loss, abs=TOLERANCE)
    assert "image/png" in outputs[-1]["data"]


def test_a_notebook_of_three_classes_trains_a_softmax_and_pictures_each_class(tmp_path):
    trainer = trained("dataset=blobs&classes=3&networkShape=4&noise=25", EPOCHS)
    text = export_notebook(trainer)
    nbformat = pytest.importorskip("nbformat")
    nbformat.validate(nbformat.reads(text, as_version=4))
    notebook = json.loads(text)
    *program, picture = code_cells(notebook)
    said = "".join(cell["source"] for cell in notebook["cells"] if cell["cell_type"] == "markdown")
    assert "3 output neurons" in said and "softmax" in said and "argmax(axis=1)" in picture
    assert_same_losses(run_script("\n\n".join(program), tmp_path), trainer, 0, EPOCHS)
