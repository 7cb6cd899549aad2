"""What every system's connection probe shares: the result, and how programs are run.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
