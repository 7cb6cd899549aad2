"""What the audio adapter reports: the devices found, and why one cannot be used."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

Kind = Literal["input", "output"]


class AudioProblem(StrEnum):
    #: ``import sounddevice`` failed: the PortAudio library is not installed (Linux).
    NO_PORTAUDIO = "no_portaudio"
    #: No device of this kind at all (nothing plugged in, or no sound server running).
    NO_DEVICE = "no_device"
    #: A device was asked for by name or number and is not there.
    NOT_FOUND = "not_found"
    #: The device exists but another application holds it.
    BUSY = "busy"
    #: It was working and went away (USB headset unplugged, sound server stopped),
    #: or it opened and never delivered anything.
    GONE = "gone"
    #: Anything else PortAudio refused (format, driver error).
    FAILED = "failed"


class AudioError(Exception):
    def __init__(self, problem: AudioProblem, detail: str = ""):
        super().__init__(f"{problem}: {detail}" if detail else str(problem))
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class AudioDevice:
    #: PortAudio's index: valid until the next rescan only.
    index: int
    #: The name shown to the user (cleaned, duplicates removed).
    name: str
    #: PortAudio's own name: what is remembered, since indexes change between runs.
    raw_name: str
    host_api: str
    input_channels: int
    output_channels: int
    default_samplerate: float
    #: The system's default for this kind.
    is_default: bool = False


def entry_channels(entry: Mapping[str, Any], kind: Kind) -> int:
    """Channels of ``kind`` in one row of ``sounddevice.query_devices()``."""
    return int(entry.get(f"max_{kind}_channels", 0))


def device_from_entry(
    entry: Mapping[str, Any], name: str, api_names: Mapping[int, str], *, is_default: bool
) -> AudioDevice:
    """One row of ``sounddevice.query_devices()`` as offered, under ``name``."""
    return AudioDevice(
        index=int(entry["index"]),
        name=name,
        raw_name=str(entry["name"]),
        host_api=api_names.get(entry["hostapi"], ""),
        input_channels=entry_channels(entry, "input"),
        output_channels=entry_channels(entry, "output"),
        default_samplerate=float(entry.get("default_samplerate") or 0.0),
        is_default=is_default,
    )
