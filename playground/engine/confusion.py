"""The confusion matrix: how many points of each class the network gives to each class.

Labels come as the data sets make them: ±1 for two classes (TF's, +1 first, so +1 is
class 0 and −1 class 1), 0..K−1 for more.
"""

import numpy as np

Array = np.ndarray


def class_indices(labels: Array, classes: int) -> Array:
    """Each label's class 0..classes−1, as integers."""
    indices = (1 - labels) / 2 if classes == 2 else labels
    return indices.astype(np.int64)


def confusion_matrix(labels: Array, predicted: Array, classes: int) -> Array:
    """Counts of points by their class (row) and the class predicted (column), shape (classes, classes)."""
    pairs = class_indices(labels, classes) * classes + class_indices(predicted, classes)
    return np.bincount(pairs, minlength=classes * classes).reshape(classes, classes)
