"""The microphone and speakers flows, and the same flow behind the page and the command line.

Stand-in devices go in through a DeviceKit: a microphone that gives recorded blocks
(one 40 ms block per read, as a sound card gives them), an output that plays at
once. The "same result" tests hand one kit to the page (through Services.kit) and
to ``readiness check``, first with the stand-ins, then on the tests' PulseAudio
null sink, and compare what each says.
"""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

from pulse_server import PulseServer, noise, sine
from readiness import cli
from readiness.checks.audio_opening import AudioDevice, AudioError, AudioProblem, DeviceProblem
from readiness.checks.flow import drive
from readiness.checks.kit import DeviceKit
from readiness.checks.microphone_flow import (
    QUIET_S,
    Heard,
    Level,
    Listening,
    MicrophoneFlow,
    Opening,
    RoomMeasured,
)
from readiness.checks.speakers_flow import OutputFound, Played, Playing, SpeakersFlow
from readiness.core.result import Status

pytest_plugins = ["pulse_server"]

RATE = 48000
BLOCK = round(0.04 * RATE)


def device(name: str, *, inputs: int = 0, outputs: int = 0, index: int = 1) -> AudioDevice:
    return AudioDevice(index, name, name, "ALSA", inputs, outputs, float(RATE), is_default=True)


MIC = device("Micro de test", inputs=1)
SPEAKERS = device("Haut-parleurs de test", outputs=2, index=2)


class RecordedMicrophone:
    """Gives the recorded blocks one per read, then the last one for ever."""

    samplerate = float(RATE)

    def __init__(self, blocks: list[np.ndarray]):
        self._blocks = list(blocks)
        self.closed = threading.Event()

    def read(self) -> np.ndarray:
        if self.closed.is_set():
            return np.zeros(0, np.float32)
        return self._blocks.pop(0) if len(self._blocks) > 1 else self._blocks[0]

    def close(self, timeout_s: float = 2.0) -> None:
        self.closed.set()


def blocks(samples: np.ndarray) -> list[np.ndarray]:
    return [samples[i : i + BLOCK] for i in range(0, samples.size - BLOCK + 1, BLOCK)]


def a_calm_room_then_a_voice() -> list[np.ndarray]:
    return blocks(noise(-70.0, QUIET_S)) + blocks(sine(-14.0, 0.04))


class Devices:
    """The lists of devices the kit gives, which a test can empty and fill again."""

    def __init__(self, inputs=(MIC,), outputs=(SPEAKERS,)):
        self.inputs, self.outputs = list(inputs), list(outputs)
        self.calls = 0

    def __call__(self, kind):
        self.calls += 1
        found = self.inputs if kind == "input" else self.outputs
        if not found:
            raise AudioError(AudioProblem.NO_DEVICE, kind)
        return list(found), list(found)


class InstantPlayback:
    """An output that plays the whole sound at once."""

    def __init__(self, device, samples, samplerate):
        self.device = device
        self.duration_s = len(samples) / samplerate
        self.finished = self.played = True
        self.closed = False

    def close(self, timeout_s: float = 2.0) -> None:
        self.closed = True


def stand_in_kit(script=a_calm_room_then_a_voice, devices: Devices | None = None):
    microphones: list[RecordedMicrophone] = []

    def open_microphone(_device):
        microphones.append(RecordedMicrophone(script()))
        return microphones[-1]

    kit = DeviceKit(
        audio_devices=devices or Devices(),
        open_microphone=open_microphone,
        play_sound=InstantPlayback,
    )
    return kit, microphones


class Updates:
    """Collects a flow's updates (sent from its thread)."""

    def __init__(self) -> None:
        self.items: list = []
        self.changed = threading.Condition()

    def __call__(self, update) -> None:
        with self.changed:
            self.items.append(update)
            self.changed.notify_all()

    def wait_for(self, kind, count: int = 1, timeout_s: float = 10.0) -> list:
        with self.changed:
            self.changed.wait_for(lambda: len(self.of(kind)) >= count, timeout_s)
            found = self.of(kind)
        assert len(found) >= count, f"no {kind.__name__} came: {self.kinds()}"
        return found

    def of(self, kind) -> list:
        return [u for u in self.items if isinstance(u, kind)]

    def kinds(self) -> list[str]:
        names = [type(u).__name__ for u in self.items]
        return [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]


# --- the microphone flow -------------------------------------------------------------


def test_the_room_then_the_voice_in_that_order() -> None:
    kit, microphones = stand_in_kit()
    flow = MicrophoneFlow(kit, quiet_s=QUIET_S, speak_s=3.0)
    updates = Updates()
    flow.start(updates)
    try:
        (heard,) = updates.wait_for(Heard)
    finally:
        flow.stop()
    assert updates.kinds()[:6] == [
        "Opening",
        "Listening",
        "Level",
        "RoomMeasured",
        "Level",
        "Heard",
    ]
    (room,) = updates.of(RoomMeasured)
    assert room.noise_floor_dbfs == pytest.approx(-70.0, abs=1.5) and not room.noisy
    assert heard.result.status is Status.OK and heard.result.summary == "Nous vous entendons bien."
    assert flow.settled() and flow.result() == heard.result
    assert microphones[0].closed.is_set()  # stop let it go


def test_nothing_is_sent_once_stopped_and_the_microphone_is_let_go() -> None:
    kit, microphones = stand_in_kit()
    flow = MicrophoneFlow(kit, quiet_s=60.0)  # still measuring the room when stopped
    updates = Updates()
    flow.start(updates)
    updates.wait_for(Level, 3)
    flow.stop()
    count = len(updates.items)
    assert microphones[0].closed.is_set()
    flow.stop()  # idempotent
    threading.Event().wait(0.2)  # a few drains' worth: the flow's thread says nothing more
    assert len(updates.items) == count


def test_a_missing_microphone_is_said_once_and_the_flow_resumes_when_it_is_back() -> None:
    devices = Devices(inputs=())
    kit, _ = stand_in_kit(devices=devices)
    flow = MicrophoneFlow(kit, retry_s=0.01)
    updates = Updates()
    flow.start(updates)
    try:
        (problem,) = updates.wait_for(DeviceProblem)
        assert problem.problem is AudioProblem.NO_DEVICE
        assert problem.result.summary == "Aucun micro n'a été trouvé."
        assert any("La mesure reprendra d'elle-même" in line for line in problem.result.advice)
        updates.wait_for(Opening, 4)  # it looks again by itself, and says nothing new
        assert len(updates.of(DeviceProblem)) == 1
        devices.inputs = [MIC]  # plugged in
        updates.wait_for(Listening)
    finally:
        flow.stop()


def test_without_retry_the_problem_is_the_verdict_at_once() -> None:
    kit, _ = stand_in_kit(devices=Devices(inputs=()))
    flow = MicrophoneFlow(kit)
    result = drive(flow, 30.0, title=lambda: "Micro")
    assert result.status is Status.FAILED
    assert any("relancez la vérification" in line for line in result.advice)


def test_a_name_that_matches_nothing_is_the_verdict_or_gives_way_to_the_default() -> None:
    kit, _ = stand_in_kit()
    result = drive(MicrophoneFlow(kit, "Micro de Mars"), 30.0, title=lambda: "Micro")
    assert result.status is Status.FAILED
    assert "Micro de Mars" in result.summary and "n'a pas été trouvé" in result.summary
    assert any("Micro de test" in line for line in result.advice)  # what there is instead
    flow = MicrophoneFlow(kit, "Micro de Mars", fall_back=True)
    updates = Updates()
    flow.start(updates)
    try:
        (listening,) = updates.wait_for(Listening)
    finally:
        flow.stop()
    assert listening.fell_back and listening.device == MIC


def test_a_microphone_that_goes_away_is_a_problem() -> None:
    class Unplugged(RecordedMicrophone):
        def read(self):
            if len(self._blocks) == 1:
                raise AudioError(AudioProblem.GONE, "unplugged")
            return super().read()

    kit = DeviceKit(
        audio_devices=Devices(),
        open_microphone=lambda _d: Unplugged([*blocks(noise(-70.0, 0.4)), np.zeros(0)]),
    )
    result = drive(MicrophoneFlow(kit), 30.0, title=lambda: "Micro")
    assert result.summary == "Le micro a été débranché ou ne répond plus."


# --- the speakers flow ---------------------------------------------------------------


def test_without_a_microphone_the_sound_plays_and_only_the_person_can_tell() -> None:
    kit, _ = stand_in_kit(devices=Devices(inputs=()))
    flow = SpeakersFlow(kit, retry_s=0.01)
    updates = Updates()
    flow.start(updates)
    try:
        (found,) = updates.wait_for(OutputFound)
        assert found.device == SPEAKERS and not updates.of(Playing)  # waits for the click
        flow.play()
        (played,) = updates.wait_for(Played)
        assert played.played and played.heard_by_microphone is None
        assert played.result.status is Status.OK
        answer = flow.answer(False)
    finally:
        flow.stop()
    assert updates.kinds() == ["OutputFound", "Playing", "Played"]
    assert answer.status is Status.FAILED and answer.measures["heard_by_user"] is False
    assert flow.result() == answer


def test_an_output_that_comes_back_is_found_again() -> None:
    devices = Devices(outputs=())
    kit, _ = stand_in_kit(devices=devices)
    flow = SpeakersFlow(kit, retry_s=0.01)
    updates = Updates()
    flow.start(updates)
    try:
        (problem,) = updates.wait_for(DeviceProblem)
        assert any("Cette page le verra d'elle-même" in line for line in problem.result.advice)
        calls = devices.calls
        with updates.changed:
            updates.changed.wait_for(lambda: devices.calls >= calls + 3, 10)
        assert len(updates.of(DeviceProblem)) == 1
        devices.outputs = [SPEAKERS]
        updates.wait_for(OutputFound)
    finally:
        flow.stop()


def test_the_command_line_plays_at_once_and_the_verdict_is_the_microphones() -> None:
    kit, _ = stand_in_kit(devices=Devices(inputs=()))
    result = drive(SpeakersFlow(kit, play_at_once=True), 30.0, title=lambda: "Haut-parleurs")
    assert result.status is Status.OK and result.summary == "Le son de test a été joué."


# --- one flow behind the page and the command line -----------------------------------


@pytest.fixture
def page_with_kit(qtbot, tmp_path):
    """Builds a sound page whose Services hold ``kit``, shown and entered."""
    from readiness.core.config import read_session_file
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.resources import resource
    from readiness.ui.check_controller import CheckController
    from readiness.ui.page_context import PageContext
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services
    from readiness.ui.tasks import TaskRunner

    pages = []
    kept = []

    def make(page_class, kit: DeviceKit, **options):
        services = Services(
            config=read_session_file(resource("session.toml")),
            preferences=Preferences(
                QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
            ),
            url_opener=SystemUrlOpener(),
            checks=[],
            kit=kit,
        )
        tasks = TaskRunner()
        controller = CheckController([], tasks)
        kept.append((tasks, controller))
        page = page_class(PageContext(services, controller, tasks), **options)
        qtbot.addWidget(page)
        page.show()
        page.entered()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.left()


def cli_result(capsys, check_id: str, kit: DeviceKit, *args: str) -> dict:
    cli.main(["check", "--only", check_id, "--json", *args], kit=kit)
    (result,) = json.loads(capsys.readouterr().out)["checks"]
    return result


def page_result(qtbot, page, check_id: str):
    controller = page._context.controller
    qtbot.waitUntil(lambda: controller.result(check_id) is not None, timeout=30_000)
    return controller.result(check_id)


def test_the_microphone_page_and_the_command_line_say_the_same_with_one_stand_in(
    page_with_kit, qtbot, capsys
) -> None:
    from readiness.ui.pages.microphone import MicrophonePage

    kit, _ = stand_in_kit()
    page = page_with_kit(MicrophonePage, kit, quiet_s=QUIET_S, speak_timeout_s=3.0)
    shown = page_result(qtbot, page, "microphone")
    said = cli_result(capsys, "microphone", kit, "--duration", "3")
    assert (said["status"], said["summary"]) == (str(shown.status), shown.summary)
    assert shown.summary == "Nous vous entendons bien."
    assert page.result_view.summary.text() == shown.summary


def test_the_microphone_page_and_the_command_line_agree_on_the_null_sink(
    page_with_kit, qtbot, capsys, pulse: PulseServer
) -> None:
    from readiness.ui.pages.microphone import MicrophonePage

    pulse.play_heard(sine(-20.0, 30.0))  # lasts both runs, however busy the computer
    kit = DeviceKit()
    page = page_with_kit(MicrophonePage, kit, quiet_s=QUIET_S, speak_timeout_s=1.0)
    shown = page_result(qtbot, page, "microphone")
    page.left()
    said = cli_result(capsys, "microphone", kit, "--duration", "1")
    assert (said["status"], said["summary"]) == (str(shown.status), shown.summary)
    assert shown.summary == "Votre voix nous parvient trop faiblement."


def test_the_speakers_page_and_the_command_line_say_the_same_with_one_stand_in(
    page_with_kit, qtbot, capsys
) -> None:
    from readiness.ui.pages.speakers import SpeakersPage

    kit, _ = stand_in_kit(devices=Devices(inputs=()))
    page = page_with_kit(SpeakersPage, kit)
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.hear_button.isEnabled, timeout=10_000)
    said = cli_result(capsys, "speakers", kit)
    # Not heard by a microphone: the page leaves it to the person, the check says it played.
    assert page.result_view.isHidden()
    assert said["status"] == "ok" and said["summary"] == "Le son de test a été joué."
    assert page.flow.result().summary == said["summary"]


def test_the_speakers_page_and_the_command_line_agree_on_the_null_sink(
    page_with_kit, qtbot, capsys, pulse: PulseServer
) -> None:
    from readiness.ui.pages.speakers import SpeakersPage

    kit = DeviceKit()
    page = page_with_kit(SpeakersPage, kit)
    qtbot.waitUntil(page.play_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    shown = page_result(qtbot, page, "speakers")
    page.left()
    said = cli_result(capsys, "speakers", kit)
    assert (said["status"], said["summary"]) == (str(shown.status), shown.summary)
    assert shown.measures["heard_by_microphone"] is True
