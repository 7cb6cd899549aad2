"""During the session: is the line up? Turns probe results into what to tell the user."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum


class WatchEvent(StrEnum):
    LOST = "lost"
    BACK = "back"
    ESCALATE = "escalate"  # lost for longer than the guide's limit: call the consultant


class ConnectionWatch:
    """Fed one probe result at a time.

    Two failed probes in a row mean the line is lost: one lost packet is not an
    interruption worth alarming anyone. One success means it is back.
    """

    def __init__(
        self,
        escalate_after_s: float = 300.0,
        failures_to_lose: int = 2,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.escalate_after_s = escalate_after_s
        self.failures_to_lose = failures_to_lose
        self.clock = clock  # shared with the monitor's "probe stuck" measure
        self._failures = 0
        self.lost_since: float | None = None
        self._escalated = False

    @property
    def online(self) -> bool:
        return self.lost_since is None

    def observe(self, reachable: bool) -> list[WatchEvent]:
        if reachable:
            self._failures = 0
            if self.lost_since is None:
                return []
            self.lost_since = None
            self._escalated = False
            return [WatchEvent.BACK]
        self._failures += 1
        events = []
        if self.lost_since is None and self._failures >= self.failures_to_lose:
            self.lost_since = self.clock()
            events.append(WatchEvent.LOST)
        if (
            self.lost_since is not None
            and not self._escalated
            and self.clock() - self.lost_since >= self.escalate_after_s
        ):
            self._escalated = True
            events.append(WatchEvent.ESCALATE)
        return events
