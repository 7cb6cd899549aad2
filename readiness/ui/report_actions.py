"""Saving the quality report (PDF + JSON) and mailing a summary to the consultant."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from readiness.core.result import CheckResult, Status
from readiness.ui.check_controller import CheckController
from readiness.ui.services import Services
from readiness.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ReportActions(QObject):
    def __init__(
        self,
        services: Services,
        controller: CheckController,
        tasks: TaskRunner,
        joined_at: Callable[[], datetime | None],
        started_at: datetime,
        parent: QObject | None = None,
        *,
        before_report: Callable[[], None] | None = None,
    ):
        """``before_report``: brings the results up to date (the line's verdict on the
        watch's latest figures) before a report is made of them."""
        super().__init__(parent)
        self._before_report = before_report
        self._services = services
        self._controller = controller
        self._tasks = tasks
        self._joined_at = joined_at
        self.started_at = started_at
        self.saved_at: Path | None = None

    def results(self) -> list[CheckResult]:
        """Every check, in order; one not run yet is reported as such, not left out."""
        results = []
        for check_id in self._controller.check_ids:
            result = self._controller.result(check_id)
            if result is None:
                check = self._controller.check(check_id)
                result = CheckResult(
                    check_id,
                    Status.SKIPPED,
                    check.title(),
                    self.tr("Pas encore vérifié."),
                )
            results.append(result)
        return results

    def build(self) -> dict[str, Any]:
        # Imported on use: the window's start-up does not need them.
        from readiness.core.report import describe_os, quality_report

        if self._before_report is not None:
            self._before_report()
        return quality_report(
            self.results(),
            self.started_at,
            datetime.now().astimezone(),
            organisation=self._services.config.organisation,
            display_name=self._services.preferences.display_name,
            operating_system=describe_os(),
            joined_at=self._joined_at(),
            room=self._services.room.answers(),
        )

    def default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stamp = datetime.now().strftime("%Y-%m-%d-%Hh%M")
        name = self.tr("verification-seance-{stamp}.pdf").format(stamp=stamp)
        return Path(folder or Path.home()) / name

    def save_to(self, pdf_path: Path) -> Path:
        """Writes the PDF and, beside it, the JSON, both whole or neither. Raises OSError
        when it cannot; ``saved_at`` then names no report (the mail must not point at a
        file that holds an older one)."""
        import json

        from readiness.ui.report_pdf import replace_files, report_pdf_bytes

        self.saved_at = None
        report = self.build()
        pdf_path = pdf_path.with_suffix(".pdf")
        json_text = json.dumps(report, ensure_ascii=False, indent=2)
        try:
            pdf_path.parent.mkdir(parents=True, exist_ok=True)
            # The PDF last: it is the file the person was told about.
            replace_files(
                {
                    pdf_path.with_suffix(".json"): json_text.encode("utf-8"),
                    pdf_path: report_pdf_bytes(report, self._logo()),
                }
            )
        except OSError as error:
            log.warning("report not saved to %s: %s", pdf_path, error)
            raise
        self.saved_at = pdf_path
        log.info("report saved to %s", pdf_path)
        return pdf_path

    def _logo(self) -> QImage | None:
        """The organisation's logo for the report's top, if it has one (checked at start:
        one that cannot be drawn leaves the report without it, never unsaved)."""
        from readiness.ui.branding import LogoUnreadable, report_logo

        try:
            return report_logo(self._services.config.logo)
        except LogoUnreadable as error:
            log.warning("report without the logo: %s", error)
            return None

    def mail_url(self) -> str:
        from readiness.core.contact import mailto_url
        from readiness.core.report_text import mail_body

        subject = self.tr("Vérification technique avant la séance — {name}").format(
            name=self._services.preferences.display_name or self._services.config.organisation
        )
        body = mail_body(self.build(), str(self.saved_at) if self.saved_at else None)
        return mailto_url(self._services.config.support.email, subject=subject, body=body)

    def send_mail(self) -> None:
        from readiness.ui.link_opening import open_link

        parent = self.parent()
        window = parent if isinstance(parent, QWidget) else None
        open_link(self._tasks, self._services.url_opener, self.mail_url(), window)
