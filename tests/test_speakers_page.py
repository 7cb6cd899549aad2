"""The speakers page, offscreen, on the real PortAudio and the tests' PulseAudio server.

The page shows its flow's updates (readiness.checks.speakers_flow). No test here
measures time: the flow's clock is the test's (it moves only when told), the
microphone's listening after the sound is counted in its own samples,
and what must happen off the GUI thread is shown by the thread it runs in.
"""

from __future__ import annotations

import threading
import time
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt, QTimer

from pulse_server import PulseServer
from readiness.checks.speakers import PLAY_MARGIN_S
from readiness.core.result import Status
from readiness.devices import audio
from readiness.devices.audio import rescan
from readiness.ui.pages.speakers import SpeakersPage
from readiness.ui.status_style import BadgeState
from tests.fakes import GatedCall

pytest_plugins = ["pulse_server"]


class Clock:
    """A clock that moves only when the test moves it."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def open_page(open_sound_page):
    def make(**options) -> SpeakersPage:
        options = {"retry_ms": 300, "clock": Clock(), **options}
        return open_sound_page(SpeakersPage, **options)

    return make


def events_handled(qtbot) -> None:
    """Returns once the GUI thread handled an event posted now: the window is not frozen."""
    handled = []
    QTimer.singleShot(0, lambda: handled.append(True))
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)


def play_and_wait(qtbot, page: SpeakersPage) -> None:
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.hear_button.isEnabled, timeout=10_000)


def test_the_sound_is_played_and_the_microphone_hears_it(open_page, qtbot, pulse) -> None:
    page = open_page()
    assert page.answers.isHidden()  # nothing to answer before the sound
    assert page.result_view.isHidden()
    play_and_wait(qtbot, page)
    assert page.played and page.heard_by_microphone is True
    assert page.question.isVisible() and page.hear_button.isVisible()
    assert "le micro l'a entendu" in page.result_view.summary.text()
    assert "les haut-parleurs fonctionnent" in page.result_view.summary.text()
    assert "casque" in page.result_view.advice.text()
    recorded = page._context.controller.result("speakers")
    assert recorded.status is Status.OK and recorded.measures["heard_by_microphone"] is True
    qtbot.waitUntil(rescan, timeout=10_000)  # both devices given back once the sound was over


def test_i_hear_the_sound(open_page, qtbot, pulse: PulseServer) -> None:
    page = open_page()
    play_and_wait(qtbot, page)
    qtbot.mouseClick(page.hear_button, Qt.MouseButton.LeftButton)
    assert page.result_view.badge.state is BadgeState.OK
    assert "Vous entendez le son" in page.result_view.summary.text()
    assert page._context.controller.result("speakers").measures["heard_by_user"] is True


def test_i_hear_nothing_gives_what_to_check(open_page, qtbot, pulse: PulseServer) -> None:
    page = open_page()
    play_and_wait(qtbot, page)
    qtbot.mouseClick(page.silent_button, Qt.MouseButton.LeftButton)
    # The microphone heard it: the sound does come out, too quietly for them.
    assert page.result_view.badge.state is BadgeState.WARNING
    advice = page.result_view.advice.text()
    assert "volume" in advice and "sortie son" in advice and "casque" in advice
    assert page.play_button.isEnabled()  # they can try again


def test_the_chosen_output_is_remembered(open_page, qtbot, pulse: PulseServer) -> None:
    page = open_page()
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    assert page.picker.combo.currentText() == "Par défaut (réglages de l'ordinateur)"
    page.picker.combo.activated.emit(0)
    assert page._preferences.device("output") == "default"


def traced_playback(monkeypatch) -> list:
    """Every sound the kit starts (the real ``audio.Playback``), and whether it was closed."""
    started: list = []

    class TracedPlayback(audio.Playback):
        def __init__(self, *args) -> None:
            self.close_asked = False
            super().__init__(*args)
            started.append(self)

        def close(self, timeout_s: float = 2.0) -> None:
            self.close_asked = True
            super().close(timeout_s)

    monkeypatch.setattr(audio, "Playback", TracedPlayback)
    return started


def test_leaving_while_the_sound_plays_releases_the_devices(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    started = traced_playback(monkeypatch)
    page = open_page()
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    page.left()
    assert started[0].close_asked
    qtbot.waitUntil(rescan, timeout=10_000)
    assert page.play_button.isEnabled()


def test_without_a_sound_server_the_page_says_so_and_retries_off_the_gui_thread(
    open_page, qtbot, no_sound_server, monkeypatch
) -> None:
    listings = GatedCall(audio.device_tables, open_gate=True)
    monkeypatch.setattr(audio, "device_tables", listings)
    page = open_page()
    qtbot.waitUntil(lambda: page.result_view.badge.state is BadgeState.FAILED, timeout=10_000)
    qtbot.waitUntil(lambda: len(listings.threads) >= 3, timeout=10_000)  # it retries by itself
    assert threading.main_thread() not in listings.threads
    assert page.result_view.summary.text() == (
        "Aucune sortie son (haut-parleurs, casque) n'a été trouvée."
    )
    assert "Branchez un casque" in page.result_view.advice.text()
    assert "Cette page le verra d'elle-même" in page.result_view.advice.text()
    assert page.answers.isHidden()
    assert not page.play_button.isEnabled()
    assert page._context.controller.result("speakers").status is Status.FAILED
    assert "jamais enregistré ni envoyé" in page.privacy.text()


def test_speakers_that_come_back_can_be_tested(open_page, qtbot, tmp_path, monkeypatch) -> None:
    from pulse_server import PulseServer, point_portaudio_at, require_pulseaudio

    require_pulseaudio()
    server = PulseServer(tmp_path / "later")
    server.base.mkdir()
    config = server.base / "client.conf"
    config.write_text("autospawn = no\n", encoding="utf-8")
    point_portaudio_at(server.address, config, monkeypatch)  # nothing there yet
    page = open_page()
    qtbot.waitUntil(lambda: page.result_view.badge.state is BadgeState.FAILED, timeout=10_000)
    try:
        server.start()  # a headset is plugged in
        server.keep_awake()
        qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
        assert page.result_view.isHidden()  # the message is over
        assert "Jouer le son" in page.status.text()
    finally:
        page.left()
        server.stop()


def test_a_microphone_that_hears_nothing_leaves_the_answer_to_the_person(
    open_page, qtbot, pulse: PulseServer
) -> None:
    pulse.mute_microphone(True)  # as headphones would: the sound never reaches it
    try:
        page = open_page()
        play_and_wait(qtbot, page)  # over once the microphone gave its tail of silence
    finally:
        pulse.mute_microphone(False)
    assert page.played and page.heard_by_microphone is False
    assert page.result_view.isHidden()  # not heard proves nothing: the person answers
    assert page.question.isVisible()
    qtbot.mouseClick(page.silent_button, Qt.MouseButton.LeftButton)
    assert page.result_view.badge.state is BadgeState.FAILED


class StuckPlayback:
    """An output that takes the sound and never plays it to the end (a driver that hangs)."""

    made: ClassVar[list[StuckPlayback]] = []

    def __init__(self, device, samples, samplerate: float):
        self.device = device
        self._duration_s = len(samples) / samplerate
        self.finished = self.played = False
        self.closed = False
        self.timed = threading.Event()
        StuckPlayback.made.append(self)

    @property
    def duration_s(self) -> float:
        self.timed.set()  # its length read: the flow's deadline is set from now
        return self._duration_s

    def close(self, timeout_s: float = 2.0) -> None:
        self.closed = True


def test_a_sound_that_never_ends_is_given_up_after_its_length_and_a_margin(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    StuckPlayback.made = []
    monkeypatch.setattr(audio, "Playback", StuckPlayback)
    clock = Clock()
    page = open_page(clock=clock)
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(StuckPlayback.made), timeout=10_000)
    stuck = StuckPlayback.made[0]
    assert stuck.timed.wait(10)
    clock.now += stuck._duration_s + PLAY_MARGIN_S - 0.1
    events_handled(qtbot)
    assert not stuck.closed and not page.play_button.isEnabled()  # still waiting for its end
    clock.now += 0.2
    qtbot.waitUntil(lambda: page.result_view.badge.state is BadgeState.FAILED, timeout=10_000)
    assert stuck.closed
    assert page.result_view.summary.text() == "Le son de test n'a pas pu être joué jusqu'au bout."
    assert page._context.controller.result("speakers").measures["played"] is False
    qtbot.waitUntil(rescan, timeout=10_000)  # the microphone was given back too


def test_opening_the_devices_blocks_a_worker_never_the_window(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    opening = GatedCall(audio.Playback)  # a driver that takes its time to open the output
    monkeypatch.setattr(audio, "Playback", opening)
    page = open_page()
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    try:
        assert opening.called.wait(10)
        events_handled(qtbot)  # the window goes on meanwhile, and says what it does
        assert page.status.text() == "Écoutez…"
        assert page.result_view.summary.text() == "Le son de test est joué…"
        assert not page.play_button.isEnabled()
        assert opening.threads[0] is not threading.main_thread()
    finally:
        opening.release()
    qtbot.waitUntil(page.hear_button.isEnabled, timeout=10_000)
    assert page.heard_by_microphone is True


def test_devices_that_open_after_the_page_was_left_are_given_back(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    started = traced_playback(monkeypatch)
    opening = GatedCall(audio.Playback)
    monkeypatch.setattr(audio, "Playback", opening)
    page = open_page()
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    try:
        assert opening.called.wait(10)  # the microphone is open, the output on its way
        page.left()
    finally:
        opening.release()
    qtbot.waitUntil(lambda: bool(started) and started[0].close_asked, timeout=10_000)
    events_handled(qtbot)
    assert not page.played and page.play_button.isEnabled()
    qtbot.waitUntil(rescan, timeout=10_000)  # the flow closed both


def test_devices_opened_but_not_yet_shown_when_left_are_given_back(
    open_page, qtbot, pulse, monkeypatch
) -> None:
    started = traced_playback(monkeypatch)
    page = open_page()
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    # The flow opened both and started the sound; what it says waits in the event queue.
    deadline = time.monotonic() + 10.0  # only against a hung test
    while not started:
        assert time.monotonic() < deadline, "the flow never got there"
        time.sleep(0.005)
    page.left()
    assert started[0].close_asked  # closed at once: nothing it sent will be shown
    events_handled(qtbot)
    assert not page.played
    qtbot.waitUntil(rescan, timeout=10_000)


def test_check_again_plays_the_sound_at_once(open_page, qtbot, pulse) -> None:
    page = open_page()
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    page.left()
    page.check_again()  # the summary's « Vérifier »: as the check does, the sound plays
    assert page.status.text() == "Écoutez…"
    qtbot.waitUntil(page.hear_button.isEnabled, timeout=10_000)
    assert page.heard_by_microphone is True
    assert page._context.controller.result("speakers").status is Status.OK
