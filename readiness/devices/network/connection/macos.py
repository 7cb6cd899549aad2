"""Cable or Wi-Fi on macOS: ``route``, ``networksetup``, and ``airport`` or
``system_profiler`` for the signal; ``scutil`` for VPNs."""

from __future__ import annotations

import re

from readiness.devices.network.connection.model import (
    CELLULAR,
    ETHERNET,
    NONE,
    UNKNOWN,
    WIFI,
    Connection,
    Runner,
    dbm_to_percent,
    run_program,
)

_AIRPORT = (
    "/System/Library/PrivateFrameworks/Apple80211.framework/Versions/Current/Resources/airport"
)


def parse_route_get(text: str) -> str | None:
    """``route -n get default`` → its ``interface:`` line."""
    match = re.search(r"^\s*interface:\s*(\S+)", text, re.MULTILINE)
    return match.group(1) if match else None


def parse_hardware_ports(text: str) -> dict[str, str]:
    """``networksetup -listallhardwareports`` → device name to port name ("en0": "Wi-Fi")."""
    ports: dict[str, str] = {}
    port = None
    for line in text.splitlines():
        if line.startswith("Hardware Port:"):
            port = line.split(":", 1)[1].strip()
        elif line.startswith("Device:") and port:
            ports[line.split(":", 1)[1].strip()] = port
            port = None
    return ports


def parse_airport_rssi(text: str) -> int | None:
    """``airport -I`` (macOS up to 14.3) → ``agrCtlRSSI``."""
    match = re.search(r"agrCtlRSSI:\s*(-?\d+)", text)
    return int(match.group(1)) if match else None


def parse_system_profiler_rssi(text: str) -> int | None:
    """``system_profiler SPAirPortDataType`` → the current network's "Signal / Noise"."""
    current = text.split("Current Network Information:", 1)
    if len(current) < 2:
        return None
    match = re.search(r"Signal / Noise:\s*(-?\d+)\s*dBm", current[1])
    return int(match.group(1)) if match else None


def parse_scutil_connected(text: str) -> tuple[str, ...]:
    """``scutil --nc list`` → names of the VPN services that are connected."""
    names = []
    for line in text.splitlines():
        if "(Connected)" in line:
            match = re.search(r'"([^"]+)"', line)
            names.append(match.group(1) if match else "VPN")
    return tuple(names)


class MacProbe:
    def __init__(self, runner: Runner = run_program):
        self._run = runner

    def detect(self) -> Connection:
        iface = parse_route_get(self._run(["route", "-n", "get", "default"]) or "")
        vpn = parse_scutil_connected(self._run(["scutil", "--nc", "list"]) or "")
        if iface is None:
            return Connection(NONE, vpn=vpn)
        if iface.startswith(("utun", "ipsec", "ppp")):
            vpn = vpn or (iface,)
        ports = parse_hardware_ports(self._run(["networksetup", "-listallhardwareports"]) or "")
        port = ports.get(iface, "")
        if port in {"Wi-Fi", "AirPort"}:
            dbm = parse_airport_rssi(self._run([_AIRPORT, "-I"]) or "")
            if dbm is None:
                dbm = parse_system_profiler_rssi(
                    self._run(["system_profiler", "SPAirPortDataType"]) or ""
                )
            percent = dbm_to_percent(dbm) if dbm is not None else None
            return Connection(WIFI, iface, percent, dbm, vpn)
        if "iPhone" in port or "Bluetooth" in port:
            return Connection(CELLULAR, iface, vpn=vpn)
        if port:
            return Connection(ETHERNET, iface, vpn=vpn)
        return Connection(UNKNOWN, iface, vpn=vpn)
