"""The interface's words in the language it speaks now, as references widgets follow.

Widgets and panes are given references (``words("controls.noise")``), not
strings, so a change of language relabels them in place: no widget is rebuilt,
no state is touched and training goes on. Texts redrawn anyway (each frame's
epoch and losses) read ``words.text`` when they are drawn.
"""

from collections.abc import Callable

import panel as pn
import param

from playground.i18n import DEFAULT_LANGUAGE, LANGUAGES, choose_language, text
from playground.state import PlaygroundState


class Words(param.Parameterized):
    """Texts of the catalogs in ``language``."""

    language = param.Selector(default=DEFAULT_LANGUAGE, objects=list(LANGUAGES))

    def text(self, key: str, **values) -> str:
        """The text of ``key`` now."""
        return text(key, self.language, **values)

    def counted(self, key: str, count: int) -> str:
        """``key`` for ``count`` things: ``key_one`` for one (English has "1 neuron" but "2 neurons")."""
        return self.text(f"{key}_one" if count == 1 else key, count=count)

    def __call__(self, key: str, **values):
        """The text of ``key``, as a reference that follows the language."""
        return self.follow(lambda: self.text(key, **values))

    def follow(self, make: Callable, *dependencies):
        """``make(*values of dependencies)`` as a reference, made again in each new language
        (and when a dependency, a parameter, changes)."""
        return pn.bind(lambda language, *values: make(*values), self.param.language, *dependencies)


def words_for(state: PlaygroundState, preferred: list[str]) -> Words:
    """Words in the link's language, else the first of ``preferred`` (the browser's) we speak;
    a new ``state.lang`` (the language switch) changes them."""
    words = Words(language=choose_language(state.lang, preferred))
    state.param.watch(lambda event: setattr(words, "language", choose_language(event.new, preferred)), "lang")
    return words
