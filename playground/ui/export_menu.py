"""The Export menu: the playground's work out as files the browser saves, and a saved network back in.

Its entries are made when it first opens, and only then is ``playground.export`` imported: the page's
start (issue 12) imports and builds nothing for a menu that may never open. Each file is the export's
text (``playground.export``), named after the setup and the epoch. The two pictures are drawn by
BokehJS from the plots it shows (playground/assets/save_picture.js), so Python only names them. Escape
closes the open menu (playground/assets/escape_closes.js). A saved network is refused when it would
change a setting the page keeps fixed (a lesson's locked or hidden controls).
"""

import io
import json

import panel as pn

from playground.assets import asset
from playground.i18n import Message
from playground.locked_settings import changed_fixed
from playground.session import Session
from playground.ui.controls import shown
from playground.ui.file_picker import FilePicker
from playground.ui.notice import Notice
from playground.ui.share_dialog import control_name
from playground.words import Words

FILES = ("script", "notebook", "weights", "data", "losses")
"""The exports saved as text, in the menu's order (``playground.export``'s formats)."""
PICTURES = ("output", "playground")
"""The pictures: the output map, and the whole playground (network, loss curve and output map)."""


class Download(pn.widgets.FileDownload):
    """A FileDownload whose callback may return None: there is nothing to save, and the menu said why."""

    def _sync_data(self, fileobj):
        if fileobj is not None:
            super()._sync_data(fileobj)


class ExportMenu(pn.viewable.Viewer):
    """The Export button and the menu it opens below itself (the viewable: both, for the app's top bar).

    ``plots``: the panes of the network diagram, the loss chart and the output map, by the names
    save_picture.js knows them by (``network``, ``losses``, ``output``).
    """

    def __init__(self, session: Session, words: Words, plots: dict[str, pn.viewable.Viewable]):
        super().__init__()
        self.session, self.words, self.plots = session, words, plots
        self.button = pn.widgets.Button(label=words.follow(lambda: f"{words.text('export.button')} ▾"), width=90,
                                        align="end", css_classes=["np-export-button"])
        self.button.on_click(lambda event: self.toggle())
        self.menu = pn.Column(visible=False, width=250, css_classes=["np-export-menu"],
                              stylesheets=[asset("export_menu.css")])
        """The entries, made when first opened."""
        self.button.js_on_click(args={"close": self.button, "shown": self.menu}, code=asset("escape_closes.js"))
        self._layout = pn.Column(self.button, self.menu, align="end", css_classes=["np-export"],
                                 stylesheets=[asset("export_menu.css")], visible=shown(session.state, "exportMenu"))

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def toggle(self) -> None:
        if not self.menu.objects:
            self._build()
        self.notice.visible = False
        self.menu.visible = not self.menu.visible

    def _build(self) -> None:
        words = self.words
        self.notice = Notice(alert_type="warning", visible=False, margin=(4, 5), css_classes=["np-export-notice"])
        self.picture_request = pn.widgets.TextInput(visible=False)
        """What save_picture.js is asked to draw and save, as JSON; each request is new, a click again too."""
        self.picture_request.jscallback(value=asset("save_picture.js"),
                                        args={name: pane for name, pane in self.plots.items()})
        self.loader = FilePicker(label=words("export.load"), accept=".json,application/json",
                                 sizing_mode="stretch_width", css_classes=["np-export-load"])
        self.loader.param.watch(lambda event: self.load(event.new), "value")
        self.menu.objects = [
            *(self._download(format) for format in FILES),
            *(self._picture_button(picture) for picture in PICTURES),
            self.loader, self.notice, self.picture_request,
        ]

    def _download(self, format: str) -> Download:
        download = Download(label=self.words(f"export.{format}"), sizing_mode="stretch_width",
                            css_classes=[f"np-export-{format}"])

        def saved() -> io.StringIO | None:
            made = self.file(format)
            if made is None:
                return None
            download.filename, text = made
            return io.StringIO(text)

        download.callback = saved
        return download

    def _picture_button(self, picture: str) -> pn.widgets.Button:
        button = pn.widgets.Button(label=self.words(f"export.{picture}"),
                                   sizing_mode="stretch_width", css_classes=[f"np-export-{picture}"])
        button.on_click(lambda event: self.save_picture(picture))
        return button

    def file(self, format: str) -> tuple[str, str] | None:
        """The name and text of the file of ``format`` for the trainer as it is now; None, and a notice
        saying why, when it cannot be made (a diverged network has no weights to save)."""
        from playground.export import export, file_name

        trainer = self.session.trainer
        try:
            text = export(trainer, format)
        except ValueError as problem:
            self._say("export.not_exported", problem)
            return None
        self.notice.visible = False
        return file_name(trainer, format), text

    def save_picture(self, picture: str) -> None:
        """Ask the browser to draw ``picture`` and save it, named after the setup and the epoch."""
        from playground.export import file_name

        asked = json.loads(self.picture_request.value or '{"count": 0}')
        self.picture_request.value = json.dumps({"picture": picture, "count": asked["count"] + 1,
                                                 "name": file_name(self.session.trainer, picture)})

    def load(self, content: bytes | None) -> None:
        """Go on from the saved network in ``content`` (a weights file); a file that is not one, or one
        that would change a setting the page keeps fixed, changes nothing and the notice says why."""
        from playground.export import load_weights

        if content is None:
            return
        try:
            trainer = load_weights(content.decode("utf-8"))
        except UnicodeDecodeError:
            self._say("export.not_loaded", Message("yourdata.not_text"))
            return
        except ValueError as problem:
            self._say("export.not_loaded", problem)
            return
        fixed = changed_fixed(self.session.state, trainer.state())
        if fixed:
            names = ", ".join(control_name(control, self.words.language) for control in fixed)
            self._say("export.not_loaded", Message("export.locked", controls=names))
            return
        self.session.adopt(trainer)
        self.notice.visible = self.menu.visible = False

    def _say(self, key: str, problem: Exception | Message) -> None:
        """Show ``key``'s words with the problem: in the page's language when it is a ``Message``."""
        reason = problem.args[0] if isinstance(problem, Exception) and problem.args else problem
        said = reason.in_language(self.words.language) if isinstance(reason, Message) else str(problem)
        self.notice.object = self.words.text(key, problem=said)
        self.notice.visible = True
