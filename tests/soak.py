"""Soak runs: the real app in a fresh process for minutes, watched from outside.

Used by ``tests/test_soak.py`` (about 3 minutes per scenario) and
``benchmarks/soak.py`` (as long as asked). The child is ``tests/soak_app.py``.
From outside, once a second: is the process alive, is its window's heartbeat still
coming (a frozen event loop stops it), how much memory it holds (RSS) and how much
CPU it has used. What the child counts (frames drawn, meter blocks, line probes)
shows that thousands of signals crossed between threads.

PYTEST_DONT_REWRITE
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

CHILD = Path(__file__).with_name("soak_app.py")
#: No heartbeat for this long: the window is frozen (the child beats every second).
FROZEN_AFTER_S = 20.0
#: Memory that keeps growing after warm-up by more than this is a leak.
MAX_GROWTH_MB = 10.0
#: Time the child may take to start, and to end once its window is closed.
GRACE_S = 60.0


@dataclass
class Sample:
    t: float  # seconds since the child started
    rss_mb: float
    cpu_s: float


@dataclass
class SoakResult:
    scenario: str
    seconds: float
    returncode: int | None
    samples: list[Sample] = field(default_factory=list)
    beats: list[dict] = field(default_factory=list)
    beat_arrivals: list[float] = field(default_factory=list)
    stderr_tail: str = ""

    # --- figures ----------------------------------------------------------------

    def warm_up_s(self) -> float:
        """Caches, fonts, OpenCV's and PortAudio's buffers settle in the first minute."""
        return min(60.0, self.seconds / 3)

    def _median_rss(self, start: float, end: float) -> float | None:
        values = [s.rss_mb for s in self.samples if start <= s.t < end]
        return statistics.median(values) if values else None

    def rss_at_start_mb(self) -> float | None:
        """The first seconds: the window is up, the step's device not yet settled."""
        return self._median_rss(0, 5)

    def rss_after_warm_up_mb(self) -> float | None:
        start = self.warm_up_s()
        return self._median_rss(start, start + 10)

    def rss_at_end_mb(self) -> float | None:
        if not self.samples:
            return None
        last = self.samples[-1].t
        return self._median_rss(last - 10, last + 1)

    def growth_mb(self) -> float | None:
        start, end = self.rss_after_warm_up_mb(), self.rss_at_end_mb()
        return None if start is None or end is None else end - start

    def cpu_share(self) -> float | None:
        """CPU seconds per second after warm-up (1.0 is one core, all the time)."""
        settled = [s for s in self.samples if s.t >= self.warm_up_s()]
        if len(settled) < 2:
            return None
        first, last = settled[0], settled[-1]
        return (last.cpu_s - first.cpu_s) / (last.t - first.t)

    def longest_silence_s(self) -> float:
        """The longest time without a heartbeat, seen from outside."""
        times = self.beat_arrivals
        return max((b - a for a, b in itertools.pairwise(times)), default=0.0)

    def last_beat(self) -> dict:
        return self.beats[-1] if self.beats else {}

    def work_done(self) -> int:
        """Signals that crossed from a worker thread to the GUI thread, by the child's count."""
        beat = self.last_beat()
        return {
            "camera": beat.get("frames", 0),
            "microphone": beat.get("meter_blocks", 0),
            "watch": beat.get("probes", 0),
            "network": beat.get("echoes", 0),
        }.get(self.scenario, 0)

    def problems(self, min_work: int) -> list[str]:
        found = []
        if self.returncode != 0:
            found.append(f"the app ended with code {self.returncode}")
        if not self.beats:
            found.append("the window never gave a heartbeat")
        elif self.longest_silence_s() > FROZEN_AFTER_S:
            found.append(f"the window froze for {self.longest_silence_s():.0f} s")
        growth = self.growth_mb()
        if growth is None:
            found.append("too few memory samples")
        elif growth > MAX_GROWTH_MB:
            found.append(f"memory grew by {growth:.1f} MB after warm-up")
        if self.work_done() < min_work:
            found.append(f"only {self.work_done()} signals crossed (at least {min_work} expected)")
        return found

    def summary(self) -> str:
        def mb(value: float | None) -> str:
            return "?" if value is None else f"{value:.1f} MB"

        share = self.cpu_share()
        return (
            f"{self.scenario}: {self.seconds:.0f} s, exit {self.returncode}, "
            f"RSS at start {mb(self.rss_at_start_mb())}, "
            f"after warm-up {mb(self.rss_after_warm_up_mb())}, "
            f"at end {mb(self.rss_at_end_mb())} "
            f"(growth {mb(self.growth_mb())}), CPU {'?' if share is None else f'{share:.2f}'} s/s, "
            f"work {self.work_done()}, longest silence {self.longest_silence_s():.1f} s"
        )


class SoakRun:
    """One child app, started at once, sampled from a thread until it ends."""

    def __init__(
        self,
        scenario: str,
        seconds: float,
        config: Path,
        home: Path,
        *,
        env: dict[str, str] | None = None,
        args: list[str] | None = None,
        platform: str = "offscreen",
    ):
        self.result = SoakResult(scenario, seconds, None)
        self._stderr_path = home / f"{scenario}-stderr.txt"
        child_env = {**os.environ, **isolated_user_env(home), **(env or {})}
        child_env["QT_QPA_PLATFORM"] = platform
        child_env.setdefault("LANGUAGE", "fr")
        command = [
            sys.executable,
            str(CHILD),
            scenario,
            "--config",
            str(config),
            "--seconds",
            str(seconds),
            *(args or []),
        ]
        with self._stderr_path.open("wb") as stderr:
            self.process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=stderr, env=child_env, text=True
            )
        self._started = time.monotonic()
        self._reader = threading.Thread(target=self._read_beats, daemon=True)
        self._reader.start()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _read_beats(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                beat = json.loads(line)
            except ValueError:
                continue
            self.result.beats.append(beat)
            self.result.beat_arrivals.append(time.monotonic() - self._started)

    def _sample(self) -> None:
        try:
            watched = psutil.Process(self.process.pid)
            while self.process.poll() is None:
                with watched.oneshot():
                    times = watched.cpu_times()
                    sample = Sample(
                        time.monotonic() - self._started,
                        watched.memory_info().rss / 1e6,
                        times.user + times.system,
                    )
                self.result.samples.append(sample)
                time.sleep(1.0)
        except psutil.Error:
            pass  # it ended between two samples

    def wait(self) -> SoakResult:
        """Waits for the end (the child closes its window itself), at most with some grace."""
        try:
            self.result.returncode = self.process.wait(timeout=self.result.seconds + GRACE_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            self.result.returncode = None
        self._reader.join(timeout=5)
        self._sampler.join(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.result.stderr_tail = self._stderr_path.read_text(errors="replace")[-3000:]
        return self.result

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def isolated_user_env(home: Path) -> dict[str, str]:
    """A home and XDG folders of the child's own: no host configuration, its own log."""
    env = {"HOME": str(home / "home")}
    for variable, name in {
        "XDG_CONFIG_HOME": "config",
        "XDG_DATA_HOME": "data",
        "XDG_STATE_HOME": "state",
        "XDG_CACHE_HOME": "cache",
        "XDG_RUNTIME_DIR": "runtime",
    }.items():
        env[variable] = str(home / name)
    for path in env.values():
        Path(path).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    return env


def log_file(home: Path) -> Path:
    """Where the child's app writes its log (Linux's convention, as user_dirs says)."""
    return home / "state" / "readiness" / "log" / "readiness.log"


def write_config(path: Path, *, camera: str = "", stun_port: int | None = None) -> Path:
    """The shipped session.toml with the devices the scenario needs. The line is watched
    only through a local STUN server (``stun_port``), and the connection test waits for
    its step: no soak run reaches the internet."""
    from readiness.resources import resource

    text = resource("session.toml").read_text(encoding="utf-8")
    text = text.replace('camera = ""', f"camera = {json.dumps(camera)}", 1)
    if stun_port is None:
        network = "stun_servers = []\nearly_test = false\n"
    else:
        network = f'stun_servers = ["127.0.0.1:{stun_port}"]\n'
    text = text.replace("[network]\n", "[network]\n" + network, 1)
    path.write_text(text, encoding="utf-8")
    return path


class FlakyLine:
    """A TCP listener on 127.0.0.1 that the session watch probes; it goes away for
    ``down_s`` every ``period_s``, as a Wi-Fi drop-out, so "lost" and "back" are
    crossed too. Stops by itself after ``lifetime_s``."""

    def __init__(self, period_s: float = 30.0, down_s: float = 3.0, lifetime_s: float = 4000.0):
        self.period_s, self.down_s, self.lifetime_s = period_s, down_s, lifetime_s
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _listener(self) -> socket.socket:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(64)
        server.settimeout(0.1)
        return server

    def _serve(self) -> None:
        started = time.monotonic()
        while not self._stop.is_set() and time.monotonic() - started < self.lifetime_s:
            server = self._listener()
            up_until = time.monotonic() + self.period_s - self.down_s
            try:
                while time.monotonic() < up_until and not self._stop.is_set():
                    try:
                        connection, _ = server.accept()
                    except TimeoutError:
                        continue
                    connection.close()
            finally:
                server.close()
            self._stop.wait(self.down_s)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


class LoopingSpeech:
    """Keeps a speech-like sound (bursts and pauses) playing into the test sink, as a
    person talking near the microphone: one ``pacat`` fed from a pipe, for as long as
    needed, without files."""

    def __init__(self, server, lifetime_s: float):
        import numpy as np

        from pulse_server import RATE, SINK, noise, silence

        pattern = []
        for index in range(10):
            pattern.append(noise(-20.0 - 2 * (index % 3), 0.6, seed=index))
            pattern.append(silence(0.3))
        self._chunk = np.concatenate(pattern).astype("<f4").tobytes()
        self._player = subprocess.Popen(
            [
                "pacat",
                "--playback",
                "--raw",
                "--format=float32le",
                f"--rate={RATE}",
                "--channels=1",
                f"--device={SINK}",
            ],
            stdin=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **server.client_env()},
        )
        self._deadline = time.monotonic() + lifetime_s
        self._thread = threading.Thread(target=self._feed, daemon=True)
        self._thread.start()

    def _feed(self) -> None:
        # The pipe fills as fast as pacat plays: each write waits for the sound to go out.
        try:
            while time.monotonic() < self._deadline and self._player.poll() is None:
                self._player.stdin.write(self._chunk)
        except (BrokenPipeError, ValueError, OSError):
            pass

    def stop(self) -> None:
        self._deadline = 0.0
        if self._player.poll() is None:
            self._player.kill()
        self._player.wait(timeout=5)
        self._thread.join(timeout=5)
        if self._player.stdin is not None:
            with contextlib.suppress(OSError):
                self._player.stdin.close()
