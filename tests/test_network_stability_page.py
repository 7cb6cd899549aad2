"""The line watched over the whole walkthrough, in the real window: the connection test run
early in the background, the live chart and its sentence, the verdict judged again as
the line changes, the summary and the report's stability sentence and score, and the
watch's end when the person joins.

A real STUN responder on 127.0.0.1 (tests/stun_server.py) stands for the line; the
bandwidth is a stand-in client that answers at once.
"""

import time
from html import unescape

import pytest

from network_helpers import line_on
from readiness.checks import build_checks
from readiness.checks.line_watch import LineWatch
from readiness.core.report_text import report_html
from readiness.core.result import Status
from stun_server import StunServer

pytest_plugins = ["network_fixtures"]


@pytest.fixture
def line():
    with StunServer(delay_ms=20) as server:
        yield server


@pytest.fixture
def watched_window(make_window, line):
    """A window whose line is watched from its opening, the connection test starting at
    once in the background (as the app does, a few seconds after)."""
    watches: list[LineWatch] = []

    def make(*, early: bool = True):
        kit, stream = line_on(line.port, retry_s=0.5)
        watch = LineWatch(stream, refresh_s=0.1, stats_every_s=0.3)
        watches.append(watch)
        window = make_window(
            checks=build_checks(["network"], kit=kit),
            kit=kit,
            line_watch=watch,
            early_checks={"network": 0.0} if early else None,
        )
        return window, watch

    yield make
    for watch in watches:
        watch.stop()


def go_to(window, step_id: str) -> None:
    row = next(i for i, step in enumerate(window.steps) if step.step_id == step_id)
    window.sidebar.setCurrentRow(row)


def test_the_connection_test_is_done_before_the_person_reaches_it(watched_window, qtbot):
    window, watch = watched_window()
    assert watch.running  # from the window's opening
    assert window.current_page().step_id == "welcome"
    qtbot.waitUntil(lambda: window.controller.result("network") is not None, timeout=30_000)
    result = window.controller.result("network")
    assert result.status is Status.OK
    assert result.measures["udp_reachable"] is True
    go_to(window, "network")
    page = window.current_page()
    assert not page.running  # nothing left to wait for: the answer is there
    assert page.result_view.isVisible()


def test_without_the_early_start_the_test_waits_for_the_person(watched_window, qtbot):
    window, watch = watched_window(early=False)
    qtbot.wait(500)
    assert window.controller.result("network") is None
    assert "network" not in window._pages  # not even built
    assert watch.running  # the line is watched all the same


def test_the_page_draws_the_line_live_and_says_it_in_words(watched_window, qtbot):
    window, _watch = watched_window()
    qtbot.waitUntil(lambda: window.controller.result("network") is not None, timeout=30_000)
    go_to(window, "network")
    page = window.current_page()
    panel = page.stability
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: any(b.sent for b in panel.chart._buckets), timeout=10_000)
    qtbot.waitUntil(lambda: panel.sentence.text().startswith("Stable pendant"), timeout=10_000)
    text = panel.sentence.text()
    assert "0\u00a0% de pertes, aucune coupure" in text
    assert "Délai aller-retour" in text
    assert panel.chart.accessibleDescription() == text  # a screen reader gets the same


def test_a_line_that_gets_worse_changes_the_verdict(watched_window, line, qtbot):
    window, _watch = watched_window()
    qtbot.waitUntil(lambda: window.controller.result("network") is not None, timeout=30_000)
    assert window.controller.result("network").status is Status.OK
    line.loss = 0.4  # the Wi-Fi gets bad while the person tests the camera
    qtbot.waitUntil(
        lambda: window.controller.result("network").status is not Status.OK, timeout=30_000
    )
    result = window.controller.result("network")
    assert result.measures["udp_loss_percent"] >= 2.5
    assert any("paquets" in advice or "câble" in advice for advice in result.advice)


def test_the_summary_and_the_report_say_how_stable_the_line_was(watched_window, qtbot):
    window, _watch = watched_window()
    qtbot.waitUntil(lambda: window.controller.result("network") is not None, timeout=30_000)
    go_to(window, "summary")
    summary = window.current_page()
    row = next(row for row in summary.rows if row.check_id == "network")
    details = row.details.text()
    assert "Stabilité : stable pendant" in details.replace("\u00a0", " ")
    assert "aucune coupure" in details
    assert "Qualité d'appel estimée : excellente (note 4,4 sur 5)" in details.replace("\u00a0", " ")
    html = unescape(report_html(window.report.build())).replace("\u00a0", " ")
    assert "Stabilité : stable pendant" in html
    assert "Qualité d'appel estimée" in html


def test_joining_ends_the_watch_and_keeps_its_figures(watched_window, qtbot):
    window, watch = watched_window()
    qtbot.waitUntil(lambda: window.controller.result("network") is not None, timeout=30_000)
    window._on_joined("app")
    assert not watch.running
    qtbot.waitUntil(lambda: watch.snapshot().state == "stopped", timeout=10_000)
    assert watch.snapshot().stats is not None
    assert window.controller.result("network").measures["udp_reachable"] is True


def test_testing_again_measures_the_line_afresh(watched_window, line, qtbot):
    window, _watch = watched_window()
    qtbot.waitUntil(lambda: window.controller.result("network") is not None, timeout=30_000)
    back_at = time.monotonic() + 2.0
    line.silence(2.0)  # a drop-out...
    qtbot.waitUntil(
        lambda: window.controller.result("network").status is not Status.OK, timeout=30_000
    )
    # The verdict can change before the drop-out is over: the person tests again once
    # the line is back (and its last lost requests have settled, 1 s later).
    qtbot.waitUntil(lambda: time.monotonic() > back_at + 1.5, timeout=30_000)
    go_to(window, "network")
    page = window.current_page()
    page.start_button.click()  # ...the person moved closer to the box, and tests again
    assert page.running
    qtbot.waitUntil(lambda: not page.running, timeout=60_000)
    result = window.controller.result("network")
    assert result.status is Status.OK
    assert result.measures["udp_outages"] == 0
