"""What the window needs from the outside world, gathered so tests can swap each part."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from readiness.core.check import Check
from readiness.core.config import SessionConfig
from readiness.devices.url_opener import OpenOutcome

__all__ = ["OpenOutcome", "Services", "UrlOpener"]
from readiness.ui.preferences import Preferences


class UrlOpener(Protocol):
    def open(self, url: str) -> OpenOutcome: ...


@dataclass
class Services:
    config: SessionConfig
    preferences: Preferences
    url_opener: UrlOpener
    checks: Sequence[Check]
    #: The session watch's probe of the line (True: reachable); None: zoom.us on port 443.
    line_probe: Callable[[], bool] | None = None
    #: How often the session watch probes the line.
    watch_interval_ms: int = 3000
