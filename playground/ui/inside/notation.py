"""The maths of one point written for a student: numbers, and each function's formula, as HTML text.

The site ships no maths typesetting (no KaTeX, no MathJax), so formulas are Unicode and HTML
sub/superscripts. Numbers carry a true minus sign and three decimals; tiny ones (gradients
late in training) are written as powers of ten rather than rounded to 0.000.
"""

import math

SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def number(value: float) -> str:
    """``value`` as a student reads it: "−0.123", "4.50×10⁻⁴", "∞"."""
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        text = f"{value:.3f}"
    else:
        mantissa, exponent = f"{value:.2e}".split("e")
        text = f"{mantissa}×10{str(int(exponent)).translate(SUPERSCRIPTS)}"
    return text.replace("-", "−")


def label(value: float) -> str:
    """A point's label as its data set gives it: "−1", "1", or a regression value ("0.4235")."""
    return f"{value:g}".replace("-", "−")


def bracketed(text: str) -> str:
    """A number inside a product or a power: negative ones in brackets, "(−0.5)"."""
    return f"({text})" if text.startswith("−") else text


#: Each hidden activation f: how a = f(z) is computed, and its slope f′(z) given z and a (from the
#: branch the point takes, so a student sees which one applies).
ACTIVATION_FORMULAS = {
    "tanh": ("tanh(z)", lambda z, a: "1 − a²"),
    "relu": ("max(0, z)", lambda z, a: "1 (z &gt; 0)" if z > 0 else "0 (z ≤ 0)"),
    "sigmoid": ("σ(z) = 1 / (1 + e<sup>−z</sup>)", lambda z, a: "a · (1 − a)"),
    "linear": ("z", lambda z, a: "1"),
    "leakyrelu": ("max(0.01·z, z)", lambda z, a: "1 (z &gt; 0)" if z > 0 else "0.01 (z ≤ 0)"),
    "elu": ("z (z &gt; 0), e<sup>z</sup> − 1 (z ≤ 0)", lambda z, a: "1 (z &gt; 0)" if z > 0 else "a + 1 (z ≤ 0)"),
    "softplus": ("log(1 + e<sup>z</sup>)", lambda z, a: "σ(z)"),
}


def output_formula(head: str) -> str:
    """How the output neuron's value o comes from its weighted sum z, for an output ``head`` (losses.py)."""
    return {"tanh+square": "o = tanh(z)", "linear+square": "o = z",
            "sigmoid+cross-entropy": "o = 2σ(z) − 1"}[_known(head)]


def loss_formula(head: str, z: float, o: float, t: float, loss: float) -> str:
    """L, first as a formula, then with the point's numbers."""
    if _known(head) == "sigmoid+cross-entropy":
        return (f"L = log(1 + e<sup>−t·z</sup>) = log(1 + e<sup>−{bracketed(label(t))}·{bracketed(number(z))}</sup>)"
                f" = {number(loss)}")
    return f"L = ½ (o − t)² = ½ ({number(o)} − {bracketed(label(t))})² = {number(loss)}"


def output_delta_formula(head: str, o: float, t: float, delta: float) -> str:
    """δ = ∂L/∂z at the output, first as a formula, then with the point's numbers."""
    head = _known(head)
    if head == "sigmoid+cross-entropy":
        return f"δ = ∂L/∂z = (o − t) / 2 = ({number(o)} − {bracketed(label(t))}) / 2 = {number(delta)}"
    if head == "linear+square":
        return f"δ = ∂L/∂z = o − t = {number(o)} − {bracketed(label(t))} = {number(delta)}"
    return (f"δ = ∂L/∂z = (o − t) · (1 − o²) = ({number(o)} − {bracketed(label(t))}) · {bracketed(number(1 - o * o))}"
            f" = {number(delta)}")


def _known(head: str) -> str:
    if head not in ("tanh+square", "linear+square", "sigmoid+cross-entropy"):
        raise ValueError(f"the step-through writes two-class and regression outputs, not {head!r}")
    return head
