"""Cable or Wi-Fi on Windows: ``netsh wlan show interfaces`` and the interfaces' names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from readiness.devices.network.connection.model import (
    CELLULAR,
    ETHERNET,
    NONE,
    UNKNOWN,
    WIFI,
    Connection,
    Runner,
    is_vpn_name,
    run_program,
)


@dataclass(frozen=True)
class WlanInterface:
    name: str
    connected: bool
    signal_percent: int | None


def parse_netsh_wlan(text: str) -> list[WlanInterface]:
    """``netsh wlan show interfaces``, in English or French (the labels Windows prints).

    Only a connected interface has a "Signal" line; "State"/"État" says so too.
    """
    interfaces: list[WlanInterface] = []
    name, connected, signal = None, False, None

    def flush() -> None:
        if name is not None:
            interfaces.append(WlanInterface(name, connected or signal is not None, signal))

    for line in text.splitlines():
        key, sep, value = line.partition(" : ")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key in {"name", "nom"}:
            flush()
            name, connected, signal = value, False, None
        elif key in {"state", "état", "etat", "status"}:
            connected = value.lower() in {"connected", "connecté", "connecte"}
        elif key == "signal":
            digits = re.match(r"(\d+)", value)
            signal = int(digits.group(1)) if digits else None
    flush()
    return interfaces


def local_address_for_internet() -> str | None:
    """The address this computer would use to reach the internet (no packet is sent)."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("8.8.8.8", 53))  # UDP connect: a routing lookup only
            return probe.getsockname()[0]
    except OSError:
        return None


def interfaces_with_addresses() -> dict[str, tuple[bool, list[str]]]:
    """Interface name → (up, IPv4 addresses), from psutil."""
    import socket

    import psutil

    stats = psutil.net_if_stats()
    result = {}
    for name, addresses in psutil.net_if_addrs().items():
        ipv4 = [a.address for a in addresses if a.family == socket.AF_INET]
        result[name] = (bool(stats.get(name) and stats[name].isup), ipv4)
    return result


class WindowsProbe:
    def __init__(
        self,
        runner: Runner = run_program,
        interfaces: Callable[[], dict[str, tuple[bool, list[str]]]] = interfaces_with_addresses,
        local_address: Callable[[], str | None] = local_address_for_internet,
    ):
        self._run = runner
        self._interfaces = interfaces
        self._local_address = local_address

    def detect(self) -> Connection:
        interfaces = self._interfaces()
        vpn = tuple(n for n, (up, _a) in interfaces.items() if up and is_vpn_name(n))
        address = self._local_address()
        if address is None:
            return Connection(NONE, vpn=vpn)
        iface = next((n for n, (_up, a) in interfaces.items() if address in a), "")
        wlans = parse_netsh_wlan(self._run(["netsh", "wlan", "show", "interfaces"]) or "")
        wlan = next((w for w in wlans if w.connected and w.name == iface), None)
        if iface in vpn:
            # Through the VPN: the connected Wi-Fi, if any, is the line under it.
            wlan = next((w for w in wlans if w.connected), None)
        if wlan is not None:
            return Connection(WIFI, wlan.name, wlan.signal_percent, None, vpn)
        if iface and re.search(r"wi-?fi|wlan|wireless|sans fil", iface, re.IGNORECASE):
            return Connection(WIFI, iface, vpn=vpn)
        if iface and re.search(r"cellular|mobile|cellulaire", iface, re.IGNORECASE):
            return Connection(CELLULAR, iface, vpn=vpn)
        if iface and iface not in vpn:
            return Connection(ETHERNET, iface, vpn=vpn)
        return Connection(UNKNOWN, iface, vpn=vpn)
