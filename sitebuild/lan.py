"""This computer's addresses on the local network: where students' devices can reach it.

Found without the internet and without sending a packet. Connecting a UDP socket only asks
the system which of its addresses it would send from (its route), so a connect to a
documentation address (192.0.2.1: the default route) and to the private ranges' far ends
names the address of each network the computer is on; the host name's own addresses add
those of networks without a route (a laptop's hotspot, on Windows and macOS). Loopback and
link-local addresses (169.254.x.x: no network gave one) reach no student, so they are left out.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

# Where a packet could go: anywhere (the default route), then into each private range.
PROBES = ("192.0.2.1", "10.255.255.254", "172.31.255.254", "192.168.255.254")


def addresses() -> list[str]:
    """This computer's IPv4 addresses on its networks, the default route's first."""
    return candidates([*map(_route_address, PROBES), *_host_addresses()])


def candidates(found: Iterable[str | None]) -> list[str]:
    """The addresses in FOUND another device could reach, each once, in their order."""
    usable = []
    for text in found:
        if not text:
            continue
        address = ipaddress.ip_address(text)
        reachable = address.version == 4 and not (address.is_loopback or address.is_link_local
                                                  or address.is_unspecified or address.is_multicast)
        if reachable and text not in usable:
            usable.append(text)
    return usable


def _route_address(target: str) -> str | None:
    """The address this computer would send from to TARGET, or None without a route there."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect((target, 9))  # UDP: sets the route, sends nothing
            return probe.getsockname()[0]
        except OSError:
            return None


def _host_addresses() -> list[str]:
    try:
        return [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        return []
