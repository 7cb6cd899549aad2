"""After joining: an icon in the notification area that watches the line during the session.

It warns when the connection drops and when it is back, offers to reopen the
meeting, shows whom to call when it lasts, and warns once if a known heavy
application starts. It only runs with its icon; « Quitter » ends it in one click.

What to do and when is decided by ``readiness.core.session_watch``; this class
only carries it out with Qt: messages, icons, the escalation window, reopening.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from readiness.core.connection_watch import WatchEvent
from readiness.core.known_apps import KnownApps, load_known_apps
from readiness.core.session_watch import Act, Notice, SessionWatch
from readiness.ui.connection_monitor import ConnectionMonitor
from readiness.ui.escalation_dialog import EscalationDialog
from readiness.ui.services import Services
from readiness.ui.status_style import BadgeState, state_icon
from readiness.ui.tasks import TaskRunner

APPS_EVERY_MS = 30_000
#: Messages kept for reading back (tests; a session shows only a few).
KEPT_MESSAGES = 20


class SessionTray(QObject):
    quit_requested = Signal()

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        monitor: ConnectionMonitor,
        reopen_meeting: Callable[[], None],
        show_window: Callable[[], None],
        parent: QObject | None = None,
        *,
        known_apps: KnownApps | None = None,
        apps_every_ms: int = APPS_EVERY_MS,
    ):
        super().__init__(parent)
        if known_apps is None:
            known_apps = load_known_apps()
        self._services = services
        self._tasks = tasks
        self.monitor = monitor
        self.logic = SessionWatch(monitor.watch, known_apps)
        self._reopen = reopen_meeting
        self._running_names = services.kit.running_names
        self.escalation: EscalationDialog | None = None
        #: (title, text) of the latest messages shown, oldest first.
        self.last_messages: deque[tuple[str, str]] = deque(maxlen=KEPT_MESSAGES)

        self.icon = QSystemTrayIcon(state_icon(BadgeState.OK), self)
        self.icon.setToolTip(self.tr("Séance en cours : la connexion est surveillée"))
        menu = QMenu()
        self.reconnect_action = QAction(self.tr("Se reconnecter à la réunion"), menu)
        self.reconnect_action.triggered.connect(self.reconnect)
        window_action = QAction(self.tr("Ouvrir la fenêtre"), menu)
        window_action.triggered.connect(show_window)
        quit_action = QAction(self.tr("Quitter"), menu)
        quit_action.triggered.connect(self.quit_requested)
        for action in (self.reconnect_action, window_action, quit_action):
            menu.addAction(action)
        self._menu = menu
        self.icon.setContextMenu(menu)

        # The monitor feeds the watch; what it concludes goes through the logic.
        monitor.lost.connect(self._on_lost)
        monitor.back.connect(self._on_back)
        monitor.escalate.connect(self._on_escalate)
        self._apps_timer = QTimer(self)
        self._apps_timer.setInterval(apps_every_ms)
        self._apps_timer.timeout.connect(self._look_for_apps)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def start(self) -> None:
        self.icon.show()
        self.monitor.start()
        self._look_for_apps()
        self._apps_timer.start()

    def stop(self) -> None:
        self.monitor.stop()
        self._apps_timer.stop()
        self.icon.hide()
        self._drop_escalation()

    def reconnect(self) -> None:
        """Reopens the meeting now, or as soon as the line is back."""
        self._carry_out(self.logic.reconnect())

    def _on_lost(self) -> None:
        self._carry_out(self.logic.on_line([WatchEvent.LOST]))

    def _on_back(self) -> None:
        self._carry_out(self.logic.on_line([WatchEvent.BACK]))

    def _on_escalate(self) -> None:
        self._carry_out(self.logic.on_line([WatchEvent.ESCALATE]))

    # --- carrying out the logic's notices -----------------------------------------

    def _carry_out(self, notices: list[Notice]) -> None:
        for notice in notices:
            self._do(notice)

    def _do(self, notice: Notice) -> None:
        warning = QSystemTrayIcon.MessageIcon.Warning
        information = QSystemTrayIcon.MessageIcon.Information
        act = notice.act
        if act is Act.SHOW_LOST:
            self.icon.setIcon(state_icon(BadgeState.FAILED))
            self.icon.setToolTip(self.tr("Connexion perdue"))
            self.say(
                self.tr("Connexion perdue"),
                self.tr("Nous vous prévenons dès qu'elle revient. Vérifiez votre box ou le Wi-Fi."),
                warning,
            )
        elif act is Act.SHOW_ONLINE:
            self.icon.setIcon(state_icon(BadgeState.OK))
            self.icon.setToolTip(self.tr("Séance en cours : la connexion est surveillée"))
        elif act is Act.SAY_BACK:
            self.say(
                self.tr("Connexion rétablie"),
                self.tr(
                    "Si Zoom ne vous a pas reconnecté, choisissez « Se reconnecter à la réunion »."
                ),
                information,
            )
        elif act is Act.REOPEN:
            self._reopen()
        elif act is Act.SAY_REOPEN_LATER:
            self.say(
                self.tr("Reconnexion dès que possible"),
                self.tr("La réunion se rouvrira toute seule quand la connexion reviendra."),
                information,
            )
        elif act is Act.OPEN_ESCALATION:
            self._open_escalation()
        elif act is Act.CLOSE_ESCALATION:
            if self.escalation is not None:
                self.escalation.close()
        elif act is Act.WARN_APP and notice.app is not None:
            from readiness.core.i18n import pick

            self.say(
                self.tr("{app} vient de démarrer").format(app=notice.app.name),
                pick(notice.app.advice),
                information,
            )

    def say(self, title: str, text: str, icon: QSystemTrayIcon.MessageIcon) -> None:
        """A notification-area message, also kept in ``last_messages``."""
        self.last_messages.append((title, text))
        self.icon.showMessage(title, text, icon)

    def _open_escalation(self) -> None:
        self._drop_escalation()  # one window at a time, however long the session
        self.escalation = EscalationDialog(self._services, self._tasks, None)
        self.escalation.show()
        self.escalation.raise_()

    def _drop_escalation(self) -> None:
        if self.escalation is not None:
            self.escalation.close()
            self.escalation.deleteLater()
            self.escalation = None

    # --- applications that start during the session ----------------------------------

    def _look_for_apps(self) -> None:
        # A slow scan is replaced by the next one rather than piling up.
        self._tasks.run(
            self._running_names, self._on_names, lambda _error: None, key="session-apps"
        )

    def _on_names(self, names: set[str]) -> None:
        self._carry_out(self.logic.names_seen(names))


def quit_everything(tray: SessionTray, window: QWidget) -> None:
    tray.stop()
    window.close()
    QApplication.quit()
