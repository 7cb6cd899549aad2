"""What runs on the machine, through psutil: a timed sample, and closing on request."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from readiness.core.process_snapshot import ProcessInfo, Snapshot, SystemInfo

log = logging.getLogger(__name__)


class ProcessScanner:
    """Samples every process for ``sample_s`` seconds (CPU needs two readings)."""

    def __init__(
        self,
        sample_s: float = 1.0,
        steps: int = 4,
        home: Path | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.sample_s = sample_s
        self.steps = steps
        self.home = home or Path.home()
        self._clock = clock
        self._sleep = sleep

    def scan(self, cancelled: Callable[[], bool] = lambda: False) -> Snapshot:
        import psutil  # imported here: heavy, and only needed for this step

        started = self._clock()
        cores = psutil.cpu_count() or 1
        watched: dict[int, psutil.Process] = {}
        for process in psutil.process_iter():
            try:
                process.cpu_percent(None)  # first reading: starts the clock
            except psutil.Error:
                continue
            watched[process.pid] = process
        psutil.cpu_percent(None)
        net_before = psutil.net_io_counters()
        system_samples = []
        for _ in range(self.steps):
            if cancelled():
                break
            self._sleep(self.sample_s / self.steps)
            system_samples.append(psutil.cpu_percent(None))
        net_after = psutil.net_io_counters()
        elapsed = max(self._clock() - started, 1e-3)

        processes = []
        own_pid = os.getpid()
        for pid, process in watched.items():
            if pid == own_pid:
                continue
            info = _describe(process, cores, psutil)
            if info is not None:
                processes.append(info)
        me = psutil.Process()
        return Snapshot(
            processes=tuple(processes),
            system=_system(psutil, system_samples, net_before, net_after, elapsed, self.home),
            own_pid=own_pid,
            parent_pid=me.ppid() or None,
            current_user=_safe(me.username),
            duration_s=self._clock() - started,
        )


def _safe(getter: Callable[[], object]):
    try:
        return getter()
    except Exception:  # psutil.AccessDenied, NoSuchProcess, or an OS without the info
        return None


def _describe(process, cores: int, psutil) -> ProcessInfo | None:
    try:
        with process.oneshot():
            cpu = process.cpu_percent(None) / cores
            name = process.name()
            create_time = process.create_time()
            memory = _safe(lambda: process.memory_info().rss) or 0
            username = _safe(process.username)
    except psutil.Error:  # gone, zombie, or not ours to read
        return None
    return ProcessInfo(
        pid=process.pid,
        name=name,
        username=username,
        create_time=create_time,
        cpu_percent=round(cpu, 1),
        memory_mb=round(memory / 1_048_576, 1),
    )


def _system(psutil, cpu_samples, net_before, net_after, elapsed, home: Path) -> SystemInfo:
    memory = psutil.virtual_memory()
    battery = _safe(psutil.sensors_battery) if hasattr(psutil, "sensors_battery") else None
    disk = _safe(lambda: psutil.disk_usage(str(home)))
    moved = 0
    if net_before is not None and net_after is not None:
        moved = (net_after.bytes_recv - net_before.bytes_recv) + (
            net_after.bytes_sent - net_before.bytes_sent
        )
    cpu = cpu_samples or [psutil.cpu_percent(None)]
    return SystemInfo(
        cpu_percent=round(sum(cpu) / len(cpu), 1),
        cpu_percent_min=round(min(cpu), 1),
        memory_total_mb=round(memory.total / 1_048_576),
        memory_available_mb=round(memory.available / 1_048_576),
        on_battery=None if battery is None else not battery.power_plugged,
        battery_percent=None if battery is None else round(battery.percent),
        disk_free_mb=None if disk is None else round(disk.free / 1_048_576),
        network_mbps=round(moved * 8 / elapsed / 1_000_000, 2),
    )


class CloseOutcome(StrEnum):
    CLOSED = "closed"
    STILL_RUNNING = "still_running"
    ALREADY_GONE = "already_gone"
    DENIED = "denied"


def close_processes(
    targets: list[tuple[int, float]], *, force: bool = False, wait_s: float = 3.0
) -> CloseOutcome:
    """Ask each (pid, create_time) to quit (terminate), or kill it with ``force``.

    The create time guards against a pid that was reused by another program since
    the list was shown. The worst outcome of the group is returned.
    """
    import psutil

    alive = []
    denied = False
    for pid, create_time in targets:
        try:
            process = psutil.Process(pid)
            if abs(process.create_time() - create_time) > 0.01:
                continue  # the one we listed is gone; this pid belongs to another program
            process.kill() if force else process.terminate()
            alive.append(process)
        except psutil.NoSuchProcess:
            continue
        except psutil.AccessDenied:
            denied = True
    if not alive:
        return CloseOutcome.DENIED if denied else CloseOutcome.ALREADY_GONE
    _gone, still = psutil.wait_procs(alive, timeout=wait_s)
    if still:
        log.info("still running after %s: %s", "kill" if force else "terminate", still)
        return CloseOutcome.STILL_RUNNING
    return CloseOutcome.DENIED if denied else CloseOutcome.CLOSED


def running_names() -> set[str]:
    """Names of the running programs: a cheap look, for the watch during the session."""
    import psutil

    names = set()
    for process in psutil.process_iter(["name"]):
        name = process.info.get("name")
        if name:
            names.add(name)
    return names
