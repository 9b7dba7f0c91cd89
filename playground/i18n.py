"""The interface's words in English and Simplified Chinese.

Every visible string comes from a catalog in ``playground/locales/`` (one TOML
file per language, flat dotted keys), so a translator edits text, never code,
and a test can list what a language still lacks. A key missing from a
language falls back to English rather than showing the key.
"""

import tomllib
from functools import cache
from pathlib import Path

LANGUAGES = {"en": "English", "zh-CN": "简体中文"}
"""Language tags the interface speaks, with each one's own name for the switch."""
DEFAULT_LANGUAGE = "en"
LOCALES = Path(__file__).with_name("locales")


@cache
def catalog(language: str) -> dict[str, str]:
    """Every ``key = "text"`` of a language's file, keys flattened to ``section.key``."""
    with open(LOCALES / f"{language}.toml", "rb") as file:
        return _flatten(tomllib.load(file))


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat |= _flatten(value, f"{prefix}{key}.")
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def text(key: str, language: str, **values) -> str:
    """The text of ``key`` in ``language`` with ``{name}`` fields filled from ``values``."""
    template = catalog(language).get(key) if language in LANGUAGES else None
    if template is None:
        template = catalog(DEFAULT_LANGUAGE)[key]
    return template.format(**values) if values else template


#: Settings chosen from a menu, and the catalog section naming each value as the menu shows it.
VALUE_SECTIONS = {"activation": "activations", "dataset": "datasets", "regDataset": "datasets",
                  "problem": "problems", "regularization": "regularizations", "optimizer": "optimizers",
                  "loss": "losses"}


def value_name(key: str, value: str, language: str) -> str:
    """A menu setting's value as its menu says it ("circle" -> "Circle", 圆形); other values as they are."""
    section = VALUE_SECTIONS.get(key)
    return text(f"{section}.{value}", language) if section else str(value)


def choose_language(requested: str | None, preferred: list[str]) -> str:
    """The link's ``lang`` if we speak it, else the browser's first language we speak, else English.

    Matching is by primary tag too, so a browser asking for ``zh`` or ``zh-Hans-CN`` gets ``zh-CN``.
    """
    for tag in ([requested] if requested else []) + list(preferred):
        language = match(tag)
        if language:
            return language
    return DEFAULT_LANGUAGE


def match(tag: str) -> str | None:
    """The language we speak for a tag (``zh``, ``zh-Hans-CN`` → ``zh-CN``), or None."""
    tag = tag.strip().lower()
    for language in LANGUAGES:
        if tag == language.lower():
            return language
    primary = tag.split("-")[0]
    for language in LANGUAGES:
        if primary and language.lower().split("-")[0] == primary:
            return language
    return None


def missing(language: str) -> list[str]:
    """Keys English has that ``language`` lacks (or leaves empty): the translator's to-do list."""
    have = catalog(language)
    return [key for key in catalog(DEFAULT_LANGUAGE) if not have.get(key, "").strip()]


class Message(str):
    """A text made before its language is known: it reads as English and can be said again in any language.

    A link's problems are found while the link, its ``lang`` included, is still being read;
    the command line prints them as they are (English), the app in the interface's language.
    Fields may be messages themselves (a reason inside a warning) and are said in the same language.
    """

    def __new__(cls, key: str, **values):
        message = super().__new__(cls, _say(key, DEFAULT_LANGUAGE, values))
        message.key, message.values = key, values
        return message

    def in_language(self, language: str) -> str:
        return _say(self.key, language, self.values)


def _say(key: str, language: str, values: dict) -> str:
    said = {name: value.in_language(language) if isinstance(value, Message) else value
            for name, value in values.items()}
    return text(key, language, **said)
