"""The embed link and the iframe snippet the Share / Embed dialog hands to a teacher.

Pure (no Panel), so what a course page will receive can be checked without a browser.
The link is the site's address and a fragment in the keys of the embedding contract: the
setup as ``links.encode`` writes it (hidden controls included, in whichever form it writes
them), then the page keys ``lesson``, ``step``, ``embed=1`` and ``parent``.
"""

from copy import copy
from dataclasses import dataclass
from html import escape

from playground.i18n import Message, text
from playground.links import STATE_KEYS, encode, origin_of, with_page_keys
from playground.state import PlaygroundState

DEFAULT_HEIGHT = 720
HEIGHT_LIMITS = (300, 2000)
"""Pixels: below 300 nothing fits; above 2000 it is taller than any screen."""
MAX_WIDTH = 1200
"""The compact layout's widest; the snippet caps the iframe there so a wide page gets no empty band."""


@dataclass(frozen=True)
class EmbedChoices:
    """What the teacher chose for an embed."""

    hidden: tuple[str, ...] = ()
    """Controls to hide (names of ``state.HIDABLE_CONTROLS``)."""
    lesson: str = ""
    """A lesson's id, or '' for none."""
    step: int = 1
    """The lesson's step to open at, counted from 1."""
    language: str = ""
    """A language tag, or '' to follow each reader's browser."""
    parents: tuple[str, ...] = ()
    """Origins of host pages allowed to send commands (``read_origins``)."""
    keep_setup: bool = True
    """Carry the playground's setup; False lets the lesson start from its own preset."""


def embed_fragment(state: PlaygroundState, choices: EmbedChoices) -> str:
    """The fragment (without '#') that opens ``state`` embedded as ``choices`` say."""
    shown = PlaygroundState(**{key: copy(getattr(state, key)) for key in STATE_KEYS if key != "lang"},
                            hidden=list(choices.hidden), lang=choices.language)
    pieces = encode(shown).split("&")
    if not choices.keep_setup:  # a setup key in the link would override the lesson's preset
        pieces = [piece for piece in pieces if piece.partition("=")[0] not in STATE_KEYS or piece.startswith("lang=")]
    page = {"lesson": choices.lesson, "step": str(choices.step)} if choices.lesson else {}
    page["embed"] = "1"
    if choices.parents:
        page["parent"] = ",".join(choices.parents)
    return with_page_keys("&".join(piece for piece in pieces if piece), page)


def embed_url(base: str, state: PlaygroundState, choices: EmbedChoices) -> str:
    """The address a course page's iframe opens: ``base`` (the site, without fragment) and the fragment."""
    return f"{base.split('#')[0]}#{embed_fragment(state, choices)}"


def iframe_snippet(url: str, height: int, language: str) -> str:
    """The HTML a teacher pastes into a course page, as the embedding contract shows it."""
    title = text("page.title", language)
    return (f'<iframe src="{escape(url)}" title="{escape(title)}" width="100%" height="{int(height)}"\n'
            f'        style="border:0; max-width:{MAX_WIDTH}px" allow="fullscreen" loading="lazy"></iframe>')


def read_height(typed: str) -> int:
    """A height in pixels as typed, or ValueError with a ``Message`` saying what is wrong."""
    words = typed.strip().removesuffix("px").strip()
    low, high = HEIGHT_LIMITS
    if not (words.isascii() and words.isdigit()):
        raise ValueError(Message("share.height_not_a_number", typed=typed.strip(), low=low, high=high))
    if not low <= int(words) <= high:
        raise ValueError(Message("share.height_out_of_range", typed=typed.strip(), low=low, high=high))
    return int(words)


def read_origins(typed: str) -> tuple[str, ...]:
    """Origins (``scheme://host[:port]``) separated by commas, spaces or lines, each as the browser
    writes it (``links.origin_of``), or ValueError with a ``Message`` naming the first that is not one."""
    origins: list[str] = []
    for item in typed.replace(",", " ").split():
        origin = origin_of(item)
        if origin is None:
            raise ValueError(Message("share.bad_origin", origin=item))
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)
