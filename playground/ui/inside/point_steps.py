"""The steps of one point's walk through the network: neuron by neuron forward, the loss, then back.

Each step is what the step-through shows at once: a title, the formula with this point's numbers
(HTML), and the numbers written on the network picture. Only the step shown is written, so a frame
of training with the view open writes one step, not the whole walk. The numbers come from
``engine.one_point``: the engine's own backpropagation, kept a layer at a time.
"""

from dataclasses import dataclass

import numpy as np

from ...engine.network import Network
from ...engine.one_point import OnePoint
from ...words import Words
from .notation import ACTIVATION_FORMULAS, bracketed, label, loss_formula, number, output_delta_formula, output_formula


@dataclass(frozen=True)
class Place:
    """Where a step is: its ``stage`` ("forward", "loss", "backward") and the neuron it is about
    (``column`` 1 is the first hidden layer, the last the output; 0 would be the inputs)."""

    stage: str
    column: int
    neuron: int


@dataclass(frozen=True)
class Step:
    """One step as the view shows it."""

    title: str
    html: str
    """The formula, with this point's numbers, and a line saying what the picture shows."""
    neurons: dict[tuple[int, int], str]
    """Text under a neuron, by (column, neuron); column 0: the network's inputs, in its order."""
    links: dict[tuple[int, int, int], str]
    """Text on a link, by (layer, source, target), as ``network.weights[layer][source, target]``."""
    current: tuple[int, int]
    """(column, neuron) the step is about, drawn stronger."""


def places(layer_sizes: list[int]) -> list[Place]:
    """Every step's place, in order: each neuron forward (inputs to output), the loss, each neuron back."""
    columns = range(1, len(layer_sizes))
    forward = [Place("forward", column, neuron) for column in columns for neuron in range(layer_sizes[column])]
    backward = [Place("backward", column, neuron) for column in reversed(columns)
                for neuron in range(layer_sizes[column])]
    return [*forward, Place("loss", columns[-1], 0), *backward]


class PointSteps:
    """Writes the steps of one point's pass through ``network``, in the interface's language.

    ``inputs``: the names of the network's inputs (the features' labels), in its order.
    """

    def __init__(self, network: Network, point: OnePoint, inputs: list[str], words: Words):
        self.network, self.point, self.inputs, self.words = network, point, inputs, words
        self.output_column = len(network.layer_sizes) - 1

    def step(self, place: Place) -> Step:
        return {"forward": self.forward, "loss": self.loss, "backward": self.backward}[place.stage](place)

    def forward(self, place: Place) -> Step:
        """z = Σ w·a + b, then a = f(z), for one neuron; the picture: the activations so far, the weights in."""
        column, j = place.column, place.neuron
        layer = self.point.layers[column - 1]
        a_in = self._activations(column - 1)
        w = self.network.weights[column - 1][:, j]
        rows = [(self._name(column - 1, i), number(a), number(wi), number(wi * a)) for i, (a, wi) in
                enumerate(zip(a_in, w))]
        rows.append(("b", "", "", number(self.network.biases[column - 1][j])))
        z, a = layer.weighted_sums[j], layer.activations[j]
        if column == self.output_column:
            activation = f"{output_formula(self.network.head.name)} = {number(a)}"
        else:
            formula, _ = ACTIVATION_FORMULAS[self.network.activation.name]
            activation = f"a = f(z) = {formula} = {number(a)}"
        html = ("<p class='np-formula'>z = Σ<sub>i</sub> w<sub>i</sub>·a<sub>i</sub> + b</p>"
                + _table(("", "a<sub>i</sub>", "w<sub>i</sub>", "w<sub>i</sub>·a<sub>i</sub>"), rows,
                         ("z", number(z)))
                + f"<p class='np-formula'>{activation}</p>"
                + self._note("stepThrough.forward_picture", column, j))
        shown = {(c, i): number(value) for c in range(column) for i, value in enumerate(self._activations(c))}
        shown.update({(column, i): number(self.point.layers[column - 1].activations[i]) for i in range(j + 1)})
        links = {(column - 1, i, j): number(wi) for i, wi in enumerate(w)}
        return Step(self._title("stepThrough.forward", column, j), html, shown, links, (column, j))

    def loss(self, place: Place) -> Step:
        """How far the output is from the label; the picture: every activation, the output's o and t."""
        output = self.point.layers[-1]
        z, o, t = output.weighted_sums[0], output.activations[0], self.point.target
        html = (f"<p class='np-formula'>{loss_formula(self.network.head.name, z, o, t, self.point.loss)}</p>"
                f"<p class='np-note'>{self.words.text('stepThrough.loss_note', output=number(o), label=label(t))}</p>")
        shown = {(c, i): number(value) for c in range(self.output_column + 1)
                 for i, value in enumerate(self._activations(c))}
        shown[(self.output_column, 0)] = f"L = {number(self.point.loss)}"
        return Step(self.words.text("stepThrough.loss"), html, shown, {}, (self.output_column, 0))

    def backward(self, place: Place) -> Step:
        """δ of one neuron, then each weight's gradient into it and its update; the picture: the δs so far, the
        gradients in."""
        column, j = place.column, place.neuron
        layer = self.point.layers[column - 1]
        delta = layer.deltas[j]
        if column == self.output_column:
            o, t = layer.activations[j], self.point.target
            html = f"<p class='np-formula'>{output_delta_formula(self.network.head.name, o, t, delta)}</p>"
        else:
            html = self._hidden_delta(column, j)
        rate = self.point.learning_rate
        rows = [(self._name(column - 1, i), number(a), number(layer.weight_gradients[i][j]),
                 number(layer.weight_updates[i][j])) for i, a in enumerate(self._activations(column - 1))]
        rows.append(("b", "1", number(layer.bias_gradients[j]), number(layer.bias_updates[j])))
        html += (f"<p class='np-formula'>∂L/∂w<sub>i</sub> = a<sub>i</sub>·δ, "
                 f"Δw<sub>i</sub> = −η·∂L/∂w<sub>i</sub>, η = {number(rate)}</p>"
                 + _table(("", "a<sub>i</sub>", "∂L/∂w<sub>i</sub>", "Δw<sub>i</sub>"), rows)
                 + self._note("stepThrough.backward_picture", column, j))
        shown = {(c, i): f"δ = {number(d)}" for c in range(column + 1, self.output_column + 1)
                 for i, d in enumerate(self.point.layers[c - 1].deltas)}
        shown.update({(column, i): f"δ = {number(layer.deltas[i])}" for i in range(j + 1)})
        links = {(column - 1, i, j): number(row[j]) for i, row in enumerate(layer.weight_gradients)}
        return Step(self._title("stepThrough.backward", column, j), html, shown, links, (column, j))

    def _hidden_delta(self, column: int, j: int) -> str:
        """δ_j = f′(z_j) · Σ_k w_jk·δ_k: the next layer's deltas come back through the weights out of j."""
        z, a = self.point.layers[column - 1].weighted_sums[j], self.point.layers[column - 1].activations[j]
        slope = float(self.network.activation.derivative(np.array(z), np.array(a)))
        later = self.point.layers[column].deltas
        w = self.network.weights[column][j]
        rows = [(self._name(column + 1, k), number(wk), number(d), number(wk * d)) for k, (wk, d) in
                enumerate(zip(w, later))]
        _, derivative = ACTIVATION_FORMULAS[self.network.activation.name]
        return ("<p class='np-formula'>δ = f′(z) · Σ<sub>k</sub> w<sub>k</sub>·δ<sub>k</sub></p>"
                + _table(("", "w<sub>k</sub>", "δ<sub>k</sub>", "w<sub>k</sub>·δ<sub>k</sub>"), rows,
                         ("Σ", number(float(np.dot(w, later)))))
                + f"<p class='np-formula'>f′(z) = {derivative(z, a)} = {number(slope)}</p>"
                + f"<p class='np-formula'>δ = {number(slope)} · {bracketed(number(float(np.dot(w, later))))}"
                  f" = {number(self.point.layers[column - 1].deltas[j])}</p>")

    def _activations(self, column: int) -> list[float]:
        return self.point.inputs if column == 0 else self.point.layers[column - 1].activations

    def _name(self, column: int, index: int) -> str:
        """An input's label, else the neuron's number in its layer."""
        return self.inputs[index] if column == 0 else str(index + 1)

    def _neuron(self, column: int, neuron: int) -> str:
        if column == self.output_column:
            return self.words.text("network.the_output")
        return self.words.text("network.neuron", index=neuron + 1, layer=column)

    def _title(self, key: str, column: int, neuron: int) -> str:
        return self.words.text(key, neuron=self._neuron(column, neuron))

    def _note(self, key: str, column: int, neuron: int) -> str:
        return f"<p class='np-note'>{self.words.text(key, neuron=self._neuron(column, neuron))}</p>"


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]], total: tuple[str, str] | None = None) -> str:
    """A small table of numbers; ``total``: a last row (its name, its value in the last column)."""
    cells = "".join(f"<th>{cell}</th>" for cell in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    if total:
        span = len(head) - 1
        body += f"<tr class='np-total'><td colspan='{span}'>{total[0]}</td><td>{total[1]}</td></tr>"
    return f"<table class='np-numbers'><tr>{cells}</tr>{body}</table>"
