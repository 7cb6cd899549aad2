"""What the microphone and speakers flows share: finding a device, opening the microphone
(falling back to the default one when asked), waiting for its first sound, and holding
what is open so that ``stop()`` lets it go at once, whichever thread opened it.

It also names the sound vocabulary the window uses (``AudioDevice``, ``AudioProblem``),
so the window never imports the devices package itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from readiness.core.result import CheckResult
from readiness.devices.audio.catalogue import pick_device
from readiness.devices.audio.model import AudioDevice, AudioError, AudioProblem, Kind

if TYPE_CHECKING:
    import numpy as np

    from readiness.checks.kit import DeviceKit
    from readiness.devices.audio.streams import Capture

__all__ = [
    "AudioDevice",
    "AudioError",
    "AudioProblem",
    "DeviceHold",
    "DeviceProblem",
    "Kind",
    "NotFound",
    "OpenedMicrophone",
    "Picked",
    "Stopped",
    "first_sound",
    "open_microphone",
    "pick",
]

#: How long a stream may take to close before it is left behind (a driver that hangs).
CLOSE_TIMEOUT_S = 0.5
#: The problems that only a device coming back can end: worth looking again by itself.
ABSENT = (AudioProblem.NO_DEVICE, AudioProblem.GONE)

T = TypeVar("T")


@dataclass(frozen=True)
class DeviceProblem:
    """Update: the device cannot be used; ``result`` says why and what to do."""

    result: CheckResult
    problem: AudioProblem


class Stopped(Exception):
    """The flow was stopped: its thread ends without a word."""


class NotFound(AudioError):
    """A device asked for by name or number is not there; ``offered`` are the ones that are."""

    def __init__(self, wanted: str, offered: tuple[str, ...]):
        super().__init__(AudioProblem.NOT_FOUND, wanted)
        self.offered = offered


class DeviceHold:
    """The streams a flow's thread has open, and the flow's "stopped" state.

    ``stop()`` (any thread) closes what is held; a stream opened after it is closed as
    soon as it is handed to ``hold``, which raises ``Stopped``. ``send`` delivers an
    update only while not stopped, under the same lock: none comes once ``stop`` returned.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._held: list[Any] = []

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def hold(self, stream: T) -> T:
        with self._lock:
            if not self._stopped.is_set():
                self._held.append(stream)
                return stream
        _close(stream)
        raise Stopped

    def let_go(self, stream: Any | None) -> None:
        if stream is None:
            return
        with self._lock:
            if stream in self._held:
                self._held.remove(stream)
        _close(stream)

    def send(self, deliver: Callable[[], None]) -> None:
        with self._lock:
            if not self._stopped.is_set():
                deliver()

    def check(self) -> None:
        """Raises ``Stopped`` once stopped (between two slow steps)."""
        if self._stopped.is_set():
            raise Stopped

    def pause(self, seconds: float) -> None:
        """Waits ``seconds``, or less when stopped meanwhile (then raises ``Stopped``)."""
        if self._stopped.wait(seconds):
            raise Stopped

    def stop(self) -> None:
        with self._lock:
            self._stopped.set()
            held, self._held = self._held, []
        for stream in held:
            _close(stream)


def _close(stream: Any) -> None:
    stream.close(timeout_s=CLOSE_TIMEOUT_S)


@dataclass(frozen=True)
class Picked:
    #: The devices to offer in the list, default first.
    devices: tuple[AudioDevice, ...]
    device: AudioDevice
    #: The device asked for is missing: the default is used instead.
    fell_back: bool


def pick(kit: DeviceKit, kind: Kind, wanted: str | None, *, fall_back: bool) -> Picked:
    """The device ``wanted`` names (None: the default). Slow: lists the devices again.

    ``fall_back``: a remembered device that is missing gives way to the default one
    (the window); without it, a name that matches nothing is a ``NotFound`` (the command
    line, where the name was just typed).
    """
    offered, everything = kit.audio_devices(kind)
    devices = tuple(offered)
    try:
        return Picked(devices, pick_device(offered, everything, wanted, kind), False)
    except AudioError as error:
        if error.problem is not AudioProblem.NOT_FOUND:
            raise
        if not fall_back:
            raise NotFound(wanted or "", tuple(d.name for d in offered)) from None
    return Picked(devices, pick_device(offered, everything, None, kind), True)


@dataclass(frozen=True)
class OpenedMicrophone:
    capture: Capture
    picked: Picked


def open_microphone(
    kit: DeviceKit, hold: DeviceHold, wanted: str | None, *, fall_back: bool
) -> OpenedMicrophone:
    """The wanted microphone (or the default), listening, and held by ``hold``."""
    picked = pick(kit, "input", wanted, fall_back=fall_back)
    hold.check()  # stopped while listing: nothing to open
    return OpenedMicrophone(hold.hold(kit.open_microphone(picked.device)), picked)


def first_sound(
    capture: Capture,
    hold: DeviceHold,
    *,
    limit_s: float | None = None,
    clock: Callable[[], float],
    poll_s: float = 0.01,
) -> np.ndarray:
    """Waits for the microphone's first samples (a sound server may take a moment) and
    gives them; after ``limit_s``, gives none and lets the caller go on without them.

    A microphone that never sends anything raises AudioError(GONE) from its ``read``.
    """
    started = clock()
    while True:
        samples = capture.read()
        if samples.size:
            return samples
        if limit_s is not None and clock() - started >= limit_s:
            return samples
        hold.pause(poll_s)
