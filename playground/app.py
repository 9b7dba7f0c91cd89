"""The Panel app: controls on top, the output map and the loss chart below.

Imports are absolute because `panel serve` runs this file as a script.

``create_app()`` returns the page's root viewable. It runs the same under
``panel serve playground/app.py`` (CPython) and in the browser under Pyodide,
where the static site's loader calls it.
"""

import sys

import panel as pn

from playground.links import decode
from playground.session import Session
from playground.state import LEARNING_RATES, PlaygroundState
from playground.trainer import GRID_RESOLUTION, grid_points
from playground.views.boundary import DecisionBoundary
from playground.views.loss_chart import LossChart
from playground.views.network_diagram import NetworkDiagram

FRAME_PERIOD_MS = 50
ACTIVATION_LABELS = {
    "relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid", "linear": "Linear",
    "leakyrelu": "Leaky ReLU", "elu": "ELU", "softplus": "Softplus",
}


class PlaygroundApp:
    """Wires a Session to its widgets and views; redraws once per frame."""

    def __init__(self, state: PlaygroundState, notices: list[str]):
        self.session = Session(state)
        self.grid = grid_points()
        self.boundary = DecisionBoundary()
        self.loss_chart = LossChart()
        self.diagram = NetworkDiagram(self.session.trainer)
        self.epoch = pn.pane.HTML(sizing_mode="fixed", width=130, css_classes=["np-epoch"])
        self.metrics = pn.pane.HTML(css_classes=["np-metrics"])
        self.notice = pn.pane.Alert("\n".join(notices), alert_type="warning", visible=bool(notices))
        self.play_button = pn.widgets.Button(label="▶ Play", color="primary", width=110)
        self.step_button = pn.widgets.Button(label="Step ▸", width=90)
        self.reset_button = pn.widgets.Button(label="↺ Reset", width=90)
        self.play_button.on_click(lambda event: self.toggle_play())
        self.step_button.on_click(lambda event: self.step())
        self.reset_button.on_click(lambda event: self.session.reset())
        self.session.param.watch(lambda event: self.restart_views(), "revision")
        self.session.param.watch(lambda event: self._show_playing(), "playing")
        self.frames = pn.state.add_periodic_callback(self.frame, period=FRAME_PERIOD_MS, start=False)
        self.restart_views()

    def controls(self) -> pn.Row:
        state = self.session.state
        rates = sorted({*LEARNING_RATES, state.learningRate})
        learning_rate = pn.widgets.Select.from_param(
            state.param.learningRate, label="Learning rate", options={f"{r:g}": r for r in rates}, width=120,
            description="How big a step each update takes.",
        )
        activation = pn.widgets.Select.from_param(
            state.param.activation, label="Activation",
            options={ACTIVATION_LABELS[a]: a for a in state.param.activation.objects}, width=120,
            description="The function each hidden neuron applies to its input.",
        )
        return pn.Row(self.reset_button, self.play_button, self.step_button, self.epoch, learning_rate, activation)

    def toggle_play(self) -> None:
        self.session.playing = not self.session.playing and not self.session.trainer.divergence

    def step(self) -> None:
        self.session.playing = False
        self.session.step()
        self.redraw()

    def frame(self) -> None:
        if self.session.play_frame():
            self.redraw()

    def restart_views(self) -> None:
        train = self.session.trainer.dataset.train
        with pn.io.hold():
            self.boundary.show_points(train.xy, train.labels)
            self.redraw()

    def redraw(self) -> None:
        trainer = self.session.trainer
        output = trainer.neuron_maps(self.grid)[-1].reshape(GRID_RESOLUTION, GRID_RESOLUTION)
        latest = trainer.history[-1]
        with pn.io.hold():
            self.diagram.show(trainer, trainer.neuron_maps(self.diagram.points))
            self.boundary.show_output(output)
            self.loss_chart.show(trainer.history)
            self.epoch.object = f"<div class='np-label'>Epoch</div><div class='np-value'>{trainer.epoch:07,d}</div>"
            self.metrics.object = _metrics_html(latest)
            if trainer.divergence:
                self.notice.object = (
                    f"Training stopped at epoch {trainer.epoch}: {trainer.divergence}. "
                    "The learning rate is probably too high: choose a lower one and press Reset."
                )
                self.notice.alert_type = "danger"
                self.notice.visible = True

    def _show_playing(self) -> None:
        playing = self.session.playing
        self.play_button.label = "❚❚ Pause" if playing else "▶ Play"
        if playing and not self.frames.running:
            self.frames.start()
        elif not playing and self.frames.running:
            self.frames.stop()
        if not playing:
            self.redraw()

    def layout(self) -> pn.Column:
        return pn.Column(
            self.controls(),
            self.notice,
            pn.Row(
                pn.pane.HoloViews(self.diagram.element),
                pn.Column(pn.pane.HoloViews(self.boundary.element), self.metrics, pn.pane.HoloViews(self.loss_chart.element)),
            ),
            css_classes=["np-app"],
        )


def _metrics_html(metrics) -> str:
    rows = [("Test loss", metrics.test_loss), ("Training loss", metrics.train_loss)]
    if metrics.test_accuracy is not None:
        rows.append(("Test accuracy", metrics.test_accuracy))
    cells = "".join(
        f"<div class='np-metric'><span>{name}</span> <b>{_number(name, value)}</b></div>" for name, value in rows
    )
    return f"<div class='np-metrics-row'>{cells}</div>"


def _number(name: str, value: float) -> str:
    if value != value:
        return "—"
    return f"{value:.1%}" if "accuracy" in name else f"{value:.3f}"


def create_app(link: str = "") -> pn.viewable.Viewable:
    """The whole app for the configuration a link (or fragment) describes."""
    state, warnings = decode(link) if link else (PlaygroundState(), [])
    notices = [f"Part of the link was ignored: {w}" for w in warnings]
    return PlaygroundApp(state, notices).layout()


def page_fragment() -> str:
    """The ``#…`` part of the page's address: the configuration to open."""
    if sys.platform == "emscripten":  # Pyodide: read the browser's own address
        import js

        return str(js.location.hash)
    return pn.state.location.hash if pn.state.location else ""


if pn.state.served:
    create_app(page_fragment()).servable(title="Neural Playground")
