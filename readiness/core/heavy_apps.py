"""Which running programs compete with the session, and which may be offered for closing."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.core.known_apps import KnownApps
from readiness.core.process_snapshot import ProcessInfo, Snapshot


@dataclass(frozen=True)
class Thresholds:
    cpu_share_percent: float = 10.0  # of the whole machine, over the sample
    memory_share_percent: float = 10.0  # of total RAM
    starved_cpu_percent: float = 90.0  # the whole machine, even at its quietest moment
    starved_memory_mb: float = 500.0
    low_battery_percent: float = 30.0
    low_disk_mb: float = 1000.0


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class HeavyProcess:
    pid: int
    create_time: float
    name: str  # the process name
    app: str  # what to call it: the known app's name, else the process name
    reason: str  # cpu | memory | bandwidth | camera_or_microphone
    cpu_percent: float
    memory_mb: float
    advice: dict[str, str]  # language -> text, from the data file (empty for cpu/memory)
    closable: bool

    def to_json(self) -> dict:
        return {
            "pid": self.pid,
            "name": self.name,
            "reason": self.reason,
            "cpu_percent": self.cpu_percent,
            "memory_mb": self.memory_mb,
        }


def may_close(process: ProcessInfo, snapshot: Snapshot, known: KnownApps) -> bool:
    """Only the user's own programs, never the system's, this app's, or any above it (its
    parent, the shell that started it, the terminal holding that shell...)."""
    if process.pid in (0, 1, snapshot.own_pid, snapshot.parent_pid):
        return False
    if process.pid in snapshot.ancestor_pids:
        return False
    if snapshot.current_user is None or process.username != snapshot.current_user:
        return False
    return not known.is_protected(process.name)


def find_heavy(
    snapshot: Snapshot, known: KnownApps, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[HeavyProcess]:
    """Each competing process once, with its most telling reason: a known app's own
    (camera/microphone, bandwidth) before CPU, CPU before memory. Heaviest first."""
    memory_limit = snapshot.system.memory_total_mb * thresholds.memory_share_percent / 100
    found = []
    for process in snapshot.processes:
        app = known.match(process.name)
        if app is not None:
            reason, name, advice = app.reason, app.name, dict(app.advice)
        elif process.cpu_percent >= thresholds.cpu_share_percent:
            reason, name, advice = "cpu", process.name, {}
        elif process.memory_mb >= memory_limit:
            reason, name, advice = "memory", process.name, {}
        else:
            continue
        found.append(
            HeavyProcess(
                pid=process.pid,
                create_time=process.create_time,
                name=process.name,
                app=name,
                reason=reason,
                cpu_percent=process.cpu_percent,
                memory_mb=process.memory_mb,
                advice=advice,
                closable=may_close(process, snapshot, known),
            )
        )
    found.sort(key=lambda h: (-h.cpu_percent, -h.memory_mb))
    return found


def is_starved(snapshot: Snapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    system = snapshot.system
    return (
        system.cpu_percent_min > thresholds.starved_cpu_percent
        or system.memory_available_mb < thresholds.starved_memory_mb
    )
