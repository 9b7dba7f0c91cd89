"""The orange/blue scale, and the colours of three or four classes, stay readable for colour-blind students.

Each colour-vision deficiency is simulated with Machado, Oliveira & Fernandes
(2009, severity 1) on linear RGB; colours are compared as CIE76 ΔE in L*a*b*
(2.3 is a just-noticeable difference). Three contrast levels: a neuron a quarter,
half and fully on its way to ±1.
"""

import numpy as np
import pytest

from playground.views.network_diagram import TEXT_COLOUR
from playground.views.palette import CLASS_COLOURS, NEUTRAL, class_ramps, diverging

VISION = {
    "typical": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
LEVELS = (0.25, 0.5, 1.0)
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
WHITE = np.array([0.95047, 1.0, 1.08883])


def linear_rgb(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(hex_colour: str, vision: np.ndarray) -> np.ndarray:
    xyz = SRGB_TO_XYZ @ np.clip(vision @ linear_rgb(hex_colour), 0, 1) / WHITE
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def shown_at(value: float) -> str:
    """The colour a map paints ``value`` with (the plots map −1…1 onto the palette)."""
    palette = diverging()
    return palette[min(len(palette) - 1, int((value + 1) / 2 * len(palette)))]


@pytest.mark.parametrize("vision", VISION)
@pytest.mark.parametrize("level", LEVELS)
def test_both_classes_and_the_undecided_middle_stay_apart(vision, level):
    matrix = VISION[vision]
    positive, negative, neutral = (lab(c, matrix) for c in (shown_at(level), shown_at(-level), NEUTRAL))
    assert np.linalg.norm(positive - negative) >= 30 * level  # further apart as a neuron grows surer
    assert np.linalg.norm(positive - neutral) >= 5 and np.linalg.norm(negative - neutral) >= 5


def test_the_scale_runs_light_to_dark_on_each_side_so_it_reads_without_hue():
    lightness = [lab(shown_at(v), VISION["typical"])[0] for v in (0, 0.25, 0.5, 1.0)]
    assert np.all(np.diff(lightness) < 0)
    lightness = [lab(shown_at(-v), VISION["typical"])[0] for v in (0, 0.25, 0.5, 1.0)]
    assert np.all(np.diff(lightness) < 0)


@pytest.mark.parametrize("vision", VISION)
@pytest.mark.parametrize("sure", (0.5, 0.999))
def test_four_classes_stay_apart_whether_the_network_is_sure_or_half_sure(vision, sure):
    steps = 64
    ramps = class_ramps(4, steps)
    shown = [lab(ramps[k * steps + int(sure * steps)], VISION[vision]) for k in range(4)]
    assert min(np.linalg.norm(a - b) for i, a in enumerate(shown) for b in shown[i + 1:]) >= 15


def test_each_class_ramp_runs_light_to_dark_so_confidence_reads_without_hue():
    steps = 8
    ramps = class_ramps(4, steps)
    for k in range(4):
        lightness = [lab(colour, VISION["typical"])[0] for colour in ramps[k * steps:(k + 1) * steps]]
        assert np.all(np.diff(lightness) < 0) and lab(NEUTRAL, VISION["typical"])[0] > lightness[0]
        # towards the class's own colour: the last of 8 steps is 15/16 of the way there
        assert np.linalg.norm(lab(ramps[(k + 1) * steps - 1], VISION["typical"]) - lab(CLASS_COLOURS[k], VISION["typical"])) < 10


def test_labels_in_the_network_meet_wcag_aa_contrast_on_white():
    luminance = float(SRGB_TO_XYZ[1] @ linear_rgb(TEXT_COLOUR))
    assert (1.0 + 0.05) / (luminance + 0.05) >= 4.5
