"""The names Windows and macOS give their cameras, matched to OpenCV's indices.

OpenCV numbers cameras without naming them. Windows' device list
(``Get-PnpDevice``) and macOS' ``system_profiler`` name them, but in their own
order, which is usually, not always, the order OpenCV numbers them in (on Windows,
DirectShow's enumeration). So names are given only when the system lists exactly
as many cameras as opened, by position; otherwise the app keeps "Caméra 1"…
The output is untrusted: names are cleaned and shortened, and any failure, slow
answer or odd output means no names, never an error.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: A camera's name longer than this is cut (a list entry, not a paragraph).
MAX_NAME_CHARS = 80
#: Output beyond this is not read (the listers print a few hundred bytes).
MAX_OUTPUT_BYTES = 1_000_000
#: PowerShell's first start on a laptop can take seconds; the list waits this long.
LISTER_TIMEOUT_S = 15.0
#: Windows' CREATE_NO_WINDOW: the console lister must not flash a window.
CREATE_NO_WINDOW = 0x08000000

#: Table columns are the properties' own names and Status is CIM's value ("OK"),
#: the same on a French Windows; only the names are translated. FriendlyName
#: comes last so a long name is never cut to fit a column.
WINDOWS_SCRIPT = (
    "[Console]::OutputEncoding = [Text.Encoding]::UTF8; "
    "Get-PnpDevice -Class Camera,Image -PresentOnly -ErrorAction SilentlyContinue"
    " | Format-Table -AutoSize Status,Class,FriendlyName | Out-String -Width 4096"
)
MACOS_LISTER = ("/usr/sbin/system_profiler", "SPCameraDataType", "-json")
#: An infrared (face sign-in) camera is listed by Windows but often not by DirectShow.
_INFRARED = re.compile(r"\bIR\b|infrared|infrarouge", re.IGNORECASE)

#: Runs a lister: (argv, timeout in seconds) -> its output, or None when it failed.
Runner = Callable[[Sequence[str], float], "str | None"]


@dataclass(frozen=True)
class PnpDevice:
    status: str
    device_class: str
    name: str


def clean_name(text: str) -> str:
    """Printable characters only, spaces collapsed, at most MAX_NAME_CHARS."""
    kept = "".join(char if char.isprintable() else " " for char in text)
    name = " ".join(kept.split())
    if len(name) > MAX_NAME_CHARS:
        name = name[: MAX_NAME_CHARS - 1].rstrip() + "…"
    return name


def parse_pnp_table(text: str) -> list[PnpDevice]:
    """The rows of ``Get-PnpDevice``'s table (Status, Class, FriendlyName columns)."""
    lines = text.replace("\r\n", "\n").split("\n")
    for number, header in enumerate(lines[:-1]):
        dashes = lines[number + 1]
        if not dashes.strip() or set(dashes) - {"-", " "}:
            continue
        starts = [match.start() for match in re.finditer(r"-+", dashes)]
        titles = [header[start:].split()[0] if header[start:].split() else "" for start in starts]
        if not {"Status", "Class", "FriendlyName"} <= set(titles):
            continue
        return _rows(lines[number + 2 :], starts, titles)
    return []


def _rows(lines: list[str], starts: list[int], titles: list[str]) -> list[PnpDevice]:
    ends = [*starts[1:], None]
    devices = []
    for line in lines:
        if not line.strip():
            break  # the table ends at the first blank line
        columns = zip(titles, starts, ends, strict=True)
        cells = {title: line[start:end].strip() for title, start, end in columns}
        name = clean_name(cells["FriendlyName"])
        if name:
            devices.append(PnpDevice(cells["Status"], cells["Class"], name))
    return devices


def windows_candidates(devices: list[PnpDevice]) -> list[list[str]]:
    """Name lists that may be DirectShow's, most likely first.

    Cameras working ("OK") in the Camera class; then with the Image class (older
    drivers, but scanners too); then each without infrared cameras.
    """
    working = [device for device in devices if device.status == "OK"]
    cameras = [device.name for device in working if device.device_class == "Camera"]
    imaging = [device.name for device in working if device.device_class in ("Camera", "Image")]
    candidates: list[list[str]] = []
    for names in (cameras, imaging):
        for listed in (names, [name for name in names if not _INFRARED.search(name)]):
            if listed and listed not in candidates:
                candidates.append(listed)
    return candidates


def parse_system_profiler(text: str) -> list[str]:
    """Camera names from ``system_profiler SPCameraDataType -json`` (its keys are
    not translated; the names are the devices' own)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    items = data.get("SPCameraDataType") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    names = []
    for item in items:
        name = item.get("_name") if isinstance(item, dict) else None
        if isinstance(name, str) and clean_name(name):
            names.append(clean_name(name))
    return names


def names_for(count: int, candidates: list[list[str]]) -> list[str] | None:
    """The first candidate list naming exactly ``count`` cameras, else None."""
    for names in candidates:
        if count and len(names) == count:
            return names
    return None


def no_window_flags(platform: str) -> int:
    return CREATE_NO_WINDOW if platform == "win32" else 0


def windows_lister() -> list[str]:
    # The system's own PowerShell, not whichever one comes first on the PATH.
    root = os.environ.get("SYSTEMROOT", r"C:\Windows")  # Windows' names ignore case
    powershell = rf"{root}\System32\WindowsPowerShell\v1.0\powershell.exe"
    return [powershell, "-NoProfile", "-NonInteractive", "-Command", WINDOWS_SCRIPT]


def run_lister(argv: Sequence[str], timeout_s: float) -> str | None:
    """The lister's output (UTF-8), or None when it is missing, fails or is too slow."""
    try:
        done = subprocess.run(
            list(argv),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout_s,
            creationflags=no_window_flags(sys.platform),
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.info("camera names: %s did not answer: %s", argv[0], error)
        return None
    if done.returncode != 0:
        log.info("camera names: %s ended with code %d", argv[0], done.returncode)
        return None
    return done.stdout[:MAX_OUTPUT_BYTES].decode("utf-8", errors="replace")


def candidate_names(platform: str, run: Runner = run_lister) -> list[list[str]]:
    """The name lists the system offers for its cameras ([] where it offers none)."""
    if platform == "win32":
        output = run(windows_lister(), LISTER_TIMEOUT_S)
        return windows_candidates(parse_pnp_table(output)) if output else []
    if platform == "darwin":
        output = run(MACOS_LISTER, LISTER_TIMEOUT_S)
        names = parse_system_profiler(output) if output else []
        return [names] if names else []
    return []
