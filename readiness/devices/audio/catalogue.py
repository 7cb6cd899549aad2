"""The microphones and speakers to offer: friendly names, no duplicates, the default first.

PortAudio lists every device once per host API (Windows: MME, DirectSound,
WASAPI, WDM-KS; Linux: ALSA's hardware and plugin names), so a laptop shows a
dozen entries for one microphone. On Windows each physical device is offered
once (``windows_devices``), the communications default first. Elsewhere we keep
the system's default host API only and drop ALSA's plugin pseudo-devices.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from readiness.core.i18n import translate
from readiness.devices.audio.model import (
    AudioDevice,
    AudioError,
    AudioProblem,
    Kind,
    device_from_entry,
    entry_channels,
)
from readiness.devices.audio.portaudio import classify, portaudio, rescan
from readiness.devices.audio.windows_default import Registry, communications_default
from readiness.devices.audio.windows_devices import offer as windows_offer

# ALSA plugin names that route to the same card or server as "default", or convert formats.
_ALSA_PSEUDO = re.compile(
    r"^(sysdefault|front|rear|center_lfe|side|surround\d+|iec958|spdif|hdmi|modem|phoneline"
    r"|dmix|dsnoop|lavrate|samplerate|speexrate|speex|upmix|vdownmix|a52|jack|oss|null"
    r"|usbstream)(:.*)?$",
    re.IGNORECASE,
)
# Names that are the sound server itself: the same device as "default" when it exists.
_SOUND_SERVERS = {"pulse", "pipewire"}
_ALSA_HW_SUFFIX = re.compile(r"\s*\((hw|plughw):\d+,\d+\)$")


def friendly_devices(
    devices: Sequence[Mapping[str, Any]],
    hostapis: Sequence[Mapping[str, Any]],
    kind: Kind,
    default_index: int,
    *,
    platform: str = sys.platform,
    communications_name: str | None = None,
) -> list[AudioDevice]:
    """The devices to offer for ``kind``, default first, from PortAudio's own tables.

    ``devices`` and ``hostapis`` are what ``sounddevice.query_devices()`` and
    ``query_hostapis()`` return; ``default_index`` is the system default's index (-1: none).
    ``communications_name`` (Windows only): the default communications device's name.
    """
    if platform == "win32":
        return windows_offer(devices, hostapis, kind, default_index, communications_name)
    usable = [d for d in devices if entry_channels(d, kind) > 0]
    if not usable:
        return []
    default_entry = next((d for d in usable if d["index"] == default_index), None)
    api = default_entry["hostapi"] if default_entry is not None else usable[0]["hostapi"]
    api_names = {i: str(h.get("name", "")) for i, h in enumerate(hostapis)}
    raw_names = {str(d["name"]) for d in usable if d["hostapi"] == api}
    has_default = "default" in raw_names

    chosen: list[AudioDevice] = []
    seen: dict[str, int] = {}
    for entry in usable:
        if entry["hostapi"] != api:
            continue
        raw = str(entry["name"])
        bare = raw.split(":")[0].strip().lower()
        hidden = _ALSA_PSEUDO.match(raw) or (has_default and bare in _SOUND_SERVERS)
        if api_names.get(api) == "ALSA" and hidden:
            continue
        name = _display_name(raw, api, api_names)
        key = name.casefold()
        if key in seen:  # the same name twice in one host API: keep the first
            continue
        seen[key] = entry["index"]
        chosen.append(
            device_from_entry(entry, name, api_names, is_default=entry["index"] == default_index)
        )
    if chosen and not any(d.is_default for d in chosen):
        # The default was a filtered duplicate ("pulse" when "default" exists): mark its twin.
        twin = next((d for d in chosen if d.raw_name == "default"), None)
        if twin is not None:
            chosen[chosen.index(twin)] = _with_default(twin)
    chosen.sort(key=lambda d: not d.is_default)
    return chosen


def _display_name(raw: str, api: int, api_names: Mapping[int, str]) -> str:
    if raw == "default":
        return translate("Audio", "Par défaut (réglages de l'ordinateur)")
    if api_names.get(api) == "ALSA":
        return _ALSA_HW_SUFFIX.sub("", raw)
    return raw


def _with_default(device: AudioDevice) -> AudioDevice:
    from dataclasses import replace

    return replace(device, is_default=True)


def pick_device(
    offered: Sequence[AudioDevice],
    everything: Sequence[AudioDevice],
    choice: str | None,
    kind: Kind,
) -> AudioDevice:
    """The device that ``choice`` names (None or "": the default); AudioError if none.

    ``choice`` is a PortAudio index or (part of) a name, friendly or PortAudio's.
    ``everything`` holds the hidden duplicates too, so any name PortAudio shows works.
    """
    if not offered and not everything:
        raise AudioError(AudioProblem.NO_DEVICE, f"no {kind} device")
    wanted = (choice or "").strip()
    if not wanted:
        default = next((d for d in offered if d.is_default), None)
        if default is None and offered:
            default = offered[0]
        if default is None:
            raise AudioError(AudioProblem.NO_DEVICE, f"no {kind} device")
        return default
    if wanted.isdigit():
        index = int(wanted)
        found = next((d for d in [*offered, *everything] if d.index == index), None)
        if found is None:
            raise AudioError(AudioProblem.NOT_FOUND, wanted)
        return found
    folded = wanted.casefold()
    for matches in (
        lambda d: d.raw_name == wanted,
        lambda d: d.name.casefold() == folded or d.raw_name.casefold() == folded,
        lambda d: folded in d.name.casefold() or folded in d.raw_name.casefold(),
    ):
        for pool in (offered, everything):
            found = next((d for d in pool if matches(d)), None)
            if found is not None:
                return _offered_twin(found, offered) if pool is everything else found
    raise AudioError(AudioProblem.NOT_FOUND, wanted)


def _offered_twin(found: AudioDevice, offered: Sequence[AudioDevice]) -> AudioDevice:
    """The offered entry of the same device (Windows: a name remembered from another host API)."""
    folded = found.raw_name.casefold()
    for device in offered:
        name = device.name.casefold()
        if name == folded or (found.host_api == "MME" and name.startswith(folded)):
            return device
    return found


def device_tables(
    kind: Kind,
    *,
    fresh: bool = True,
    platform: str = sys.platform,
    registry: Registry | None = None,
) -> tuple[list[AudioDevice], list[AudioDevice]]:
    """(the devices to offer, default first; every device of ``kind`` PortAudio lists).

    ``fresh``: rescan first, to see devices plugged in since (skipped while a stream is open).
    ``registry``: where Windows' communications default is read (the real one by default).
    """
    if fresh:
        rescan()
    with portaudio() as sd:
        try:
            devices = list(sd.query_devices())
            hostapis = list(sd.query_hostapis())
            default_index = sd.default.device[0 if kind == "input" else 1]
            if default_index is None or default_index < 0:
                api_default = hostapis[0].get(f"default_{kind}_device", -1) if hostapis else -1
                default_index = api_default
        except sd.PortAudioError as exc:
            raise classify(exc) from None
    communications = communications_default(kind, registry) if platform == "win32" else None
    offered = friendly_devices(
        devices,
        hostapis,
        kind,
        int(default_index),
        platform=platform,
        communications_name=communications,
    )
    return offered, all_devices(devices, hostapis, kind)


def all_devices(
    devices: Sequence[Mapping[str, Any]], hostapis: Sequence[Mapping[str, Any]], kind: Kind
) -> list[AudioDevice]:
    """Every entry of ``kind`` PortAudio lists, hidden duplicates included, as they are named."""
    api_names = {i: str(h.get("name", "")) for i, h in enumerate(hostapis)}
    return [
        device_from_entry(d, str(d["name"]), api_names, is_default=False)
        for d in devices
        if entry_channels(d, kind) > 0
    ]


def list_devices(kind: Kind, *, fresh: bool = True) -> list[AudioDevice]:
    """The devices to offer, default first."""
    return device_tables(kind, fresh=fresh)[0]


def resolve_device(choice: str | None, kind: Kind, *, fresh: bool = True) -> AudioDevice:
    offered, everything = device_tables(kind, fresh=fresh)
    return pick_device(offered, everything, choice, kind)
