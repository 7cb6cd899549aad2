"""Cable or Wi-Fi on Linux: /proc and /sys, and NetworkManager's ``nmcli`` for the
signal when /proc/net/wireless is absent."""

from __future__ import annotations

import re
from pathlib import Path

from readiness.devices.network.connection.model import (
    CELLULAR,
    ETHERNET,
    NONE,
    UNKNOWN,
    WIFI,
    Connection,
    Runner,
    dbm_to_percent,
    is_vpn_name,
    run_program,
)


def parse_proc_route(text: str) -> str | None:
    """The interface of the IPv4 default route (lowest metric) in /proc/net/route."""
    best: tuple[int, str] | None = None
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8:
            continue
        iface, destination, flags, metric, mask = (
            fields[0],
            fields[1],
            fields[3],
            fields[6],
            fields[7],
        )
        try:
            up = int(flags, 16) & 1
            metric_value = int(metric)
        except ValueError:
            continue
        default = destination == "00000000" and mask == "00000000"  # 0/1 and 128/1 are not
        if default and up and (best is None or metric_value < best[0]):
            best = (metric_value, iface)
    return best[1] if best else None


def parse_proc_ipv6_route(text: str) -> str | None:
    """The interface of an IPv6 default route (::/0) in /proc/net/ipv6_route."""
    for line in text.splitlines():
        fields = line.split()
        if (
            len(fields) == 10
            and set(fields[0]) == {"0"}
            and fields[1] == "00"
            and fields[9] != "lo"
        ):
            return fields[9]
    return None


def parse_proc_wireless(text: str) -> dict[str, int]:
    """Signal level in dBm per interface, from /proc/net/wireless."""
    levels: dict[str, int] = {}
    for line in text.splitlines()[2:]:
        match = re.match(r"\s*(\S+):\s+\S+\s+[-\d.]+\s+(-?\d+)\.?", line)
        if match:
            level = int(match.group(2))
            # Old drivers report 0-255 with 256 added to negative values.
            levels[match.group(1)] = level - 256 if level > 0 else level
    return levels


def parse_nmcli_signal(text: str) -> int | None:
    """The in-use network's signal (%) from ``nmcli -t -f IN-USE,SIGNAL dev wifi``."""
    for line in text.splitlines():
        in_use, _, signal = line.partition(":")
        if in_use.strip() == "*" and signal.strip().isdigit():
            return int(signal.strip())
    return None


class LinuxProbe:
    def __init__(self, root: Path = Path("/"), runner: Runner = run_program):
        self._root = root
        self._run = runner

    def _read(self, relative: str) -> str:
        try:
            return (self._root / relative).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _net(self, iface: str) -> Path:
        return self._root / "sys/class/net" / iface

    def _is_up(self, iface: str) -> bool:
        state = self._read(f"sys/class/net/{iface}/operstate").strip()
        return state in {"up", "unknown"}

    def _is_vpn(self, iface: str) -> bool:
        if (self._net(iface) / "tun_flags").exists():  # tun/tap: OpenVPN and friends
            return True
        if self._read(f"sys/class/net/{iface}/type").strip() == "65534":  # WireGuard, tun
            return True
        return is_vpn_name(iface)

    def _kind(self, iface: str) -> str:
        path = self._net(iface)
        if (path / "wireless").exists() or (path / "phy80211").exists():
            return WIFI
        link_type = self._read(f"sys/class/net/{iface}/type").strip()
        if iface.startswith("ww") or link_type in {"519", "824"}:  # wwan0; raw IP modems
            return CELLULAR
        if link_type == "1":
            return ETHERNET
        return UNKNOWN

    def detect(self) -> Connection:
        net = self._root / "sys/class/net"
        try:
            names = sorted(p.name for p in net.iterdir())
        except OSError:
            names = []
        vpn = tuple(n for n in names if n != "lo" and self._is_up(n) and self._is_vpn(n))
        route = parse_proc_route(self._read("proc/net/route")) or parse_proc_ipv6_route(
            self._read("proc/net/ipv6_route")
        )
        if route is None:
            return Connection(NONE, vpn=vpn)
        iface = route
        if route in vpn:
            # Through the VPN: the line under it is the physical interface that is up.
            physical = [n for n in names if n != "lo" and n not in vpn and self._is_up(n)]
            kinds = {n: self._kind(n) for n in physical}
            iface = next((n for n, k in kinds.items() if k == WIFI), None) or next(
                (n for n, k in kinds.items() if k != UNKNOWN), route
            )
        kind = self._kind(iface)
        if kind != WIFI:
            return Connection(kind, iface, vpn=vpn)
        dbm = parse_proc_wireless(self._read("proc/net/wireless")).get(iface)
        if dbm is not None:
            return Connection(WIFI, iface, dbm_to_percent(dbm), dbm, vpn)
        output = self._run(["nmcli", "-t", "-f", "IN-USE,SIGNAL", "dev", "wifi"])
        percent = parse_nmcli_signal(output) if output else None
        return Connection(WIFI, iface, percent, None, vpn)
