"""The browser's languages, and the page's own words in the language the app speaks.

In a browser page (Pyodide) the languages are ``navigator.languages``, and the
page's text outside the app (header, loading and error screens) is relabelled by
``window.playground.words`` (index.html), which also sets ``<html lang>``. Under
``panel serve`` the languages come from the request's Accept-Language.
"""

import panel as pn

from playground.page.browser import page_object, page_window


def browser_languages() -> list[str]:
    """Language tags the visitor prefers, most preferred first."""
    window = page_window()
    if window is not None:
        return [str(tag) for tag in window.navigator.languages]
    header = (pn.state.headers or {}).get("Accept-Language", "")
    return [part.split(";")[0].strip() for part in header.split(",") if part.strip()]


def show_page_language(language: str) -> None:
    """Relabel the page around the app in ``language`` (a tag of ``i18n.LANGUAGES``)."""
    words = getattr(page_object(), "words", None)
    if words is not None:
        words.use(language)
