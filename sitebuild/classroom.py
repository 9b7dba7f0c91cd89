"""`python build.py serve --lan`: serve the room from the teacher's laptop.

The server listens on every interface. The terminal names each address the laptop has on
its networks and which one the QR code holds, prints that code, the projector's page
(/join, sitebuild/join_page.py) and what to do when students cannot connect; then one line
for each device that arrives, none for each request.
"""
from __future__ import annotations

import sys
from http.server import ThreadingHTTPServer
from pathlib import Path

from playground import i18n

from . import join_page, lan, serve

EVERY_INTERFACE = "0.0.0.0"
HELP = ("join.help_network", "join.help_isolation", "join.help_firewall")


def room_server(dist: Path, port: int, address: str | None = None,
                host: str = EVERY_INTERFACE) -> tuple[ThreadingHTTPServer, str]:
    """A server for DIST that the room can reach (not serving yet), with its /join page, and what
    the terminal says. Students are sent to ADDRESS, else to the laptop's first LAN address.
    (Tests give HOST 127.0.0.1: their traffic stays on this machine.)"""
    found = lan.addresses()
    address = address or (found[0] if found else "127.0.0.1")
    server = serve.make_server(dist, port, host=host, on_new_device=_arrived)
    port = server.server_address[1]
    others = [other for other in found if other != address]
    server.pages["/join"] = serve.page(join_page.render(address, others, port))
    return server, announcement(address, found, port)


def announcement(address: str, found: list[str], port: int) -> str:
    """What the teacher reads: the laptop's addresses, the one students are sent to (ADDRESS) and
    its code, the projector's page, and what to do when students cannot connect."""
    if not found:
        addresses = "No network address found: is this laptop on the classroom's network?"
    else:
        addresses = f"This laptop's address{'es' if len(found) > 1 else ''} on its networks: {', '.join(found)}"
    others = [other for other in found if other != address]
    choice = f"; to send them to another: --address {others[0]}" if others else ""
    url = join_page.student_url(address, port)
    english = i18n.DEFAULT_LANGUAGE
    help_lines = [i18n.text(key, english, port=port) for key in (*HELP, join_page.firewall_help())]
    return "\n".join([
        addresses,
        f"Students open  {url}  (the code below holds it{choice})",
        "",
        terminal_code(url),
        "",
        f"For the projector: http://127.0.0.1:{port}/join (the address and its code, large, in English and Chinese)",
        "",
        i18n.text("join.help_title", english),
        *(f"  - {line}" for line in help_lines),
        "",
        "Ctrl+C stops the server. Each device is named once, as it arrives:",
    ])


def terminal_code(url: str) -> str:
    """URL's QR code in half blocks, two modules a character, black on white whatever the
    terminal's colours (segno's compact code draws only the light modules: right on a dark
    terminal, inverted on a light one, which many phones do not read)."""
    if sys.platform == "win32":
        _colour_codes_on()
    rows = [list(row) for row in join_page.qr_code(url).matrix_iter(scale=1, border=4)]
    rows.append([0] * len(rows[0]))  # light: the lower half of an odd last row
    ink = {1: "30", 0: "97"}  # foreground, the upper module: black or bright white
    paper = {1: "40", 0: "107"}  # background, the lower module
    return "\n".join("".join(f"\x1b[{ink[top]};{paper[bottom]}m\u2580" for top, bottom in zip(upper, lower))
                     + "\x1b[0m" for upper, lower in zip(rows[::2], rows[1::2]))


def _colour_codes_on() -> None:
    """Windows 10's console shows colour codes only once asked to (Windows Terminal always does)."""
    import ctypes

    console = ctypes.windll.kernel32
    stdout, mode = console.GetStdHandle(-11), ctypes.c_uint32()
    if console.GetConsoleMode(stdout, ctypes.byref(mode)):
        console.SetConsoleMode(stdout, mode.value | 0x0004)  # ENABLE_VIRTUAL_TERMINAL_PROCESSING


def _arrived(address: str, count: int) -> None:
    print(f"  device {count}: {address}", flush=True)
