"""The console entry point, run as the user runs it: the installed ``readiness`` script."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import UrlRecorder
from speed_server import SpeedServer
from stun_server import StunServer

SCRIPT = Path(sys.executable).parent / "readiness"


@pytest.fixture(autouse=True)
def zoom_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Zoom finder's "/" is a test-made folder, empty unless a test installs Zoom in it:
    what the host has in /opt, /var/lib/flatpak or /snap does not change the answers."""
    from readiness.devices.zoom import ROOT_ENV

    root = tmp_path / "root"
    root.mkdir()
    monkeypatch.setenv(ROOT_ENV, str(root))
    return root


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    assert SCRIPT.exists(), "the console script is installed by uv sync"
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.strip().startswith("readiness ")


def test_check_json_is_one_object_with_the_documented_shape(zoom_handler: str) -> None:
    done = run("check", "--only", "zoom", "--json")
    report = json.loads(done.stdout)  # exactly one JSON document, nothing else on stdout
    assert set(report) == {"verdict", "started_at", "finished_at", "app_version", "checks"}
    (check,) = report["checks"]
    assert set(check) == {"id", "status", "title", "summary", "advice", "measures"}
    assert check["id"] == "zoom"
    assert check["measures"]["handler"] == zoom_handler
    assert report["verdict"] == "ready"
    assert done.returncode == 0


def test_check_exit_code_follows_the_verdict_without_zoom() -> None:
    done = run("check", "--only", "zoom", "--json")
    report = json.loads(done.stdout)
    assert report["checks"][0]["measures"]["installed"] is False
    assert report["verdict"] == "warnings"
    assert report["checks"][0]["status"] == "warning"
    assert done.returncode == 1


def test_check_finds_zoom_installed_in_the_finders_root_without_a_handler(
    zoom_root: Path,
) -> None:
    """The finder looks under the root the tests give it, not at the host's /opt."""
    binary = zoom_root / "opt" / "zoom" / "zoom"
    binary.parent.mkdir(parents=True)
    binary.write_bytes(b"")
    (binary.parent / "version.txt").write_text("6.2.11.5069\n", encoding="utf-8")
    report = json.loads(run("check", "--only", "zoom", "--json").stdout)
    measures = report["checks"][0]["measures"]
    assert (measures["location"], measures["version"]) == (str(binary), "6.2.11.5069")
    assert measures["handler_registered"] is False
    assert report["verdict"] == "warnings"
    # Installed but not declared for zoommtg:// links: joining goes to the browser.
    assert run("join", "--print-url").stdout.strip() == "https://zoom.us/j/6595155541"


def test_check_prints_a_french_summary_without_json(zoom_handler: str) -> None:
    done = run("check", "--only", "zoom")
    assert done.returncode == 0
    assert "[OK] Application Zoom" in done.stdout
    assert "Bilan : Tout est prêt" in done.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            '[organisation]\nname = "X"\n[meeting]\nid = "12"\npasscode = "a"\n'
            '[support]\nname = "Y"\nphone = "0102030405"\n',
            "meeting.id",
        ),
        ("[meeting\n", "ligne 1"),
        ("", "section [organisation]"),
    ],
)
def test_a_malformed_config_gives_one_paragraph_and_exit_3(
    tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / "session.toml"
    path.write_text(content, encoding="utf-8")
    for args in (("check", "--config", str(path)), ("--config", str(path), "join", "--print-url")):
        done = run(*args)
        assert done.returncode == 3
        assert done.stdout == ""
        assert str(path) in done.stderr and words in done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().count("\n") == 0


def test_a_config_found_in_the_users_folder_is_used(isolated_user: Path) -> None:
    folder = isolated_user / "config" / "readiness"
    folder.mkdir(parents=True)
    text = (Path(__file__).parents[1] / "resources" / "session.toml").read_text(encoding="utf-8")
    (folder / "session.toml").write_text(text.replace("659 515 5541", "111 222 3333"), "utf-8")
    assert run("join", "--print-url", "--web").stdout.strip() == "https://zoom.us/j/1112223333"


def test_unknown_check_or_option_is_a_bad_invocation() -> None:
    done = run("check", "--only", "camera-of-the-future")
    assert done.returncode == 3
    assert "Vérification inconnue" in done.stderr
    assert run("join", "--app", "--web").returncode == 3


def test_join_print_url_web() -> None:
    done = run("join", "--print-url", "--web")
    assert (done.returncode, done.stdout) == (0, "https://zoom.us/j/6595155541\n")


def test_join_print_url_app_with_name() -> None:
    done = run("join", "--print-url", "--app", "--name", "Mélissa Brunet")
    assert done.returncode == 0
    assert done.stdout.strip() == (
        "zoommtg://zoom.us/join?action=join&confno=6595155541"
        "&pwd=Bienvenue%21&uname=M%C3%A9lissa%20Brunet"
    )


def test_join_refuses_a_single_word_name_with_the_reason() -> None:
    done = run("join", "--print-url", "--name", "Mélissa")
    assert done.returncode == 3
    assert "prénom et votre nom" in done.stderr


def test_join_without_flag_follows_handler_detection(zoom_handler: str) -> None:
    assert run("join", "--print-url").stdout.startswith("zoommtg://")


def test_join_without_flag_and_without_handler_uses_the_web() -> None:
    assert run("join", "--print-url").stdout.strip() == "https://zoom.us/j/6595155541"


def test_join_hands_the_url_to_xdg_open(url_recorder: UrlRecorder, zoom_handler: str) -> None:
    done = run("join", "--name", "Mélissa Brunet")
    assert done.returncode == 0
    (url,) = url_recorder.urls()
    assert url.startswith("zoommtg://zoom.us/join?action=join&confno=6595155541&pwd=Bienvenue%21")


def test_join_on_the_web_tells_the_passcode(url_recorder: UrlRecorder) -> None:
    done = run("join", "--web")
    assert url_recorder.urls() == ["https://zoom.us/j/6595155541"]
    assert "Bienvenue!" in done.stdout


def test_join_when_the_opener_fails_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    import os

    UrlRecorder(tmp_path / "bin", exit_code=4)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    done = run("join", "--web")
    assert done.returncode == 2
    assert "https://zoom.us/j/6595155541" in done.stderr


# --- the line over UDP: --stun-server, --stability ----------------------------------


def network_check(speed_url: str, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    done = run(
        "check", "--only", "network", "--speedtest-server", speed_url, *args, "--json", timeout=90
    )
    report = json.loads(done.stdout)
    (check,) = report["checks"]
    return done, check["measures"]


def test_a_lossy_path_to_the_stun_server_shows_in_the_json() -> None:
    with SpeedServer(down_mbps=20, latency_ms=10) as speed, StunServer(loss=0.10) as stun:
        _done, measures = network_check(
            speed.url, "--stun-server", stun.address, "--stability", "4"
        )
    assert stun.requests > 0  # the path the command line was given, and none other
    assert measures["udp_reachable"] is True
    # Dropped at random, 10 % on average: what the probe counts is what the path dropped;
    # how close that comes to the setting is the benchmark's (benchmarks/udp_accuracy.py).
    assert 3.0 <= measures["udp_loss_percent"] <= 20.0
    assert measures["udp_loss_percent"] == pytest.approx(stun.imposed_loss_percent(), abs=0.01)
    assert measures["stability_duration_s"] == pytest.approx(4.0, abs=0.5)
    assert measures["mos"] is not None


def test_a_silent_stun_port_means_udp_blocked_and_the_tcp_443_advice() -> None:
    with SpeedServer(down_mbps=20, latency_ms=10) as speed, StunServer(silent=True) as stun:
        done, measures = network_check(speed.url, "--stun-server", stun.address, "--stability", "1")
    assert stun.requests > 0
    assert measures["udp_reachable"] is False
    advice = " ".join(json.loads(done.stdout)["checks"][0]["advice"])
    assert "8801" in advice and "3478" in advice


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--stun-server", "stun.exemple.fr:99999"), "serveur STUN"),
        (("--stun-server", "stun exemple:3478"), "serveur STUN"),
        (("--stun-server", ""), "serveur STUN"),
        (("--stability", "0"), "entre 1 et 300 secondes"),
        (("--stability", "dix"), "entre 1 et 300 secondes"),
        (("--stability", "nan"), "entre 1 et 300 secondes"),
        (("--stun-server", "127.0.0.1:3478") * 11, "au plus 10 serveurs STUN"),
    ],
)
def test_bad_udp_options_are_a_bad_invocation(args: tuple[str, ...], words: str) -> None:
    done = run("check", "--only", "network", *args)
    assert done.returncode == 3
    assert words in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


# --- web addresses and the configuration's warnings ------------------------------------


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://bob:hunter2@127.0.0.1:8080/speedtest/upload.php", "ni mot de passe"),
        ("http://127.0.0.1:99999/speedtest/upload.php", "entre 1 et 65535"),
        ("http://127.0.0.1:8080/speedtest/", "upload.php"),
        ("http://127.0.0.1:8080/speedtest/upload.php?x=1", "upload.php"),
        ("http://speed test/upload.php", "sans espace"),
        ("ftp://127.0.0.1/upload.php", "http:// ou https://"),
    ],
)
def test_a_bad_speedtest_server_is_a_bad_invocation(url: str, words: str) -> None:
    done = run("check", "--only", "zoom", "--speedtest-server", url)
    assert done.returncode == 3
    assert words in done.stderr.replace("\u00a0", " ")
    assert "hunter2" not in done.stderr and "bob" not in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_wrong_speedtest_path_sends_nothing(tmp_path: Path) -> None:
    config = tmp_path / "session.toml"
    shipped = (Path(__file__).parents[1] / "resources" / "session.toml").read_text("utf-8")
    # Nothing but the local server to talk to, whatever happens.
    config.write_text(
        shipped.replace("[network]\n", '[network]\nspeed_service = ""\nstun_servers = []\n'),
        encoding="utf-8",
    )
    with SpeedServer(down_mbps=20, latency_ms=10) as speed:
        done = run(
            "check",
            "--config",
            str(config),
            "--only",
            "network",
            "--speedtest-server",
            f"{speed.base_url}/speedtest/",
            "--json",
        )
        assert speed.requests == []
    assert done.returncode == 3 and "upload.php" in done.stderr


def test_unknown_keys_are_warned_about_on_stderr_and_the_command_goes_on(
    tmp_path: Path,
) -> None:
    config = tmp_path / "session.toml"
    shipped = (Path(__file__).parents[1] / "resources" / "session.toml").read_text("utf-8")
    config.write_text(
        shipped.replace("escalate_after_minutes = 5", "escalate_after_minute = 5"), "utf-8"
    )
    line = shipped.splitlines().index("escalate_after_minutes = 5") + 1
    for args in (("join", "--print-url", "--web"), ("check", "--only", "zoom", "--json")):
        done = run("--config", str(config), *args)
        assert done.returncode in {0, 1}
        stderr = done.stderr.replace("\u00a0", " ")
        assert (
            f"contient une clé inconnue, « support.escalate_after_minute » (ligne {line}) : "
            "elle est ignorée. Vouliez-vous dire « escalate_after_minutes » ?"
        ) in stderr
        assert "Traceback" not in stderr
    assert run("--config", str(config), "join", "--print-url", "--web").stdout == (
        "https://zoom.us/j/6595155541\n"
    )
    json.loads(run("--config", str(config), "check", "--only", "zoom", "--json").stdout)


def test_the_shipped_configuration_gives_no_warning() -> None:
    done = run("join", "--print-url", "--web")
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    "name",
    ["Mélissa", "Mélissa \u202eteruB", "Mélissa\nBrunet", "M3lissa Brunet", ""],
)
def test_check_refuses_a_bad_name_before_checking_anything(name: str) -> None:
    """The same rule as `join --name`: nothing is measured, and a disguised name never
    reaches the report."""
    done = run("check", "--only", "processes", "--json", "--name", name)
    assert done.returncode == 3, done.stderr
    assert done.stdout == ""  # no check ran
    assert "Votre nom" in done.stderr or "nom" in done.stderr


def test_check_writes_the_checked_name_into_the_report(tmp_path: Path) -> None:
    from conftest import require_program

    pdf = tmp_path / "rapport.pdf"
    done = run(
        "check",
        "--only",
        "processes",
        "--name",
        "  Mélissa   Brunet ",
        "--pdf",
        str(pdf),
        timeout=120,
    )
    assert done.returncode != 3, done.stderr  # any verdict: the machine may be busy
    text = subprocess.run(
        [require_program("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Mélissa Brunet" in text  # normalised as the join page does
    assert "qt." not in done.stderr  # Qt's chatter went to the log
