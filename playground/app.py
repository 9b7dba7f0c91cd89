"""The Panel app: TF Playground's layout of controls, network and output.

Imports are absolute because `panel serve` runs this file as a script.

``create_app()`` returns the page's root viewable. It runs the same under
``panel serve playground/app.py`` (CPython) and in the browser under Pyodide,
where the static site's loader calls it.
"""

import math

import panel as pn
from bokeh.core.property.validation import without_property_validation

from playground.embed.commands import SHAPES, EmbedCommands
from playground.embed.events import EmbedEvents
from playground.engine.training import LOSS_NOT_FINITE, PARAMETER_NOT_FINITE
from playground.assets import asset
from playground.i18n import Message
from playground.lessons.tutor import Tutor
from playground.links import (Embedding, decode, encode, given_keys, read_embedding, split_page_keys,
                              with_page_keys)
from playground.page.address import read_fragment, write_fragment
from playground.page.bridge import connect
from playground.page.browser import after_paint, show_page_text
from playground.page.keyboard import bind_shortcuts
from playground.page.language import browser_languages, show_page_language
from playground.player import Player
from playground.page.one_patch import one_patch
from playground.session import VIEW_PARAMETERS, Session
from playground.state import PlaygroundState, random_seed
from playground.trainer import GRID, GRID_RESOLUTION, decided
from playground.ui.confusion_table import ConfusionTable
from playground.ui.controls import (SELECT_WIDTH, classes_menu, data_controls, language_switch, output_options, shown,
                                    top_bar, training_options)
from playground.ui.dataset_picker import DatasetPicker
from playground.ui.export_menu import ExportMenu
from playground.ui.inside import InsideView, InsideViews, built_later
from playground.ui.lessons.guide import LessonGuide
from playground.ui.network_editor import FeatureToggles, LayerButtons
from playground.ui.notice import Notice
from playground.ui.readout import Readout
from playground.ui.parameter_editor import ParameterEditor
from playground.ui.share_dialog import ShareDialog
from playground.ui.your_data import YourData
from playground.ui.sizes import column_order, view_sizes
from playground.views.boundary import DecisionBoundary
from playground.views.loss_chart import LossChart
from playground.views.network_diagram import NetworkDiagram
from playground.words import Words, words_for

#: The catalog's words for each reason the engine gives when training diverges.
DIVERGENCE_REASONS = {LOSS_NOT_FINITE: "messages.loss_not_finite",
                      PARAMETER_NOT_FINITE: "messages.parameter_not_finite"}


class PlaygroundApp:
    """Wires a Session to its widgets and views; redraws once per frame.

    ``link_problems``: what the link had that was not understood (``links.decode``'s warnings);
    ``preferred_languages``: the browser's, for a link without ``lang``;
    ``embedding``: the address's ``embed`` and ``parent`` keys (``links.read_embedding``'s), kept in it.
    """

    def __init__(self, state: PlaygroundState, link_problems: list[Message] = (), preferred_languages: list[str] = (),
                 embedding: Embedding | None = None):
        self.session = Session(state)
        self.words = words = words_for(state, list(preferred_languages))
        self.embedding = embedding or Embedding()
        """In another page's iframe (``embed=1``) the layout is compact; ``parent`` may send commands."""
        self.sizes = sizes = view_sizes(self.embedding.embedded)
        self.boundary = DecisionBoundary(size_px=sizes.output_map, words=words, scale_below=sizes.scale_below)
        self.loss_chart = LossChart(*sizes.loss_chart, words=words)
        self.diagram = NetworkDiagram(self.session.trainer, *sizes.network, offered=state.offered_features,
                                      words=words)
        self.editor = ParameterEditor(self.session, on_change=self.redraw, words=words)
        self.diagram.links.on_tap(self.editor.edit_weight)
        self.diagram.biases.on_tap(self.editor.edit_bias)
        self.focus: tuple[int, int] | None = None
        """(layer, neuron) whose map the output shows instead of the network's output."""
        self.diagram.neurons.on_tap(self.tapped_neuron)
        self.hovered: tuple[int, int] | None = None
        """(layer, neuron) under the pointer: shown large until the pointer leaves, as in TF."""
        self.diagram.neurons.on_hover(self.hovered_neuron)
        self.focus_note = Readout("", height=20, margin=(0, 10), css_classes=["np-focus-note"])
        """Names the neuron shown instead of the output; empty but there, so the map never jumps."""
        self.epoch = Readout(width=130, css_classes=["np-epoch"])
        self.metrics = Readout(css_classes=["np-metrics"])
        self.confusion = ConfusionTable(words)
        self.link_notice = Notice(words.follow(lambda: _link_notice(words, link_problems)),
                                  alert_type="warning", visible=bool(link_problems))
        self.divergence_notice = Notice(alert_type="danger", visible=False)
        # No tooltips here: Bokeh's tooltip popover would cover the neighbouring button.
        self.play_button = pn.widgets.Button(
            label=words.follow(lambda playing: words.text("buttons.pause" if playing else "buttons.play"),
                               self.session.param.playing),
            color="primary", width=110, visible=shown(state, "playButton"), css_classes=["np-play"])
        self.step_button = pn.widgets.Button(label=words("buttons.step"), width=90, visible=shown(state, "stepButton"))
        self.reset_button = pn.widgets.Button(label=words("buttons.reset"), width=90,
                                              visible=shown(state, "resetButton"))
        self.regenerate_button = pn.widgets.Button(label=words("buttons.regenerate"), width=180,
                                                   description=words("buttons.regenerate_description"))
        self.new_weights_button = pn.widgets.Button(label=words("buttons.new_weights"), width=SELECT_WIDTH,
                                                    align="end")
        self.new_weights_button.on_click(lambda event: self.session.new_weights())
        self.play_button.on_click(lambda event: self.toggle_play())
        self.step_button.on_click(lambda event: self.step())
        self.reset_button.on_click(lambda event: self.session.reset())
        self.regenerate_button.on_click(lambda event: setattr(state, "seed", random_seed()))
        self.session.param.watch(lambda event: self.restart_views(), "revision")
        self.session.param.watch(lambda event: self.show_new_points(), "data_revision")
        self.your_data = YourData(state, words, self.boundary)
        self.lessons = Tutor(self.session)
        """The lesson flow; ``guide`` shows it."""
        self.guide = LessonGuide(self.lessons, words)
        self.lessons.param.watch(lambda event: self.write_address(), "page_keys")
        page = connect(lambda text: self.commands.receive(text), list(self.embedding.parents), SHAPES)
        self.events = EmbedEvents(self.session, self.lessons, page.post, page.later)
        """What the page around an embedded playground is told."""
        self.commands = EmbedCommands(self.session, self.lessons, self.events, words)
        self.share = ShareDialog(state, words, self.lessons)
        self.plots = {"network": pn.pane.HoloViews(self.diagram.element),
                      "losses": pn.pane.HoloViews(self.loss_chart.element),
                      "output": pn.pane.HoloViews(self.boundary.element)}
        """The views' panes, by the names the Export menu's pictures know them by."""
        self.exports = ExportMenu(self.session, words, self.plots)
        self.inside = InsideViews(self.session, words, self.inside_views())
        self.lessons.param.watch(lambda event: self.inside.open_all(event.new.lesson.open_views if event.new else ()),
                                 "progress")  # a lesson opens the views it uses
        state.param.watch(lambda *events: self.write_address(), list(state.param))
        state.param.watch(lambda *events: self.restart_views(), list(VIEW_PARAMETERS))
        self.player = Player(self.session, self._show_frame)
        self.session.param.watch(lambda event: self._show_pause(event.new), "playing")
        bind_shortcuts({" ": self.toggle_play, "ArrowRight": self.step, "r": self.session.reset},
                       suspended=lambda: self.share.overlay.visible)
        state.param.watch(lambda event: show_page_text(not event.new), "hideText")
        show_page_text(not state.hideText)
        words.param.watch(lambda event: self._speak(), "language")
        show_page_language(words.language)
        self.restart_views()

    def toggle_play(self) -> None:
        self.session.playing = not self.session.playing and not self.session.trainer.divergence

    def step(self) -> None:
        self.session.playing = False
        self.session.step()
        self.redraw()

    def _show_frame(self) -> None:
        """What the player shows after a frame, and on pause."""
        self.redraw()
        self.events.frame()

    def tapped_neuron(self, row: dict) -> None:
        """An input switches on or off, as in TF; a neuron's map shows large in the output until tapped again."""
        if row["feature"]:
            if row["feature"] not in self.session.state.locked:
                setattr(self.session.state, row["feature"], not getattr(self.session.state, row["feature"]))
            return
        tapped = (int(row["layer"]), int(row["neuron"]))
        self.focus = None if tapped == self.focus else tapped
        self.redraw()

    def hovered_neuron(self, row: dict | None) -> None:
        """Show the neuron under the pointer large in the output (inputs are not shown large)."""
        hovered = (int(row["layer"]), int(row["neuron"])) if row and not row["feature"] else None
        if hovered != self.hovered:
            self.hovered = hovered
            self.redraw()

    def restart_views(self) -> None:
        """Redraw everything that depends on the data, after a reset or a display switch."""
        with one_patch():
            self.show_points()
            self.divergence_notice.visible = False
            self.editor.close()  # it was about a network that is gone
            self.focus = self.hovered = None
            self.redraw()

    def show_points(self) -> None:
        """Draw the data's points on the output map: the test points too if the state shows them."""
        state, dataset = self.session.state, self.session.trainer.dataset
        shown = slice(None) if state.test_points_shown() else slice(0)
        self.boundary.show_points(dataset.train.xy, dataset.train.labels,
                                  dataset.test.xy[shown], dataset.test.labels[shown], self.session.trainer.classes)

    def show_new_points(self) -> None:
        """The student's points as they are now, and, when paused, the losses on them (while playing, the
        next frame redraws them: a drag's points come faster than redraws)."""
        with one_patch():
            self.show_points()
            if not self.session.playing:
                self.redraw()

    @without_property_validation  # our arrays are well formed; checking them cost ~20 % of a redraw
    def redraw(self) -> None:
        trainer = self.session.trainer
        picture = trainer.picture()
        shown = self.hovered or self.focus
        # Two classes' one output neuron is the output map; of K classes' K, each is a map of its own.
        whole_output = shown is None or (trainer.classes == 2 and shown == (len(picture.thumbnails) - 1, 0))
        if whole_output:
            values, scale = picture.output, trainer.classes
        else:
            layer, neuron = shown
            values, scale = trainer.neuron_maps(GRID)[layer][:, neuron], 2
        output = values.reshape(GRID_RESOLUTION, GRID_RESOLUTION)
        if self.session.state.discretize:
            output = decided(output, scale)
        words = self.words
        with one_patch():
            self.diagram.show(trainer, picture.thumbnails)
            self.boundary.show_output(output, scale)
            self.loss_chart.show(trainer.history)
            self.epoch.object = (f"<div class='np-label'>{words.text('output.epoch')}</div>"
                                 f"<div class='np-value'>{trainer.epoch:07,d}</div>")
            self.metrics.object = _metrics_html(words, trainer.history[-1])
            self.confusion.show(trainer.confusion() if trainer.classes > 2 else None)
            note = "output.showing_pinned" if shown == self.focus else "output.showing_hovered"
            self.focus_note.object = "" if whole_output else words.text(note, neuron=self.editor.neuron_name(*shown))
            if trainer.divergence:
                self.divergence_notice.object = words.text(
                    "messages.diverged", epoch=trainer.epoch, reason=words.text(DIVERGENCE_REASONS[trainer.divergence]))
                self.divergence_notice.visible = True
            self.inside.show(trainer)
            self.lessons.check_goal()

    def inside_views(self) -> list[InsideView]:
        """The views of how the network learns, in the order of their buttons (ui/inside/)."""
        return [
            InsideView("gradientFlow", built_later("gradient_flow", "GradientFlowView", self.words), tracks_gradients=True),
            InsideView("hiddenSpace", built_later("hidden_space", "HiddenSpaceView", self.session, self.words)),
            InsideView("stepThrough", lambda: built_later("step_through", "StepThrough", self.session, self.words,
                                                          self.diagram, self.boundary, self.inside.toggles["stepThrough"])()),
        ]

    def address(self) -> str:
        """The fragment naming the whole setup, as TF's does, the lesson step open and the embedding."""
        return with_page_keys(encode(self.session.state), {**self.lessons.page_keys, **self.embedding.page_keys()})

    def write_address(self) -> None:
        fragment = self.address()
        write_fragment(fragment)
        self.events.state_changed(fragment)

    def _speak(self) -> None:
        """Say in the new language what the views wrote (widgets and panes follow ``words`` themselves)."""
        show_page_language(self.words.language)
        self.redraw()

    def _show_pause(self, playing: bool) -> None:
        """On pause, show the last epoch trained (the worker's frame in flight is dropped) and what the views
        show paused, once the button says Play: with views open this redraw takes a frame or two."""
        if not playing:
            after_paint(self.redraw)

    def layout(self) -> pn.Column:
        state, words, plots = self.session.state, self.words, self.plots
        top = [self.reset_button, self.play_button, self.step_button, self.epoch, *top_bar(state, words)]
        more = [*training_options(state, words), self.new_weights_button, language_switch(state, words),
                self.guide.menu_button, self.share.button]
        # TF's top bar, then ours; an embed, often with controls hidden, packs them into as few lines as fit.
        bars = [_wrapping(*top, *more)] if self.embedding.embedded else [_wrapping(*top), _wrapping(*more)]
        data = pn.Column(_heading(words, "data"), DatasetPicker(state, words), classes_menu(state, words), self.your_data,
                         *data_controls(state, words),
                         self.regenerate_button, width=200, css_classes=["np-data"])
        features = pn.Column(_heading(words, "features"), FeatureToggles(state, words), width=110,
                             css_classes=["np-features"])
        layer_buttons = LayerButtons(state, self.sizes.network, words, button_px=self.sizes.shape_button)
        network = pn.Column(_heading(words, "network"), layer_buttons,
                            plots["network"], self.editor, css_classes=["np-network"])
        output_heading = pn.Row(_heading(words, "output"), self.exports)  # not stretched: a phone's column would widen
        output = pn.Column(output_heading, self.metrics, plots["losses"],
                           self.focus_note, plots["output"], *output_options(state, words), self.confusion,
                           css_classes=["np-output"])
        columns = _wrapping(self.guide, data, features, network, output, self.inside,
                            stylesheets=[column_order(self.embedding.embedded), asset("lesson_column.css")])
        return pn.Column(*bars, self.link_notice, self.divergence_notice, columns, self.share,
                         css_classes=["np-app"], stylesheets=[asset("palette.css")])


def _wrapping(*objects, **options) -> pn.Row:
    """A row that wraps onto the next line where the screen is too narrow for it (tablets).

    Not ``pn.FlexBox``: it sanitises its text with nh3, which the site does not ship.
    """
    return pn.Row(*objects, styles={"flex-wrap": "wrap"}, **options)


def _heading(words: Words, column: str) -> pn.pane.HTML:
    return pn.pane.HTML(words.follow(lambda: f"<h2 class='np-heading'>{words.text(f'headings.{column}')}</h2>"),
                        margin=(0, 10))


def _link_notice(words: Words, problems: list[Message]) -> str:
    """One line for each problem of the link, in the interface's language, as plain text: whoever
    wrote the link wrote its values, which must not become markup (a link to click, say)."""
    return "\n".join(words.text("messages.link_ignored", problem=problem.in_language(words.language))
                     for problem in problems)


def _metrics_html(words: Words, metrics) -> str:
    rows = [("output.test_loss", _loss(metrics.test_loss)), ("output.training_loss", _loss(metrics.train_loss))]
    if metrics.test_accuracy is not None:
        rows.append(("output.test_accuracy", _share(metrics.test_accuracy)))
    cells = "".join(
        f"<div class='np-metric'><span>{words.text(key)}</span> <b>{value}</b></div>" for key, value in rows
    )
    return f"<div class='np-metrics-row'>{cells}</div>"


def _loss(value: float) -> str:
    """Three decimals; a diverged loss is ∞, an undefined one (no test data) —."""
    if math.isnan(value):
        return "—"
    return "∞" if math.isinf(value) else f"{value:.3f}"


def _share(value: float) -> str:
    return f"{value:.1%}" if value == value else "—"


def create_app(link: str = "") -> pn.viewable.Viewable:
    """The whole app for the configuration a link (or fragment) describes."""
    setup, page_keys = split_page_keys(link)
    state, problems = decode(setup) if setup else (PlaygroundState(), [])
    if "seed" not in given_keys(setup):
        state.seed = random_seed()  # as TF: a link without a seed gets a fresh one, written into the address
    embedding, embed_problems = read_embedding(page_keys)
    app = PlaygroundApp(state, problems + embed_problems, browser_languages(), embedding)
    app.lessons.open_link(page_keys, given_keys(setup))
    app.write_address()  # the address now names the whole setup, as TF's does
    layout = app.layout()
    app.events.ready(app.address(), app.words.language, app.lessons.page_keys, embed=app.embedding.embedded)
    return layout


if pn.state.served:
    create_app(read_fragment()).servable(title="Neural Playground")
