"""The default data set as a small inline SVG, painted before Python starts.

The skeleton shows the points the app will show (TF's circle, PlaygroundState's
default seed and split), so the first paint already has the data. They come from the
project being built, in a subprocess with that project first on sys.path, so the build
never draws them with another copy of `playground`. A project without `playground` (a
stand-in app) gets an empty plot.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: TF Playground's colours: orange for -1, blue for +1; its view is [-6, 6]².
COLOURS = {-1: "#f59322", 1: "#0877bd"}
VIEW = 6
POINT_RADIUS = 0.16  # TF's 4 px on a 300 px plot, in data units

TRAINING_POINTS = """
import json
from playground.state import PlaygroundState
from playground.trainer import Trainer
train = Trainer(PlaygroundState()).dataset.train
print(json.dumps({"xy": train.xy.round(2).tolist(), "labels": train.labels.tolist()}))
"""


def training_points(project: Path) -> tuple[list, list] | None:
    """(xy, labels) of the default state's training points, or None without playground."""
    if not (project / "playground" / "trainer.py").is_file():
        return None
    env = dict(os.environ, PYTHONPATH=str(project))
    run = subprocess.run([sys.executable, "-c", TRAINING_POINTS], cwd=project, env=env,
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"could not draw the skeleton's data:\n{run.stderr}")
    data = json.loads(run.stdout)
    return data["xy"], data["labels"]


def data_svg(points: tuple[list, list] | None) -> str:
    """An SVG of the points, y up as in the app; without points, the empty plot."""
    groups = []
    if points:
        xy, labels = points
        for label, colour in COLOURS.items():
            circles = "".join(f'<circle cx="{x:g}" cy="{-y:g}" r="{POINT_RADIUS}"/>'
                              for (x, y), lab in zip(xy, labels) if round(lab) == label)
            groups.append(f'<g fill="{colour}">{circles}</g>')
    return (f'<svg class="sk-plot" viewBox="{-VIEW} {-VIEW} {2 * VIEW} {2 * VIEW}" '
            'role="img" aria-label="The training data" stroke="#fff" stroke-width="0.04">'
            + "".join(groups) + "</svg>")
