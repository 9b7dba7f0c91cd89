"""A multilayer perceptron: inputs → hidden layers → one output neuron (or one per class).

Weights of layer ``i`` form a matrix of shape (inputs of the layer, neurons of
the layer) so a whole batch goes through with one matrix product per layer.
Initialisation follows TF Playground: weights ``random() - 0.5`` drawn layer by
layer, destination neuron outer, source inner (TF's ``buildNetwork`` order, so TF's
stream gives TF's weights), biases 0.1, or everything 0 with ``init_zero``.
"""

import json
from dataclasses import dataclass
from collections.abc import Sequence

import numpy as np

from . import map_pass
from .activations import ACTIVATIONS
from .backprop import Backprop, with_ones
from .losses import HEADS, Head, make_head

Array = np.ndarray

MAX_INPUTS = 64
MAX_HIDDEN_LAYERS = 16
MAX_NEURONS = 64


@dataclass
class Gradients:
    """d(mean loss)/d(parameter) for every weight matrix and bias vector."""

    weights: list[Array]
    biases: list[Array]
    loss: float
    """Mean loss of the batch the gradients were taken on."""


class Network:
    """Weights, biases and the forward and backward passes of one network."""

    def __init__(
        self,
        num_inputs: int,
        hidden: Sequence[int],
        activation: str = "tanh",
        head: Head | None = None,
        rng=None,
        init_zero: bool = False,
    ):
        """``rng`` is TF's stream (``SeedRandom``) or any with numpy's ``Generator.random`` form."""
        _check_shape(num_inputs, hidden)
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; choose from {', '.join(ACTIVATIONS)}")
        self.activation = ACTIVATIONS[activation]
        self.head = head or make_head("classification")
        self.layer_sizes = [num_inputs, *hidden, self.head.outputs]
        rng = rng or np.random.default_rng()
        pairs = list(zip(self.layer_sizes[:-1], self.layer_sizes[1:]))
        self.parameter_vector = np.zeros(sum((n_in + 1) * n_out for n_in, n_out in pairs))
        """Every weight and bias, in one array that an optimizer updates in one call."""
        self.layers = self.layer_matrices(self.parameter_vector)
        """Per layer, a view of the vector: its weights with its biases as one more row."""
        self._weights = [layer[:-1] for layer in self.layers]
        self._biases = [layer[-1] for layer in self.layers]
        if not init_zero:
            self.weights = [rng.random(n_out * n_in).reshape(n_out, n_in).T - 0.5 for n_in, n_out in pairs]
            self.biases = [np.full(n_out, 0.1) for _, n_out in pairs]
        self.backprop = Backprop(self.layers, self.activation, self.head)

    def layer_matrices(self, vector: Array) -> list[Array]:
        """``vector`` (laid out as ``parameter_vector``) as one (inputs + 1) × neurons matrix per layer."""
        matrices, start = [], 0
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            end = start + (n_in + 1) * n_out
            matrices.append(vector[start:end].reshape(n_in + 1, n_out))
            start = end
        return matrices

    @property
    def weights(self) -> list[Array]:
        """Per layer, an (inputs × neurons) view of the parameter vector."""
        return self._weights

    @weights.setter
    def weights(self, values: list[Array]) -> None:
        _copy_into(self._weights, values, "weight")

    @property
    def biases(self) -> list[Array]:
        """Per layer, a view of the parameter vector with one bias per neuron."""
        return self._biases

    @biases.setter
    def biases(self, values: list[Array]) -> None:
        _copy_into(self._biases, values, "bias")

    @property
    def hidden(self) -> list[int]:
        return self.layer_sizes[1:-1]

    def layer_outputs(self, x: Array) -> list[Array]:
        """Every neuron's output for every row of ``x``: [x, layer 1, …, output], in float32.

        One vectorised pass gives the decision boundary (last entry, shape
        (n, 1), or (n, K) class probabilities) and each hidden neuron's heatmap (column j of entry i). These
        are for drawing: float32's 7 digits are more than a colour shows (``map_pass``: how it is cheap in Pyodide).
        """
        return map_pass.layer_outputs(self, x)

    def predict(self, x: Array) -> Array:
        """The output for each row of ``x``, on the labels' scale, shape (n,); for K classes, each
        class's probability, shape (n, K)."""
        return self.head.scores(self.forward(x)[1][-1])

    def output_from(self, layer: int, activations: Array) -> Array:
        """The output (as ``predict`` gives it) for rows of hidden layer ``layer``'s activations (0 is the first)."""
        outputs = activations
        for index in range(layer + 1, len(self.weights)):
            outputs = self._activate(index, outputs @ self.weights[index] + self.biases[index])
        return self.head.scores(outputs)

    def losses(self, x: Array, targets: Array) -> Array:
        """The loss of each row of ``x`` against its target, shape (n,)."""
        pre_activations, outputs = self.forward(x)
        return self.head.loss(self.head.scores(pre_activations[-1]), self.head.scores(outputs[-1]), targets)

    def gradients(self, x: Array, targets: Array) -> Gradients:
        """Backpropagate the batch's mean loss; nothing is changed."""
        gradients = self.layer_matrices(np.empty_like(self.parameter_vector))
        loss = self.backprop.gradients_into(with_ones(x), targets, gradients)
        return Gradients([g[:-1] for g in gradients], [g[-1] for g in gradients], loss)

    def forward(self, x: Array) -> tuple[list[Array], list[Array]]:
        """Pre-activations of each layer and outputs [x, layer 1, …, output]."""
        pre_activations, outputs = [], [x]
        for layer, (weights, bias) in enumerate(zip(self.weights, self.biases)):
            z = outputs[-1] @ weights + bias
            pre_activations.append(z)
            outputs.append(self._activate(layer, z))
        return pre_activations, outputs

    def _activate(self, layer: int, z: Array) -> Array:
        """Layer ``layer``'s outputs from its pre-activations: the head's for the last layer."""
        return self.head.predict(z) if layer == len(self.weights) - 1 else self.activation.output(z)

    def parameters(self) -> list[Array]:
        """Weights then biases: views of ``parameter_vector``, changed in place."""
        return [*self.weights, *self.biases]

    def set_weight(self, layer: int, source: int, target: int, value: float) -> None:
        """Set the weight of one link, e.g. one a user typed in."""
        self.weights[layer][source, target] = _finite(value, "weight")

    def set_bias(self, layer: int, neuron: int, value: float) -> None:
        """Set the bias of one neuron, e.g. one a user typed in."""
        self.biases[layer][neuron] = _finite(value, "bias")

    def to_dict(self) -> dict:
        """Shape, activations and parameters as plain lists (JSON-ready)."""
        return {
            "layer_sizes": list(self.layer_sizes),
            "activation": self.activation.name,
            "head": self.head.name,
            "weights": [w.tolist() for w in self.weights],
            "biases": [b.tolist() for b in self.biases],
        }

    def load_dict(self, data: dict) -> None:
        """Take parameters from ``to_dict`` output; the shapes must match."""
        weights = [np.asarray(w, dtype=float) for w in data["weights"]]
        biases = [np.asarray(b, dtype=float) for b in data["biases"]]
        expected = [w.shape for w in self.weights] + [b.shape for b in self.biases]
        if [a.shape for a in weights + biases] != expected:
            raise ValueError(f"parameter shapes do not match a {self.layer_sizes} network")
        if not all(np.isfinite(a).all() for a in weights + biases):
            raise ValueError("parameters must be finite numbers")
        self.weights, self.biases = weights, biases

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_json(cls, text: str, head: Head | None = None) -> "Network":
        """A network rebuilt from ``to_json`` output, with its saved head unless ``head`` is given."""
        data = json.loads(text)
        sizes = data["layer_sizes"]
        if head is None:
            saved = data.get("head", "tanh+square")  # files from before heads were saved: TF's classifier
            if saved not in HEADS:
                raise ValueError(f"unknown output head {saved!r}; choose from {', '.join(HEADS)}")
            head = HEADS[saved]
        if not sizes or sizes[-1] != head.outputs:
            raise ValueError(f"a network with a {head.name} output ends in {head.outputs} output neurons")
        network = cls(sizes[0], sizes[1:-1], data["activation"], head, init_zero=True)
        network.load_dict(data)
        return network


def _check_shape(num_inputs: int, hidden: Sequence[int]) -> None:
    if not 0 <= num_inputs <= MAX_INPUTS:
        raise ValueError(f"a network takes 0 to {MAX_INPUTS} inputs, not {num_inputs}")
    if len(hidden) > MAX_HIDDEN_LAYERS:
        raise ValueError(f"at most {MAX_HIDDEN_LAYERS} hidden layers, not {len(hidden)}")
    if any(not 1 <= n <= MAX_NEURONS for n in hidden):
        raise ValueError(f"each hidden layer has 1 to {MAX_NEURONS} neurons, not {list(hidden)}")


def _copy_into(views: list[Array], values: list[Array], what: str) -> None:
    """Set the parameters from new arrays of the same shapes, keeping the views (and the vector)."""
    if [np.shape(value) for value in values] != [view.shape for view in views]:
        raise ValueError(f"{what} shapes {[np.shape(v) for v in values]} do not match {[v.shape for v in views]}")
    for view, value in zip(views, values):
        view[...] = value


def _finite(value: float, what: str) -> float:
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"a {what} must be a finite number, not {value}")
    return value
