"""The site's Panel patch renders plain tooltips without markdown-it, exactly as markdown-it would."""
from __future__ import annotations

import tomllib

import pytest
from panel.pane.markup import Markdown

from playground.i18n import LANGUAGES
from sitebuild.plain_markdown import plain_paragraph
from tests.helpers import ROOT

MARKDOWN_IT = Markdown._get_parser("markdown-it", (), Markdown.hard_line_break)
"""The parser Panel gives a widget's description."""


def locale_strings() -> list[str]:
    def strings(table):
        for value in table.values():
            yield from strings(value) if isinstance(value, dict) else [value] if isinstance(value, str) else []
    return [text for language in LANGUAGES
            for text in strings(tomllib.loads((ROOT / "playground" / "locales" / f"{language}.toml").read_text()))]


def test_every_interface_text_it_takes_as_plain_renders_as_markdown_it_renders_it():
    plain = [text for text in locale_strings() if plain_paragraph(text) is not None]
    assert len(plain) > 500  # most of the interface's words: the patch is not a no-op
    assert [text for text in plain if plain_paragraph(text) != MARKDOWN_IT.render(text)] == []


@pytest.mark.parametrize("text", [
    "see **this**", "an _emphasis_", "a `code`", "[a link](https://x.org)", "visit example.com today",
    "mail me@example.org", "https://x.org", "- a list", "1. a list", "# a heading", "> a quote", "a &amp; b",
    "a <b>tag</b>", "two\nlines", " padded ", "say \"hi\"", "~~gone~~", "a | table", "line\\", "",
])
def test_text_with_anything_markdown_could_read_goes_to_markdown_it(text):
    assert plain_paragraph(text) is None


@pytest.mark.parametrize("text", ["How big a step each update takes.", "Training pauses at this epoch; 0 = never.",
                                  "每次更新迈出的步子有多大。", "TF Playground's (x1, x2) 50%"])
def test_plain_sentences_are_one_paragraph(text):
    assert plain_paragraph(text) == MARKDOWN_IT.render(text) == f"<p>{text}</p>\n"
