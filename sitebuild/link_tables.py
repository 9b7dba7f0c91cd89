"""The teachers' page's tables of a link's keys, hidable controls and lessons, made from the code.

Rows come from playground.links.STATE_KEYS, the PlaygroundState parameters' bounds and
choices, playground.state.HIDABLE_CONTROLS and the lessons in lessons/, so the page
cannot fall behind the app; the words come from the catalogs ([teachers] in
playground/locales/). A key or control without its catalog entry stops the build.
Only playground.state, links, i18n and lessons are imported: the build stays fast.
"""
from __future__ import annotations

import html
from pathlib import Path

import param

from playground import i18n
from playground.engine.features import FEATURES
from playground.lessons.catalog import load_catalog
from playground.links import HIDE_KEY, PAGE_KEYS, STATE_KEYS
from playground.links import format_value as link_value
from playground.state import (HIDABLE_CONTROLS, LEARNING_RATES, MAX_LAYERS, MAX_NEURONS,
                              REGULARIZATION_RATES, PlaygroundState)

#: Keys about the page rather than the playground's setup, in the order the page documents them.
PAGE_ONLY_KEYS = (HIDE_KEY, *PAGE_KEYS)
#: Settings whose menu offers a few of the values a link may hold.
MENUS = {"learningRate": LEARNING_RATES, "regularizationRate": REGULARIZATION_RATES}


def word(key: str, language: str, **values) -> str:
    """The catalog's text, escaped for HTML; a key English lacks stops the build, naming it."""
    if key not in i18n.catalog(i18n.DEFAULT_LANGUAGE):
        raise RuntimeError(f"playground/locales/en.toml has no {key!r}: the teachers' page needs it")
    return html.escape(i18n.text(key, language, **values), quote=False)


def _code(value) -> str:
    return f"<code>{html.escape(str(value))}</code>"


def _table(headings: list[str], rows: list[list[str]], language: str, kind: str) -> str:
    """A table whose cells carry their column's heading (data-label): a phone shows each row as a card."""
    labels = [word(heading, language) for heading in headings]
    head = "".join(f"<th>{label}</th>" for label in labels)
    body = "\n".join("<tr>" + "".join(f'<td data-label="{label}">{cell}</td>' for label, cell in zip(labels, row))
                     + "</tr>" for row in rows)
    return (f'<div class="table-scroll"><table class="reference {kind}">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody></table></div>")


def allowed_values(key: str, language: str) -> str:
    """What a link may give ``key``, from its parameter's kind, bounds and choices."""
    parameter = PlaygroundState.param[key]
    if key == "lang":
        return ", ".join(_code(tag) for tag in i18n.LANGUAGES)
    if isinstance(parameter, param.Boolean):
        return word("teachers.true_false", language)
    if isinstance(parameter, param.Selector):
        return ", ".join(_named_value(key, value, language) for value in parameter.objects)
    if isinstance(parameter, param.Number):
        return _number_values(key, parameter, language)
    if isinstance(parameter, param.List):
        return word("teachers.shape", language, layers=MAX_LAYERS, neurons=MAX_NEURONS)
    if parameter.regex and parameter.regex.startswith("^$|"):
        return word("teachers.empty_or_name", language)
    return word("teachers.name", language)


def _named_value(key: str, value: str, language: str) -> str:
    """``relu`` (ReLU): the value a link writes, and the menu's name for it where that differs."""
    name = i18n.value_name(key, value, language)
    return _code(value) + (f" ({html.escape(name)})" if name != value else "")


def _number_values(key: str, parameter: param.Number, language: str) -> str:
    low, high = (link_value(bound) for bound in parameter.bounds)
    if not parameter.inclusive_bounds[0]:
        values = word("teachers.above_at_most", language, low=low, high=high)
    elif isinstance(parameter, param.Integer):
        values = word("teachers.range", language, low=low, high=high)
    else:
        values = word("teachers.number_range", language, low=low, high=high)
    if key in MENUS:
        choices = ", ".join(link_value(choice) for choice in MENUS[key])
        return word("teachers.menu", language, values=values, choices=choices)
    soft_high = parameter.softbounds[1] if parameter.softbounds else None
    if soft_high is not None and soft_high < parameter.bounds[1]:
        return word("teachers.slider", language, values=values, high=soft_high)
    return values


def _default(key: str) -> str:
    value = link_value(PlaygroundState.param[key].default)
    return _code(value) if value != "" else "—"


def _meaning(key: str, language: str) -> str:
    """The setting's name as the app says it (goal.setting), then what it does."""
    return word("teachers.named", language, name=i18n.text(f"goal.setting.{key}", language),
                meaning=i18n.text(f"teachers.keys.{key}", language))


def state_keys_table(language: str) -> str:
    """Every state key a link may hold: its catalog name and meaning, its values, its default."""
    rows = [[_code(key), _meaning(key, language), allowed_values(key, language), _default(key)]
            for key in STATE_KEYS]
    return _table(["teachers.key", "teachers.meaning", "teachers.values", "teachers.default"], rows,
                  language, "state-keys")


def page_keys_table(language: str) -> str:
    """The keys about the page: hidden controls, the lesson and its step, embed mode, allowed parents."""
    rows = [[_code(key), word(f"teachers.keys.{key}", language), word(f"teachers.{key}_values", language)]
            for key in PAGE_ONLY_KEYS]
    return _table(["teachers.key", "teachers.meaning", "teachers.values"], rows, language, "page-keys")


def control_hides(control: str, language: str) -> str:
    """What hiding ``control`` hides, in the catalog's words."""
    if control.startswith("numNodes"):
        return word("teachers.controls.numNodes", language, layer=control.removeprefix("numNodes"))
    if control in FEATURES:
        return word("teachers.controls.feature", language, input=FEATURES[control].label)
    return word(f"teachers.controls.{control}", language)


def controls_table(language: str) -> str:
    """Every name hide= accepts, and what it hides."""
    rows = [[_code(control), control_hides(control, language)] for control in HIDABLE_CONTROLS]
    return _table(["teachers.control", "teachers.hides"], rows, language, "controls")


def lessons_table(language: str, lessons_dir: Path, playground: str) -> str:
    """The lessons this site ships, each linking to the playground with it open."""
    rows = []
    for lesson in load_catalog(lessons_dir).lessons:
        link = html.escape(f"{playground}#lesson={lesson.id}")
        rows.append([_code(lesson.id), f'<a href="{link}">{html.escape(lesson.text(language).title)}</a>',
                     word(f"lessons.level.{lesson.level}", language), str(len(lesson.steps))])
    return _table(["teachers.lesson", "teachers.title", "teachers.level", "teachers.steps"], rows,
                  language, "lessons")
