"""What the audio adapter reports: the devices found, and why one cannot be used."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

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
