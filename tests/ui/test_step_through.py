"""One point, step by step, in CPython: built when opened, a tap chooses a point, the numbers shown are the
engine's for it, Back and Next walk the steps in order, in both languages."""

import re

import numpy as np
import pytest

from playground.app import PlaygroundApp
from playground.engine.one_point import step_through
from playground.state import PlaygroundState
from playground.ui.inside.notation import number
from playground.views.network_diagram import VALUE_COLOURS


def read_number(text: str) -> float:
    """The value ``notation.number`` wrote: "−0.123", "4.50×10⁻⁴"."""
    text = text.replace("−", "-").replace("⁻", "-")
    if "×10" not in text:
        return float(text)
    mantissa, exponent = text.split("×10")
    return float(mantissa) * 10.0 ** int(exponent.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")))


def opened(**options):
    app = PlaygroundApp(PlaygroundState(seed="0.1", networkShape=[3, 2], **options))
    app.layout()
    app.inside.open("stepThrough")
    return app, app.inside.built["stepThrough"]


def engine(app, index: int):
    trainer = app.session.trainer
    return step_through(trainer.network, trainer.train_inputs[index], trainer.dataset.train.labels[index],
                        trainer.learner.learning_rate)


def tap_on(app, index: int) -> None:
    """A tap on the map a little off training point ``index``."""
    x1, x2 = app.session.trainer.dataset.train.xy[index]
    app.boundary._pointed("tap", x1 + 0.01, x2 - 0.01)


def shown_text(view) -> str:
    return re.sub(r"<[^>]+>", " ", view.shown.object)


def table(view) -> list[list[str]]:
    """The cells of the step's last table, row by row."""
    last = view.shown.object.rsplit("<table", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", last)][1:]


def picture(app) -> tuple[list[float], list[float]]:
    """The numbers on the network picture: those in ink (the step's neuron and its links), then the others."""
    values = app.diagram.values.columns
    numbers = [read_number(text.split("= ")[-1]) for text in values["text"]]
    ink = [n for n, colour in zip(numbers, values["colour"]) if colour == VALUE_COLOURS[1]]
    return ink, [n for n, colour in zip(numbers, values["colour"]) if colour != VALUE_COLOURS[1]]


def test_it_is_built_only_when_opened_and_draws_nothing_until_a_point_is_chosen():
    app = PlaygroundApp(PlaygroundState(seed="0.1"))
    app.layout()
    assert "stepThrough" not in app.inside.built
    app.inside.open("stepThrough")
    view = app.inside.built["stepThrough"]
    assert "Click a training point on the output map" in shown_text(view)
    assert list(app.diagram.values.columns["text"]) == [] and list(app.boundary.chosen.columns["x1"]) == []
    assert view.next_button.disabled and view.back_button.disabled


def test_a_tap_chooses_the_nearest_training_point_pauses_and_shows_its_forward_pass():
    app, view = opened()
    app.session.playing = True
    tap_on(app, 7)
    assert not app.session.playing
    point = app.session.trainer.dataset.train.xy[7]
    assert app.boundary.chosen.columns == {"x1": [point[0]], "x2": [point[1]]}
    expected, network = engine(app, 7), app.session.trainer.network
    assert "Step 1 of 13" in shown_text(view) and "Forward: neuron 1 of layer 1" in shown_text(view)
    rows = table(view)
    assert [read_number(row[1]) for row in rows[:2]] == pytest.approx(expected.inputs, abs=5e-4)
    assert [read_number(row[2]) for row in rows[:2]] == pytest.approx(network.weights[0][:, 0], abs=5e-4)
    assert read_number(rows[-1][-1]) == pytest.approx(expected.layers[0].weighted_sums[0], abs=5e-4)
    assert f"tanh(z) = {number(expected.layers[0].activations[0])}" in view.shown.object
    ink, others = picture(app)
    assert ink == pytest.approx([expected.layers[0].activations[0], *network.weights[0][:, 0]], abs=5e-4)
    assert others == pytest.approx(expected.inputs, abs=5e-4)


def test_next_and_back_walk_forward_neuron_by_neuron_then_the_loss_then_back_with_the_engines_numbers():
    app, view = opened(learningRate=0.3)
    app.session.trainer.step(20)
    tap_on(app, 3)
    expected = engine(app, 3)
    titles = []
    for _ in range(13):
        titles.append(re.search(r"<h3>(.*?)</h3>", view.shown.object).group(1))
        ink, _ = picture(app)
        if titles[-1] == "The loss":
            assert f"= {number(expected.loss)}" in view.shown.object
            assert ink == pytest.approx([expected.loss], abs=5e-4)
        elif titles[-1].startswith("Backward"):
            words = titles[-1].split()
            column, neuron = (3, 0) if words[-1] == "output" else (int(words[-1]), int(words[2]) - 1)
            layer = expected.layers[column - 1]
            gradients = [row[neuron] for row in layer.weight_gradients]
            assert ink == pytest.approx([layer.deltas[neuron], *gradients], abs=5e-4)
            rows = table(view)
            assert [read_number(row[3]) for row in rows[:-1]] == pytest.approx([-0.3 * g for g in gradients],
                                                                                abs=5e-4)
            assert read_number(rows[-1][3]) == pytest.approx(layer.bias_updates[neuron], abs=5e-4)
        view.go(+1)
    neurons = [f"neuron {n} of layer {layer}" for layer, size in ((1, 3), (2, 2)) for n in range(1, size + 1)]
    back = [f"neuron {n} of layer {layer}" for layer, size in ((2, 2), (1, 3)) for n in range(1, size + 1)]
    assert titles == [*(f"Forward: {name}" for name in neurons), "Forward: the output", "The loss",
                      "Backward: the output", *(f"Backward: {name}" for name in back)]
    assert view.next_button.disabled and "Step 13 of 13" in shown_text(view)
    for _ in range(14):
        view.go(-1)
    assert view.back_button.disabled and "Step 1 of 13" in shown_text(view)


def test_on_your_data_a_tap_draws_and_next_point_chooses_from_the_keyboard():
    app, view = opened(dataset="yours", yourData="")
    app.boundary._pointed("tap", 1.0, 1.0)
    app.boundary._pointed("tap", -2.0, 0.5)
    assert len(app.session.trainer.dataset.train.xy) + len(app.session.trainer.dataset.test.xy) == 2
    assert "choose a point with Next point" in shown_text(view)
    view.point_button.clicks += 1
    first = tuple(app.session.trainer.dataset.train.xy[0])
    assert view.point == first and "Step 1 of" in shown_text(view)


def test_next_point_goes_round_the_training_points():
    app, view = opened()
    count = len(app.session.trainer.dataset.train.xy)
    for _ in range(count + 1):
        view.next_point()
    assert view.point == tuple(app.session.trainer.dataset.train.xy[0])


def test_it_speaks_chinese():
    app, view = opened(lang="zh-CN")
    assert "点击输出图上的一个训练点" in shown_text(view)
    tap_on(app, 0)
    assert "第 1 步，共 13 步" in shown_text(view) and "前向：第 1 层的第 1 个神经元" in shown_text(view)
    app.session.state.lang = "en"
    assert "Forward: neuron 1 of layer 1" in shown_text(view)


def test_play_goes_on_with_the_view_following_the_weights_and_a_reset_keeps_the_point():
    app, view = opened()
    tap_on(app, 5)
    view.go(+1)
    app.session.trainer.step(30)
    app.redraw()
    ink, _ = picture(app)
    assert ink[0] == pytest.approx(engine(app, 5).layers[0].activations[1], abs=5e-4)
    app.session.reset()
    assert view.point == tuple(app.session.trainer.dataset.train.xy[5]) and "Step 2 of 13" in shown_text(view)
    ink, _ = picture(app)
    assert ink[0] == pytest.approx(engine(app, 5).layers[0].activations[1], abs=5e-4)


def test_closed_it_takes_its_numbers_and_ring_away_and_taps_choose_nothing():
    app, view = opened()
    tap_on(app, 2)
    app.inside.open("stepThrough", False)
    assert list(app.diagram.values.columns["text"]) == [] and list(app.boundary.chosen.columns["x1"]) == []
    app.session.playing = True
    tap_on(app, 4)
    assert app.session.playing and view.point == tuple(app.session.trainer.dataset.train.xy[2])
    app.inside.open("stepThrough")
    assert len(app.diagram.values.columns["text"]) and list(app.boundary.chosen.columns["x1"])


def test_numbers_are_written_for_a_student():
    assert [number(v) for v in (-0.1234, 0, 2.5, 4.5e-4, -1.2e-7, float("inf"))] == [
        "−0.123", "0.000", "2.500", "4.50×10⁻⁴", "−1.20×10⁻⁷", "∞"]
    assert read_number("−1.20×10⁻⁷") == pytest.approx(-1.2e-7) and read_number("−0.123") == -0.123
    assert number(float("nan")) == "—"


@pytest.mark.parametrize("options", [dict(loss="cross-entropy", activation="relu"),
                                     dict(problem="regression", activation="sigmoid"),
                                     *(dict(activation=name) for name in ("linear", "leakyrelu", "elu", "softplus"))])
def test_every_output_and_activation_is_written_with_its_formula(options):
    app, view = opened(**options)
    app.session.trainer.step(5)
    tap_on(app, 1)
    expected = engine(app, 1)
    view.go(7)  # the output's backward step: its δ = ∂L/∂z
    formula = re.search(r"δ = ∂L/∂z = (.*?)</p>", view.shown.object).group(1)
    assert read_number(formula.split(" = ")[-1]) == pytest.approx(expected.layers[-1].deltas[0], abs=5e-4)
    view.go(+1)  # a hidden neuron's: δ = f′(z) · Σ w·δ
    slope = re.search(r"f′\(z\) = .*? = (\S+)</p>", view.shown.object).group(1)
    z, a = expected.layers[1].weighted_sums[0], expected.layers[1].activations[0]
    network = app.session.trainer.network
    assert read_number(slope) == pytest.approx(float(network.activation.derivative(np.array(z), np.array(a))),
                                               abs=5e-4)
