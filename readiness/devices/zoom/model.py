"""What the Zoom finders report, and the helpers they share."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

ZOOM_SCHEME = "zoommtg"
FLATPAK_APP_ID = "us.zoom.Zoom"
MAC_BUNDLE_NAME = "zoom.us.app"

#: ``(argv, timeout_s, env) -> stdout``, or None when the program is missing,
#: fails or times out. Never raises.
Runner = Callable[[list[str], float, Mapping[str, str]], str | None]


@dataclass(frozen=True)
class ZoomInstall:
    location: str | None = None
    version: str | None = None
    handler: str | None = None
    source: str | None = None

    @property
    def installed(self) -> bool:
        return self.location is not None or self.handler is not None

    @property
    def handler_registered(self) -> bool:
        return self.handler is not None


class ZoomFinder(Protocol):
    def find(self) -> ZoomInstall: ...


def run_command(argv: list[str], timeout_s: float, env: Mapping[str, str]) -> str | None:
    """The real Runner: stdout of ``argv``, or None on any failure."""
    import subprocess  # imported here, in the check's thread, not during start-up

    try:
        completed = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",  # a stray byte in a path must not turn into an exception
            timeout=timeout_s,
            env=dict(env),
            check=True,
        )
    except FileNotFoundError:
        log.info("%s is not installed", argv[0])
        return None
    except subprocess.TimeoutExpired:
        log.warning("%s timed out after %.1f s", argv[0], timeout_s)
        return None
    except subprocess.CalledProcessError as exc:
        log.warning("%s exited with %s: %s", argv[0], exc.returncode, (exc.stderr or "").strip())
        return None
    except OSError as exc:
        log.warning("cannot run %s: %s", argv[0], exc)
        return None
    return completed.stdout


def read_text_or_none(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def under_root(root: Path, path: str | Path) -> Path:
    """``path`` seen from ``root``, so tests can stand a whole filesystem in a tmp dir."""
    return root / str(path).lstrip("/")
