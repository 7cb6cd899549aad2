"""Windows: the name of the default communications microphone or speakers, from the registry.

Windows keeps a default device per role (ERole: 0 console, 1 multimedia,
2 communications); PortAudio's default is the console one, while Zoom and the
other call apps use the communications one. Each endpoint's key,
``HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\MMDevices\\Audio\\Capture\\{id}``
(``Render`` for speakers), holds ``Role:2``: a SYSTEMTIME (16 bytes, UTC) of when it
last became the communications default; the latest active one is the default
(codemachine.com, "How Windows Sets the Default Audio Device"). Its ``Properties``
subkey holds the endpoint's name (PKEY_Device_DeviceDesc, « Microphone ») and the
adapter's (« Realtek(R) Audio »): PortAudio shows « Microphone (Realtek(R) Audio) ».
"""

from __future__ import annotations

import logging
import struct
from typing import Protocol

from readiness.devices.audio.model import Kind

log = logging.getLogger(__name__)

MMDEVICES = r"SOFTWARE\Microsoft\Windows\CurrentVersion\MMDevices\Audio"
_FLOWS = {"input": "Capture", "output": "Render"}
COMMUNICATIONS_ROLE = "Role:2"
DEVICE_STATE = "DeviceState"
#: PKEY_Device_DeviceDesc: the endpoint's own name.
ENDPOINT_NAME = "{a45c254e-df1c-4efd-8020-67d146a850e0},2"
#: The adapter's name, as shown between parentheses.
ADAPTER_NAME = "{b3f8fa53-0004-438e-9003-51a46e139bfc},6"
#: DEVICE_STATE_ACTIVE, among the four DEVICE_STATE_* bits (mmdeviceapi.h).
_ACTIVE = 0x1
_STATE_BITS = 0xF


class Registry(Protocol):
    """The little of HKEY_LOCAL_MACHINE read here; both raise OSError for what is missing."""

    def subkeys(self, path: str) -> list[str]: ...

    def value(self, path: str, name: str) -> object: ...


class WindowsRegistry:
    """HKEY_LOCAL_MACHINE through ``winreg``, in its 64-bit view (as Windows' audio sees it)."""

    def _open(self, path: str):
        import winreg

        access = winreg.KEY_READ | winreg.KEY_WOW64_64KEY
        return winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, path, 0, access)

    def subkeys(self, path: str) -> list[str]:
        import winreg

        with self._open(path) as key:
            count = winreg.QueryInfoKey(key)[0]
            return [winreg.EnumKey(key, i) for i in range(count)]

    def value(self, path: str, name: str) -> object:
        import winreg

        with self._open(path) as key:
            return winreg.QueryValueEx(key, name)[0]


def systemtime(data: object) -> tuple[int, ...] | None:
    """A SYSTEMTIME as a sortable (year, month, day, hour, minute, second, ms); None if not one."""
    if not isinstance(data, bytes | bytearray) or len(data) != 16:
        return None
    year, month, _weekday, day, hour, minute, second, ms = struct.unpack("<8H", data)
    return (year, month, day, hour, minute, second, ms)


def communications_default(kind: Kind, registry: Registry | None = None) -> str | None:
    """The default communications device's name for ``kind``; None (logged why) if unknown."""
    try:
        return _read(kind, registry if registry is not None else WindowsRegistry())
    except (OSError, ImportError, ValueError, TypeError) as exc:
        log.info("the communications default %s could not be read: %s", kind, exc)
        return None


def _read(kind: Kind, registry: Registry) -> str | None:
    base = f"{MMDEVICES}\\{_FLOWS[kind]}"
    latest: tuple[tuple[int, ...], str] | None = None
    for endpoint in registry.subkeys(base):
        path = f"{base}\\{endpoint}"
        try:
            state = int(registry.value(path, DEVICE_STATE))  # type: ignore[call-overload]
            when = systemtime(registry.value(path, COMMUNICATIONS_ROLE))
        except OSError:  # never a communications default, or a half-removed endpoint
            continue
        active = state & _STATE_BITS == _ACTIVE
        if active and when is not None and (latest is None or when > latest[0]):
            latest = (when, path)
    if latest is None:
        log.info("no active %s endpoint was ever the communications default", kind)
        return None
    properties = f"{latest[1]}\\Properties"
    endpoint_name = str(registry.value(properties, ENDPOINT_NAME))
    try:
        adapter = str(registry.value(properties, ADAPTER_NAME))
    except OSError:
        return endpoint_name
    return f"{endpoint_name} ({adapter})" if adapter else endpoint_name
