"""The hardware and network adapters the checks drive, in one bundle a test can swap.

``DeviceKit()`` is the real computer: each default is a small function that
imports its device module only when called, so building the kit costs nothing at
start-up. A test hands the window (through ``Services.kit``) and the command line
(through ``build_checks``) the same kit with stand-ins, e.g.
``DeviceKit(open_camera=...)``: nothing reads the environment to find a device.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.checks.line_watch import LineWatch
    from readiness.checks.network import NetworkParts
    from readiness.core.device_choice import DeviceChoice
    from readiness.core.process_snapshot import Snapshot
    from readiness.devices.camera.capture import Capture as CameraCapture
    from readiness.devices.camera.capture import Source
    from readiness.devices.camera.model import CameraInfo
    from readiness.devices.processes import CloseOutcome


# --- camera -------------------------------------------------------------------------


def _list_cameras() -> list[CameraInfo]:
    from readiness.devices.camera.probe import list_cameras

    return list_cameras()


def _open_camera(source: Source) -> CameraCapture:
    from readiness.devices.camera.capture import Capture

    return Capture(source)


def _find_camera(text: str) -> Source | None:
    from readiness.devices.camera.probe import looks_like_path, resolve_source

    source = resolve_source(text)
    if isinstance(source, str) and not looks_like_path(source):
        return None  # a camera name that matches no camera this computer lists
    return source


# --- audio --------------------------------------------------------------------------

if TYPE_CHECKING:
    import numpy as np

    from readiness.devices.audio.model import AudioDevice, Kind
    from readiness.devices.audio.streams import Capture as AudioCapture
    from readiness.devices.audio.streams import Playback


# Looked up on the module at each call, so a test that swaps ``audio.Capture`` still works.
def _audio_devices(kind: Kind) -> tuple[list[AudioDevice], list[AudioDevice]]:
    from readiness.devices import audio

    return audio.device_tables(kind)


def _open_microphone(device: AudioDevice) -> AudioCapture:
    from readiness.devices import audio

    return audio.Capture(device)


def _play_sound(device: AudioDevice, samples: np.ndarray, samplerate: float) -> Playback:
    from readiness.devices import audio

    return audio.Playback(device, samples, samplerate)


# --- network ------------------------------------------------------------------------


def _network(devices: DeviceChoice) -> NetworkParts:
    from readiness.checks.network import NetworkParts

    return NetworkParts.for_system(
        devices.speedtest_server, devices.speed_service, devices.stun_servers
    )


def _probe_line() -> bool:
    from readiness.devices.network.line_probe import LineProbe

    return LineProbe()()


# --- processes ----------------------------------------------------------------------


def _running_names() -> set[str]:
    from readiness.devices.processes import running_names

    return running_names()


def _scan_processes(cancelled: Callable[[], bool]) -> Snapshot:
    from readiness.devices.processes import ProcessScanner

    return ProcessScanner().scan(cancelled)


def _close_processes(targets: Sequence[tuple[int, float]], force: bool) -> CloseOutcome:
    from readiness.devices.processes import close_processes

    return close_processes(list(targets), force=force)


@dataclass(frozen=True)
class DeviceKit:
    # camera
    #: The cameras this computer has (slow: opens each one; call it on a worker).
    list_cameras: Callable[[], list[CameraInfo]] = _list_cameras
    #: Opens a camera index or a video file; raises CameraError.
    open_camera: Callable[[Source], CameraCapture] = _open_camera
    #: ``DeviceChoice.camera`` as a source to open: an index, a video file, or the camera the
    #: system lists under that name (part of it, any case); None when none has that name.
    find_camera: Callable[[str], Source | None] = _find_camera

    # audio
    #: (the devices to offer, default first; every device of the kind), looking again for
    #: devices plugged in since (slow: call it on a worker). Raises AudioError.
    audio_devices: Callable[[Kind], tuple[list[AudioDevice], list[AudioDevice]]] = _audio_devices
    #: Starts listening to a microphone (``read()`` gives what came since); raises AudioError.
    open_microphone: Callable[[AudioDevice], AudioCapture] = _open_microphone
    #: Starts playing mono samples on an output (``played``, ``finished``); raises AudioError.
    play_sound: Callable[[AudioDevice, np.ndarray, float], Playback] = _play_sound

    # network
    #: What measures the line for the devices chosen (its speed test and STUN servers):
    #: the bandwidth clients, Zoom's probe, the connection type, Zoom's status page, the
    #: UDP probe. Cheap: each loads when used.
    network: Callable[[DeviceChoice], NetworkParts] = _network
    #: The session watch's look at the line: True when zoom.us answers on port 443.
    probe_line: Callable[[], bool] = _probe_line

    # processes
    #: The names of the running programs (the session watch's cheap look).
    running_names: Callable[[], set[str]] = _running_names
    #: Samples every program for about a second; stops early once ``cancelled()``.
    scan_processes: Callable[[Callable[[], bool]], Snapshot] = _scan_processes
    #: Asks programs, as (pid, start time), to quit, or kills them with ``force``.
    close_processes: Callable[[Sequence[tuple[int, float]], bool], CloseOutcome] = _close_processes

    def watch_line(self, devices: DeviceChoice) -> LineWatch | None:
        """The window's watch of the line through ``network``'s parts for ``devices``'
        STUN servers; None when the organisation wants no UDP probe (``stun_servers =
        []``). Nothing loads or is sent before its ``start()``."""
        from readiness.checks.line_watch import LineWatch

        if devices.stun_servers == ():
            return None
        network = self.network

        def stream(cancelled, paused, on_echo, on_state) -> None:
            part = network(devices).udp_stream
            if part is not None:
                part(cancelled, paused, on_echo, on_state)

        return LineWatch(stream)
