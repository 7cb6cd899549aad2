"""The session watch's decisions (readiness.core.session_watch), without Qt or real time."""

from __future__ import annotations

import pytest

from readiness.core.connection_watch import ConnectionWatch, WatchEvent
from readiness.core.known_apps import KnownApp, KnownApps, load_known_apps
from readiness.core.session_watch import Act, Notice, SessionWatch
from tests.fakes import ManualClock as Clock

ESCALATE_AFTER_S = 300.0


def app(name: str, *patterns: str) -> KnownApp:
    return KnownApp(name, "sync", "bandwidth", patterns, {"fr": f"Fermez {name}.", "en": "Close."})


DROPBOX = app("Dropbox", "dropbox")
STEAM = app("Steam", "steam", "steamwebhelper")
ONEDRIVE = app("OneDrive", "onedrive*")
KNOWN = KnownApps((DROPBOX, STEAM, ONEDRIVE), protected=())


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def logic(clock: Clock) -> SessionWatch:
    return SessionWatch(ConnectionWatch(escalate_after_s=ESCALATE_AFTER_S, clock=clock), KNOWN)


def acts(notices: list[Notice]) -> list[Act]:
    return [notice.act for notice in notices]


def lose(logic: SessionWatch) -> list[Notice]:
    return logic.observe(False) + logic.observe(False)


# --- the line ------------------------------------------------------------------------


def test_nothing_to_do_while_the_line_is_up(logic: SessionWatch) -> None:
    assert logic.observe(True) == []
    assert logic.observe(True) == []
    assert logic.online


def test_one_failed_probe_is_not_a_cut(logic: SessionWatch) -> None:
    assert logic.observe(False) == []
    assert logic.online
    assert logic.observe(True) == []  # and the count starts again
    assert logic.observe(False) == []


def test_lost_after_two_failed_probes_in_a_row(logic: SessionWatch) -> None:
    assert logic.observe(False) == []
    assert acts(logic.observe(False)) == [Act.SHOW_LOST]
    assert not logic.online
    assert logic.observe(False) == []  # said once per cut


def test_back_after_one_good_probe(logic: SessionWatch) -> None:
    lose(logic)
    assert acts(logic.observe(True)) == [Act.SHOW_ONLINE, Act.SAY_BACK]
    assert logic.online
    assert logic.observe(True) == []


def test_each_cut_is_told(logic: SessionWatch) -> None:
    for _ in range(3):
        assert acts(lose(logic)) == [Act.SHOW_LOST]
        assert acts(logic.observe(True)) == [Act.SHOW_ONLINE, Act.SAY_BACK]


def test_events_from_a_watch_fed_elsewhere_are_turned_into_notices(logic: SessionWatch) -> None:
    assert acts(logic.on_line([WatchEvent.LOST])) == [Act.SHOW_LOST]
    assert acts(logic.on_line([WatchEvent.ESCALATE])) == [Act.OPEN_ESCALATION]
    assert acts(logic.on_line([WatchEvent.BACK])) == [
        Act.SHOW_ONLINE,
        Act.CLOSE_ESCALATION,
        Act.SAY_BACK,
    ]
    assert logic.on_line([]) == []


# --- reconnecting --------------------------------------------------------------------


def test_reconnect_while_online_reopens_now(logic: SessionWatch) -> None:
    assert acts(logic.reconnect()) == [Act.REOPEN]
    assert not logic.reconnect_pending
    assert acts(logic.reconnect()) == [Act.REOPEN]  # each time it is asked


def test_reconnect_while_offline_waits_then_reopens_once_when_back(logic: SessionWatch) -> None:
    lose(logic)
    assert acts(logic.reconnect()) == [Act.SAY_REOPEN_LATER]
    assert logic.reconnect_pending
    assert logic.observe(False) == []
    back = acts(logic.observe(True))
    assert back.count(Act.REOPEN) == 1
    assert Act.SAY_BACK not in back  # the meeting reopening says enough
    assert back[0] is Act.SHOW_ONLINE
    assert not logic.reconnect_pending
    # Next cut: back without reopening, since nobody asked again.
    lose(logic)
    assert acts(logic.observe(True)) == [Act.SHOW_ONLINE, Act.SAY_BACK]


def test_asking_twice_while_offline_still_reopens_once(logic: SessionWatch) -> None:
    lose(logic)
    logic.reconnect()
    logic.reconnect()
    assert acts(logic.observe(True)).count(Act.REOPEN) == 1


def test_one_failed_probe_before_reconnecting_does_not_delay_it(logic: SessionWatch) -> None:
    logic.observe(False)  # not a cut yet: the line still counts as up
    assert acts(logic.reconnect()) == [Act.REOPEN]


# --- escalation ----------------------------------------------------------------------


def test_escalation_once_per_cut_after_the_delay(logic: SessionWatch, clock: Clock) -> None:
    lose(logic)
    clock.advance(ESCALATE_AFTER_S - 1)
    assert logic.observe(False) == []
    clock.advance(1)
    assert acts(logic.observe(False)) == [Act.OPEN_ESCALATION]
    clock.advance(ESCALATE_AFTER_S * 3)
    assert logic.observe(False) == []  # once, however long it lasts


def test_the_escalation_closes_when_the_line_is_back(logic: SessionWatch, clock: Clock) -> None:
    lose(logic)
    clock.advance(ESCALATE_AFTER_S)
    logic.observe(False)
    assert acts(logic.observe(True)) == [Act.SHOW_ONLINE, Act.CLOSE_ESCALATION, Act.SAY_BACK]
    # A short cut afterwards has nothing to close.
    lose(logic)
    assert Act.CLOSE_ESCALATION not in acts(logic.observe(True))


def test_a_new_cut_escalates_again(logic: SessionWatch, clock: Clock) -> None:
    for _ in range(2):
        lose(logic)
        clock.advance(ESCALATE_AFTER_S)
        assert acts(logic.observe(False)) == [Act.OPEN_ESCALATION]
        logic.observe(True)


def test_escalation_counts_from_the_cut_not_from_the_first_failed_probe(
    logic: SessionWatch, clock: Clock
) -> None:
    logic.observe(False)
    clock.advance(ESCALATE_AFTER_S)
    assert acts(logic.observe(False)) == [Act.SHOW_LOST]
    clock.advance(ESCALATE_AFTER_S)
    assert acts(logic.observe(False)) == [Act.OPEN_ESCALATION]


def test_a_zero_delay_escalates_with_the_cut(clock: Clock) -> None:
    logic = SessionWatch(ConnectionWatch(escalate_after_s=0, clock=clock), KNOWN)
    assert acts(lose(logic)) == [Act.SHOW_LOST, Act.OPEN_ESCALATION]


def test_reconnect_and_escalation_together_when_back(logic: SessionWatch, clock: Clock) -> None:
    lose(logic)
    clock.advance(ESCALATE_AFTER_S)
    logic.observe(False)
    logic.reconnect()
    assert acts(logic.observe(True)) == [Act.SHOW_ONLINE, Act.CLOSE_ESCALATION, Act.REOPEN]


# --- applications that start during the session --------------------------------------


def warned(notices: list[Notice]) -> list[str]:
    assert all(notice.act is Act.WARN_APP for notice in notices)
    return [notice.app.name for notice in notices if notice.app is not None]


def test_the_first_look_only_notes_what_is_there(logic: SessionWatch) -> None:
    assert logic.names_seen({"bash", "dropbox", "Xorg"}) == []


def test_an_app_there_at_the_start_is_never_warned_about(logic: SessionWatch) -> None:
    logic.names_seen({"bash", "dropbox"})
    assert logic.names_seen({"bash", "dropbox"}) == []
    assert logic.names_seen({"bash"}) == []  # closed
    assert logic.names_seen({"bash", "dropbox"}) == []  # and started again


def test_an_app_that_starts_later_is_warned_about_exactly_once(logic: SessionWatch) -> None:
    logic.names_seen({"bash"})
    notices = logic.names_seen({"bash", "dropbox"})
    assert warned(notices) == ["Dropbox"]
    assert notices[0].app is DROPBOX  # its advice comes with it
    assert logic.names_seen({"bash", "dropbox"}) == []
    assert logic.names_seen({"bash"}) == []
    assert logic.names_seen({"bash", "dropbox"}) == []  # restarted: already said


def test_several_processes_of_one_app_give_one_warning(logic: SessionWatch) -> None:
    logic.names_seen(set())
    assert warned(logic.names_seen({"steam", "steamwebhelper"})) == ["Steam"]


def test_several_apps_at_once_each_warned_in_name_order(logic: SessionWatch) -> None:
    logic.names_seen({"bash"})
    assert warned(logic.names_seen({"steam", "onedrive-sync", "dropbox"})) == [
        "Dropbox",
        "OneDrive",
        "Steam",
    ]


def test_names_match_the_apps_patterns_without_case(logic: SessionWatch) -> None:
    logic.names_seen(set())
    assert warned(logic.names_seen({"OneDrive-Launcher", "DROPBOX"})) == ["Dropbox", "OneDrive"]


def test_unknown_names_are_ignored(logic: SessionWatch) -> None:
    logic.names_seen({"bash"})
    assert logic.names_seen({"bash", "python3", "firefox-ish", "drop", "my-dropbox"}) == []


def test_apps_and_the_line_are_independent(logic: SessionWatch) -> None:
    logic.names_seen(set())
    lose(logic)
    assert warned(logic.names_seen({"dropbox"})) == ["Dropbox"]
    assert acts(logic.observe(True)) == [Act.SHOW_ONLINE, Act.SAY_BACK]


def test_the_shipped_list_is_used_as_is() -> None:
    """The real known_apps.toml: a Linux process name it lists is warned about, with advice."""
    logic = SessionWatch(ConnectionWatch(clock=Clock()), load_known_apps(platform="linux"))
    logic.names_seen({"systemd", "bash"})
    (notice,) = logic.names_seen({"systemd", "bash", "dropbox"})
    assert notice.app is not None and notice.app.name == "Dropbox"
    assert "synchronisation" in notice.app.advice["fr"]
