"""Writes the quality report as a PDF with Qt's own printing (no extra dependency).

A report is written whole or not at all: it is made in memory, checked, written to a
file beside the target and only then moved over it. A report that could not be written
is never taken for saved, and an older one of the same name stays as it was.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from readiness.core.report_text import report_html

#: The logo's height at the top of the report, in the document's pixels (about 17 mm),
#: and its widest.
LOGO_HEIGHT = 64
LOGO_MAX_WIDTH = 320
_LOGO_URL = "readiness-logo"


def write_report_pdf(report: dict[str, Any], path: Path, logo: QImage | None = None) -> None:
    """Needs a QGuiApplication (the CLI makes an offscreen one). Raises OSError if unwritable,
    leaving any older file at ``path`` untouched. ``logo``: the organisation's, on top."""
    replace_files({path: report_pdf_bytes(report, logo)})


def report_pdf_bytes(report: dict[str, Any], logo: QImage | None = None) -> bytes:
    """The report as a PDF, the organisation's ``logo`` on top if given. Raises OSError
    if Qt made none."""
    # In memory, not to a file Qt opens: a file Qt cannot open only gives a warning on
    # the console ("QPainter::begin(): Returned false") and an empty or stale file.
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError("no memory buffer for the PDF")
    writer = QPdfWriter(buffer)
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
    html = report_html(report)
    if logo is not None and not logo.isNull():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_LOGO_URL), logo)
        html = _with_logo(html, logo)
    document.setHtml(html)
    document.print_(writer)
    del writer  # the PDF is finished when the writer goes
    data = bytes(buffer.data().data())
    buffer.close()
    if not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
        raise OSError(f"Qt's PDF writer gave no complete PDF ({len(data)} bytes)")
    return data


def _with_logo(html: str, logo: QImage) -> str:
    """``html`` with the logo (a document resource) first in its body."""
    height = LOGO_HEIGHT
    width = round(height * logo.width() / max(1, logo.height()))
    if width > LOGO_MAX_WIDTH:  # a wide banner: as wide as allowed, its height follows
        width, height = LOGO_MAX_WIDTH, round(LOGO_MAX_WIDTH * logo.height() / logo.width())
    image = f"<p><img src='{_LOGO_URL}' width='{width}' height='{height}'></p>"
    body = re.search(r"<body[^>]*>", html)
    if body is None:
        return image + html
    return html[: body.end()] + image + html[body.end() :]


def replace_files(contents: Mapping[Path, bytes]) -> None:
    """Writes each file whole, or raises OSError. Each is first written to a hidden file
    in its own folder (so the move cannot cross file systems), then moved over the old one
    in one step; if any cannot be written, none is replaced and no hidden file is left.
    The files are moved in the order given: put the one that tells "saved" last."""
    pending: dict[Path, Path] = {}
    try:
        for path, data in contents.items():
            pending[path] = _write_beside(path, data)
        for path in list(pending):
            os.replace(pending[path], path)
            del pending[path]  # moved: nothing left to remove
    finally:
        for temporary in pending.values():
            temporary.unlink(missing_ok=True)


def _write_beside(path: Path, data: bytes) -> Path:
    # Short enough for any file system's name limit, whatever the name chosen.
    temporary = path.with_name(f".{path.name[:40]}.{secrets.token_hex(4)}.tmp")
    # O_EXCL: never through a file or link already there. 0o666: a document's usual
    # permissions, as the person's umask makes them. O_BINARY: no newline translation
    # on Windows.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # on disk before it replaces the old one
        if temporary.stat().st_size != len(data):
            raise OSError(f"{temporary} is shorter than what was written")
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
