"""The guide's room rules, kindly: a reminder when more than one face is in view, and the
room checklist on the summary, said in the report.

The camera part runs on videos written here (two copies of the photograph side by side:
two people in view), through the installed console script and the real camera page; the
checklist part on the real summary page and the real report texts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox

from camera_media import frames_of, write_variant
from heard import Heard
from readiness.checks.camera import judge_camera
from readiness.core.face_finder import Face, FaceFinder, Framing
from readiness.core.frame_analysis import CameraObservation, FrameAnalyser
from readiness.core.image_quality import Lighting
from readiness.core.result import CheckResult, Status
from ui_walk import accessible_name, tab_cycle

pytest_plugins = ["camera_pages"]

#: Words of the confidentiality reminder (its whole text is the check's own).
REMINDER_WORDS = ("confidentielle", "personne d'autre")


def reminder() -> str:
    from readiness.checks.camera import confidentiality_reminder

    return confidentiality_reminder()


# --- more than one face: a reminder, never a fault ----------------------------------------


@pytest.mark.parametrize(("video", "faces"), [("two_faces", 2), ("good", 1)])
def test_the_command_line_reminds_of_confidentiality_when_two_people_are_in_view(
    tmp_path: Path, video: str, faces: int
) -> None:
    path = write_variant(tmp_path, video)
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "readiness"),  # the installed console script
            "check",
            "--only",
            "camera",
            "--camera",
            str(path),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    (camera,) = json.loads(done.stdout)["checks"]
    assert camera["measures"]["faces"] == faces
    # A reminder, not a fault: the image is good either way.
    assert camera["status"] == "ok" and done.returncode == 0, done.stderr
    reminded = [line for line in camera["advice"] if all(w in line for w in REMINDER_WORDS)]
    assert len(reminded) == (1 if faces > 1 else 0), camera["advice"]


@pytest.fixture(scope="module")
def finder() -> FaceFinder:
    return FaceFinder()


def test_the_faces_are_counted_over_the_samples_not_on_one(finder: FaceFinder) -> None:
    one = list(frames_of("good", 4))
    two = list(frames_of("two_faces", 4))
    analyser = FrameAnalyser(finder)
    for frame in [*one, *two[:2]]:  # a second face in two samples of six
        analyser.add(frame)
    assert analyser.observation(30.0).faces == 1
    analyser = FrameAnalyser(finder)
    for frame in [*two, *one[:2]]:  # the second person looked away twice
        analyser.add(frame)
    assert analyser.observation(30.0).faces == 2


@given(
    st.integers(1, 4),
    st.integers(0, 4),
    st.integers(3, 12),
    st.lists(st.integers(0, 4), max_size=12),
    st.randoms(),
)
def test_a_count_seen_in_most_samples_is_the_count(
    count: int, other: int, majority: int, noise: list[int], rng
) -> None:
    from readiness.core.frame_analysis import faces_in_view

    noise = noise[: majority - 1]  # fewer than the majority: noise never outvotes it
    counts = [count] * majority + noise
    rng.shuffle(counts)
    assert faces_in_view(counts) == count


@given(st.lists(st.integers(0, 4), min_size=1, max_size=24))
def test_no_face_unless_seen_in_a_quarter_of_the_samples(counts: list[int]) -> None:
    from readiness.core.frame_analysis import faces_in_view

    with_a_face = sum(1 for count in counts if count)
    found = faces_in_view(counts)
    assert (found == 0) == (with_a_face < 0.25 * len(counts))
    assert found == 0 or found in counts


observations = st.builds(
    CameraObservation,
    width=st.just(640),
    height=st.just(360),
    fps=st.just(30.0),
    samples=st.integers(3, 6),
    brightness=st.floats(0, 255),
    contrast=st.floats(0, 80),
    clipped_share=st.floats(0, 1),
    faces=st.just(1),
    face=st.just(Face(0.4, 0.2, 0.2, 0.3)),
    lighting=st.sampled_from(list(Lighting)),
    framing=st.sampled_from([None, *Framing]),
    all_black=st.booleans(),
    frozen=st.booleans(),
    uniform=st.booleans(),
)


@given(observations, st.integers(2, 5))
def test_the_reminder_never_changes_the_verdict(observation, faces: int) -> None:
    alone = judge_camera(observation)
    not_alone = judge_camera(replace(observation, faces=faces))
    assert (not_alone.status, not_alone.summary) == (alone.status, alone.summary)
    assert reminder() not in alone.advice
    assert reminder() in not_alone.advice
    assert [line for line in not_alone.advice if line != reminder()] == list(alone.advice)
    assert not_alone.measures["faces"] == faces


def test_the_camera_page_reminds_gently_and_says_it_once(
    camera_page, qtbot, tmp_path: Path, heard: Heard
) -> None:
    page = camera_page(write_variant(tmp_path, "two_faces"))

    def reminded() -> CheckResult | None:
        result = page.controller.result("camera")
        return result if result is not None and reminder() in result.advice else None

    qtbot.waitUntil(lambda: reminded() is not None, timeout=10_000)
    assert reminded().status is Status.OK
    assert page.result_view.badge.word() == "Bon"
    assert page.result_view.advice.isVisible()
    assert f"→ {reminder()}" in page.result_view.advice.text()
    assert "Visages vus\u00a0: 2" in page.details.text()
    # More verdicts come a few times a second: the reminder is said once, politely.
    qtbot.waitUntil(lambda: page.preview.frames_drawn > 20, timeout=10_000)
    told = [(text, how) for text, how in heard.said if text == reminder()]
    assert told == [(reminder(), QAccessible.AnnouncementPoliteness.Polite)]


# --- the room checklist -------------------------------------------------------------------


def open_summary(make_window, qtbot):
    """The real summary page in the real window (processes left unchecked)."""
    from readiness.checks import build_checks

    window = make_window(checks=build_checks(["processes"]))
    window.sidebar.setCurrentRow(
        next(i for i, s in enumerate(window.steps) if s.step_id == "summary")
    )
    page = window.current_page()
    assert page.step_id == "summary"
    return window, page


BOX_TEXTS = [
    "Je suis dans un endroit calme",
    "La pièce est bien éclairée",
    "Je suis seul(e) dans la pièce",
    "La porte est fermée",
]


def test_the_room_checklist_is_four_named_boxes_ticked_with_the_keyboard(
    make_window, qtbot
) -> None:
    window, page = open_summary(make_window, qtbot)
    boxes = list(page.room_view.boxes.values())
    assert [box.text() for box in boxes] == BOX_TEXTS
    assert page.room_view.isVisible() and all(box.isVisible() for box in boxes)
    assert "facultatif" in page.room_view.intro.text()
    for box in boxes:
        assert not box.isChecked()
        assert accessible_name(box) == box.text()
        face = QAccessible.queryAccessibleInterface(box)
        assert face.text(QAccessible.Text.Name) == box.text()
        assert face.role() == QAccessible.Role.CheckBox
        assert face.state().checkable and not face.state().checked

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    boxes[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is boxes[0], timeout=5_000)
    cycle = tab_cycle(window)
    assert [w for w in cycle if isinstance(w, QCheckBox)] == boxes  # in order, by Tab
    # Ticked with the space bar, as a keyboard user does: the first and the last.
    QTest.keyClick(boxes[0], Qt.Key.Key_Space)
    QTest.keyClick(boxes[3], Qt.Key.Key_Space)
    assert QAccessible.queryAccessibleInterface(boxes[0]).state().checked
    assert window.services.room.answers() == {
        "quiet": True,
        "well_lit": False,
        "alone": False,
        "door_closed": True,
    }
    QTest.keyClick(boxes[0], Qt.Key.Key_Space)  # changed their mind
    assert not window.services.room.answers()["quiet"]


def test_the_checklist_never_keeps_anyone_from_joining(make_window, qtbot) -> None:
    window, page = open_summary(make_window, qtbot)
    assert not any(box.isChecked() for box in page.room_view.boxes.values())
    assert "Vous pouvez rejoindre la séance" in page.next_step.text()
    assert window.next_button.isEnabled()
    window.go_next()
    assert window.current_page().step_id == "join"


def test_the_ticks_are_remembered_while_the_app_runs(make_window, qtbot) -> None:
    from readiness.core.room_checklist import RoomItem
    from readiness.ui.pages.summary import SummaryPage

    window, page = open_summary(make_window, qtbot)
    page.room_view.boxes[RoomItem.ALONE].setChecked(True)
    window.go_next()  # away, and back: the same answers
    window.go_back()
    assert window.current_page() is page
    assert page.room_view.boxes[RoomItem.ALONE].isChecked()
    # The run's checklist, shown again by a page built anew (the window in English).
    room = window.services.room
    room.confirm(RoomItem.DOOR_CLOSED)
    again = SummaryPage(window.services, window.controller, window.report)
    qtbot.addWidget(again)
    assert [box.isChecked() for box in again.room_view.boxes.values()] == [
        False,
        False,
        True,
        True,
    ]
    again.room_view.boxes[RoomItem.QUIET].setChecked(True)
    assert room.is_confirmed(RoomItem.QUIET)


# --- the report ---------------------------------------------------------------------------

STARTED = datetime(2025, 3, 4, 9, 55).astimezone()
FINISHED = datetime(2025, 3, 4, 9, 57).astimezone()


def a_report(room) -> dict:
    from readiness.core.report import quality_report

    result = CheckResult("zoom", Status.OK, "Application Zoom", "Zoom est installé.")
    return quality_report(
        [result],
        STARTED,
        FINISHED,
        organisation="OF Optimo Coaching",
        display_name="Mélissa Brunet",
        operating_system="Linux 6.1",
        room=room,
    )


def squeezed(text: str) -> str:
    """White space folded, and the PDF's ligatures ("ﬁ") undone."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_report_says_what_was_confirmed_and_what_was_not(
    make_window, qtbot, tmp_path: Path
) -> None:
    from conftest import require_program
    from readiness.core.report_text import mail_body, report_html
    from readiness.ui.report_pdf import write_report_pdf

    window, page = open_summary(make_window, qtbot)
    boxes = list(page.room_view.boxes.values())
    boxes[0].setChecked(True)  # calm
    boxes[1].setChecked(True)  # well lit
    report = a_report(window.services.room.answers())

    # The JSON saved beside the PDF: every item, confirmed or not.
    saved = json.loads(json.dumps(report, ensure_ascii=False))
    assert saved["room"] == {
        "quiet": True,
        "well_lit": True,
        "alone": False,
        "door_closed": False,
    }
    html = squeezed(report_html(report))
    assert "Pièce de la séance (déclaration du participant)" in html
    for label, answer in [
        ("Endroit calme", "confirmé"),
        ("Pièce bien éclairée", "confirmé"),
        ("Seul(e) dans la pièce", "non confirmé"),
        ("Porte fermée", "non confirmé"),
    ]:
        assert f"<td>{label}</td><td><b>{answer}</b></td>" in html

    pdf = tmp_path / "rapport.pdf"
    write_report_pdf(report, pdf)
    done = subprocess.run(
        [require_program("pdftotext"), str(pdf), "-"], capture_output=True, text=True
    )
    text = squeezed(done.stdout)
    assert "Pièce de la séance (déclaration du participant)" in text
    assert "Endroit calme confirmé" in text and "Porte fermée non confirmé" in text

    body = mail_body(report, None).replace("\u00a0", " ").splitlines()
    room = body.index("Ma pièce pour la séance :")
    assert body[room + 1 : room + 5] == [
        "- Endroit calme : confirmé",
        "- Pièce bien éclairée : confirmé",
        "- Seul(e) dans la pièce : non confirmé",
        "- Porte fermée : non confirmé",
    ]


def test_nothing_ticked_is_said_as_nothing_confirmed() -> None:
    from readiness.core.report_text import mail_body, report_html
    from readiness.core.room_checklist import RoomChecklist

    report = a_report(RoomChecklist().answers())
    assert set(report["room"].values()) == {False}
    html = squeezed(report_html(report))
    assert html.count("<b>non confirmé</b>") == 4
    assert mail_body(report, None).count("non confirmé") == 4


def test_without_the_checklist_the_report_says_nothing_of_the_room() -> None:
    from readiness.core.report_text import mail_body, report_html

    report = a_report(None)  # the command line's report: no checklist was offered
    assert report["room"] is None
    assert "Pièce de la séance" not in report_html(report)
    assert "Ma pièce" not in mail_body(report, None)


def test_an_item_this_version_does_not_know_is_left_out() -> None:
    from readiness.core.report_text import report_html

    report = a_report({"quiet": True, "plants_watered": True})
    html = squeezed(report_html(report))
    assert "Endroit calme" in html and "plants_watered" not in html
