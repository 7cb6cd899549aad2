"""A moment of the machine: its processes and its state, as the process scan saw them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProcessInfo:
    pid: int
    name: str
    username: str | None  # None when the OS does not say
    create_time: float  # with the pid, tells a process from a later one reusing its pid
    cpu_percent: float  # share of the whole machine during the sample, 0-100
    memory_mb: float


@dataclass(frozen=True)
class SystemInfo:
    cpu_percent: float  # whole machine, over the sample
    cpu_percent_min: float  # the quietest moment of the sample: high means always busy
    memory_total_mb: float
    memory_available_mb: float
    on_battery: bool | None  # None: no battery
    battery_percent: float | None
    disk_free_mb: float | None
    network_mbps: float  # everything the machine sent and received during the sample


@dataclass(frozen=True)
class Snapshot:
    processes: tuple[ProcessInfo, ...]
    system: SystemInfo
    own_pid: int
    parent_pid: int | None
    current_user: str | None
    duration_s: float
    #: Every process above this app: its parent, the shell, the terminal, ... up to init.
    #: Closing any of them could end the app's own session.
    ancestor_pids: frozenset[int] = frozenset()
