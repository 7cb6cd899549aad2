"""During the session: what the notification-area icon must do, decided without Qt.

``SessionWatch`` is fed what happens (a probe result, a request to reconnect, the
names of the running programs) and answers with ``Notice`` values the interface
carries out: a message, an icon, the escalation window, reopening the meeting.
Time comes only from the clock of its ``ConnectionWatch``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from readiness.core.connection_watch import ConnectionWatch, WatchEvent
from readiness.core.known_apps import KnownApp, KnownApps


class Act(StrEnum):
    SHOW_LOST = "show_lost"  # failed icon, "connection lost" message
    SHOW_ONLINE = "show_online"  # ok icon, back to "the line is watched"
    SAY_BACK = "say_back"  # "connection back" message, offering to reconnect
    REOPEN = "reopen"  # open the meeting's link again, now
    SAY_REOPEN_LATER = "say_reopen_later"  # offline: the meeting reopens when the line is back
    OPEN_ESCALATION = "open_escalation"  # the window that says whom to call
    CLOSE_ESCALATION = "close_escalation"
    WARN_APP = "warn_app"  # ``app`` started during the session: its advice


@dataclass(frozen=True)
class Notice:
    act: Act
    app: KnownApp | None = None  # for WARN_APP


class SessionWatch:
    def __init__(self, watch: ConnectionWatch, known_apps: KnownApps):
        self.watch = watch
        self._known_apps = known_apps
        self._reconnect_pending = False
        self._escalated = False
        self._at_start: set[str] | None = None  # known apps already there at the first look
        self._warned: set[str] = set()

    @property
    def online(self) -> bool:
        return self.watch.online

    @property
    def reconnect_pending(self) -> bool:
        return self._reconnect_pending

    # --- the line ----------------------------------------------------------------

    def observe(self, reachable: bool) -> list[Notice]:
        """One probe result, through the connection watch."""
        return self.on_line(self.watch.observe(reachable))

    def on_line(self, events: Iterable[WatchEvent]) -> list[Notice]:
        """What the connection watch concluded (for a caller that feeds the watch itself)."""
        notices: list[Notice] = []
        for event in events:
            if event is WatchEvent.LOST:
                notices.append(Notice(Act.SHOW_LOST))
            elif event is WatchEvent.ESCALATE:
                self._escalated = True
                notices.append(Notice(Act.OPEN_ESCALATION))
            elif event is WatchEvent.BACK:
                notices.extend(self._back())
        return notices

    def _back(self) -> list[Notice]:
        notices = [Notice(Act.SHOW_ONLINE)]
        if self._escalated:
            self._escalated = False
            notices.append(Notice(Act.CLOSE_ESCALATION))
        if self._reconnect_pending:
            # Reopening says enough: no "back" message on top of the meeting.
            self._reconnect_pending = False
            notices.append(Notice(Act.REOPEN))
        else:
            notices.append(Notice(Act.SAY_BACK))
        return notices

    def reconnect(self) -> list[Notice]:
        """The user asked to reconnect: now if the line is up, else as soon as it is back."""
        if self.online:
            return [Notice(Act.REOPEN)]
        self._reconnect_pending = True
        return [Notice(Act.SAY_REOPEN_LATER)]

    # --- applications that start during the session --------------------------------

    def names_seen(self, names: Iterable[str]) -> list[Notice]:
        """The running programs' names; the first look only notes what was already there."""
        apps: dict[str, KnownApp] = {}
        for name in names:
            app = self._known_apps.match(name)
            if app is not None:
                apps[app.name] = app
        if self._at_start is None:
            self._at_start = set(apps)
            return []
        notices = []
        for name in sorted(apps.keys() - self._at_start - self._warned):
            self._warned.add(name)
            notices.append(Notice(Act.WARN_APP, apps[name]))
        return notices
