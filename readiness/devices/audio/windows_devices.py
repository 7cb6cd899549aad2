"""Windows: each physical sound device once, under its full name, through the best host API.

PortAudio lists a Windows device once per host API: MME (names cut at 31
characters), DirectSound, WASAPI and WDM-KS, plus pseudo devices (MME's "Sound
Mapper", DirectSound's "Primary Sound Driver", named in the system's language).
Entries are grouped by their full name, and each group is offered through one of
its entries, chosen by ``API_PREFERENCE``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from readiness.devices.audio.model import AudioDevice, Kind, device_from_entry, entry_channels

log = logging.getLogger(__name__)

#: The host API each device is opened through, best first. The same for the meter and the
#: chime: WASAPI in shared mode (PortAudio's default for it) goes through Windows' mixer
#: with the least latency, shares the device with Zoom, and has full names; shared mode
#: wants the device's own rate, which is what both uses open at (``default_samplerate``).
#: MME, then DirectSound (both emulated over WASAPI since Vista, more latency) serve a
#: device without a WASAPI entry. WDM-KS (and ASIO) bypass the mixer: they can take the
#: device from other apps, and their names are kernel filters' (« Speakers (HD Audio
#: Speaker) »), not the ones Windows shows; they are offered only when nothing else is.
API_PREFERENCE = ("Windows WASAPI", "MME", "Windows DirectSound")
#: The pseudo devices in the languages met; any other language is caught by position.
_PSEUDO = re.compile(
    r"^(microsoft sound ?mapper|mappeur de sons microsoft|primary sound (capture )?driver"
    r"|pilote de capture audio principal|périphérique audio principal)",
    re.IGNORECASE,
)
_MME_NAME_LIMIT = 31


def _is_pseudo(entry: Mapping[str, Any], first_of_api: set[int]) -> bool:
    """MME and DirectSound list their pseudo device first, and it has no "(adapter)"."""
    name = str(entry["name"])
    return bool(_PSEUDO.match(name)) or (entry["index"] in first_of_api and "(" not in name)


def _is_cut(name: str) -> bool:
    """What an MME name cut short looks like: 31 characters, or fewer and a parenthesis left
    open (MME cuts at 31 bytes of the ANSI code page: fewer characters in Chinese)."""
    return len(name) == _MME_NAME_LIMIT or name.count("(") > name.count(")")


def _full_name(name: str, full_names: Sequence[str]) -> str:
    if not _is_cut(name):
        return name
    folded = name.casefold()
    longer = [n for n in full_names if len(n) > len(name) and n.casefold().startswith(folded)]
    return min(longer, key=len) if longer else name


def offer(
    devices: Sequence[Mapping[str, Any]],
    hostapis: Sequence[Mapping[str, Any]],
    kind: Kind,
    default_index: int,
    communications_name: str | None = None,
) -> list[AudioDevice]:
    """The devices to offer for ``kind``, default first.

    ``default_index`` is PortAudio's default (the console role); ``communications_name``,
    when known, is the system's default communications device's name, which wins.
    """
    api_names = {i: str(h.get("name", "")) for i, h in enumerate(hostapis)}
    usable = [d for d in devices if entry_channels(d, kind) > 0]
    first_of_api: dict[int, int] = {}
    for entry in usable:
        if api_names.get(entry["hostapi"]) in ("MME", "Windows DirectSound"):
            first_of_api.setdefault(entry["hostapi"], entry["index"])
    real = [d for d in usable if not _is_pseudo(d, set(first_of_api.values()))]
    preferred = [d for d in real if api_names.get(d["hostapi"]) in API_PREFERENCE]
    candidates = preferred or real

    is_mme = {d["index"]: api_names.get(d["hostapi"]) == "MME" for d in candidates}
    full_names = [str(d["name"]) for d in candidates if not is_mme[d["index"]]]
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for entry in candidates:
        name = str(entry["name"])
        if is_mme[entry["index"]]:
            name = _full_name(name, full_names)
        groups.setdefault(name.casefold(), []).append(entry)

    default_key = _default_key(groups, default_index, communications_name)
    offered = [
        device_from_entry(
            min(entries, key=lambda e: (_rank(e, api_names), e["index"])),
            max((str(e["name"]) for e in entries), key=len),
            api_names,
            is_default=key == default_key,
        )
        for key, entries in groups.items()
    ]
    offered.sort(key=lambda d: not d.is_default)
    return offered


def _rank(entry: Mapping[str, Any], api_names: Mapping[int, str]) -> int:
    name = api_names.get(entry["hostapi"], "")
    return API_PREFERENCE.index(name) if name in API_PREFERENCE else len(API_PREFERENCE)


def _default_key(
    groups: Mapping[str, Sequence[Mapping[str, Any]]],
    default_index: int,
    communications_name: str | None,
) -> str | None:
    if communications_name:
        wanted = communications_name.casefold()
        for matches in (lambda k: k == wanted, lambda k: wanted.startswith(k) and _is_cut(k)):
            found = next((key for key in groups if matches(key)), None)
            if found is not None:
                return found
        log.info("the communications default %r is not among PortAudio's devices", wanted)
    for key, entries in groups.items():
        if any(e["index"] == default_index for e in entries):
            return key
    return None
