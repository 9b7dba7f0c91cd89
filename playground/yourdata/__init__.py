"""The student's own points ("Your data"): drawn on the output map or imported from a CSV.

numpy only, no Panel: ``csv_import`` reads a file into points, ``point_code`` writes points
as the compact text the state (and a short enough link) keeps them in, ``drawing`` is the
drawn points with their strokes to undo, and ``dataset`` splits and jitters them for training.
"""

YOURS = "yours"
"""The data set's name in the state and the link (``dataset=yours``, ``regDataset=yours``)."""
MAX_POINTS = 2_000
"""The most points a student's data holds: a CSV with more is refused."""
