"""The whole interface speaks the chosen language, and a new language relabels it in place.

The texts are read from the Bokeh models the app renders (what a page shows:
labels, menu entries, tooltips, hover names, axis titles, names for screen
readers), so a string that bypasses the catalogs is found wherever it hides.
"""

import html
import re

import panel as pn
import pytest
from bokeh.models import Axis, Glyph, Select

from playground.app import DIVERGENCE_REASONS, PlaygroundApp
from playground.i18n import LANGUAGES, catalog
from playground.links import STATE_KEYS, decode, encode

TEXT_PROPERTIES = ("label", "labels", "title", "text", "html", "axis_label", "options", "tooltips",
                   "html_attributes", "placeholder")
#: Words Chinese teachers use as they are: activations' and optimizers' names, feature names
#: (X₁, sin), the original's name, each language's own name (the switch), a link's own
#: keys and values (quoted in its problems), the lessons' formulas (w₁·X₁ + b, max(0, …), XOR), and the
#: share dialog's names of course platforms and keys (Ctrl+C, iframe) and its example of an address, and the
#: Export menu's file types (Python, .csv).
KEPT_AS_THEY_ARE = {"ReLU", "Tanh", "Sigmoid", "Leaky", "ELU", "Softplus", "Softmax", "SGD", "Adam", "L1", "L2",
                    "X", "sin", "cos", "TensorFlow", "Playground", *LANGUAGES.values(), "true", "false", *STATE_KEYS,
                    "w", "b", "max", "XOR", "HTML", "iframe", "Moodle", "Canvas", "Google", "Jupyter", "Book",
                    "Ctrl", "C", "Mac", "https", "school", "example", "Python", "py", "ipynb", "json", "csv", "png",
                    "CSV", "PCA"}
#: A read-only field shows a link or HTML to copy (the share dialog's): code, not words.
READ_ONLY_FIELD = re.compile(r"<textarea readonly[^>]*>.*?</textarea>", re.DOTALL)
NUMBER = re.compile(r"(?<![A-Za-z])[-+]?\d[\d,]*(\.\d+)?(e[-+]?\d+)?%?")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Problems whose quoted parts are all keys and numbers, in a link that asks for Chinese.
CHINESE_LINK = "#lang=zh-CN&stopAtEpoch=1.5&learningrate=0.1&batchSize=99&problem=regression&activation=relu" \
               "&learningRate=10&networkShape=8,8,8&noise=50"


def shown_texts(root) -> set[str]:
    """Every text a rendered app (its root Bokeh model) holds, hidden parts too, with HTML tags stripped."""
    found = set()
    for model in root.references():
        if isinstance(model, Glyph) or isinstance(model, Axis) and not model.visible:
            continue  # a glyph's "text" names a data column; the diagram's axes are never drawn
        for name in TEXT_PROPERTIES:
            if name in model.properties():
                found.update(_strings(name, getattr(model, name)))
    return {text for text in (re.sub(r"<[^>]*>", " ", READ_ONLY_FIELD.sub(" ", html.unescape(t))).strip()
                              for t in found) if text}


def _strings(name: str, value):
    if isinstance(value, str):
        yield value
    elif name == "html_attributes":
        yield value.get("aria-label", "")
    elif isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, str):
                yield item
            elif isinstance(item, tuple):  # (value, label) menu entries, (name, field) hover lines
                yield item[1] if name == "options" else item[0]


def everything_shown(link: str) -> PlaygroundApp:
    """An app with its link's problems, a diverged network, a pinned neuron, the editor open, the Export
    menu open, and the share dialog open with a lesson chosen, the preview loaded and a bad height and
    origin typed."""
    state, problems = decode(link)
    app = PlaygroundApp(state, problems)
    app.session.trainer.step(200)
    app.tapped_neuron({"feature": "", "layer": 1, "neuron": 0})
    app.editor.edit_weight({"layer": 0, "source": 0, "target": 0})
    app.redraw()
    app.exports.toggle()
    share = app.share
    share.open()
    share.lesson.value = share.lessons.catalog.lessons[-1].id
    share.height_input.value = "5000"
    share.parents_input.value = "school.example/1"
    share.show_preview()
    return app


def test_every_text_of_the_chinese_interface_is_chinese():
    app = everything_shown(CHINESE_LINK)
    assert app.session.trainer.divergence and app.link_notice.visible and app.focus_note.object
    assert untranslated(shown_texts(app.layout().get_root())) == []


def test_the_english_interface_has_no_chinese():
    texts = shown_texts(everything_shown(CHINESE_LINK.replace("lang=zh-CN", "lang=en")).layout().get_root())
    assert [text for text in texts if re.search(r"[\u4e00-\u9fff]", text)] == ["简体中文"]  # the switch's entry


def test_every_reason_for_a_divergence_is_in_the_catalogs():
    assert all(key in catalog("en") for key in DIVERGENCE_REASONS.values())


@pytest.mark.parametrize("preferred, language", [(["zh-CN", "en"], "zh-CN"), (["fr", "en-GB"], "en"), ([], "en")])
def test_without_lang_the_app_speaks_the_browsers_language(preferred, language):
    app = PlaygroundApp(decode("#noise=10")[0], preferred_languages=preferred)
    assert app.words.language == language


def test_a_new_language_relabels_the_same_widgets_and_training_goes_on():
    app = PlaygroundApp(decode("#networkShape=3")[0])
    layout = app.layout()
    root = layout.get_root()
    menus = {model.title: model for model in root.select({"type": Select})}
    trainer = app.session.trainer
    trainer.step(5)

    (switch,) = [widget for widget in layout.select(pn.widgets.Select) if "简体中文" in widget.options]
    switch.value = "zh-CN"

    assert app.session.trainer is trainer and trainer.epoch == 5
    assert menus["Learning rate"].title == "学习率" and menus["Activation"].title == "激活函数"
    assert ("tanh", "Tanh") in menus["Activation"].options and ("linear", "线性") in menus["Activation"].options
    assert "周期" in app.epoch.object and "000,005" in app.epoch.object
    assert "lang=zh-CN" in encode(app.session.state)
    assert not shown_texts(root) & {"Learning rate", "Step ▸", "Data", "Test loss", "Weight", "loss"}

    app.session.state.lang = "en"  # e.g. a lesson's own language
    assert switch.value == "en" and menus["Learning rate"].title == "Learning rate"


def untranslated(texts: set[str]) -> list[str]:
    """Texts with an English catalog text or a word that is not kept as it is."""
    english = {text for key, text in catalog("en").items() if "{" not in text} - set(catalog("zh-CN").values())
    kept = {word.lower() for word in KEPT_AS_THEY_ARE}
    return sorted(texts & english | {text for text in texts
                                     if {word.lower() for word in WORD.findall(NUMBER.sub(" ", text))} - kept})


def test_every_lesson_step_and_the_lesson_list_are_chinese_in_chinese():
    app = PlaygroundApp(decode("#lang=zh-CN")[0])
    root = app.layout().get_root()
    tutor, guide = app.lessons, app.guide
    tutor.toggle_picker()
    texts = shown_texts(root)
    for lesson in tutor.catalog.lessons:
        tutor.open(lesson, step=0)
        for index in range(len(lesson.steps)):
            tutor.progress.go_to(index)
            guide.lesson_panel.show_step(tutor.progress)
            for _ in lesson.text("zh-CN").steps[index].hints:
                guide.lesson_panel.show_hint()
            guide.lesson_panel.show_answer()
            tutor.check_goal()
            texts |= shown_texts(root)
    first = tutor.catalog.lessons[0]
    tutor.open(first, step=1)
    app.session.trainer.step(first.steps[1].answer.train)
    tutor.check_goal()  # the goal reached
    texts |= shown_texts(root)
    assert any("目标已达成" in text for text in texts)
    assert untranslated(texts) == []


def test_your_data_speaks_chinese():
    app = PlaygroundApp(decode("#lang=zh-CN&dataset=yours")[0])
    root = app.layout().get_root()
    app.your_data.take_file(b"x,y,label\n0,0,1\n9,1,-1\n")
    texts = shown_texts(root) | {app.your_data.notice.object}
    assert "你的数据" in texts
    assert untranslated(texts) == []
