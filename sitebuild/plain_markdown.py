"""markdown-it's HTML for a sentence without Markdown, made without markdown-it.

Panel renders every widget's description (its tooltip) with markdown-it, so a page with
tooltips imports markdown-it and its plugins at start: 81 modules, ~0.2 s of a first
visit, for a dozen plain sentences. A patch (sitebuild/patches.py) puts the code below
into Panel's widgets/base.py: a description this recognises as plain text becomes the
same HTML at once; any other still goes to markdown-it. Tests check the two agree.
"""
import re

_MAYBE_MARKUP = re.compile(r"""[\\`*_\[\]<>!|~&#"@:]|\w\.\w|^[\s>+-]|^\d+[.)]|\s$|[\t\n\r]""")
"""Markdown's punctuation and entities; a dot inside a word (a domain linkify would link);
what opens a list, quote or heading; surrounding space; line breaks."""


def plain_paragraph(text: str) -> str | None:
    """``<p>TEXT</p>`` as markdown-it renders it, if TEXT holds nothing it could read as markup."""
    if not text or _MAYBE_MARKUP.search(text):
        return None
    return f"<p>{text}</p>\n"
