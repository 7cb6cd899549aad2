"""Cable or Wi-Fi (and how strong), and whether a VPN is up.

Each OS tells it differently: Linux in /proc and /sys (and NetworkManager's
``nmcli`` for the signal when /proc/net/wireless is absent), macOS through
``route``, ``networksetup`` and ``airport`` or ``system_profiler``, Windows
through ``netsh wlan show interfaces`` and the interface names. The parsers are
plain functions over the programs' text; the probes only gather that text, and
never raise: what cannot be told is "unknown".
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ETHERNET, WIFI, CELLULAR, UNKNOWN, NONE = "ethernet", "wifi", "cellular", "unknown", "none"

#: Interface names that VPN clients create (Linux, macOS, Windows adapters' names).
_VPN_NAME = re.compile(
    r"^(tun|tap|wg|ppp|ipsec|vpn|nordlynx|proton|cscotun|gpd|utun)\d*"
    r"|wireguard|openvpn|tap-windows|fortinet|forticlient|anyconnect|pangp|globalprotect"
    r"|nordvpn|protonvpn|vpn",
    re.IGNORECASE,
)

#: Runs a program and returns its output, or None when it is missing or fails.
Runner = Callable[[Sequence[str]], "str | None"]


@dataclass(frozen=True)
class Connection:
    kind: str = UNKNOWN
    interface: str = ""
    #: Wi-Fi signal, 0-100 %, when the OS gives it (Windows, nmcli) or from dBm.
    signal_percent: int | None = None
    signal_dbm: int | None = None
    #: VPN interfaces that are up.
    vpn: tuple[str, ...] = ()


def run_program(argv: Sequence[str], timeout_s: float = 4.0) -> str | None:
    import subprocess  # here, not at start-up

    try:
        done = subprocess.run(
            list(argv), capture_output=True, text=True, timeout=timeout_s, errors="replace"
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("%s: %s", argv[0], exc)
        return None
    return done.stdout if done.returncode == 0 else None


def dbm_to_percent(dbm: int) -> int:
    """Signal quality as Windows and NetworkManager show it: -100 dBm is 0 %, -50 is 100 %."""
    return max(0, min(100, 2 * (dbm + 100)))


def is_vpn_name(name: str) -> bool:
    return bool(_VPN_NAME.search(name))


def detect(platform: str = sys.platform, runner: Runner = run_program) -> Connection:
    """This computer's connection; never raises."""
    try:
        if platform == "win32":
            return WindowsProbe(runner).detect()
        if platform == "darwin":
            return MacProbe(runner).detect()
        return LinuxProbe(runner=runner).detect()
    except Exception:
        log.exception("connection type")
        return Connection()


# --- Linux ------------------------------------------------------------------------


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


# --- macOS ------------------------------------------------------------------------

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


# --- Windows ----------------------------------------------------------------------


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
