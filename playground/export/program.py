"""A trainer's setup as a standalone numpy program, in parts a script or a notebook lays out.

The program makes TF Playground's data again with the engine's own generator code
(``source_code.py``), or carries a student's own points as they were trained on; it starts from
the network's first weights (drawn from the same stream) or from its weights now, and trains
as the engine does: the same batches in the same order, the same sums, the same update rule,
so it prints the engine's losses.
"""

from dataclasses import dataclass

import numpy as np

from ..engine import datasets, seedrandom
from ..engine.datasets import GENERATORS, MULTICLASS_DATASETS, NUM_SAMPLES, make_dataset
from ..engine.features import FEATURES
from ..links import encode
from ..trainer import Progress, Trainer
from ..yourdata import YOURS
from . import numpy_code
from .source_code import definitions
from .training_memory import layers_source, memory_source

STARTS = ("first", "current")
"""Where an exported program starts: the network's first weights, or its weights now (and what its
optimizer remembers), training on from there."""


@dataclass(frozen=True)
class Part:
    """One step of the program: what it does, in words (Markdown), and its code."""

    title: str
    text: str
    code: str


@dataclass(frozen=True)
class Program:
    """The whole program: a title, what it is, the imports, then its parts in order."""

    title: str
    about: str
    imports: tuple[str, ...]
    parts: tuple[Part, ...]


def program(trainer: Trainer, epochs: int | None = None, start: str = "first") -> Program:
    """The program that trains ``trainer``'s setup for ``epochs`` epochs (by default as many as it has
    trained) from its first weights, or (``start="current"``) from its weights now."""
    if start not in STARTS:
        raise ValueError(f"start must be one of {', '.join(STARTS)}, not {start!r}")
    epochs = trainer.epoch if epochs is None else epochs
    if epochs < 0:
        raise ValueError(f"epochs must be 0 or more, not {epochs}")
    progress = Progress.of(trainer) if start == "current" else None
    if progress and progress.divergence:
        raise ValueError("the network has diverged: its weights are no numbers to start from; export its first weights")
    state = trainer.state()
    random_code = definitions(seedrandom, "SeedRandom")
    if state.active_dataset() == YOURS:
        data, data_imports, points = _your_data(trainer), (), "your points"
    else:
        _check_generated(trainer)
        data_code = definitions(datasets, GENERATORS[state.active_dataset()].__name__, "shuffled_order")
        data, data_imports, points = _data(trainer, data_code.code), data_code.imports, "TF Playground's points again"
    imports = tuple(sorted(set(random_code.imports + data_imports), key=lambda line: ("numpy" in line, line)))
    where = f"at epoch {trainer.epoch}" if progress else "from its first weights"
    return Program(
        title=f"{state.active_dataset()} data, {_shape(trainer)}, trained in numpy",
        about=(f"Exported from Neural Playground, {where}. It needs only numpy: it makes {points}, "
               f"and the network's weights, and trains them for {epochs} epochs as the "
               f"playground does, printing the same losses.\n\nThe setup's link: `#{encode(state)}`"),
        imports=imports,
        parts=(
            _setup(trainer, epochs, progress),
            Part("TF Playground's random numbers",
                 "Every random number comes from one stream, seeded by the link's `seed`: "
                 "JavaScript's `Math.seedrandom` (an ARC4 stream), as TF Playground draws them.",
                 random_code.code),
            data,
            _inputs(trainer),
            _network(trainer, progress),
            _gradients(trainer),
            _update(trainer),
            _training(trainer, progress),
        ),
    )


def _check_generated(trainer: Trainer) -> None:
    """Refuse points the seed did not make (a network loaded with other data): the program makes its data
    set's points again, and they would not be these."""
    state = trainer.state()
    made = make_dataset(state.active_dataset(), state.noise, state.percTrainData, state.seed, classes=trainer.classes)
    if not all(np.array_equal(mine, theirs) for mine, theirs in
               ((trainer.dataset.train.xy, made.train.xy), (trainer.dataset.test.xy, made.test.xy))):
        raise ValueError(f"these points are not the ones {state.active_dataset()} makes for the link's seed: "
                         "the program could not make them again")


def _generated(name: str, count: int, classes: int) -> str:
    """The line that calls the generator: one that makes several classes is asked for as many as the
    network has; for two, classes 0 and 1 become TF's labels +1 and -1."""
    call = f"{GENERATORS[name].__name__}({count}, NOISE / 100, random"
    if name not in MULTICLASS_DATASETS:
        return f"xy, labels = {call})"
    if classes > 2:
        return f"xy, labels = {call}, {classes})  # each label a class: 0, 1, …"
    return f"xy, classes = {call}, 2)\n    labels = 1.0 - 2.0 * classes  # class 0 is TF's +1 (blue), class 1 its -1"


def _shape(trainer: Trainer) -> str:
    hidden = trainer.network.hidden
    layers = f"{len(hidden)} hidden layer{'s' * (len(hidden) != 1)}" + (f" ({', '.join(map(str, hidden))})" if hidden else "")
    return f"{layers}, {trainer.network.activation.name}"


def _setup(trainer: Trainer, epochs: int, progress: Progress | None) -> Part:
    state = trainer.state()
    learner = trainer.learner
    lines = [
        f"SEED = {state.seed!r}",
        f"NOISE = {state.noise!r}  # percent",
        f"LAYER_SIZES = {trainer.network.layer_sizes!r}  # inputs, each hidden layer, the output",
        f"LEARNING_RATE = {learner.learning_rate!r}",
        f"BATCH_SIZE = {trainer.batch_size!r}",
    ]
    if _penalised(trainer):
        lines.append(f"REGULARIZATION_RATE = {learner.regularization_rate!r}  # {learner.regularization.name}")
    lines += [
        f"START_EPOCH = {progress.epoch if progress else 0}  # the epoch the weights below are at",
        f"EPOCHS = {epochs}  # epochs to train",
        f"PRINT_EVERY = {max(1, epochs // 10)}  # epochs between printed losses",
    ]
    return Part("The setup",
                "The playground's settings. Change them and run again: a higher learning rate, more epochs…",
                "\n".join(lines) + "\n" + numpy_code.OPTIMIZERS[learner.optimizer.name].constants)


def _data(trainer: Trainer, generator_code: str) -> Part:
    state = trainer.state()
    name = state.active_dataset()
    asked = NUM_SAMPLES[state.problem]
    train_count = len(trainer.dataset.train)
    count = train_count + len(trainer.dataset.test)  # blobs makes as many of each class: 167 × 3 for 500
    code = f'''{generator_code}


def make_data(random):
    """The {count} points of `{name}` and their labels, shuffled; the first {train_count} train, the rest test."""
    {_generated(name, asked, trainer.classes)}
    order = shuffled_order(len(xy), random)
    train, test = order[:{train_count}], order[{train_count}:]
    return xy[train], labels[train], xy[test], labels[test]
'''
    return Part("The data",
                f"TF Playground's own generator for `{name}`, as the playground runs it: {count} points "
                f"in the square -6..6, {_labels(trainer)}. Then TF's shuffle, and the split: "
                f"{state.percTrainData}% of the points train the network, the rest test it.",
                code)


def _your_data(trainer: Trainer) -> Part:
    """The student's own points, written out as the playground trained on them."""
    state, dataset = trainer.state(), trainer.dataset
    rows = {part: _rows(getattr(dataset, part)) for part in ("train", "test")}
    code = f'''# x1, x2, label of each point
TRAIN = np.array([
{rows["train"]}]).reshape(-1, 3)
TEST = np.array([
{rows["test"]}]).reshape(-1, 3)


def make_data(random):
    """Your points, as the playground trained on them: {len(dataset.train)} train, {len(dataset.test)} test."""
    return TRAIN[:, :2], TRAIN[:, 2], TEST[:, :2], TEST[:, 2]
'''
    return Part("The data",
                f"Your own {len(dataset.train) + len(dataset.test)} points, drawn or imported, {_labels(trainer)}: "
                f"as the playground trained on them, after the noise ({state.noise}%) moved each a little and "
                f"the train percent ({state.percTrainData}%) sent each to training or to testing. (Those draws "
                "came from the seed's stream, which starts again for the weights.)",
                code)


def _rows(points) -> str:
    """Each point as a row of numbers written to their last bit."""
    return "".join(f"    {[*xy, label]!r},\n" for xy, label in zip(points.xy.tolist(), points.labels.tolist()))


def _labels(trainer: Trainer) -> str:
    if trainer.problem != "classification":
        return "each point's label is a number, the value to predict"
    if trainer.classes > 2:
        return f"each point's label is its class, 0 to {trainer.classes - 1}"
    return "each point's label is +1 (blue) or -1 (orange)"


def _inputs(trainer: Trainer) -> Part:
    keys = trainer.features
    columns = ", ".join(numpy_code.FEATURES[key] for key in keys)
    stack = f"np.column_stack([{columns}])" if keys else "np.empty((len(xy), 0))"
    labels = ", ".join(FEATURES[key].label for key in keys) or "none"
    code = f'''def features(xy):
    """The network's inputs for points xy: {labels}."""
    x1, x2 = xy[:, 0], xy[:, 1]
    return {stack}
'''
    return Part("The inputs", f"What the network sees of a point (x1, x2): the features switched on, {labels}.", code)


def _network(trainer: Trainer, progress: Progress | None) -> Part:
    network = trainer.network
    activation = numpy_code.ACTIVATIONS[network.activation.name]
    head = numpy_code.HEADS[network.head.name]
    code = f'''def activation(z):
    """A hidden neuron's output for its sum z: {network.activation.name}."""
    return {activation.output}


def activation_slope(z, a):
    """d activation / dz, from the sum z and the output a."""
    return {activation.slope}


def output(z):
    """The output layer's value for its sums z."""
    {head.output}


def loss(z, o, t):
    """The loss of each point: o is the output, t the target."""
    {head.loss}


def loss_slope(z, o, t):
    """d loss / dz for each point."""
    {head.slope}


{numpy_code.forward(network.head.outputs)}'''
    if progress:
        code += (f"\n\n# The weights at epoch {progress.epoch}, as the playground left them.\n"
                 f"START_LAYERS = {layers_source(trainer, progress.parameters)}\n")
        weights = ("Its weights are the playground's at epoch "
                   f"{progress.epoch}, each layer written out below.")
    else:
        code += "\n\n" + _first_layers(trainer)
        weights = ("Its first weights come next in the random stream, after the data, as TF Playground draws them: "
                   "each weight `random() - 0.5`, each bias 0.1." if not trainer.recipe["initZero"]
                   else "Every weight and bias starts at 0 (`initZero`).")
    hidden = " → ".join(f"{count} {network.activation.name} neurons" for count in network.hidden)
    inputs = ", ".join(FEATURES[key].label for key in trainer.features) or "no inputs"
    outputs = "one output neuron" if network.head.outputs == 1 else f"{network.head.outputs} output neurons"
    return Part("The network",
                f"{inputs} → {hidden + ' → ' if hidden else ''}{outputs}. "
                "A layer is one matrix: a row for each input and a last row for the biases, "
                f"a column for each neuron. {head.words} {weights}",
                code)


def _first_layers(trainer: Trainer) -> str:
    if trainer.recipe["initZero"]:
        body = "    return [np.zeros((inputs + 1, neurons)) for inputs, neurons in zip(LAYER_SIZES, LAYER_SIZES[1:])]\n"
    else:
        sizes = trainer.network.layer_sizes
        skip = ""
        if trainer.weight_draw:
            count = trainer.weight_draw * sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:]))
            skip = (f"    random.random({count})  # \"new weights\" was pressed {trainer.weight_draw} times: "
                    "skip those networks' weights\n")
        body = f"""{skip}    layers = []
    for inputs, neurons in zip(LAYER_SIZES, LAYER_SIZES[1:]):
        weights = random.random(neurons * inputs).reshape(neurons, inputs).T - 0.5
        layers.append(np.vstack([weights, np.full(neurons, 0.1)]))
    return layers
"""
    return f'def first_layers(random):\n    """The network\'s first weights and biases, one matrix per layer."""\n{body}'


def _gradients(trainer: Trainer) -> Part:
    return Part("Learning: the gradients",
                "Backpropagation: how much the mean loss of a batch changes with each weight, layer by layer "
                "from the output back to the inputs.", numpy_code.gradients(trainer.network.head.outputs))


def _update(trainer: Trainer) -> Part:
    learner = trainer.learner
    optimizer = numpy_code.OPTIMIZERS[learner.optimizer.name]
    penalty = learner.regularization.name if _penalised(trainer) else None
    body, words = optimizer.step, f"{optimizer.name}: {optimizer.how}"
    if penalty:
        body = ("    weights_before = [layer[:-1].copy() for layer in layers]\n" + body
                + f"    # {penalty} regularization, its own step after the update, on weights (not biases)\n"
                + numpy_code.PENALTIES[penalty])
        words += f"; then {penalty} regularization shrinks every weight (not the biases)"
    code = f'def update(layers, layer_gradients, memory):\n    """One step of {optimizer.name}, in place."""\n{body}'
    return Part("Learning: the update", f"The update rule is {words}.", code)


def _training(trainer: Trainer, progress: Progress | None) -> Part:
    carry = _carries(trainer)
    memory = memory_source(trainer, progress, dead=_penalised(trainer) and trainer.learner.regularization.name == "L1",
                           carried=carry)
    layers = "[layer.copy() for layer in START_LAYERS]" if progress else "first_layers(random)"
    loop = numpy_code.TRAIN_EPOCH_CARRYING if carry else numpy_code.TRAIN_EPOCH
    accuracy = ""
    if trainer.problem == "classification":
        decide = numpy_code.HEADS[trainer.network.head.name].decide
        accuracy = ('o = output(forward(test_inputs, layers)[2])\n'
                    f'print(f"test accuracy {{np.mean({decide} == test_labels):.1%}}")\n')
    code = f'''{loop}

random = SeedRandom(SEED)
train_xy, train_labels, test_xy, test_labels = make_data(random)
train_inputs, test_inputs = features(train_xy), features(test_xy)
layers = {layers}
# What training remembers from one batch to the next
memory = {memory}

train_loss, test_loss = mean_loss(train_inputs, train_labels, layers), mean_loss(test_inputs, test_labels, layers)
print(f"epoch {{START_EPOCH:6d}}  train loss {{train_loss:.12f}}  test loss {{test_loss:.12f}}")
for epoch in range(START_EPOCH + 1, START_EPOCH + EPOCHS + 1):
    train_epoch(train_inputs, train_labels, layers, memory)
    train_loss, test_loss = mean_loss(train_inputs, train_labels, layers), mean_loss(test_inputs, test_labels, layers)
    if not np.isfinite(train_loss):
        print(f"training diverged at epoch {{epoch}}: try a lower learning rate")
        break
    if (epoch - START_EPOCH) % PRINT_EVERY == 0 or epoch == START_EPOCH + EPOCHS:
        print(f"epoch {{epoch:6d}}  train loss {{train_loss:.12f}}  test loss {{test_loss:.12f}}")
{accuracy}print("final test loss", test_loss)
'''
    leftover = (f" The {len(trainer.dataset.train) % trainer.batch_size} points left at the end of an epoch are "
                "no batch of their own: as in TF Playground, their gradient waits and joins the next epoch's first batch."
                if carry else "")
    return Part("Training",
                f"Each epoch goes through the training points in their order, {trainer.batch_size} at a time, "
                f"and updates the network after each batch.{leftover} The losses are printed as it trains; "
                "the last line is the final test loss.", code)


def _carries(trainer: Trainer) -> bool:
    """Whether an epoch ends with points too few for a batch (TF carries them to the next epoch)."""
    count = len(trainer.dataset.train)
    return count > trainer.batch_size and count % trainer.batch_size != 0


def _penalised(trainer: Trainer) -> bool:
    learner = trainer.learner
    return learner.regularization.name != "none" and learner.regularization_rate != 0
