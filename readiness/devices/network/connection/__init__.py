"""Cable or Wi-Fi (and how strong), and whether a VPN is up, on each OS.

Each OS tells it differently (see linux.py, macos.py, windows.py). The parsers are
plain functions over the programs' text; the probes only gather that text, and
never raise: what cannot be told is "unknown".
"""

from __future__ import annotations

import logging
import sys

from readiness.devices.network.connection.model import (
    CELLULAR,
    ETHERNET,
    NONE,
    UNKNOWN,
    WIFI,
    Connection,
    Runner,
    run_program,
)

__all__ = ["CELLULAR", "ETHERNET", "NONE", "UNKNOWN", "WIFI", "Connection", "detect"]

log = logging.getLogger(__name__)


def detect(platform: str = sys.platform, runner: Runner = run_program) -> Connection:
    """This computer's connection; never raises."""
    try:
        if platform == "win32":
            from readiness.devices.network.connection.windows import WindowsProbe

            return WindowsProbe(runner).detect()
        if platform == "darwin":
            from readiness.devices.network.connection.macos import MacProbe

            return MacProbe(runner).detect()
        from readiness.devices.network.connection.linux import LinuxProbe

        return LinuxProbe(runner=runner).detect()
    except Exception:
        log.exception("connection type")
        return Connection()
