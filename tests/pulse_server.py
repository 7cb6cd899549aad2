"""A real PulseAudio server for the sound tests: a null sink whose monitor is the microphone.

PortAudio reaches it as every Linux app does, through ALSA's pulse plugin
(libasound2-plugins), told where the server is by ``PULSE_SERVER``. Sounds are
played into the sink by ``pacat`` (another program, like any app making noise),
and what the sink plays is what the "microphone" hears.

``PulseServer`` and ``EventLoopWatch`` are also used by ``benchmarks/audio_meter.py``.

Fixtures (a test module lists this module in ``pytest_plugins`` to use them;
PYTEST_DONT_REWRITE: its plain asserts need no rewriting, and the modules that
import it before pytest registers it as a plugin then raise no warning):

- ``pulse_session``: one server for the whole session, stopped at its end;
- ``pulse``: points this test's PortAudio at it;
- ``no_sound_server``: points PortAudio at a socket where nothing listens;
- ``sound_page_context``, ``open_sound_page``: a sound page with the window's services.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

SINK = "readiness_test_sink"
# A test run that is killed (timeout, Ctrl-C twice) must not leave servers behind:
# the kernel sends them SIGTERM when the thread that started them ends.
_DIE_WITH_US = ["setpriv", "--pdeathsig", "TERM"] if shutil.which("setpriv") else []
RATE = 48000


def monitor_recorder(rate: int = RATE) -> list[str]:
    """``parec`` recording what the test sink plays, as raw mono float32 on its stdout."""
    return [
        "parec",
        "--raw",
        "--format=float32le",
        f"--rate={rate}",
        "--channels=1",
        "--latency-msec=20",
        f"--device={SINK}.monitor",
    ]


START_TIMEOUT_S = 10.0
#: How long a stream of a test before may take to close: only against a hung test (a
#: busy computer closes slowly, and a close that never returns is left behind at 0.5 s).
RELEASE_TIMEOUT_S = 15.0


class PulseServer:
    def __init__(self, base: Path):
        self.base = base
        self.socket = base / "native"
        self.log_file = base / "pulseaudio.log"
        self.client_config = base / "client.conf"
        self.process: subprocess.Popen | None = None
        self._players: list[subprocess.Popen] = []
        self._awake: subprocess.Popen | None = None
        self._sounds = 0

    @property
    def address(self) -> str:
        return f"unix:{self.socket}"

    def client_env(self) -> dict[str, str]:
        """What a client (PortAudio, pacat, pactl) needs to reach this server and no other."""
        return {"PULSE_SERVER": self.address, "PULSE_CLIENTCONFIG": str(self.client_config)}

    def _server_env(self) -> dict[str, str]:
        home = self.base / "home"
        runtime = self.base / "runtime"
        for path in (home, runtime):
            path.mkdir(exist_ok=True)
        runtime.chmod(0o700)
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "PULSE_SERVER", "WAYLAND_DISPLAY"}
        }
        env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(home))
        return env

    def _client_env(self) -> dict[str, str]:
        return {**os.environ, **self.client_env()}

    def start(self) -> None:
        # Clients must never start a server of their own (autospawn) behind the tests' back.
        self.client_config.write_text("autospawn = no\n", encoding="utf-8")
        self.socket.unlink(missing_ok=True)
        command = [
            "pulseaudio",
            "--daemonize=no",
            "-n",  # no default.pa: only what is loaded below
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "--log-target=stderr",
            f"--load=module-native-protocol-unix socket={self.socket} auth-anonymous=1",
            f"--load=module-null-sink sink_name={SINK} "
            "sink_properties=device.description=Haut-parleurs-de-test",
        ]
        with self.log_file.open("ab") as log:
            self.process = subprocess.Popen(
                [*_DIE_WITH_US, *command],
                env=self._server_env(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if self.socket.exists() and self.pactl("info").returncode == 0:
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(
            "PulseAudio did not start:\n" + self.log_file.read_text(errors="replace")[-2000:]
        )

    def pactl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["pactl", *args], env=self._client_env(), capture_output=True, text=True, timeout=10
        )

    def keep_awake(self) -> None:
        """Keeps a silent stream playing, so the sink runs like a sound card that is on.

        An idle null sink renders in 2-second chunks: its monitor would then give
        its first samples up to 2 s late, which a real microphone does not do.
        Returns once the monitor gives sound.
        """
        self._awake = subprocess.Popen(
            [
                *_DIE_WITH_US,
                "pacat",
                "--playback",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=20",
                f"--device={SINK}",
                "/dev/zero",
            ],
            env=self._client_env(),
            stdin=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Once the stream is in, a suspend and resume cuts the idle cycle short.
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.pactl("list", "short", "sink-inputs").stdout.strip():
            if time.monotonic() > deadline:
                raise RuntimeError("the silent stream never reached the sink")
            time.sleep(0.02)
        self.pactl("suspend-sink", SINK, "1")
        self.pactl("suspend-sink", SINK, "0")
        with subprocess.Popen(
            ["parec", "--raw", "--format=s16le", "--channels=1", f"--device={SINK}.monitor"],
            env=self._client_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        ) as reader:
            assert reader.stdout is not None
            try:
                ready, _, _ = select.select([reader.stdout], [], [], START_TIMEOUT_S)
                if not ready:
                    raise RuntimeError("the null sink's monitor gives no sound")
            finally:
                reader.terminate()

    def unplug(self) -> None:
        """The headset is pulled out: the sink and its monitor (the microphone) vanish."""
        modules = self.pactl("list", "short", "modules").stdout.splitlines()
        for line in modules:
            if "module-null-sink" in line:
                self.pactl("unload-module", line.split()[0])
        if self._awake is not None:  # its sink is gone: the server ended the stream
            _end(self._awake)
            self._awake = None

    def plug_in(self) -> None:
        """The headset is plugged back in."""
        self.pactl(
            "load-module",
            "module-null-sink",
            f"sink_name={SINK}",
            "sink_properties=device.description=Haut-parleurs-de-test",
        )
        self.keep_awake()

    def play(self, samples: np.ndarray, rate: int = RATE) -> subprocess.Popen:
        """Plays mono float samples into the sink (not waiting for the end)."""
        self._sounds += 1
        path = self.base / f"sound-{self._sounds}.raw"
        path.write_bytes(np.asarray(samples, dtype="<f4").tobytes())
        player = subprocess.Popen(
            [
                *_DIE_WITH_US,
                "pacat",
                "--playback",
                "--raw",
                "--format=float32le",
                f"--rate={rate}",
                "--channels=1",
                "--latency-msec=20",
                f"--device={SINK}",
                str(path),
            ],
            env=self._client_env(),
            stdin=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._players.append(player)
        return player

    def play_heard(self, samples: np.ndarray, rate: int = RATE) -> subprocess.Popen:
        """Plays as ``play``, and returns once the microphone hears it.

        ``pacat`` takes its time to start, longer on a busy computer: a test that must
        not measure the silence before the sound waits for it rather than sleeping.
        """
        player = self.play(samples, rate)
        level = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
        self.wait_until_heard(level / 2)  # 6 dB under its level: this sound, not another
        return player

    def wait_until_heard(self, rms_level: float, timeout_s: float = START_TIMEOUT_S) -> None:
        """Returns once 20 ms of what the sink plays reach this RMS level (0..1)."""
        chunk = RATE // 50 * 4  # 20 ms of float32 samples
        with subprocess.Popen(
            monitor_recorder(),
            env=self._client_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        ) as reader:
            assert reader.stdout is not None
            try:
                pending = b""
                deadline = time.monotonic() + timeout_s  # only against a hung test
                while (left := deadline - time.monotonic()) > 0:
                    ready, _, _ = select.select([reader.stdout], [], [], left)
                    data = os.read(reader.stdout.fileno(), 65536) if ready else b""
                    if ready and not data:
                        break  # parec ended
                    pending += data
                    while len(pending) >= chunk:
                        block = np.frombuffer(pending[:chunk], dtype="<f4")
                        pending = pending[chunk:]
                        if np.sqrt(np.mean(np.square(block, dtype=np.float64))) >= rms_level:
                            return
                raise RuntimeError("the sound never reached the microphone")
            finally:
                reader.terminate()

    def mute_microphone(self, muted: bool) -> None:
        """The microphone's mute switch: muted, it gives silence and hears nothing."""
        self.pactl("set-source-mute", f"{SINK}.monitor", "1" if muted else "0")

    def stop_playing(self) -> None:
        for player in self._players:
            _end(player)
        self._players.clear()

    def stop(self) -> None:
        """Stops the server (once this process's streams are closed: see ``wait_for_no_stream``)."""
        wait_for_no_stream()
        self.stop_playing()
        if self._awake is not None:
            _end(self._awake)
            self._awake = None
        if self.process is not None:
            _end(self.process)
            self.process = None


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


# --- signals ----------------------------------------------------------------------


def sine(level_dbfs_peak: float, seconds: float, frequency: float = 1000.0, rate: int = RATE):
    t = np.arange(round(seconds * rate)) / rate
    return (10 ** (level_dbfs_peak / 20) * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


def noise(level_dbfs_rms: float, seconds: float, rate: int = RATE, seed: int = 7):
    values = np.random.default_rng(seed).standard_normal(round(seconds * rate))
    return (values * 10 ** (level_dbfs_rms / 20)).astype(np.float32)


def silence(seconds: float, rate: int = RATE):
    return np.zeros(round(seconds * rate), dtype=np.float32)


# --- PortAudio's view ------------------------------------------------------------------


def wait_for_no_stream(timeout_s: float = RELEASE_TIMEOUT_S) -> None:
    """Waits until this process has no PortAudio stream left open.

    A sound server must never be stopped under an open stream: with a microphone and a
    sound open together, libpulse and PortAudio's ALSA thread can then deadlock (about
    5 times in 85 here), and closing the stream waits for ever (the app copes: it
    closes in the background with a timeout, see ``readiness.devices.audio.portaudio``;
    a test would hang).
    """
    from readiness.devices.audio import portaudio

    deadline = time.monotonic() + timeout_s
    while portaudio._open_streams and time.monotonic() < deadline:
        time.sleep(0.02)


def rescan_portaudio() -> None:
    """PortAudio lists devices when it starts: make it look again with this test's env."""
    from readiness.devices.audio import rescan

    # A page's worker from the test before may still be finishing (it closes what it opened).
    deadline = time.monotonic() + RELEASE_TIMEOUT_S
    while not rescan():
        if time.monotonic() > deadline:
            raise RuntimeError("an audio stream of an earlier test is still open")
        time.sleep(0.02)


def point_portaudio_at(server_address: str, client_config: Path, monkeypatch) -> None:
    monkeypatch.setenv("PULSE_SERVER", server_address)
    monkeypatch.setenv("PULSE_CLIENTCONFIG", str(client_config))
    rescan_portaudio()


# --- fixtures ----------------------------------------------------------------------


def require_pulseaudio() -> None:
    from conftest import require_program

    for program in ("pulseaudio", "pacat", "parec", "pactl"):
        require_program(program)


@pytest.fixture(scope="session")
def pulse_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseServer]:
    require_pulseaudio()
    server = PulseServer(tmp_path_factory.mktemp("pulse"))
    server.start()
    server.keep_awake()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pulse(pulse_session: PulseServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[PulseServer]:
    point_portaudio_at(pulse_session.address, pulse_session.client_config, monkeypatch)
    try:
        yield pulse_session
    finally:
        pulse_session.stop_playing()


@pytest.fixture
def no_sound_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No sound server at all: PortAudio then lists no device."""
    config = tmp_path / "pulse-client.conf"
    config.write_text("autospawn = no\n", encoding="utf-8")
    point_portaudio_at(f"unix:{tmp_path / 'nobody-listens-here'}", config, monkeypatch)


@pytest.fixture
def own_pulse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PulseServer]:
    """A server of this test's own, which the test may stop and start again."""
    require_pulseaudio()
    server = PulseServer(tmp_path / "own-pulse")
    server.base.mkdir()
    server.start()
    server.keep_awake()
    point_portaudio_at(server.address, server.client_config, monkeypatch)
    try:
        yield server
    finally:
        server.stop()


# --- pages -------------------------------------------------------------------------


@pytest.fixture
def sound_page_context(qtbot, tmp_path: Path):
    """Builds what a sound page gets from the window: real services, controller and tasks."""
    from PySide6.QtCore import QSettings

    from readiness.checks.microphone import MicrophoneCheck
    from readiness.checks.speakers import SpeakersCheck
    from readiness.core.config import read_session_file
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.resources import resource
    from readiness.ui.check_controller import CheckController
    from readiness.ui.page_context import PageContext
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services
    from readiness.ui.tasks import TaskRunner

    def make(settings_name: str = "preferences.ini") -> PageContext:
        checks = [MicrophoneCheck(), SpeakersCheck()]
        services = Services(
            config=read_session_file(resource("session.toml")),
            preferences=Preferences(
                QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat)
            ),
            url_opener=SystemUrlOpener(),
            checks=checks,
        )
        tasks = TaskRunner()
        controller = CheckController(checks, tasks)
        contexts.append((tasks, controller))  # kept alive as long as the test
        return PageContext(services, controller, tasks)

    contexts: list = []
    return make


@pytest.fixture
def open_sound_page(qtbot, sound_page_context):
    """Opens a sound page as the window shows it (shown, entered); left at the test's end."""
    pages = []

    def make(page_class, **options):
        page = page_class(sound_page_context(), **options)
        qtbot.addWidget(page)
        page.resize(800, 600)
        page.show()
        page.entered()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.left()  # a page left open would keep its devices for the next test


class EventLoopWatch:
    """Measures the longest pause of the GUI event loop (a frozen window shows here).

    A measure for the benchmark, never a test's assertion: a busy computer pauses
    any program now and then, however well it is written.
    """

    def __init__(self, interval_ms: int = 10):
        from PySide6.QtCore import QTimer

        self.longest_pause_s = 0.0
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest_pause_s = max(self.longest_pause_s, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return self.longest_pause_s


@pytest.fixture
def open_microphone_page(open_sound_page):
    """The microphone page, its phases shortened for the tests."""
    from readiness.ui.pages.microphone import MicrophonePage

    def make(**options) -> MicrophonePage:
        options = {"quiet_s": 0.6, "speak_timeout_s": 2.0, "retry_ms": 300, **options}
        return open_sound_page(MicrophonePage, **options)

    return make
