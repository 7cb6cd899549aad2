"""The wizard: steps on the left, the current page, and Back / Next / Help below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from readiness.core.result import CheckResult
from readiness.ui.check_controller import CheckController
from readiness.ui.main_button import MainButton
from readiness.ui.page import Page, PageArea
from readiness.ui.page_context import PageContext
from readiness.ui.pages import PAGE_BUILDERS
from readiness.ui.pages.welcome import WelcomePage
from readiness.ui.services import Services
from readiness.ui.sheet import Sheet
from readiness.ui.sidebar import StepSidebar
from readiness.ui.status_style import BadgeState
from readiness.ui.tasks import TaskRunner
from readiness.ui.window_title import main_title

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent

    from readiness.ui.report_actions import ReportActions


#: Around Help, Back and Next, on the sheet's edge: in line with the pages' text.
BUTTONS_MARGINS = (36, 12, 24, 18)


@dataclass(frozen=True)
class Step:
    step_id: str
    title: str
    #: Builds the page on first visit: start-up only pays for the welcome page.
    build: Callable[[], Page]


class MainWindow(QMainWindow):
    #: The user asked for the interface in this language ("fr" or "en").
    language_requested = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        # Ending with the app's display name, which Qt then does not append again.
        self.setWindowTitle(main_title(services.config.organisation))
        self.tasks = TaskRunner(self)
        self.controller = CheckController(services.checks, self.tasks, self)
        self.controller.started.connect(self._on_check_started)
        self.controller.finished.connect(self._on_check_finished)
        self.session_tray = None
        self.started_at = datetime.now().astimezone()
        self._report: ReportActions | None = None

        self.steps: list[Step] = self._steps()
        self._pages: dict[str, Page] = {}
        self.sidebar = StepSidebar()
        self.stack = QStackedWidget()
        for step in self.steps:
            state = BadgeState.PENDING if step.step_id in self.controller.check_ids else None
            self.sidebar.add_step(step.step_id, step.title, state)
            # Each page's scroll area comes with its page, on first visit.
            self.stack.addWidget(QWidget())
        self.sidebar.currentRowChanged.connect(self._go_to)

        self.help_button = QPushButton(self.tr("Besoin d'&aide ?"))
        self.help_button.clicked.connect(self.show_help)
        self.back_button = QPushButton(self.tr("&Précédent"))
        self.back_button.clicked.connect(self.go_back)
        # The way on, on every page: the main button (the accent's, or the selection's).
        self.next_button = MainButton(self.tr("&Suivant"), scale=1.0)
        self.next_button.clicked.connect(self.go_next)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(*BUTTONS_MARGINS)
        bottom.setSpacing(12)
        bottom.addWidget(self.help_button)
        bottom.addStretch(1)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)
        sheet = Sheet()
        content = QVBoxLayout(sheet)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        content.addWidget(self.stack, 1)
        content.addLayout(bottom)
        root = QHBoxLayout()
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.sidebar)
        root.addWidget(sheet, 1)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)
        self.resize(1040, 700)

        self._current = -1
        self._check_again_on_entry = False
        self.sidebar.setCurrentRow(0)

    def _steps(self) -> list[Step]:
        services, controller = self.services, self.controller
        context = PageContext(services, controller, self.tasks)
        join_title = self.tr("Rejoindre la séance")
        titles = [check.title() for check in services.checks] + [join_title]

        def welcome() -> Page:
            page = WelcomePage(
                services.config,
                titles,
                services.preferences,
                url_opener=services.url_opener,
                tasks=self.tasks,
            )
            page.language_requested.connect(self.language_requested)
            return page

        def summary() -> Page:
            from readiness.ui.pages.summary import SummaryPage

            page = SummaryPage(services, controller, self.report)
            page.check_requested.connect(self.check_again)
            page.join_requested.connect(lambda: self.go_to_step("join"))
            return page

        def join() -> Page:
            from readiness.ui.pages.join import JoinPage
            from readiness.ui.session_tray import SessionTray

            page = JoinPage(services, controller, self.tasks)
            # "Never runs without its tray icon": no notification area, no watch offered.
            page.watch_box.setVisible(SessionTray.available())
            page.joined.connect(self._on_joined)
            return page

        steps = [Step("welcome", self.tr("Bienvenue"), welcome)]
        for check in services.checks:
            build = PAGE_BUILDERS[check.id]
            steps.append(Step(check.id, check.title(), partial(build, context)))
        steps.append(Step("summary", self.tr("Bilan"), summary))
        steps.append(Step("join", join_title, join))
        return steps

    def _on_joined(self, _mode: str) -> None:
        self._end_line_watch()
        join = self.join_page
        if not (join.watch_box.isVisible() and join.watch_box.isChecked()):
            return
        self.start_session_watch()
        QApplication.setQuitOnLastWindowClosed(False)  # the icon keeps watching
        join.join_status.setText(
            join.join_status.text()
            + " "
            + self.tr(
                "L'application reste dans la zone de notification et vous prévient en cas "
                "de coupure."
            )
        )

    def start_session_watch(
        self,
        *,
        clock: Callable[[], float] | None = None,
        apps_every_ms: int | None = None,
    ) -> None:
        """The notification-area icon that watches the line during the session (once).

        The arguments stand in for the watch's clock and the pace of its look at the
        running programs (tests); by default, the real ones. The line and the programs
        are looked at through ``services.kit``.
        """
        if self.session_tray is None:
            self.session_tray = self._make_tray(clock=clock, apps_every_ms=apps_every_ms)
            self.session_tray.start()

    def _make_tray(
        self,
        *,
        clock: Callable[[], float] | None = None,
        apps_every_ms: int | None = None,
    ):
        import time

        from readiness.core.connection_watch import ConnectionWatch
        from readiness.ui.connection_monitor import ConnectionMonitor
        from readiness.ui.session_tray import APPS_EVERY_MS, SessionTray, quit_everything

        probe = self.services.kit.probe_line
        minutes = self.services.config.escalate_after_minutes
        monitor = ConnectionMonitor(
            probe,
            self.tasks,
            interval_ms=self.services.watch_interval_ms,
            watch=ConnectionWatch(escalate_after_s=minutes * 60, clock=clock or time.monotonic),
            parent=self,
        )
        opener = self.services.url_opener

        def reopen() -> None:
            from readiness.ui.link_opening import open_link

            url = self.join_page.last_url
            if url:
                # A failure says so with the link: the meeting can still be reopened by hand.
                open_link(self.tasks, opener, url, self)

        def show_window() -> None:
            self.showNormal()
            self.raise_()
            self.activateWindow()

        tray = SessionTray(
            self.services,
            self.tasks,
            monitor,
            reopen,
            show_window,
            parent=self,
            apps_every_ms=apps_every_ms or APPS_EVERY_MS,
        )
        tray.quit_requested.connect(lambda: quit_everything(tray, self))
        return tray

    @property
    def report(self) -> ReportActions:
        if self._report is None:
            from readiness.ui.report_actions import ReportActions

            self._report = ReportActions(
                self.services,
                self.controller,
                self.tasks,
                self._joined_at,
                self.started_at,
                self,
                before_report=self.refresh_network_verdict,
            )
        return self._report

    def _joined_at(self):
        join = self._pages.get("join")
        return getattr(join, "joined_at", None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The steps take what their titles need, never more than a third of the window.
        widest = max(self.sidebar.minimumWidth(), self.width() // 3)
        if widest != self.sidebar.maximumWidth():
            self.sidebar.setMaximumWidth(widest)
        super().resizeEvent(event)

    def page(self, step_id: str) -> Page:
        """The step's page, built on first use."""
        page = self._pages.get(step_id)
        if page is None:
            index = next(i for i, step in enumerate(self.steps) if step.step_id == step_id)
            page = self.steps[index].build()
            self._pages[step_id] = page
            area = PageArea(self.steps[index].title)
            area.setWidget(page)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, area)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if index == self._current:
                self.stack.setCurrentIndex(index)
        return page

    @property
    def join_page(self):
        return self.page("join")

    # --- navigation -------------------------------------------------------------

    def current_page(self) -> Page:
        return self.page(self.steps[self._current].step_id)

    def go_next(self) -> None:
        if self._current < len(self.steps) - 1:
            self.sidebar.setCurrentRow(self._current + 1)

    def go_to_step(self, step_id: str) -> None:
        self.sidebar.setCurrentRow(
            next(i for i, s in enumerate(self.steps) if s.step_id == step_id)
        )

    def go_back(self) -> None:
        if self._current > 0:
            self.sidebar.setCurrentRow(self._current - 1)

    def check_again(self, step_id: str) -> None:
        """The summary's « Vérifier »: the step's page, running its own check from the
        start (the same flow as when it is visited, never a second one)."""
        row = next(i for i, step in enumerate(self.steps) if step.step_id == step_id)
        self._check_again_on_entry = True
        try:
            self.sidebar.setCurrentRow(row)
        finally:
            self._check_again_on_entry = False

    def _go_to(self, row: int) -> None:
        if row < 0 or row == self._current:
            return
        if self._current >= 0:
            self.current_page().left()
        self._current = row
        if self.steps[row].step_id in ("summary", "join"):
            self.refresh_network_verdict()  # what it says stands on the line as it is now
        self.stack.setCurrentIndex(row)
        self.back_button.setEnabled(row > 0)
        self.next_button.setVisible(row < len(self.steps) - 1)
        if self._check_again_on_entry:
            self.current_page().check_again()
        else:
            self.current_page().entered()

    # --- keyboard ---------------------------------------------------------------

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab in reading order: the steps, the page, then the buttons below it. Qt's
        own order is creation order, and pages are built after the buttons (and add
        widgets as they go), so Tab would reach the page last."""
        order = self.tab_order()
        if not order:
            return super().focusNextPrevChild(forward)
        focused = QApplication.focusWidget()
        here = -1
        for index, widget in enumerate(order):
            if focused is not None and (widget is focused or widget.isAncestorOf(focused)):
                here = index
        target = order[(here + (1 if forward else -1)) % len(order)]
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        area = self.stack.currentWidget()
        if isinstance(area, QScrollArea) and area.isAncestorOf(target):
            area.ensureWidgetVisible(target)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on a focused button presses it, as Space does: Qt does so by itself only
        in dialogs, and people expect Enter to work."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            from PySide6.QtWidgets import QAbstractButton

            widget = QApplication.focusWidget()
            if isinstance(widget, QAbstractButton) and widget.isEnabled():
                widget.click()
                return
        super().keyPressEvent(event)

    def tab_order(self) -> list[QWidget]:
        """What Tab reaches on the current step, in order."""
        area = self.stack.currentWidget()
        page_widgets = [area]
        widget = area.nextInFocusChain()
        while widget is not area and widget is not None and len(page_widgets) < 500:
            if area.isAncestorOf(widget):
                page_widgets.append(widget)
            widget = widget.nextInFocusChain()
        buttons = [self.help_button, self.back_button, self.next_button]
        return [w for w in [self.sidebar, *page_widgets, *buttons] if _takes_tab(w)]

    def start_checks(self) -> None:
        """Quick checks start at once, so their badges are filled when the user gets there;
        the line's watch too, and the checks that need nobody a moment later, in the
        background (``services.early_checks``)."""
        if "zoom" in self.controller.check_ids:
            self.controller.run("zoom")
        if "network" in self.controller.check_ids and self.services.line_watch is not None:
            self.services.line_watch.start()
        for check_id, delay_s in self.services.early_checks.items():
            if check_id in self.controller.check_ids:
                QTimer.singleShot(
                    round(delay_s * 1000), self, lambda c=check_id: self._measure_early(c)
                )

    def _measure_early(self, check_id: str) -> None:
        """A check that needs nobody, measured in the background while the person reads
        and tests the camera and the sound; its page shows the answer on arrival."""
        if self.controller.result(check_id) is None:
            self.page(check_id).measure_early()

    def refresh_network_verdict(self) -> None:
        """The connection's verdict judged again on the watch's latest figures."""
        page = self._pages.get("network")
        if page is not None:
            page.refresh_verdict()

    def _end_line_watch(self) -> None:
        """Joined: the watch's last figures stand; the line is Zoom's from now on."""
        self.refresh_network_verdict()
        if self.services.line_watch is not None:
            self.services.line_watch.stop()

    def show_help(self) -> None:
        from readiness.ui.help_dialog import HelpDialog

        HelpDialog(self.services, self.tasks, self).exec()

    # --- status -----------------------------------------------------------------

    def _on_check_started(self, check_id: str) -> None:
        self.sidebar.set_state(check_id, BadgeState.RUNNING)

    def _on_check_finished(self, result: CheckResult) -> None:
        self.sidebar.set_state(result.check_id, BadgeState.of(result.status))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._current >= 0:
            self.current_page().left()  # release devices before the window goes
        super().closeEvent(event)


def _takes_tab(widget: QWidget) -> bool:
    return bool(
        widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    )
