"""The interface's languages: every English text translated, the right language picked."""

import pytest

from playground import i18n


@pytest.mark.parametrize("language", [tag for tag in i18n.LANGUAGES if tag != i18n.DEFAULT_LANGUAGE])
def test_every_english_text_has_a_translation(language):
    assert i18n.missing(language) == []


def test_translations_fill_the_same_fields_as_english():
    import string

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    english = i18n.catalog("en")
    for language in i18n.LANGUAGES:
        for key, text in i18n.catalog(language).items():
            assert key in english, f"{language} has {key}, which English lacks"
            assert fields(text) == fields(english[key]), f"{language} {key} fills other fields than English"


@pytest.mark.parametrize(
    ("requested", "preferred", "chosen"),
    [
        ("zh-CN", ["en-US"], "zh-CN"),      # the link wins over the browser
        (None, ["zh-Hans-CN", "en"], "zh-CN"),  # a browser's Chinese, by its primary tag
        (None, ["fr-FR", "en-GB"], "en"),   # the first language we speak
        ("fr", ["de"], "en"),               # nothing we speak: English
        ("EN", [], "en"),
    ],
)
def test_language_is_the_links_then_the_browsers_then_english(requested, preferred, chosen):
    assert i18n.choose_language(requested, preferred) == chosen


def test_a_key_missing_from_a_language_falls_back_to_english(monkeypatch):
    monkeypatch.setitem(i18n.catalog("en"), "test.only_english", "Hello {name}")
    assert i18n.text("test.only_english", "zh-CN", name="Ada") == "Hello Ada"


def test_a_message_reads_as_english_and_says_its_fields_in_the_same_language():
    reason = i18n.Message("links.not_a_number")
    message = i18n.Message("links.refused", pair="noise=a", reason=reason, kept=i18n.Message("links.kept", value=0))
    assert message == "noise=a: not a number; kept 0" and isinstance(message, str)
    assert message.in_language("zh-CN") == "noise=a：不是数字，保留 0"
