"""Real processes for the process-scan tests, named as the tests need; and a stand-in
scan for the flow's tests, whose verdict a busy machine must not change.

Linux names a process after the file it was started from, so a symlink called
"dropbox" to /bin/sleep runs a real process that psutil reports as "dropbox".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from readiness.core.process_snapshot import ProcessInfo, Snapshot, SystemInfo


class Spawner:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        bin_dir.mkdir(parents=True, exist_ok=True)
        self.children: list[subprocess.Popen] = []
        self._public: Path | None = None

    def named(
        self, name: str, target: str, *args: str, user: int | None = None
    ) -> subprocess.Popen:
        # Another user cannot reach pytest's private tmp dirs: give it a public one.
        folder = self._public_dir() if user is not None else self.bin_dir
        link = folder / name
        if not link.exists():
            link.symlink_to(target)
        kwargs = {"user": user} if user is not None else {}
        child = subprocess.Popen(
            [str(link), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs
        )
        self.children.append(child)
        return child

    def _public_dir(self) -> Path:
        if self._public is None:
            self._public = Path(tempfile.mkdtemp(prefix="readiness-test-"))
            self._public.chmod(0o755)
        return self._public

    def cpu_burner(self, name: str = "burner") -> subprocess.Popen:
        return self.named(name, "/usr/bin/yes")

    def memory_hog(self, megabytes: int) -> subprocess.Popen:
        code = (
            f"import sys, time; b = bytearray({megabytes} * 1048576); "
            "b[::4096] = b'x' * len(b[::4096]); print('ready', flush=True); time.sleep(120)"
        )
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        self.children.append(child)
        return child

    def stop_all(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.kill()
            child.wait(timeout=10)
        for child in self.children:
            if child.stdout:
                child.stdout.close()
        if self._public is not None:
            shutil.rmtree(self._public, ignore_errors=True)


def is_root() -> bool:
    return os.geteuid() == 0


class StandInScanner:
    """``kit.scan_processes`` answering with the snapshots the test sets, in turn (the last
    one again once they run out). ``hold()`` keeps the next scans sampling until they are
    cancelled or ``release()``d; each scan notes the thread it ran on and whether it saw a
    cancel."""

    def __init__(self, *snapshots):
        self._snapshots = list(snapshots)
        self._gate = threading.Event()
        self._gate.set()
        self.entered = threading.Event()
        self.ran_on: list[str] = []
        self.saw_cancel: list[bool] = []

    def hold(self) -> None:
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()

    def __call__(self, cancelled):
        self.ran_on.append(threading.current_thread().name)
        call = len(self.saw_cancel)  # scans start one after the other, and may end in any order
        self.saw_cancel.append(False)
        snapshot = self._snapshots.pop(0) if len(self._snapshots) > 1 else self._snapshots[0]
        self.entered.set()
        while not self._gate.wait(0.01):  # as the real scan: it looks for a cancel as it samples
            if cancelled():
                break
        self.saw_cancel[call] = cancelled()
        if isinstance(snapshot, BaseException):
            raise snapshot
        return snapshot


def snapshot_of(*names: str, user: str = "me"):
    """A calm machine running ``names`` (one idle process each, pids from 500), as ``user``."""
    system = SystemInfo(
        cpu_percent=10,
        cpu_percent_min=5,
        memory_total_mb=16000,
        memory_available_mb=8000,
        on_battery=None,
        battery_percent=None,
        disk_free_mb=50_000,
        network_mbps=0.1,
    )
    processes = tuple(
        ProcessInfo(500 + i, name, user, 1000.0 + i, 0.5, 80) for i, name in enumerate(names)
    )
    return Snapshot(processes, system, 100, 99, user, 1.0)
