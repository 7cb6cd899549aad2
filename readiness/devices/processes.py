"""What runs on the machine, through psutil: a timed sample, and closing on request."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from readiness.core.known_apps import KnownApps, load_known_apps
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
            ancestor_pids=ancestor_pids(),
        )


def ancestor_pids() -> frozenset[int]:
    """Every process above this one: its parent, the shell, the terminal, ... up to init."""
    import psutil

    pids = set()
    try:
        parent = psutil.Process().parent()
        while parent is not None and parent.pid not in pids:
            pids.add(parent.pid)
            parent = parent.parent()
    except psutil.Error:  # a parent that cannot be read: the chain stops there
        pass
    return frozenset(pids)


def protected_pids() -> frozenset[int]:
    """What is never closed from here: the system's first processes, this app, and every
    process above it (closing one could end the app's own session)."""
    return frozenset({0, 1, os.getpid()}) | ancestor_pids()


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
    targets: Sequence[tuple[int, float]],
    *,
    force: bool = False,
    wait_s: float = 3.0,
    known: KnownApps | None = None,
) -> CloseOutcome:
    """Ask each (pid, create_time) to quit (terminate), or kill it with ``force``.

    Whoever made the list, each target is checked again here, as it is closed: its
    create time (a pid reused by another program since the list was made is left
    alone), its owner (this user's programs only) and its protection (this app, every
    process above it, the system's programs of ``known``): a refused one is never
    signalled. The worst outcome of the group is returned.
    """
    import psutil

    protected = protected_pids()
    user = _safe(psutil.Process().username)
    known = known if known is not None else load_known_apps()
    alive = []
    denied = False
    for target in targets:
        checked = _closable(target, protected, user, known, psutil)
        if checked is CloseOutcome.DENIED:
            denied = True
        if isinstance(checked, CloseOutcome):
            continue
        try:
            checked.kill() if force else checked.terminate()  # psutil re-checks the pid
            alive.append(checked)
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


def _closable(target, protected: frozenset[int], user: str | None, known: KnownApps, psutil):
    """The process to close for ``target`` (pid, create_time), or why not: ALREADY_GONE
    (it, or the program listed under its pid, has ended), DENIED (not ours to close)."""
    try:
        pid, create_time = target
    except (TypeError, ValueError):
        return CloseOutcome.DENIED
    if not isinstance(pid, int) or isinstance(pid, bool) or pid in protected or pid < 0:
        return CloseOutcome.DENIED
    try:
        process = psutil.Process(pid)
        with process.oneshot():
            started = process.create_time()
            owner = process.username()
            name = process.name()
    except psutil.NoSuchProcess:  # zombies too: they have ended
        return CloseOutcome.ALREADY_GONE
    except (psutil.Error, ValueError, OverflowError):  # not ours to read; no such pid
        return CloseOutcome.DENIED
    if not _same_start(started, create_time):  # the listed one is gone: this is another
        return CloseOutcome.ALREADY_GONE
    if user is None or owner != user or known.is_protected(name):
        return CloseOutcome.DENIED
    return process


def _same_start(started: float, create_time: object) -> bool:
    """``create_time`` is ``started``, as psutil gives it (NaN, a string: no)."""
    if not isinstance(create_time, int | float) or isinstance(create_time, bool):
        return False
    try:
        return abs(started - float(create_time)) <= 0.01
    except OverflowError:
        return False


def running_names() -> set[str]:
    """Names of the running programs: a cheap look, for the watch during the session."""
    import psutil

    names = set()
    for process in psutil.process_iter(["name"]):
        name = process.info.get("name")
        if name:
            names.add(name)
    return names
