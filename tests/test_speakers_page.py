"""The speakers page, offscreen, on the real PortAudio and the tests' PulseAudio server."""

import pytest
from PySide6.QtCore import Qt

from pulse_server import EventLoopWatch, PulseServer
from readiness.core.result import Status
from readiness.devices.audio import rescan
from readiness.ui.pages.speakers import SpeakersPage
from readiness.ui.status_style import BadgeState

pytest_plugins = ["pulse_server"]


@pytest.fixture
def open_page(open_sound_page):
    def make(**options) -> SpeakersPage:
        return open_sound_page(SpeakersPage, retry_ms=300, **options)

    return make


def play_and_wait(qtbot, page: SpeakersPage) -> None:
    qtbot.waitUntil(page.play_button.isEnabled, timeout=5000)
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
    assert rescan()  # both devices were given back once the sound was over


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
    qtbot.waitUntil(page.play_button.isEnabled, timeout=5000)
    assert page.picker.combo.currentText() == "Par défaut (réglages de l'ordinateur)"
    page.picker.combo.activated.emit(0)
    assert page._preferences.device("output") == "default"


def test_leaving_while_the_sound_plays_releases_the_devices(open_page, qtbot, pulse) -> None:
    page = open_page()
    qtbot.waitUntil(page.play_button.isEnabled, timeout=5000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._trial is not None, timeout=5000)
    page.left()
    assert page._trial is None
    assert rescan()
    assert page.play_button.isEnabled()


def test_without_a_sound_server_the_page_says_so_and_stays_responsive(
    open_page, qtbot, no_sound_server
) -> None:
    watch = EventLoopWatch()
    page = open_page()
    qtbot.waitUntil(lambda: page.result_view.badge.state is BadgeState.FAILED, timeout=5000)
    qtbot.wait(700)  # retries happen meanwhile, off the GUI thread
    assert watch.stop() < 0.3
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
    qtbot.waitUntil(lambda: page.result_view.badge.state is BadgeState.FAILED, timeout=5000)
    try:
        server.start()  # a headset is plugged in
        server.keep_awake()
        qtbot.waitUntil(page.play_button.isEnabled, timeout=5000)
        assert page.result_view.isHidden()  # the message is over
        assert "Jouer le son" in page.status.text()
    finally:
        page.left()
        server.stop()
