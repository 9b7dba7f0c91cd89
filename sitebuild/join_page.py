"""The classroom's page for the projector (/join): the site's address as a big QR code and in
large type, what students do in every language at once, and the teacher's help if nobody gets in.

The server makes it when it starts (only it knows the laptop's address), from site/join.html
and the catalogs' ``join`` section (playground/locales/), as the build makes index.html.
"""
from __future__ import annotations

import html
import platform
import re

import segno

from .page import SITE_DIR, with_words

TEMPLATE = SITE_DIR / "join.html"
#: The firewall's own words for each system (platform.system()); any other is told Linux's.
FIREWALL_HELP = {"Windows": "join.firewall_windows", "Darwin": "join.firewall_macos"}


def student_url(address: str, port: int) -> str:
    """The site's address for the room's devices: this laptop's ADDRESS on their network."""
    return f"http://{address}:{port}/"


def qr_code(url: str) -> segno.QRCode:
    """The QR code of URL that the page and the terminal show (never a Micro QR: phones miss those)."""
    return segno.make(url, micro=False)


def firewall_help(system: str = platform.system()) -> str:
    """The catalog key saying how this system's firewall lets students in."""
    return FIREWALL_HELP.get(system, "join.firewall_linux")


def render(address: str, others: list[str], port: int) -> str:
    """The page sending students to ADDRESS:PORT, naming OTHERS (this laptop's other addresses)
    as a second try, with the firewall's help."""
    url = student_url(address, port)
    shown = f"{address}:{port}"  # what a student types: browsers add http:// themselves
    fields = {
        "address": html.escape(shown),
        "characters": str(len(shown)),
        "qr_svg": qr_code(url).svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", title=url),
        "others_hidden": "" if others else "hidden",
        "firewall": firewall_help(),
    }
    page = re.sub(r"\{\{ (\w+) \}\}", lambda field: fields[field.group(1)], TEMPLATE.read_text(encoding="utf-8"))
    return with_words(page, port=port, addresses=", ".join(f"{other}:{port}" for other in others))
