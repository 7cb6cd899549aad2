"""Fakes for what cannot exist on this Linux test machine, or cannot be steered by a test.

There is no Windows registry and no macOS ``/Applications`` here, so these stand in
for them. Everything that does exist on Linux (xdg-mime, files, subprocesses) is used
for real in the tests instead. The session watch's line, clock and running programs
cannot be made to drop, jump or start on cue: small stand-ins do it, and count their use.
"""

from __future__ import annotations

import plistlib
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path


class FakeWindowsRegistry:
    """Dict-backed stand-in for the Windows registry (the ``Registry`` protocol).

    ``keys`` maps ``(hive, key path)`` to that key's values by name; ``""`` is the
    key's default value. Parent keys exist implicitly, as in the real registry.
    """

    def __init__(self, keys: Mapping[tuple[str, str], Mapping[str, str]] | None = None):
        # Key paths are case-insensitive in the registry; keep the original spelling too.
        self._keys: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}
        for (hive, key), values in (keys or {}).items():
            for name, value in values.items():
                self.set(hive, key, name, value)

    def set(self, hive: str, key: str, name: str, value: str) -> None:
        self._keys.setdefault((hive, key.lower()), (key, {}))[1][name] = value

    def value(self, hive: str, key: str, name: str = "") -> str | None:
        _, values = self._keys.get((hive, key.lower()), (key, {}))
        return next((v for n, v in values.items() if n.lower() == name.lower()), None)

    def subkeys(self, hive: str, key: str) -> list[str]:
        prefix = key.lower() + "\\"
        names = {
            original[len(prefix) :].split("\\")[0]
            for (key_hive, lowered), (original, _) in self._keys.items()
            if key_hive == hive and lowered.startswith(prefix)
        }
        return sorted(names)


def make_fake_mac_zoom_bundle(
    root: Path, version: str | None, declares_scheme: bool = True
) -> Path:
    """A minimal ``zoom.us.app`` under ``root/Applications`` with a real Info.plist."""
    bundle = root / "Applications" / "zoom.us.app"
    (bundle / "Contents" / "MacOS").mkdir(parents=True)
    (bundle / "Contents" / "MacOS" / "zoom.us").write_bytes(b"")
    info: dict[str, object] = {"CFBundleIdentifier": "us.zoom.xos", "CFBundleName": "zoom.us"}
    if version is not None:
        info["CFBundleShortVersionString"] = version
    if declares_scheme:
        info["CFBundleURLTypes"] = [
            {"CFBundleURLName": "Zoom Launcher", "CFBundleURLSchemes": ["zoommtg", "zoomus"]}
        ]
    with (bundle / "Contents" / "Info.plist").open("wb") as stream:
        plistlib.dump(info, stream)
    return bundle


class ManualClock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class StandInLine:
    """A line probe (``() -> bool``) whose answer the test flips; called on worker threads."""

    def __init__(self, up: bool = True):
        self.up = up
        self._calls = 0
        self._lock = threading.Lock()

    def __call__(self) -> bool:
        with self._lock:
            self._calls += 1
        return self.up

    @property
    def calls(self) -> int:
        with self._lock:
            return self._calls


class StandInProcessNames:
    """``running_names`` for the session watch: the names the test says are running."""

    def __init__(self, names: Iterable[str] = ()):
        self.names = set(names)
        self._calls = 0
        self._lock = threading.Lock()

    def __call__(self) -> set[str]:
        with self._lock:
            self._calls += 1
            return set(self.names)

    def start(self, name: str) -> None:
        with self._lock:
            self.names.add(name)

    @property
    def calls(self) -> int:
        with self._lock:
            return self._calls


class GatedCall:
    """Stands in for a blocking driver call (listing or opening a sound device).

    Each call notes the thread it runs in, then waits for the gate before making the
    real call: a test sees where the blocking work runs, and what the window does
    meanwhile. Open from the start with ``open_gate=True``.
    """

    #: Against a test that forgets to open the gate: the worker is freed at last.
    GIVE_UP_S = 60.0

    def __init__(self, real, *, open_gate: bool = False):
        import threading  # appended block: imports of its own

        self._real = real
        self._gate = threading.Event()
        if open_gate:
            self._gate.set()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self.called = threading.Event()

    def __call__(self, *args, **kwargs):
        import threading

        with self._lock:
            self._threads.append(threading.current_thread())
        self.called.set()
        self._gate.wait(self.GIVE_UP_S)
        return self._real(*args, **kwargs)

    def release(self) -> None:
        self._gate.set()

    @property
    def threads(self) -> list:
        with self._lock:
            return list(self._threads)


class FakeTime:
    """``time.monotonic`` and ``time.sleep`` for code that takes a clock: sleeping moves
    the clock on at once instead of waiting. Shared safely by a worker and the test."""

    def __init__(self, now: float = 1000.0):
        import threading  # appended block: imports of its own

        self._now = now
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        with self._lock:
            return self._now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._now += max(0.0, seconds)

    def advance(self, seconds: float) -> None:
        """Time passing while the code does something else (or nothing)."""
        with self._lock:
            self._now += seconds
