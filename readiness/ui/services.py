"""What the window needs from the outside world, gathered so tests can swap each part.

Every device reaches the pages through here: ``kit`` holds the hardware and network
adapters (``readiness.checks.kit``), ``url_opener`` the desktop's link opener.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from readiness.checks.kit import DeviceKit
from readiness.core.check import Check
from readiness.core.config import SessionConfig
from readiness.core.open_outcome import OpenOutcome
from readiness.core.room_checklist import RoomChecklist
from readiness.ui.preferences import Preferences

if TYPE_CHECKING:
    from readiness.checks.line_watch import LineWatch

__all__ = ["OpenOutcome", "Services", "UrlOpener"]


class UrlOpener(Protocol):
    def open(self, url: str) -> OpenOutcome: ...


@dataclass
class Services:
    config: SessionConfig
    preferences: Preferences
    url_opener: UrlOpener
    checks: Sequence[Check]
    #: The devices: cameras, sound, the line, the running programs.
    kit: DeviceKit = field(default_factory=DeviceKit)
    #: How often the session watch probes the line.
    watch_interval_ms: int = 3000
    #: The line watched over UDP from the window's opening until the person joins
    #: (``start_checks`` starts it); None: not watched.
    line_watch: LineWatch | None = None
    #: The checks that need nobody, each started this long (in s) after the window opens,
    #: in the background, so that its page has its answer when the person gets there;
    #: a check not named here starts when its page opens.
    early_checks: Mapping[str, float] = field(default_factory=dict)
    #: The room checklist's answers for this run (memory only, never written): kept
    #: beyond one window, which a change of language rebuilds.
    room: RoomChecklist = field(default_factory=RoomChecklist)
