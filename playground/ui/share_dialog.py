"""The Share / Embed dialog: the link of the current setup, and an iframe snippet built from a teacher's choices.

A dialog over the playground (training goes on behind it), closed by its Close button or
Escape. Its shell is made with the app, because Escape is wired once, when the Share
button is first pressed, to the Close button; its contents only when first opened, so
free play does without them. Copying runs in the page (``navigator.clipboard``), since
a browser lets only a click's own script write the clipboard; when it refuses, the text
is selected for Ctrl+C and the dialog says so. The preview is a second copy of the app,
so it loads only when asked and goes again when closed.
"""

import io
from html import escape

import panel as pn
import param

from playground.assets import asset
from playground.embed.snippet import (DEFAULT_HEIGHT, HEIGHT_LIMITS, EmbedChoices, embed_url, iframe_snippet,
                                      read_height, read_origins)
from playground.i18n import LANGUAGES, Message, text
from playground.lessons.tutor import Tutor
from playground.links import encode, points_in_link, with_page_keys
from playground.page.address import read_base
from playground.state import HIDABLE_CONTROLS, PlaygroundState
from playground.ui.controls import SELECT_WIDTH, shown
from playground.ui.notice import Notice
from playground.words import Words
from playground.yourdata import YOURS, point_code
from playground.yourdata.csv_export import points_csv

#: The teachers' page of each language, beside index.html in the site.
TEACHERS_PAGES = {"en": "teachers.html", "zh-CN": "teachers.zh-CN.html"}

def control_name(control: str, language: str) -> str:
    """A hidable control as the dialog lists it ("numNodes2" is "Neurons of layer 2 (+/−)")."""
    if control.startswith("numNodes"):
        return text("share.control.numNodes", language, layer=control.removeprefix("numNodes"))
    return text(f"share.control.{control}", language)


class CopyField(pn.viewable.Viewer):
    """A read-only text and its Copy button; the text is selected for Ctrl+C when the browser refuses."""

    text = param.String(default="")

    def __init__(self, words: Words, name_key: str, rows: int, css_class: str):
        super().__init__()
        self.name_key, self.rows = name_key, rows
        self._pane = pn.pane.HTML(words.follow(lambda value: self._html(words, value), self.param.text),
                                  stylesheets=[asset("share_dialog.css")], sizing_mode="stretch_width",
                                  css_classes=["np-share-field", css_class],
                                  margin=(4, 10))

    def __panel__(self) -> pn.viewable.Viewable:
        return self._pane

    def _html(self, words: Words, value: str) -> str:
        """The text, its button and what Copy said (hidden until it says it), drawn again with each new
        text or language."""
        notes = "".join(f"<p class='np-copy-note {kind}' hidden>{escape(words.text(key))}</p>"
                        for kind, key in (("np-copied", "share.copied"), ("np-refused", "share.copy_refused")))
        name = escape(words.text(self.name_key))  # for screen readers
        return (f"<div class='np-copy-field'><textarea readonly rows='{self.rows}' spellcheck='false' "
                f"aria-label='{name}'>"
                f"{escape(value)}</textarea><button type='button' class='np-copy' onclick=\"{escape(asset('copy_field.js'))}\">"
                f"{escape(words.text('share.copy'))}</button>{notes}</div>")


class ShareDialog(pn.viewable.Viewer):
    """The Share / Embed button, and the dialog it opens over the playground (the viewable: put it last
    in the app's layout)."""

    def __init__(self, state: PlaygroundState, words: Words, lessons: Tutor):
        super().__init__()
        self.state, self.words, self.lessons = state, words, lessons
        self.button = pn.widgets.Button(label=words("share.button"), width=130, align="end",
                                        css_classes=["np-share-button"], visible=shown(state, "shareButton"))
        self.close_button = pn.widgets.Button(label=words("share.close"), width=100, align="start",
                                              css_classes=["np-share-close"])
        self.button.on_click(lambda event: self.open())
        self.button.js_on_click(args={"close": self.close_button, "shown": self.close_button},
                                code=asset("escape_closes.js"))
        self.close_button.on_click(lambda event: self.close())
        title = _html(words.follow(lambda: f"<h2>{escape(words.text('share.title'))}</h2>"))
        self.body = pn.Column(sizing_mode="stretch_width")
        """The dialog's contents, made when first opened."""
        dialog = pn.Column(pn.Row(title, pn.layout.HSpacer(), self.close_button, sizing_mode="stretch_width"),
                           self.body, stylesheets=[asset("share_dialog.css")], css_classes=["np-share-dialog"])
        self.overlay = pn.Column(dialog, stylesheets=[asset("share_dialog.css")], css_classes=["np-share-overlay"],
                                 visible=False)
        """The dialog and the veil over the playground behind it."""
        self.height = DEFAULT_HEIGHT
        self.parents: tuple[str, ...] = ()
        self.problems: dict[str, Message] = {}
        """What is wrong with what was typed, by field; said in each new language."""
        self.built = False

    def __panel__(self) -> pn.viewable.Viewable:
        return self.overlay

    def open(self) -> None:
        if not self.built:
            self._build()
        self.refresh()
        self.overlay.visible = True

    def close(self) -> None:
        self.overlay.visible = False

    def _build(self) -> None:
        words = self.words
        self.link = CopyField(words, "share.link_heading", rows=2, css_class="np-share-link")
        self.snippet = CopyField(words, "share.snippet", rows=4, css_class="np-share-snippet")
        self._make_choices()
        self._make_preview()

        def say(key: str, tag: str = "p") -> pn.pane.HTML:
            return _html(words.follow(lambda: f"<{tag}>{escape(words.text(key))}</{tag}>"))

        teachers = _html(words.follow(lambda: f"<p><a href='{TEACHERS_PAGES[words.language]}' target='_blank' "
                                              f"rel='noopener' class='np-share-teachers'>"
                                              f"{escape(words.text('share.teachers'))}</a></p>"))
        self._make_points_note()
        self.body.objects = [
            say("share.link_heading", "h3"), say("share.link_about"), self.link, self.points_note, self.points_file,
            say("share.embed_heading", "h3"), say("share.embed_about"),
            say("share.hide", "h3"), self.hide,
            pn.Row(self.lesson, self.step, self.language, self.height_input, styles={"flex-wrap": "wrap"}),
            self.preset_note, self.parents_input, self.problem_notice,
            say("share.snippet", "h3"), self.snippet,
            pn.Row(self.preview_button, self.close_preview_button), say("share.preview_note"), self.preview,
            teachers,
        ]
        self.lessons.param.watch(lambda event: self.refresh(), "page_keys")
        words.param.watch(lambda event: self._say_problems(), "language")
        self.built = True

    def _make_choices(self) -> None:
        """The embed's choices, each redrawing the snippet; the lesson and step open here come first."""
        words, lessons = self.words, self.lessons.catalog.lessons
        self.hide = pn.widgets.CheckBoxGroup(
            options=words.follow(lambda: {control_name(c, words.language): c for c in HIDABLE_CONTROLS}),
            value=[], inline=True, sizing_mode="stretch_width", stylesheets=[asset("share_dialog.css")],
            css_classes=["np-share-hide"])
        self.lesson = pn.widgets.Select(
            label=words("share.lesson"), width=260, css_classes=["np-share-lesson"],
            options=words.follow(lambda: {words.text("share.no_lesson"): "",
                                          **{lesson.text(words.language).title: lesson.id for lesson in lessons}}),
            value=self.lessons.page_keys.get("lesson", ""))
        self.step = pn.widgets.Select(label=words("share.step"), width=260, css_classes=["np-share-step"],
                                      options=words.follow(self._steps, self.lesson.param.value),
                                      visible=pn.bind(bool, self.lesson.param.value))
        open_step = int(self.lessons.page_keys.get("step", 1))
        self.step.value = open_step if open_step in self.step.options.values() else 1
        self.language = pn.widgets.Select(
            label=words("share.language"), width=SELECT_WIDTH + 80, css_classes=["np-share-language"],
            options=words.follow(lambda: {words.text("share.readers_language"): "",
                                          **{name: tag for tag, name in LANGUAGES.items()}}),
            value=words.language)
        for widget in (self.hide, self.lesson, self.step, self.language):
            widget.param.watch(lambda event: self.refresh(), "value")
        low, high = HEIGHT_LIMITS
        self.height_input = pn.widgets.TextInput(label=words("share.height", low=low, high=high),
                                                 value=str(DEFAULT_HEIGHT), width=SELECT_WIDTH + 60,
                                                 css_classes=["np-share-height"])
        self.parents_input = pn.widgets.TextInput(label=words("share.parents"),
                                                  placeholder=words("share.parents_placeholder"),
                                                  sizing_mode="stretch_width", css_classes=["np-share-parents"])
        self.height_input.param.watch(lambda event: self._read("height", read_height, event.new), "value")
        self.parents_input.param.watch(lambda event: self._read("parents", read_origins, event.new), "value")
        self.problem_notice = Notice(alert_type="warning", visible=False, margin=(4, 10),
                                     css_classes=["np-share-problem"])
        self.preset_note = _html(words.follow(lambda: f"<p>{escape(words.text('share.lesson_from_preset'))}</p>"),
                                 visible=False)

    def _make_points_note(self) -> None:
        """What a link cannot carry: the student's points past point_code.LINK_POINTS, offered as a CSV."""
        words = self.words
        self.points_note = Notice(alert_type="warning", visible=False, margin=(4, 10), css_classes=["np-share-points"])
        self.points_file = pn.widgets.FileDownload(
            callback=lambda: io.StringIO(points_csv(self.state.yourData)), filename="your-data.csv",
            label=words("yourdata.download"), width=260, visible=False)

    def _show_points_note(self) -> None:
        left_out = self.state.active_dataset() == YOURS and not points_in_link(self.state)
        if left_out:
            self.points_note.object = self.words.text("yourdata.not_in_link", count=point_code.count(self.state.yourData),
                                                      most=point_code.LINK_POINTS)
        self.points_note.visible = self.points_file.visible = left_out

    def _make_preview(self) -> None:
        words = self.words
        self.preview_button = pn.widgets.Button(label=words("share.show_preview"), width=160,
                                                css_classes=["np-share-preview"])
        self.close_preview_button = pn.widgets.Button(label=words("share.close_preview"), width=160, visible=False,
                                                      css_classes=["np-share-close-preview"])
        self.preview = pn.pane.HTML("", sizing_mode="stretch_width", visible=False, margin=(4, 10),
                                    css_classes=["np-share-preview-frame"])
        self.preview_button.on_click(lambda event: self.show_preview())
        self.close_preview_button.on_click(lambda event: self.close_preview())

    def refresh(self) -> None:
        """The link and the snippet as the playground and the choices are now (only while the dialog is made)."""
        if not self.built:
            return
        base = read_base()
        self.link.text = f"{base}#{with_page_keys(encode(self.state), self.lessons.page_keys)}"
        self._show_points_note()
        self.snippet.text = self.embed_snippet(base)
        self.preset_note.visible = bool(self.lesson.value) and not self._keeps_setup()

    def embed_snippet(self, base: str) -> str:
        choices = self.choices()
        return iframe_snippet(embed_url(base, self.state, choices), self.height,
                              choices.language or self.words.language)

    def choices(self) -> EmbedChoices:
        return EmbedChoices(hidden=tuple(self.hide.value), lesson=self.lesson.value,
                            step=self.step.value if self.lesson.value else 1, language=self.language.value,
                            parents=self.parents, keep_setup=self._keeps_setup())

    def show_preview(self) -> None:
        """Load the snippet as it is now into the dialog (again, after a change: the button says Update)."""
        self.preview.param.update(object=self.embed_snippet(read_base()), height=self.height + 8)  # its own size
        self.preview.visible = self.close_preview_button.visible = True
        self.preview_button.label = self.words("share.update_preview")

    def close_preview(self) -> None:
        """Unload the preview's copy of the app."""
        self.preview.object = ""
        self.preview.visible = self.close_preview_button.visible = False
        self.preview_button.label = self.words("share.show_preview")

    def _keeps_setup(self) -> bool:
        """The embed carries the playground's setup unless it opens another lesson than the one open here,
        which then starts from its own preset (a setting in the link would override it)."""
        return self.lesson.value in ("", self.lessons.page_keys.get("lesson"))

    def _steps(self, lesson_id: str) -> dict[str, int]:
        lesson = self.lessons.catalog.get(lesson_id)
        if lesson is None:
            return {"1": 1}
        titles = lesson.text(self.words.language).steps
        return {text("share.step_option", self.words.language, k=k, title=step.title): k
                for k, step in enumerate(titles, start=1)}

    def _read(self, field: str, reader, typed: str) -> None:
        """Take a typed height or origin list if it is one; else say why and keep the previous value."""
        try:
            setattr(self, field, reader(typed))
            self.problems.pop(field, None)
        except ValueError as problem:
            self.problems[field] = problem.args[0]
        self._say_problems()
        self.refresh()

    def _say_problems(self) -> None:
        if self.built:
            language = self.words.language
            said = (problem.in_language(language) for problem in self.problems.values())
            self.problem_notice.object = "\n\n".join(said)
            self.problem_notice.visible = bool(self.problems)


def _html(content, **params) -> pn.pane.HTML:
    return pn.pane.HTML(content, stylesheets=[asset("share_dialog.css")], css_classes=["np-share-text"],
                        sizing_mode="stretch_width", margin=(0, 10), **params)
