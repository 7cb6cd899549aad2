"""After joining: an icon in the notification area that watches the line during the session.

It warns when the connection drops and when it is back, offers to reopen the
meeting, shows whom to call when it lasts, and warns once if a known heavy
application starts. It only runs with its icon; « Quitter » ends it in one click.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from readiness.ui.connection_monitor import ConnectionMonitor
from readiness.ui.escalation_dialog import EscalationDialog
from readiness.ui.services import Services
from readiness.ui.status_style import BadgeState, state_icon
from readiness.ui.tasks import TaskRunner

APPS_EVERY_MS = 30_000


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
    ):
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.monitor = monitor
        self._reopen = reopen_meeting
        self._reconnect_pending = False
        self._known_at_start: set[str] | None = None
        self._warned: set[str] = set()
        self.escalation: EscalationDialog | None = None

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

        monitor.lost.connect(self._on_lost)
        monitor.back.connect(self._on_back)
        monitor.escalate.connect(self._on_escalate)
        self._apps_timer = QTimer(self)
        self._apps_timer.setInterval(APPS_EVERY_MS)
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

    # --- the line ----------------------------------------------------------------

    def _on_lost(self) -> None:
        self.icon.setIcon(state_icon(BadgeState.FAILED))
        self.icon.setToolTip(self.tr("Connexion perdue"))
        self.icon.showMessage(
            self.tr("Connexion perdue"),
            self.tr("Nous vous prévenons dès qu'elle revient. Vérifiez votre box ou le Wi-Fi."),
            QSystemTrayIcon.MessageIcon.Warning,
        )

    def _on_back(self) -> None:
        self.icon.setIcon(state_icon(BadgeState.OK))
        self.icon.setToolTip(self.tr("Séance en cours : la connexion est surveillée"))
        if self.escalation is not None:
            self.escalation.close()
        if self._reconnect_pending:
            self._reconnect_pending = False
            self._reopen()
            return
        self.icon.showMessage(
            self.tr("Connexion rétablie"),
            self.tr(
                "Si Zoom ne vous a pas reconnecté, choisissez « Se reconnecter à la réunion »."
            ),
            QSystemTrayIcon.MessageIcon.Information,
        )

    def reconnect(self) -> None:
        """Reopens the meeting now, or as soon as the line is back."""
        if self.monitor.watch.online:
            self._reopen()
        else:
            self._reconnect_pending = True
            self.icon.showMessage(
                self.tr("Reconnexion dès que possible"),
                self.tr("La réunion se rouvrira toute seule quand la connexion reviendra."),
                QSystemTrayIcon.MessageIcon.Information,
            )

    def _on_escalate(self) -> None:
        if self.escalation is not None:  # one window at a time, however long the session
            self.escalation.close()
            self.escalation.deleteLater()
        self.escalation = EscalationDialog(self._services, self._tasks, None)
        self.escalation.show()
        self.escalation.raise_()

    # --- applications that start during the session ----------------------------------

    def _look_for_apps(self) -> None:
        from readiness.devices.processes import running_names

        self._tasks.run(running_names, self._on_names, lambda _error: None)

    def _on_names(self, names: set[str]) -> None:
        from readiness.core.i18n import pick
        from readiness.core.known_apps import load_known_apps

        known = load_known_apps()
        apps = {app.name: app for name in names if (app := known.match(name)) is not None}
        if self._known_at_start is None:
            self._known_at_start = set(apps)  # already there when the session started
            return
        for name, app in apps.items():
            if name not in self._known_at_start and name not in self._warned:
                self._warned.add(name)
                self.icon.showMessage(
                    self.tr("{app} vient de démarrer").format(app=name),
                    pick(app.advice),
                    QSystemTrayIcon.MessageIcon.Information,
                )


def quit_everything(tray: SessionTray, window: QWidget) -> None:
    tray.stop()
    window.close()
    QApplication.quit()
