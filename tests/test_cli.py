"""The command line as a user runs it: a real process, its output and exit status."""

import json
import os
import subprocess
import sys

import pytest

from playground.export import load_weights
from tests.helpers import ROOT
from tests.helpers.lesson_files import ENGLISH, NAME, line_of, write_lesson

TF_LINK = (
    "https://playground.tensorflow.org/#activation=relu&batchSize=10&dataset=xor&regDataset=reg-plane"
    "&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4&seed=0.66230&showTestData=false"
    "&discretize=false&percTrainData=50&x=false&y=false&xTimesY=true&xSquared=false&ySquared=false"
    "&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification"
    "&initZero=false&hideText=false"
)


def playground(*args):
    return subprocess.run(
        [sys.executable, "-m", "playground", *args], capture_output=True, text=True, timeout=120
    )


def test_train_prints_losses_as_it_goes_and_at_the_end():
    result = playground(
        "train", "--dataset", "spiral", "--hidden", "8,8", "--activation", "tanh", "--learning-rate", "0.03",
        "--batch-size", "10", "--features", "x1,x2,sin1,sin2", "--epochs", "300", "--seed", "1",
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("epoch")]
    assert [int(row.split()[1]) for row in rows] == list(range(0, 301, 30))
    first, last = (float(row.split("test loss")[1].split()[0]) for row in (rows[0], rows[-1]))
    assert last < first / 5
    assert "networkShape=8,8" in result.stdout and "sinX=true" in result.stdout


def test_json_result_is_machine_readable():
    result = playground("train", "--dataset", "plane", "--hidden", "", "--epochs", "20", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["epochs"] == 20 and len(data["history"]) == 21
    assert data["final"]["test_accuracy"] is None  # regression has no accuracy
    assert data["final"]["test_loss"] < data["history"][0]["test_loss"]
    assert "problem=regression" in data["link"]


def test_three_blobs_train_and_report_their_accuracy_and_confusion():
    result = playground("train", "--dataset", "blobs", "--classes", "3", "--hidden", "8,8", "--epochs", "300", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["classes"] == 3 and data["link"].endswith("&classes=3")
    final = data["final"]
    assert final["test_accuracy"] > 0.95 and final["train_accuracy"] > 0.95
    assert final["train_loss"] < data["history"][0]["train_loss"] / 10 and final["test_loss"] is not None
    confusion = data["test_confusion"]
    assert len(confusion) == 3 and sum(confusion[k][k] for k in range(3)) / sum(map(sum, confusion)) == \
        final["test_accuracy"]


def test_from_url_trains_a_tf_playground_link():
    result = playground("from-url", TF_LINK, "--epochs", "30", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["warnings"] == []
    assert "dataset=xor" in data["link"] and "networkShape=4&" in data["link"] and "activation=relu" in data["link"]
    assert data["final"]["test_accuracy"] > 0.9


def test_from_url_reports_what_it_ignored_and_trains_the_rest():
    result = playground("from-url", "#dataset=moons&learningRate=abc&networkShape=3", "--epochs", "5")
    assert result.returncode == 0, result.stderr
    assert "dataset" in result.stderr and "learningRate" in result.stderr
    assert "networkShape=3&" in result.stdout


def test_from_url_trains_the_setup_of_an_embed_link_and_says_its_page_keys_are_not_used():
    result = playground("from-url", "#dataset=xor&networkShape=3&lesson=xor&step=2&embed=1", "--epochs", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "dataset=xor" in data["link"] and "networkShape=3&" in data["link"]
    assert len(data["warnings"]) == 1 and "lesson, step, embed" in data["warnings"][0]


def test_an_exported_script_ends_with_the_test_loss_from_url_reports(tmp_path):
    link, epochs = "#dataset=gauss&noise=30&networkShape=5,3&activation=sigmoid&optimizer=adam&batchSize=30", "25"
    exported = playground("export", link, "--epochs", epochs, "--format", "script", "-o", str(tmp_path / "gauss.py"))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"wrote {tmp_path / 'gauss.py'}: the script at epoch 25"
    ran = subprocess.run([sys.executable, "-I", "gauss.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    trained = json.loads(playground("from-url", link, "--epochs", epochs, "--json").stdout)
    assert float(ran.stdout.splitlines()[-1].split()[-1]) == pytest.approx(trained["final"]["test_loss"], abs=1e-9)


def test_a_script_from_the_weights_now_trains_epochs_more(tmp_path):
    link = "#dataset=circle&optimizer=momentum&regularization=L1&regularizationRate=0.01"
    exported = playground("export", link, "--epochs", "6", "--format", "script", "--start", "current",
                          "-o", str(tmp_path / "on.py"))
    assert exported.returncode == 0, exported.stderr
    ran = subprocess.run([sys.executable, "-I", "on.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert ran.stdout.splitlines()[0].split()[1] == "6"
    trained = json.loads(playground("from-url", link, "--epochs", "12", "--json").stdout)
    assert float(ran.stdout.splitlines()[-1].split()[-1]) == pytest.approx(trained["final"]["test_loss"], abs=1e-9)


def test_export_writes_each_format_named_after_the_setup(tmp_path):
    for format in ("script", "notebook", "weights", "data", "losses"):
        result = subprocess.run([sys.executable, "-m", "playground", "export", "#dataset=spiral", "--epochs", "3",
                                 "--format", format], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["spiral-data.csv", "spiral-epoch-3-losses.csv", "spiral-epoch-3-network.json",
                     "spiral-epoch-3.ipynb", "spiral-epoch-3.py"]
    assert load_weights((tmp_path / "spiral-epoch-3-network.json").read_text()).epoch == 3
    assert json.loads((tmp_path / "spiral-epoch-3.ipynb").read_text())["nbformat"] == 4
    assert len((tmp_path / "spiral-epoch-3-losses.csv").read_text().splitlines()) == 1 + 4


def test_export_to_standard_output():
    result = playground("export", "#dataset=xor", "--epochs", "0", "--format", "data", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "x,y,label,set" and len(result.stdout.splitlines()) == 501


def test_divergence_is_reported_and_exits_cleanly():
    result = playground(
        "train", "--dataset", "plane", "--learning-rate", "10", "--activation", "relu",
        "--hidden", "8,8,8", "--epochs", "200", "--noise", "50", "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["divergence"] and data["epochs"] < 200
    assert data["final"]["test_loss"] is None


def test_a_loss_on_its_way_to_overflow_prints_in_a_line_a_person_can_read():
    result = playground("train", "--dataset", "plane", "--learning-rate", "10", "--activation", "relu",
                        "--epochs", "5", "--every", "1")
    assert "training diverged" in result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("epoch")]
    assert rows and max(map(len, rows)) < 100, result.stdout


def test_a_link_with_tf_noise_above_the_slider_trains():
    result = playground("from-url", "#dataset=xor&noise=80", "--epochs", "2")
    assert result.returncode == 0, result.stderr
    assert "noise=80&" in result.stdout


@pytest.mark.parametrize(
    "args, mentions",
    [
        (["train", "--dataset", "moons"], "moons"),
        (["train", "--hidden", "8,x"], "x"),
        (["train", "--hidden", "9"], "networkShape"),
        (["train", "--batch-size", "0"], "batchSize"),
        (["train", "--features", "x1,x3"], "x3"),
        (["train", "--activation", "swish"], "swish"),
        (["train", "--learning-rate", "-1"], "learningRate"),
        (["train", "--loss", "cross-entropy", "--dataset", "plane"], "cross-entropy"),
        (["train", "--epochs", "-3"], "epochs"),
        (["train", "--dataset", "plane", "--classes", "3"], "plane is a regression dataset, without classes"),
        (["train", "--dataset", "circle", "--classes", "3"], "circle has two classes; blobs and spiral have 2 to 4"),
        (["train", "--dataset", "blobs", "--classes", "5"], "blobs has 2, 3 or 4 classes"),
        (["train", "--dataset", "spiral", "--classes", "1"], "--classes 1"),
        (["train", "--classes", "three"], "three"),
        (["train", "--epochs", "many"], "many"),
        (["train", "--no-such-flag"], "no-such-flag"),
        (["dance"], "dance"),
        (["export", "#dataset=xor", "--format", "svg"], "svg"),
        (["export", "#dataset=xor"], "--format"),
        (["export", "#dataset=xor", "--format", "script", "--epochs", "-1"], "epochs"),
        (["export", "#dataset=xor", "--format", "data", "-o", "no-such-directory/data.csv"], "no-such-directory"),
        (["lessons", "check", "no-such-directory"], "no-such-directory"),
        (["lessons"], "required"),
        ([], "required"),
    ],
)
def test_bad_arguments_get_one_line_and_a_nonzero_exit(args, mentions):
    result = playground(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert mentions in result.stderr


def test_lessons_check_lists_each_good_lesson(tmp_path):
    write_lesson(tmp_path)
    (tmp_path / "README.md").write_text("# Writing lessons\n", encoding="utf-8")
    result = playground("lessons", "check", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "one-neuron: 3 steps, en, zh-CN\n"


def test_lessons_check_prints_every_problem_at_its_line_and_fails(tmp_path):
    english = ENGLISH.replace("dataset: gauss", "dataset: gaus").replace(
        "metric: test_loss, below: 0.05", "metric: tset_loss, below: 0.05")
    path = write_lesson(tmp_path, english)
    result = playground("lessons", "check", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:{line_of(english, 'gaus')}: preset: dataset=gaus: choose circle, xor, gauss, spiral, blobs, yours",
        f'{path}:{line_of(english, "tset")}: step "train": unknown metric "tset_loss" (known: test_loss, '
        'train_loss, test_accuracy, train_accuracy, epoch); did you mean "test_loss"?',
    ]


def test_lessons_check_replay_and_json(tmp_path):
    write_lesson(tmp_path, ENGLISH.replace("below: 0.05, within: 300", "below: 0.000001, within: 300"))
    result = playground("lessons", "check", str(tmp_path), "--replay", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["lessons"] == [{"id": "one-neuron", "steps": 3, "languages": ["en", "zh-CN"],
                                  "files": [f"{NAME}.md", f"{NAME}.zh-CN.md"]}]
    (problem,) = report["errors"]
    assert problem.startswith(f'{tmp_path / NAME}.md: step "train": the goal is not reached by the answer')
