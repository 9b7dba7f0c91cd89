"""Command line: train a configuration or the one a playground link describes; export it as a file;
check lessons.

Every mistake in the arguments ends in one line on stderr and exit status 2,
never a traceback, so the CLI is safe to script and to teach with.
"""

import argparse
import json
import math
import sys
from pathlib import Path

from .engine.datasets import class_counts, dataset_name, problem_of
from .export import FORMATS, STARTS, export, file_name
from .engine.features import FEATURES, feature_key
from .lessons import lessons_dir, load_catalog, replay
from .i18n import Message
from .links import decode, encode, split_page_keys
from .state import PlaygroundState
from .trainer import Trainer

USAGE_ERROR = 2


class UsageError(Exception):
    """A bad argument; its message is shown to the user as is."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="playground", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    train = commands.add_parser("train", help="train a network described by options")
    train.add_argument("--dataset", default="circle",
                       help="circle, xor, gauss, spiral, blobs, plane or multi-gaussian")
    train.add_argument("--classes", type=int, default=2,
                       help="2 to 4 for blobs and spiral (more than 2: softmax with cross-entropy); the others have 2")
    train.add_argument("--hidden", default="4,2", help="neurons per hidden layer, e.g. 8,8; '' for none")
    train.add_argument("--activation", default="tanh")
    train.add_argument("--learning-rate", type=float, default=0.03)
    train.add_argument("--batch-size", type=int, default=10)
    train.add_argument("--features", default="x1,x2", help=", ".join(f.short for f in FEATURES.values()))
    train.add_argument("--noise", type=int, default=0, help="0 to 50 (TF's slider); links may carry up to 80")
    train.add_argument("--train-percent", type=int, default=50, help="10 to 90")
    train.add_argument("--regularization", default="none", help="none, L1 or L2")
    train.add_argument("--regularization-rate", type=float, default=0.0)
    train.add_argument("--optimizer", default="sgd", help="sgd, momentum or adam")
    train.add_argument("--loss", default="square", help="square or cross-entropy")
    train.add_argument("--init-zero", action="store_true", help="start all weights and biases at 0")
    train.add_argument("--seed", default="0.00000")
    _add_run_options(train)

    from_url = commands.add_parser("from-url", help="train the configuration of a playground link")
    from_url.add_argument("link", help="a TF Playground or Neural Playground link, or just its #fragment")
    _add_run_options(from_url)

    export_command = commands.add_parser(
        "export", help="train a link's setup, then write it as a file: a numpy script, a notebook, its weights, data, "
        "losses or a picture of its output map")
    export_command.add_argument("link", help="a TF Playground or Neural Playground link, or just its #fragment")
    export_command.add_argument("--epochs", type=int, default=100, help="epochs to train first (default 100)")
    export_command.add_argument(
        "--format", required=True, choices=FORMATS,
        help="script: a Python file (numpy only) that trains the setup and prints the same losses; notebook: the same "
        "as a Jupyter notebook; weights: the network and its training state as JSON; data: the points as CSV; "
        "losses: the loss history as CSV; png: the output map, 400 px square (for 3-4 classes, a colour per class)")
    export_command.add_argument(
        "--start", choices=STARTS, default="first",
        help="script and notebook: train from the first weights for --epochs (default), or from the weights after "
        "--epochs for --epochs more")
    export_command.add_argument("-o", "--output", help="the file to write, - for standard output "
                                "(default: named after the data set and epoch, like spiral-epoch-100.py)")

    lessons = commands.add_parser("lessons", help="work with guided lessons")
    lesson_commands = lessons.add_subparsers(dest="lessons_command", required=True, parser_class=_Parser)
    check = lesson_commands.add_parser("check", help="check every lesson of a directory")
    check.add_argument("directory", nargs="?", type=Path, help="default: the repository's lessons/")
    check.add_argument("--replay", action="store_true",
                       help="also do what each answer says and check its goal is reached (trains; slower)")
    check.add_argument("--json", action="store_true", help="print one JSON result (lessons, files, errors)")
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--every", type=int, default=0, help="print every N epochs (default: 10 lines)")
    parser.add_argument("--json", action="store_true", help="print one JSON result instead of a table")


def state_from_options(options: argparse.Namespace) -> PlaygroundState:
    """A validated state from ``train``'s options (UsageError if any is bad)."""
    try:
        name = dataset_name(options.dataset)
        problem = problem_of(name)
        hidden = _neuron_counts(options.hidden)
        chosen = {feature_key(name.strip()) for name in options.features.split(",") if name.strip()}
        values = dict(
            problem=problem,
            networkShape=hidden,
            activation=options.activation,
            learningRate=options.learning_rate,
            batchSize=options.batch_size,
            noise=options.noise,
            percTrainData=options.train_percent,
            regularization=options.regularization,
            regularizationRate=options.regularization_rate,
            optimizer=options.optimizer,
            loss=options.loss,
            initZero=options.init_zero,
            seed=options.seed,
            **{"dataset" if problem == "classification" else "regDataset": name},
            **{key: key in chosen for key in FEATURES},
        )
        if options.classes != 2 and options.classes not in class_counts(name):
            raise ValueError(f"--classes {options.classes}: {_class_choices(name)}")
        state = PlaygroundState(**values, classes=options.classes)
        if state.loss == "cross-entropy" and problem != "classification":
            raise ValueError("cross-entropy loss needs a classification dataset")
        return state
    except ValueError as error:
        raise UsageError(f"playground train: {_first_line(error)}") from None


def _class_choices(name: str) -> str:
    """What ``--classes`` may be for the data set ``name``, said to someone who asked for another count."""
    counts = class_counts(name)
    if len(counts) > 1:
        return f"{name} has {', '.join(map(str, counts[:-1]))} or {counts[-1]} classes"
    kind = "is a regression dataset, without classes" if not counts else "has two classes"
    return f"{name} {kind}; blobs and spiral have 2 to 4"


def _neuron_counts(text: str) -> list[int]:
    counts = [part.strip() for part in text.split(",") if part.strip()]
    if not all(count.isdigit() for count in counts):
        raise ValueError(f"--hidden takes neuron counts separated by commas, like 8,8, not {text!r}")
    return [int(count) for count in counts]


def run(state: PlaygroundState, epochs: int, every: int, as_json: bool, warnings: list[str]) -> int:
    """Train ``state`` for ``epochs`` and report as a table or as JSON."""
    if epochs < 0:
        raise UsageError("playground: --epochs must be 0 or more")
    trainer = Trainer(state, history_limit=None)  # --json lists every epoch
    every = every if every > 0 else max(1, epochs // 10)
    _warn(warnings)
    if not as_json:
        print(f"# link: #{encode(state)}")
        print(_row(trainer.history[-1]))
    while trainer.epoch < epochs and not trainer.divergence:
        metrics = trainer.step(min(every, epochs - trainer.epoch))
        if not as_json:
            print(_row(metrics))
    if as_json:
        print(json.dumps(_result(state, trainer, warnings), allow_nan=False))
    else:
        _say_if_diverged(trainer)
    return 0


def export_file(state: PlaygroundState, epochs: int, format: str, start: str, output: str | None,
                warnings: list[str]) -> int:
    """Train ``state`` for ``epochs``, then write its file in ``format`` to ``output`` (``-``: standard output)."""
    if epochs < 0:
        raise UsageError("playground export: --epochs must be 0 or more")
    _warn(warnings)
    trainer = Trainer(state, history_limit=None)  # the losses' file lists every epoch
    trainer.step(epochs)
    _say_if_diverged(trainer)
    try:
        text = export(trainer, format, epochs, start)
    except ValueError as error:
        raise UsageError(f"playground export: {_first_line(error)}") from None
    content = text.encode("utf-8") if isinstance(text, str) else text
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        return 0
    path = Path(output or file_name(trainer, format))
    try:
        path.write_bytes(content)
    except OSError as error:
        raise UsageError(f"playground export: cannot write {path}: {error.strerror or error}") from None
    print(f"wrote {path}: the {format} at epoch {trainer.epoch}")
    return 0


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _say_if_diverged(trainer: Trainer) -> None:
    if trainer.divergence:
        print(f"training diverged at epoch {trainer.epoch}: {trainer.divergence}; try a lower learning rate",
              file=sys.stderr)


def _row(metrics) -> str:
    text = (f"epoch {metrics.epoch:6d}  train loss {_loss(metrics.train_loss)}"
            f"  test loss {_loss(metrics.test_loss)}")
    if metrics.test_accuracy is not None:
        text += f"  test accuracy {metrics.test_accuracy:.1%}"
    return text


def _loss(value: float) -> str:
    """Four decimals, or scientific notation for a loss on its way to overflow."""
    return f"{value:.4f}" if abs(value) < 1e6 else f"{value:.3e}"


def _result(state: PlaygroundState, trainer: Trainer, warnings: list[str]) -> dict:
    def clean(metrics):  # JSON has no NaN: a diverged loss becomes null
        return {k: v if v is None or math.isfinite(v) else None for k, v in metrics.to_dict().items()}

    classification = trainer.problem == "classification"
    return {
        "link": encode(state),
        "classes": trainer.classes if classification else None,
        "epochs": trainer.epoch,
        "final": clean(trainer.history[-1]),
        "history": [clean(m) for m in trainer.history],
        "test_confusion": trainer.confusion().tolist() if classification else None,
        "divergence": trainer.divergence,
        "warnings": warnings,
    }


def check_lessons(directory: Path | None, with_replay: bool, as_json: bool) -> int:
    """Print every problem as ``file:line: message`` (status 1), else a line per lesson (status 0)."""
    directory = directory or _relative(lessons_dir())
    if not directory.is_dir():
        raise UsageError(f"playground lessons check: {directory} is not a directory")
    catalog = load_catalog(directory)
    errors = [str(error) for error in catalog.errors]
    if with_replay:
        errors += [f"{lesson.files['en']}: {problem}" for lesson in catalog.lessons for problem in replay(lesson)]
    if as_json:
        lessons = [{"id": lesson.id, "steps": len(lesson.steps), "languages": list(lesson.languages),
                    "files": [path.name for path in lesson.paths]} for lesson in catalog.lessons]
        print(json.dumps({"lessons": lessons, "errors": errors}, ensure_ascii=False))
    else:
        for line in errors or [_lesson_line(lesson) for lesson in catalog.lessons]:
            print(line)
        if not catalog.lessons and not errors:
            print(f"no lessons in {directory}")
    return 1 if errors else 0


def _lesson_line(lesson) -> str:
    steps = len(lesson.steps)
    return f"{lesson.id}: {steps} step{'s' * (steps != 1)}, {', '.join(lesson.languages)}"


def _relative(path: Path) -> Path:
    """``path`` relative to the working directory when inside it, so messages stay short."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _link_state(link: str) -> tuple[PlaygroundState, list]:
    """The setup a link describes, and a warning for each part of it that is not trained."""
    setup, page = split_page_keys(link)
    state, warnings = decode(setup)
    if page:  # a lesson or an embed is the web page's business; say so rather than drop it silently
        warnings.append(Message("links.page_keys_not_trained", keys=", ".join(page)))
    return state, warnings


def main(argv: list[str] | None = None) -> int:
    try:
        options = build_parser().parse_args(argv)
        if options.command == "train":
            return run(state_from_options(options), options.epochs, options.every, options.json, [])
        if options.command == "lessons":
            return check_lessons(options.directory, options.replay, options.json)
        state, warnings = _link_state(options.link)
        if options.command == "export":
            return export_file(state, options.epochs, options.format, options.start, options.output, warnings)
        return run(state, options.epochs, options.every, options.json, warnings)
    except UsageError as error:
        print(error, file=sys.stderr)
        return USAGE_ERROR
