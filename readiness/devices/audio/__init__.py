"""The sound adapter over sounddevice (PortAudio): device lists, capture, playback.

Nothing here imports sounddevice or numpy when imported itself: they load on
first use, so the app starts without them and a missing PortAudio becomes an
:class:`AudioError` with ``AudioProblem.NO_PORTAUDIO``, not a crash.
"""

from readiness.devices.audio.catalogue import (
    device_tables,
    list_devices,
    pick_device,
    resolve_device,
)
from readiness.devices.audio.model import AudioDevice, AudioError, AudioProblem, Kind
from readiness.devices.audio.portaudio import rescan
from readiness.devices.audio.streams import Capture, Playback

__all__ = [
    "AudioDevice",
    "AudioError",
    "AudioProblem",
    "Capture",
    "Kind",
    "Playback",
    "device_tables",
    "list_devices",
    "pick_device",
    "rescan",
    "resolve_device",
]
