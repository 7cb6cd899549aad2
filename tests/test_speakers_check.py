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
