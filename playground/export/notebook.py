"""A trainer's setup as a Jupyter notebook: the exported script's parts, each explained, and a picture
of the decision boundary at the end.

Written as nbformat 4 JSON by this code, so the playground needs no Jupyter package to export one.
"""

import json

from ..assets import palette
from ..trainer import Trainer
from .program import program

NBFORMAT, NBFORMAT_MINOR = 4, 5


def export_notebook(trainer: Trainer, epochs: int | None = None, start: str = "first") -> str:
    """The notebook (``.ipynb`` JSON) of ``export_script``'s program for the same arguments."""
    made = program(trainer, epochs, start)
    cells = [_markdown(f"# {made.title}\n\n{made.about}"), _code("\n".join(made.imports))]
    for number, part in enumerate(made.parts, start=1):
        cells += [_markdown(f"## {number}. {part.title}\n\n{part.text}"), _code(part.code)]
    classes = trainer.network.head.outputs
    shown = ("The network's output over the whole square, as the playground draws it: orange for -1, blue for +1."
             if classes == 1 else
             f"The class the network finds most probable over the whole square, each of the {classes} in a colour "
             "of its own (matplotlib's first ones), and each point in its class's colour.")
    cells += [_markdown(f"## {len(made.parts) + 1}. The decision boundary\n\n{shown} "
                        "The training points have a white edge, the test points a black one."),
              _code(_picture() if classes == 1 else _class_picture(classes))]
    for number, cell in enumerate(cells, start=1):
        cell["id"] = f"cell-{number}"
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": NBFORMAT,
        "nbformat_minor": NBFORMAT_MINOR,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def _picture() -> str:
    colours = palette()
    return f'''import matplotlib.pyplot as plt
from matplotlib.colors import LinearSegmentedColormap

# TF Playground's colours for -1, 0 and +1
colours = LinearSegmentedColormap.from_list(
    "playground", ["{colours["negative"]}", "{colours["neutral"]}", "{colours["positive"]}"])
ticks = np.linspace(-6, 6, 100)
grid_x1, grid_x2 = np.meshgrid(ticks, ticks)
grid = np.column_stack([grid_x1.ravel(), grid_x2.ravel()])
values = output(forward(features(grid), layers)[2]).reshape(grid_x1.shape)

figure, axes = plt.subplots(figsize=(5, 5))
axes.imshow(values, extent=(-6, 6, -6, 6), origin="lower", cmap=colours, vmin=-1, vmax=1)
axes.scatter(train_xy[:, 0], train_xy[:, 1], c=train_labels, cmap=colours, vmin=-1, vmax=1, s=16, edgecolors="white")
axes.scatter(test_xy[:, 0], test_xy[:, 1], c=test_labels, cmap=colours, vmin=-1, vmax=1, s=16, edgecolors="black")
axes.set_title(f"epoch {{START_EPOCH + EPOCHS}}: test loss {{test_loss:.4f}}")
plt.show()'''


def _class_picture(classes: int) -> str:
    return f'''import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap

colours = ListedColormap(plt.cm.tab10.colors[:{classes}])  # one colour per class
ticks = np.linspace(-6, 6, 100)
grid_x1, grid_x2 = np.meshgrid(ticks, ticks)
grid = np.column_stack([grid_x1.ravel(), grid_x2.ravel()])
values = output(forward(features(grid), layers)[2]).argmax(axis=1).reshape(grid_x1.shape)

figure, axes = plt.subplots(figsize=(5, 5))
scale = dict(cmap=colours, vmin=-0.5, vmax={classes} - 0.5)
axes.imshow(values, extent=(-6, 6, -6, 6), origin="lower", alpha=0.5, **scale)
axes.scatter(train_xy[:, 0], train_xy[:, 1], c=train_labels, s=16, edgecolors="white", **scale)
axes.scatter(test_xy[:, 0], test_xy[:, 1], c=test_labels, s=16, edgecolors="black", **scale)
axes.set_title(f"epoch {{START_EPOCH + EPOCHS}}: test loss {{test_loss:.4f}}")
plt.show()'''


def _markdown(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code(source: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source.rstrip()}
