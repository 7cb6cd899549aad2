"""Writes the quality report as a PDF with Qt's own printing (no extra dependency)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from readiness.core.report_text import report_html


def write_report_pdf(report: dict[str, Any], path: Path) -> None:
    """Needs a QGuiApplication (the CLI makes an offscreen one). Raises OSError if unwritable."""
    writer = QPdfWriter(str(path))
    writer.setTitle(report.get("organisation", "") + " — " + report.get("display_name", ""))
    writer.setCreator("readiness")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(report_html(report))
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
