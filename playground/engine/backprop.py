"""Backpropagation of one batch into arrays made once, for the training loop.

Training runs thousands of tiny batches (10 points through layers of 8 neurons), where
the cost is the number of numpy calls, not the arithmetic (Pyodide's call overhead is
higher still). So a layer's weights and bias are one (inputs + 1) × neurons matrix, the
bias as its last row, and a layer's outputs carry a column of ones: one matrix product
gives a layer's pre-activations, and one gives both its weight and its bias gradients.
The arrays for each batch size are made on first use and written in place after that.
"""

import numpy as np

from .activations import Activation
from .losses import Head

Array = np.ndarray


def with_ones(x: Array) -> Array:
    """``x`` with a column of ones after its last, the input that multiplies a layer's bias row."""
    return np.column_stack([x, np.ones(len(x))])


class Backprop:
    """Gradients of a batch's mean loss for the layer matrices it was made with."""

    def __init__(self, layers: list[Array], activation: Activation, head: Head):
        """``layers`` are read at every call, so they must be the network's own arrays, changed in place."""
        self.layers = layers
        self.activation, self.head = activation, head
        self._one_output = head.outputs == 1  # TF's heads take and give (n,) arrays; softmax (n, K)
        self._transposed_weights = [layer[:-1].T for layer in layers]  # the bias row sends no gradient back
        self._arrays: dict[int, tuple[list[Array], list[Array], list[Array]]] = {}

    def gradients_into(self, x_ones: Array, targets: Array, gradients: list[Array]) -> float:
        """Write d(mean loss)/d(layer matrix) into ``gradients``; the batch's mean loss."""
        outputs, hidden, pre_activations = self._arrays_for(len(x_ones))
        inputs = [x_ones, *outputs]
        last = len(self.layers) - 1
        for layer in range(last):
            np.matmul(inputs[layer], self.layers[layer], out=pre_activations[layer])
            self.activation.output_into(pre_activations[layer], hidden[layer])
        z = np.matmul(inputs[last], self.layers[last], out=pre_activations[last])
        if self._one_output:
            z = z[:, 0]
        loss, delta = self.head.mean_loss_and_delta(z, targets)
        if self._one_output:
            delta = delta[:, None]
        for layer in range(last, -1, -1):
            np.matmul(inputs[layer].T, delta, out=gradients[layer])
            if layer:
                derivative = self.activation.derivative(pre_activations[layer - 1], hidden[layer - 1])
                delta = (delta @ self._transposed_weights[layer]) * derivative
        return loss

    def _arrays_for(self, rows: int) -> tuple[list[Array], list[Array], list[Array]]:
        """Each hidden layer's outputs with their ones column, the same without it, and every pre-activation."""
        if rows not in self._arrays:
            widths = [layer.shape[1] for layer in self.layers]
            outputs = [np.ones((rows, width + 1)) for width in widths[:-1]]
            self._arrays[rows] = (outputs, [output[:, :-1] for output in outputs],
                                  [np.empty((rows, width)) for width in widths])
        return self._arrays[rows]
