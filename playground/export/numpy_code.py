"""The engine's math as numpy source text, for an exported script.

Each activation, output, loss, feature and update rule is written here as the engine
computes it: the same operations in the same order, so the script's losses are the
engine's to the last digits or nearly (the export tests hold them to 1e-9). Only what a
setup uses goes into its script.
"""

from dataclasses import dataclass

from ..engine.losses import CLASS_COUNTS
from ..engine.optimizers import Adam, Momentum

FEATURES = {
    "x": "x1", "y": "x2", "xSquared": "x1 * x1", "ySquared": "x2 * x2", "xTimesY": "x1 * x2",
    "sinX": "np.sin(x1)", "sinY": "np.sin(x2)", "cosX": "np.cos(x1)", "cosY": "np.cos(x2)",
}
"""Each input feature (by its URL key) as a numpy expression of the points' columns x1 and x2."""


@dataclass(frozen=True)
class Activation:
    """A hidden neuron's output ``a`` for its sum ``z``, and the slope da/dz."""

    output: str
    slope: str


ACTIVATIONS = {
    "tanh": Activation("np.tanh(z)", "1.0 - a * a"),
    "relu": Activation("np.maximum(z, 0.0)", "(z > 0).astype(z.dtype)"),
    "sigmoid": Activation("0.5 * (1.0 + np.tanh(0.5 * z))", "a * (1.0 - a)"),
    "linear": Activation("z", "np.ones_like(z)"),
    "leakyrelu": Activation("np.where(z > 0, z, 0.01 * z)", "np.where(z > 0, 1.0, 0.01)"),
    "elu": Activation("np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))", "np.where(z > 0, 1.0, a + 1.0)"),
    "softplus": Activation("np.logaddexp(0.0, z)", "0.5 * (1.0 + np.tanh(0.5 * z))"),
}


@dataclass(frozen=True)
class Head:
    """The output layer's ``o`` for its sums ``z``, the loss against the target ``t``, d loss / dz (each
    a function's body), the label an output stands for (an expression of ``o``), and what they are in
    words."""

    output: str
    loss: str
    slope: str
    decide: str
    words: str


SIGN = "np.where(o >= 0, 1.0, -1.0)"
SOFTMAX = Head(
    """e = np.exp(z - z.max(axis=1, keepdims=True))  # shifted: exp never overflows
    return e / e.sum(axis=1, keepdims=True)""",
    """top = z.max(axis=1)  # log(sum(exp(z))) - z[t], computed without overflow
    return top + np.log(np.exp(z - top[:, None]).sum(axis=1)) - z[np.arange(len(z)), t.astype(int)]""",
    "return o - (t[:, None] == np.arange(o.shape[1]))  # p - 1 for the point's class, p for the others",
    "o.argmax(axis=1)",
    "The output layer has a neuron for each class; softmax turns their sums into the classes' probabilities, "
    "and the loss is cross-entropy, −log of the probability the network gives the point's class (labels 0, 1, 2…).")
HEADS = {
    "tanh+square": Head("return np.tanh(z)", "return 0.5 * (o - t) ** 2", "return (o - t) * (1.0 - o * o)", SIGN,
                        "The output neuron is a tanh, from -1 (orange) to +1 (blue); the loss is ½(o − t)²."),
    "linear+square": Head("return z", "return 0.5 * (o - t) ** 2", "return o - t", SIGN,
                          "The output neuron is linear (its sum as it is); the loss is ½(o − t)²."),
    "sigmoid+cross-entropy": Head(
        "return np.tanh(0.5 * z)", "return np.logaddexp(0.0, -t * z)", "return 0.5 * (o - t)", SIGN,
        "The output neuron is a sigmoid, written on the labels' scale -1..1 (2σ(z) − 1 = tanh(z/2)); "
        "the loss is binary cross-entropy, log(1 + e^(−t·z)) for labels t = ±1."),
    **{f"softmax{classes}+cross-entropy": SOFTMAX for classes in CLASS_COUNTS[1:]},
}
"""By the engine's head names (``engine/losses.py``)."""


@dataclass(frozen=True)
class Optimizer:
    """An update rule: its name and how it works in words, its constants and the body of ``update``."""

    name: str
    how: str
    constants: str
    step: str


OPTIMIZERS = {
    "sgd": Optimizer(
        "plain gradient descent (TF Playground's)", "each weight takes a step against its gradient", "", """\
    for layer, gradient in zip(layers, layer_gradients):
        layer -= LEARNING_RATE * gradient
"""),
    "momentum": Optimizer(
        "momentum", "each weight moves by a velocity that keeps MOMENTUM of the last one and adds the gradient",
        f"MOMENTUM = {Momentum().momentum!r}\n", """\
    for layer, gradient, velocity in zip(layers, layer_gradients, memory["velocities"]):
        velocity *= MOMENTUM
        velocity += gradient
        layer -= LEARNING_RATE * velocity
"""),
    "adam": Optimizer(
        "Adam", "each weight's step is its gradient's running mean over the square root of its running mean square",
        f"BETA1, BETA2, EPS = {Adam().beta1!r}, {Adam().beta2!r}, {Adam().eps!r}\n", """\
    memory["steps"] += 1
    first_correction = 1.0 - BETA1 ** memory["steps"]
    second_correction = 1.0 - BETA2 ** memory["steps"]
    for layer, gradient, mean, square in zip(layers, layer_gradients, memory["mean"], memory["square"]):
        mean *= BETA1
        mean += (1.0 - BETA1) * gradient
        square *= BETA2
        square += (1.0 - BETA2) * gradient * gradient
        layer -= (LEARNING_RATE / first_correction) * mean / (np.sqrt(square / second_correction) + EPS)
"""),
}
"""Each optimizer as ``engine/optimizers.py`` steps, with its defaults."""

PENALTIES = {
    "L1": """\
    for layer, before, dead in zip(layers, weights_before, memory["dead"]):
        shrunk = layer[:-1] - LEARNING_RATE * REGULARIZATION_RATE * np.sign(before)
        dead |= layer[:-1] * shrunk < 0  # a weight L1 pushes across zero dies: it stays 0 from now on
        shrunk[dead] = 0.0
        layer[:-1] = shrunk
""",
    "L2": """\
    for layer, before in zip(layers, weights_before):
        layer[:-1] -= LEARNING_RATE * REGULARIZATION_RATE * before
""",
}
"""The penalty's own step after the update, on weights only (``engine/regularization.py``)."""

def forward(outputs: int) -> str:
    """The forward pass and the mean loss, for an output layer of ``outputs`` neurons: one neuron's sums
    come out as a flat array, several as a column each."""
    output_sums = "(inputs[-1] @ layers[-1])[:, 0]" if outputs == 1 else "inputs[-1] @ layers[-1]"
    shape = "" if outputs == 1 else " (a column per output neuron)"
    return f'''def with_ones(x):
    """x with a column of ones: the input that each layer's bias multiplies."""
    return np.column_stack([x, np.ones(len(x))])


def forward(x, layers):
    """Each layer's inputs (with the ones column), each hidden layer's sums, and the output's sums{shape}."""
    inputs, sums = [with_ones(x)], []
    for layer in layers[:-1]:
        sums.append(inputs[-1] @ layer)
        inputs.append(with_ones(activation(sums[-1])))
    return inputs, sums, {output_sums}


def mean_loss(x, targets, layers):
    """The mean loss over points x."""
    z = forward(x, layers)[2]
    return np.mean(loss(z, output(z), targets))
'''


def gradients(outputs: int) -> str:
    """Backpropagation, as ``engine/backprop.py``: the same products in the same order."""
    delta = "loss_slope(z, o, targets) * (1 / len(x))"
    delta = f"({delta})[:, None]" if outputs == 1 else delta
    return f'''def gradients(x, targets, layers):
    """d (mean loss over the batch x) / d (each layer's matrix), by backpropagation."""
    inputs, sums, z = forward(x, layers)
    o = output(z)
    delta = {delta}  # d loss / d sums, per point
    result = [None] * len(layers)
    for i in reversed(range(len(layers))):
        result[i] = inputs[i].T @ delta
        if i:  # back through layer i's weights (not its bias row) and the activation before it
            delta = (delta @ layers[i][:-1].T) * activation_slope(sums[i - 1], inputs[i][:, :-1])
    return result
'''


TRAIN_EPOCH = '''def train_epoch(x, targets, layers, memory):
    """One pass over the training points in their order, BATCH_SIZE at a time: an update after each batch."""
    for start in range(0, len(x), BATCH_SIZE):
        rows = slice(start, start + BATCH_SIZE)
        update(layers, gradients(x[rows], targets[rows], layers), memory)
'''

TRAIN_EPOCH_CARRYING = '''def train_epoch(x, targets, layers, memory):
    """One pass over the training points in their order, BATCH_SIZE at a time: an update after each full batch."""
    for start in range(0, len(x), BATCH_SIZE):
        rows = slice(start, start + BATCH_SIZE)
        count = len(x[rows])
        batch_gradients = gradients(x[rows], targets[rows], layers)
        if memory["carried"]:  # the last epoch's leftover points join this batch's mean
            carried, carried_count = memory["carried"]
            batch_gradients = [(g * count + c) / (count + carried_count) for g, c in zip(batch_gradients, carried)]
            count += carried_count
            memory["carried"] = None
        if start > 0 and start + BATCH_SIZE > len(x):  # too few left for a batch: they wait
            memory["carried"] = ([g * count for g in batch_gradients], count)
        else:
            update(layers, batch_gradients, memory)
'''
"""An epoch whose last points are too few for a batch: TF keeps their gradient for the next epoch's
first update (``engine/training.py``)."""
