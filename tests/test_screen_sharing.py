"""Will Zoom's screen sharing work? The system (as data) and the line's upload decide;
the Zoom check tells what to allow, and the summary says it in one line."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.checks.zoom import ZoomCheck
from readiness.core.privacy_settings import MEASURE_KEY as PRIVACY_KEY
from readiness.core.result import CheckResult, Status
from readiness.core.screen_sharing import (
    MEASURE_KEY,
    SHARING_UPLOAD_MBPS,
    SystemSharing,
    line_allows_sharing,
    sharing_in_results,
    sharing_sentence,
    system_sharing,
)
from readiness.core.zoom_needs import ZOOM_NEEDS
from readiness.devices.zoom.model import ZoomInstall


class FixedFinder:
    def __init__(self, install: ZoomInstall):
        self.install = install

    def find(self) -> ZoomInstall:
        return self.install


INSTALLED = ZoomInstall("/Applications/zoom.us.app", "6.2.1", "zoom.us")


@pytest.mark.parametrize(
    ("platform", "session", "system"),
    [
        ("darwin", None, SystemSharing.NEEDS_PERMISSION),
        ("win32", None, SystemSharing.READY),
        ("win32", "wayland", SystemSharing.READY),  # a stray variable means nothing there
        ("linux", "wayland", SystemSharing.LIMITED),
        ("linux", "Wayland\n", SystemSharing.LIMITED),
        ("linux", "x11", SystemSharing.READY),
        ("linux", None, SystemSharing.READY),
        ("linux", "tty", SystemSharing.READY),
    ],
)
def test_what_the_system_allows(platform, session, system) -> None:
    assert system_sharing(platform, session) is system


def test_the_upload_needed_comes_from_zooms_needs() -> None:
    needed = ZOOM_NEEDS["screen_share"].upload_mbps + ZOOM_NEEDS["audio"].upload_mbps
    assert pytest.approx(needed) == SHARING_UPLOAD_MBPS
    assert line_allows_sharing(needed) is True
    assert line_allows_sharing(needed - 0.01) is False
    assert line_allows_sharing(None) is None  # not measured


@given(upload=st.one_of(st.none(), st.floats(0.0, 1000.0)))
def test_wayland_never_promises_sharing_and_macos_never_confirms_it(upload) -> None:
    # What the person reads: never « l'ordinateur le permet » there.
    wayland = sharing_sentence(system_sharing("linux", "wayland"), upload)
    assert "ne partage l'écran qu'en partie" in wayland
    mac = sharing_sentence(system_sharing("darwin", None), upload)
    assert "Zoom doit être autorisé" in mac
    assert "l'ordinateur le permet" not in wayland + mac


def test_a_slow_line_says_what_it_sends_and_what_is_needed() -> None:
    sentence = sharing_sentence(SystemSharing.READY, 0.1)
    assert sentence.startswith("Partage d'écran")
    assert "0,10 Mbit/s" in sentence and "0,23" in sentence
    assert "l'ordinateur le permet" in sentence


# --- the Zoom check ---------------------------------------------------------------------


def test_on_macos_the_zoom_check_says_to_allow_screen_recording() -> None:
    result = ZoomCheck(FixedFinder(INSTALLED), platform="darwin").run()
    assert result.status is Status.OK  # a reminder: whether it is allowed cannot be read
    assert result.measures[MEASURE_KEY] == "needs_permission"
    assert result.measures[PRIVACY_KEY] == "screen"  # the button to Privacy_ScreenCapture
    text = " ".join(result.advice)
    assert "Enregistrement de l'écran" in text and "zoom.us" in text
    assert "rouvrir" in text


def test_under_wayland_the_zoom_check_offers_an_x11_session() -> None:
    result = ZoomCheck(FixedFinder(INSTALLED), platform="linux", session_type="wayland").run()
    assert result.measures[MEASURE_KEY] == "limited"
    assert PRIVACY_KEY not in result.measures
    text = " ".join(result.advice)
    assert "Wayland" in text and "Ubuntu sur Xorg" in text and "une seule fenêtre" in text


def test_on_windows_there_is_nothing_to_allow() -> None:
    result = ZoomCheck(FixedFinder(INSTALLED), platform="win32").run()
    assert result.measures[MEASURE_KEY] == "ready"
    assert result.advice == ()


def test_the_session_type_is_read_when_not_given(monkeypatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    result = ZoomCheck(FixedFinder(INSTALLED), platform="linux").run()
    assert result.measures[MEASURE_KEY] == "limited"


# --- the summary ------------------------------------------------------------------------


def _result(check_id: str, **measures) -> CheckResult:
    return CheckResult(check_id, Status.OK, check_id, "", (), measures)


def test_the_summary_sentence_from_the_runs_results() -> None:
    zoom = ZoomCheck(FixedFinder(INSTALLED), platform="darwin").run()
    line = sharing_in_results([zoom, _result("network", upload_mbps=12.4)])
    assert "la connexion le permet" in line and "Zoom doit être autorisé" in line
    assert "pas encore été mesurée" in sharing_in_results([zoom])
    assert "pas encore été vérifié" in sharing_in_results([_result("network", upload_mbps=9.0)])


def test_the_summary_page_says_whether_sharing_is_possible(qtbot, make_window, monkeypatch):
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    window = make_window()  # its Zoom check runs on this Linux, under "Wayland"
    summary = window.page("summary")
    summary.entered()
    text = summary.sharing.text()
    assert "Partage d'écran" in text
    assert "Wayland" in text and "pas encore été mesurée" in text
    assert summary.sharing.isVisibleTo(summary)


def test_the_report_and_the_mail_say_what_the_summary_says() -> None:
    from datetime import datetime

    from readiness.core.report import quality_report
    from readiness.core.report_text import mail_body, report_html

    zoom = ZoomCheck(FixedFinder(INSTALLED), platform="darwin").run()
    results = [zoom, _result("network", upload_mbps=0.1)]
    when = datetime(2025, 3, 4, 9, 55).astimezone()
    report = quality_report(
        results,
        when,
        when,
        organisation="OF Optimo Coaching",
        display_name="Mélissa Brunet",
        operating_system="macOS 14.5",
    )
    sentence = sharing_in_results(results)
    assert "envoie trop peu" in sentence and "Zoom doit être autorisé" in sentence
    assert report["screen_sharing"] == sentence
    assert html.escape(sentence) in report_html(report)
    assert sentence in mail_body(report, None)
