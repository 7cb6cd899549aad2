"""``readiness check --only microphone,speakers --json``: exit codes and French messages."""

import json

import pytest

from pulse_server import PulseServer, sine
from readiness import cli

pytest_plugins = ["pulse_server"]


@pytest.fixture
def sound_checks_registered() -> None:
    """The command line builds these checks from the registry."""
    from readiness import checks

    assert {"microphone", "speakers"} <= set(checks.CHECK_IDS)


def run_json(capsys, *args: str) -> tuple[int, dict]:
    code = cli.main(["check", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_without_a_sound_server_both_fail_in_french_with_exit_code_2(
    sound_checks_registered, no_sound_server, capsys
) -> None:
    code, report = run_json(capsys, "--only", "microphone,speakers")
    assert code == 2
    assert report["verdict"] == "not_ready"
    microphone, speakers = report["checks"]
    assert (microphone["id"], speakers["id"]) == ("microphone", "speakers")
    assert microphone["status"] == speakers["status"] == "failed"
    assert microphone["summary"] == "Aucun micro n'a été trouvé."
    assert speakers["summary"] == "Aucune sortie son (haut-parleurs, casque) n'a été trouvée."
    assert speakers["measures"]["heard_by_microphone"] is None


def test_the_duration_and_device_options_reach_the_microphone_check(
    sound_checks_registered, pulse: PulseServer, capsys
) -> None:
    pulse.play_heard(sine(-20.0, 15.0))  # lasts the whole check, even on a busy computer
    code, report = run_json(
        capsys, "--only", "microphone", "--duration", "1", "--input-device", "défaut"
    )
    (microphone,) = report["checks"]
    measures = microphone["measures"]
    assert set(measures) >= {"level_dbfs", "peak_dbfs", "noise_floor_dbfs", "clipping"}
    assert measures["listen_s"] == 1.0
    assert measures["device"] == "Par défaut (réglages de l'ordinateur)"
    assert measures["level_dbfs"] == pytest.approx(-23.0, abs=1.0)
    assert code == 1  # a steady tone that loud is a noisy room: a warning


def test_speakers_report_played_and_heard(sound_checks_registered, pulse, capsys) -> None:
    code, report = run_json(capsys, "--only", "speakers", "--output-device", "0")
    (speakers,) = report["checks"]
    assert speakers["measures"]["played"] is True
    assert speakers["measures"]["heard_by_microphone"] is True
    assert code == 0


def test_the_terminal_says_when_to_keep_quiet_and_when_to_speak(
    sound_checks_registered, pulse: PulseServer, capsys
) -> None:
    # The flows' phases, as the pages show them, said on standard error in their order;
    # standard output stays the JSON report.
    pulse.play_heard(sine(-20.0, 15.0))
    cli.main(["check", "--json", "--only", "microphone,speakers", "--duration", "1"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [check["id"] for check in report["checks"]] == ["microphone", "speakers"]
    lines = captured.err.replace("\u00a0", " ").splitlines()
    quiet = next(i for i, line in enumerate(lines) if line.startswith("Micro : restez silencieux"))
    speak = next(i for i, line in enumerate(lines) if line.startswith("Micro : dites maintenant"))
    played = next(i for i, line in enumerate(lines) if line.startswith("Haut-parleurs : un son"))
    assert quiet < speak < played
    assert len([line for line in lines if line.startswith("Micro : dites")]) == 1
