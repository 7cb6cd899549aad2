"""The headless speakers check: the test sound is played and listened for."""

import pytest

from pulse_server import PulseServer
from readiness.checks.speakers import SpeakersCheck, judge_answer, judge_playback
from readiness.core.result import Status, verdict

pytest_plugins = ["pulse_server"]


def test_the_test_sound_played_on_the_sink_is_heard_by_the_microphone(pulse: PulseServer) -> None:
    result = SpeakersCheck().run()
    assert result.status is Status.OK
    assert result.measures["played"] is True
    assert result.measures["heard_by_microphone"] is True
    assert any("casque" in line for line in result.advice)


def test_without_a_microphone_heard_is_null_and_nothing_fails(pulse: PulseServer) -> None:
    result = SpeakersCheck(input_device="Micro absent").run()
    assert result.status is Status.OK
    assert result.measures["played"] is True
    assert result.measures["heard_by_microphone"] is None


def test_an_unknown_output_fails_and_says_which(pulse: PulseServer) -> None:
    result = SpeakersCheck(output_device="Enceinte du salon").run()
    assert result.status is Status.FAILED
    assert "« Enceinte du salon »" in result.summary
    assert result.measures["played"] is False


def test_without_a_sound_server_the_check_fails_in_french(no_sound_server) -> None:
    result = SpeakersCheck().run()
    assert result.status is Status.FAILED
    assert result.summary == "Aucune sortie son (haut-parleurs, casque) n'a été trouvée."
    assert result.measures == {"problem": "no_device", "played": False, "heard_by_microphone": None}
    assert verdict([result]).exit_code == 2


def test_not_heard_by_the_microphone_is_never_a_failure() -> None:
    result = judge_playback(True, False, "Haut-parleurs", "Micro")
    assert result.status is Status.OK
    assert "casque" in result.summary


@pytest.mark.parametrize(
    ("hears", "heard_by_microphone", "status"),
    [
        (True, True, Status.OK),
        (True, None, Status.OK),
        (False, True, Status.WARNING),  # it comes out, too quietly for them
        (False, False, Status.FAILED),
        (False, None, Status.FAILED),
    ],
)
def test_the_persons_answer_decides(hears, heard_by_microphone, status) -> None:
    result = judge_answer(hears, heard_by_microphone, "Haut-parleurs")
    assert result.status is status
    if not hears:
        advice = " ".join(result.advice)
        assert "volume" in advice and "sortie son" in advice and "casque" in advice


# --- listening after the sound, in the microphone's own samples -------------------------


class StandInPlayback:
    def __init__(self, duration_s: float = 1.0, finished: bool = True):
        self.duration_s = duration_s
        self.finished = finished


class StandInCapture:
    """Gives the blocks it was given, with an empty read between each (a reader ahead of it)."""

    samplerate = 48000.0

    def __init__(self, blocks: int, block_s: float = 0.1):
        import numpy as np

        self._reads = []
        for _ in range(blocks):
            self._reads += [np.zeros(round(block_s * self.samplerate), np.float32)]
            self._reads += [np.zeros(0, np.float32)]

    def read(self):
        from readiness.devices.audio import AudioError, AudioProblem

        if not self._reads:
            raise AudioError(AudioProblem.GONE, "no more blocks")
        return self._reads.pop(0)


class FrozenClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_after_the_sound_the_microphone_is_heard_for_its_tail_however_late_it_is_read() -> None:
    from readiness.checks.speakers_flow import LISTEN_TAIL_S, listen_during

    capture = StandInCapture(blocks=20)
    heard = listen_during(StandInPlayback(), capture, poll_s=0.0, clock=FrozenClock())
    # The block read when the end was seen, then the tail's worth of samples.
    assert heard.size == round(0.1 * capture.samplerate) + round(LISTEN_TAIL_S * capture.samplerate)


def test_a_sound_that_never_ends_is_given_up_after_its_length_and_a_margin() -> None:
    from readiness.checks.speakers_flow import PLAY_MARGIN_S, listen_during

    clock = FrozenClock()
    playback = StandInPlayback(duration_s=1.0, finished=False)
    capture = StandInCapture(blocks=200)
    reads = []
    real_read = capture.read

    def read():
        reads.append(clock.now)
        if len(reads) == 10:  # time passes, the sound is still not over
            clock.now += playback.duration_s + PLAY_MARGIN_S + 0.1
        return real_read()

    capture.read = read
    heard = listen_during(playback, capture, poll_s=0.0, clock=clock)
    # Five blocks in the first ten reads (then the deadline passed), and the tail's six.
    assert heard.size == 11 * round(0.1 * capture.samplerate)
