"""Nothing to wait for: the checks that need nobody (the applications, the connection,
the Zoom app) run in the background from the window's opening, one after the other,
while the person stays on the welcome page; their pages show the answer on arrival.

The real window; the applications are this machine's (psutil), the line a real STUN
responder on 127.0.0.1, the bandwidth a stand-in client that answers at once.
"""

import pytest

from network_helpers import line_on
from readiness.checks import build_checks
from readiness.checks.early import EARLY_NETWORK_S, EARLY_PROCESSES_S, early_checks
from readiness.checks.line_watch import LineWatch
from readiness.core.device_choice import DeviceChoice
from readiness.ui.status_style import BadgeState
from stun_server import StunServer

BACKGROUND = ("processes", "network", "zoom")


def test_the_scan_comes_first_and_a_metered_line_waits_for_the_person() -> None:
    plan = early_checks(DeviceChoice())
    assert plan == {"processes": EARLY_PROCESSES_S, "network": EARLY_NETWORK_S}
    assert 0 < EARLY_PROCESSES_S < EARLY_NETWORK_S  # never both measuring at once
    assert early_checks(DeviceChoice(early_network_test=False)) == {"processes": 1.5}


@pytest.fixture
def opened_window(make_window):
    """The window as the app opens it: the line watched, the app's own background plan."""
    with StunServer(delay_ms=10) as line:
        kit, stream = line_on(line.port, retry_s=0.5)
        watch = LineWatch(stream, refresh_s=0.1, stats_every_s=0.3)
        window = make_window(
            checks=build_checks(["processes", "network"], kit=kit),
            kit=kit,
            line_watch=watch,
            early_checks=early_checks(DeviceChoice()),
        )
        yield window
        watch.stop()


def go_to(window, step_id: str):
    row = next(i for i, step in enumerate(window.steps) if step.step_id == step_id)
    window.sidebar.setCurrentRow(row)
    return window.current_page()


def test_staying_on_the_welcome_page_every_background_check_gets_done(opened_window, qtbot):
    window = opened_window
    controller = window.controller
    qtbot.waitUntil(lambda: all(controller.result(c) for c in BACKGROUND), timeout=60_000)
    assert window.current_page().step_id == "welcome"  # the person never moved
    for check_id in BACKGROUND:
        # The steps list says each answer already: no step is left « À vérifier ».
        assert window.sidebar.state(check_id) not in (BadgeState.PENDING, BadgeState.RUNNING)


def test_each_background_page_shows_its_answer_on_arrival(opened_window, qtbot):
    window = opened_window
    controller = window.controller
    qtbot.waitUntil(lambda: all(controller.result(c) for c in BACKGROUND), timeout=60_000)
    scan = window.page("processes")._flow  # the one the background ran

    network = go_to(window, "network")
    assert not network.running
    assert network.progress_bar.isHidden()  # no progress bar: the measure is there
    assert network.result_view.summary.text() == controller.result("network").summary

    processes = go_to(window, "processes")
    assert not processes._scanning and processes.rescan_button.isEnabled()
    assert processes.result_view.summary.text() == controller.result("processes").summary
    assert processes._flow is scan  # no second scan on arrival

    zoom = go_to(window, "zoom")
    assert zoom.result_view.summary.text() == controller.result("zoom").summary
