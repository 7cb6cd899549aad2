"""A desktop of the tests' own with an accessibility bus: the app on it, and a screen
reader's client listening.

``ScreenReaderDesk`` starts, each of its own:

- an X server (Xvfb, on the first free display);
- a D-Bus session bus, whose activation starts AT-SPI's bus and registry when the
  first client asks for them (``at-spi2-core``), as on a desktop;
- the app (``tests/atspi_app.py``, the project's interpreter, Qt's xcb platform);
- the client (``tests/atspi_walker.py``, the system's Python with ``python3-pyatspi``).

Both children answer JSON commands; ``app`` and ``reader`` send them.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent
#: The Python that has pyatspi: Debian's (the project's interpreter has no GObject).
READER_PYTHON = os.environ.get("ATSPI_PYTHON", "/usr/bin/python3")
#: Waits, in s: timeouts for a stuck child, not targets.
START_TIMEOUT_S = 60.0
ANSWER_TIMEOUT_S = 60.0


class ChildFailed(AssertionError):
    """A child did not answer, or answered with an error: the test fails with its words."""


class JsonChild:
    """A process that answers one JSON line per command."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log: Path):
        self.name = name
        self.log = log
        self._stderr = log.open("wb")
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def next_answer(self, timeout_s: float = ANSWER_TIMEOUT_S) -> dict:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ChildFailed(f"{self.name}: no answer in {timeout_s} s{self.tail()}") from None
            if line is None:
                raise ChildFailed(f"{self.name} ended{self.tail()}")
            try:
                answer = json.loads(line)
            except ValueError:
                continue  # not an answer (a library writing on stdout)
            if not answer.get("ok"):
                raise ChildFailed(f"{self.name}: {answer.get('error')}\n{answer.get('trace', '')}")
            return answer

    def ask(self, cmd: str, timeout_s: float = ANSWER_TIMEOUT_S, **arguments) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **arguments}) + "\n")
        self.process.stdin.flush()
        return self.next_answer(timeout_s)

    def tail(self) -> str:
        self._stderr.flush()
        text = self.log.read_text(errors="replace")[-3000:]
        return f"\n--- {self.name}'s stderr ---\n{text}" if text else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.close()  # each child ends when its input does
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self._stderr):
            if stream is not None and not stream.closed:
                with contextlib.suppress(OSError):  # a pipe the child left mid-write
                    stream.close()


def start_xvfb(log: Path) -> tuple[subprocess.Popen, str]:
    """An X server on the first free display; its name (":N")."""
    read_end, write_end = os.pipe()
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stderr=stderr,
        )
    os.close(write_end)
    with os.fdopen(read_end) as displayfd:
        number = displayfd.readline().strip()
    if not number:
        process.kill()
        raise ChildFailed(f"Xvfb did not start:\n{log.read_text(errors='replace')}")
    return process, f":{number}"


def start_session_bus(env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    """A D-Bus session bus; its address. The services it starts (AT-SPI's bus launcher
    and registry) inherit ``env``: the registry needs DISPLAY to press keys."""
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
            text=True,
        )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    if not address:
        process.kill()
        raise ChildFailed(f"dbus-daemon did not start:\n{log.read_text(errors='replace')}")
    return process, address


class ScreenReaderDesk:
    """The desk, started on entry, stopped on exit (children first)."""

    def __init__(self, folder: Path, video: Path, stun_port: int, extra_env: dict[str, str]):
        self.folder = folder
        self.video = video
        self.stun_port = stun_port
        self.extra_env = extra_env
        self._processes: list[subprocess.Popen] = []
        self._children: list[JsonChild] = []

    def __enter__(self) -> ScreenReaderDesk:
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self) -> None:
        from soak import isolated_user_env

        logs = self.folder / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        xvfb, display = start_xvfb(logs / "xvfb.txt")
        self._processes.append(xvfb)
        env = {**os.environ, **isolated_user_env(self.folder), **self.extra_env}
        # The system's shared data, whatever a test's fixtures set: AT-SPI's bus launcher
        # aborts without GLib's compiled settings schemas.
        env.update(
            DISPLAY=display,
            LANGUAGE="fr",
            XDG_DATA_DIRS="/usr/local/share:/usr/share",
            XDG_CONFIG_DIRS="/etc/xdg",
        )
        bus, address = start_session_bus(env, logs / "dbus.txt")
        self._processes.append(bus)
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        app_env = {
            **env,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            # The app of this checkout, whichever is installed in the environment.
            "PYTHONPATH": os.pathsep.join(
                [str(TESTS.parent), str(TESTS), env.get("PYTHONPATH", "")]
            ),
        }
        self.app = JsonChild(
            "app",
            [
                sys.executable,
                str(TESTS / "atspi_app.py"),
                str(self.video),
                str(self.stun_port),
                str(self.folder),
            ],
            app_env,
            logs / "app.txt",
        )
        self._children.append(self.app)
        self.app.next_answer(START_TIMEOUT_S)  # the window is shown
        self.reader = JsonChild(
            "screen reader",
            [READER_PYTHON, str(TESTS / "atspi_walker.py")],
            env,
            logs / "reader.txt",
        )
        self._children.append(self.reader)
        self.reader.next_answer(START_TIMEOUT_S)
        self._wait_for_the_app_on_the_bus()

    def _wait_for_the_app_on_the_bus(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                if self.reader.ask("tree")["windows"]:
                    return
            except ChildFailed:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.2)

    def __exit__(self, *_exc) -> None:
        for child in reversed(self._children):
            child.stop()
        for process in reversed(self._processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()


def missing_parts() -> list[str]:
    """What this machine lacks to run the desk (README: system packages for the tests)."""
    missing = [p for p in ("Xvfb", "dbus-daemon") if shutil.which(p) is None]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi2-core")
    probe = (
        subprocess.run([READER_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if Path(READER_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append(f"python3-pyatspi (for {READER_PYTHON})")
    return missing
