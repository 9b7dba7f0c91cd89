""""Your data": the tools to draw points on the output map, erase them, undo, clear and import a CSV.

Shown while the data set is the student's own (``yours``). Its widgets are made the first
time it is chosen, not at the page's start. Every change goes to ``state.yourData``, so the
session trains on (without a reset), the address follows, and a stroke's undo is the text
from before it. The map reports taps and drags (``DecisionBoundary.on_pointer``); everything
else is a button, a choice or a file input, so a keyboard can import what it cannot draw. Ctrl+Z
(⌘Z) presses Undo while Your data is chosen.
"""

import panel as pn

from ..engine.datasets import DOMAIN
from ..i18n import Message
from ..page.file_drop import listen_for_dropped_files
from ..page.keyboard import CTRL, bind_shortcuts
from ..state import PlaygroundState
from ..views.boundary import DecisionBoundary
from ..words import Words
from ..yourdata import MAX_POINTS, YOURS, point_code
from ..yourdata.csv_import import CsvError, read_csv
from ..yourdata.drawing import Strokes, with_point, without_points_near
from .accessibility import NamedFileInput
from .notice import Notice

WIDTH = 190


class YourData(pn.viewable.Viewer):
    """The drawing tools and the import, under the data sets while "Your data" is chosen."""

    def __init__(self, state: PlaygroundState, words: Words, boundary: DecisionBoundary):
        super().__init__()
        self.state, self.words, self.boundary = state, words, boundary
        self.strokes = Strokes()
        self._layout = pn.Column(width=WIDTH + 10, css_classes=["np-your-data"])
        state.param.watch(lambda *events: self._show(), ["dataset", "regDataset", "problem"])
        self._show()

    @property
    def active(self) -> bool:
        return self.state.active_dataset() == YOURS

    def _show(self) -> None:
        if self.active and not self._layout.objects:
            self._build()
        self._layout.visible = self.active

    def _build(self) -> None:
        words = self.words
        self.tool = pn.widgets.RadioButtonGroup(
            options=words.follow(lambda: {words.text("yourdata.draw"): "draw", words.text("yourdata.erase"): "erase"}),
            value="draw", name=words("yourdata.tool"), width=WIDTH, button_type="default")
        self.label = pn.widgets.RadioButtonGroup(
            options=words.follow(lambda: {words.text("yourdata.orange"): -1.0, words.text("yourdata.blue"): 1.0}),
            value=1.0, name=words("yourdata.class"), width=WIDTH, button_type="default",
            visible=pn.bind(lambda problem: problem == "classification", self.state.param.problem))
        self.value = pn.widgets.FloatSlider(
            name=words("yourdata.value"), start=-1, end=1, step=0.1, value=1.0, width=WIDTH,
            visible=pn.bind(lambda problem: problem == "regression", self.state.param.problem))
        self.undo_button = pn.widgets.Button(label=words("yourdata.undo"), description=words("yourdata.undo_help"),
                                             width=WIDTH // 2 - 5)
        self.clear_button = pn.widgets.Button(label=words("yourdata.clear"), description=words("yourdata.clear_help"),
                                              width=WIDTH // 2 - 5)
        self.undo_button.on_click(lambda event: self.undo())
        self.clear_button.on_click(lambda event: self.clear())
        self.file = NamedFileInput(words.text("yourdata.import"), accept=".csv,.txt,text/csv,text/plain", width=WIDTH,
                                   description=words("yourdata.import_help"))
        # Only the content: in the page the file's name comes after it (Bokeh sets them one by one).
        self.file.param.watch(lambda event: self.take_file(event.new), "value")
        self.count = pn.pane.HTML(words.follow(
            lambda text: words.text("yourdata.count", count=point_code.count(text)), self.state.param.yourData),
            css_classes=["np-your-data-count"], margin=(0, 10))
        self.notice = Notice(visible=False, alert_type="warning", margin=(5, 10))
        hint = pn.pane.HTML(words("yourdata.hint"), width=WIDTH, margin=(0, 10))
        import_label = pn.pane.HTML(words.follow(lambda: f"<b>{words.text('yourdata.import')}</b> "
                                                         f"{words.text('yourdata.drop')}"), margin=(5, 10, 0, 10))
        self._layout[:] = [hint, self.tool, self.label, self.value, pn.Row(self.undo_button, self.clear_button),
                           self.count, import_label, self.file, self.notice]
        self.boundary.on_pointer(self.pointer)
        listen_for_dropped_files(lambda content: self.active and self.take_file(content))
        bind_shortcuts({f"{CTRL}z": self.undo})

    def pointer(self, kind: str, x1: float | None, x2: float | None) -> None:
        """A tap draws (or erases) once; a drag from "start" through "move"s to "end" is one stroke."""
        if not self.active or kind == "end" or x1 is None or x2 is None or max(abs(x1), abs(x2)) > DOMAIN:
            return
        if kind in ("tap", "start"):
            self.strokes.begin(self.state.yourData)
        if not self.strokes.far_enough(x1, x2):
            return
        text = self.state.yourData
        if self.tool.value == "erase":
            text = without_points_near(text, x1, x2)
        elif point_code.count(text) >= MAX_POINTS:
            self._say(Message("yourdata.full", most=MAX_POINTS))
        else:
            label = self.label.value if self.state.problem == "classification" else self.value.value
            text = with_point(text, x1, x2, label)
        self.state.yourData = text

    def undo(self) -> None:
        """Take back the last stroke (or clear, or import), while Your data is chosen."""
        if not self.active:
            return
        before = self.strokes.undo()
        if before is not None:
            self.state.yourData = before

    def clear(self) -> None:
        if self.state.yourData:
            self.strokes.begin(self.state.yourData)
            self.state.yourData = ""

    def take_file(self, content: bytes | None) -> None:
        """Import a CSV: its points replace the drawn ones (undo brings them back); a bad file changes nothing."""
        if not content:
            return
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            self._say(Message("yourdata.refused", reason=Message("yourdata.not_text")))
            return
        try:
            imported = read_csv(text, self.state.problem)
        except CsvError as refused:
            self._say(Message("yourdata.refused", reason=refused.message))
            return
        self.strokes.begin(self.state.yourData)
        self.state.yourData = point_code.encode(imported.xy, imported.labels)
        self._say(Message("yourdata.imported", count=len(imported.xy)), *imported.notices,
                  alert_type="success")

    def _say(self, *messages: Message, alert_type: str = "warning") -> None:
        self.notice.param.update(object="\n".join(m.in_language(self.words.language) for m in messages),
                                 alert_type=alert_type, visible=True)

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout
