"""The summary page and the quality report (PDF + JSON), from real checks."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from conftest import UrlRecorder, require_program
from readiness.checks import build_checks


def pdf_text(path: Path) -> str:
    pdftotext = require_program("pdftotext")
    done = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True)
    # Table cells wrap their words over lines: compare with the white space folded.
    return " ".join(done.stdout.split())


def open_summary(make_window, qtbot):
    # Processes are left unchecked here: on a busy machine their verdict would vary.
    window = make_window(checks=build_checks(["processes"]))
    window.services.preferences.display_name = "Mélissa Brunet"
    window.sidebar.setCurrentRow(
        next(i for i, s in enumerate(window.steps) if s.step_id == "summary")
    )
    page = window.current_page()
    assert page.step_id == "summary"
    return window, page


def test_summary_lists_every_check_with_the_verdict_and_what_to_do(make_window, qtbot) -> None:
    _window, page = open_summary(make_window, qtbot)
    titles = [row.title.text() for row in page.rows]
    assert any("Applications ouvertes" in t for t in titles)
    assert any("Application Zoom" in t for t in titles)
    # Zoom is missing here: a warning, so "ready, with points to improve".
    assert page.verdict_title.text() == "Prêt, avec des points à améliorer"
    assert "Vous pouvez rejoindre la séance" in page.next_step.text()
    zoom_row = next(r for r in page.rows if r.check_id == "zoom")
    assert "zoom.us/download" in zoom_row.details.text()


def test_saving_through_the_dialog_writes_pdf_and_json(make_window, qtbot, tmp_path) -> None:
    _window, page = open_summary(make_window, qtbot)
    target = tmp_path / "rapport.pdf"

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, fill_dialog)
            return
        dialog.findChild(QLineEdit).setText(str(target))
        dialog.accept()

    QTimer.singleShot(50, fill_dialog)
    page.save_button.click()
    qtbot.waitUntil(target.exists, timeout=10_000)

    text = pdf_text(target)
    assert "Mélissa Brunet" in text
    assert "Prêt, avec des points à améliorer" in text
    assert "Applications ouvertes" in text and "Application Zoom" in text
    assert "OF Optimo Coaching" in text

    report = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    assert report["display_name"] == "Mélissa Brunet"
    assert report["verdict"] == "warnings"
    assert [c["id"] for c in report["checks"]] == ["processes", "zoom"]
    assert report["checks"][0]["status"] == "skipped"  # not run: said, not left out
    assert report["organisation"] == "OF Optimo Coaching"
    assert report["joined_at"] is None
    assert "Rapport enregistré" in page.report_status.text()


def test_an_unwritable_place_gets_a_message(make_window, qtbot, tmp_path) -> None:
    _window, page = open_summary(make_window, qtbot)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    page.save(blocker / "rapport.pdf")  # a folder that cannot exist
    assert "n'a pas pu être enregistré" in page.report_status.text()


def test_mail_to_the_consultant_has_an_encoded_summary(
    make_window, qtbot, tmp_path, url_recorder: UrlRecorder
) -> None:
    _window, page = open_summary(make_window, qtbot)
    page.save(tmp_path / "rapport.pdf")
    page.mail_button.click()
    (url,) = url_recorder.wait_for(1)
    assert url.startswith("mailto:contact@optimocoaching.fr?subject=")
    assert " " not in url and "\n" not in url  # everything percent-encoded
    query = parse_qs(urlsplit(url).query)
    body = query["body"][0]
    assert "Prêt, avec des points à améliorer" in body
    assert "Application Zoom" in body
    assert str(tmp_path / "rapport.pdf") in body
    assert "Mélissa Brunet" in query["subject"][0]


def test_cli_writes_the_same_pdf_without_a_window(tmp_path) -> None:
    target = tmp_path / "cli.pdf"
    script = Path(sys.executable).parent / "readiness"
    done = subprocess.run(
        [str(script), "check", "--only", "zoom", "--pdf", str(target), "--name", "Mélissa Brunet"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr  # zoom missing: warnings
    text = pdf_text(target)
    assert "Mélissa Brunet" in text and "Application Zoom" in text


def test_the_saved_report_says_what_the_person_ticked(make_window, qtbot, tmp_path) -> None:
    """Through the window: the summary's room checklist reaches the report it saves, and
    the answers outlive the page (a change of language builds the window again)."""
    from readiness.core.room_checklist import RoomItem

    window, page = open_summary(make_window, qtbot)
    page.room_view.boxes[RoomItem.ALONE].setChecked(True)
    page.save(tmp_path / "rapport.pdf")
    qtbot.waitUntil((tmp_path / "rapport.json").exists, timeout=10_000)
    saved = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert saved["room"] == {
        "quiet": False,
        "well_lit": False,
        "alone": True,
        "door_closed": False,
    }
    assert window.services.room.answers()["alone"] is True
