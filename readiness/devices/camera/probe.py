"""Which cameras this computer has, with the names the system gives them.

OpenCV numbers cameras but does not name them. On Linux the kernel lists them in
``/sys/class/video4linux`` with a name; elsewhere indices are tried in turn and
named after the system's own list when it matches them (``system_names``), else
"Caméra 1", "Caméra 2"… Each try has a timeout suited to the system: a driver that
hangs must not hold the page.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from readiness.core.i18n import translate
from readiness.devices.camera.backends import probe_timeout_for
from readiness.devices.camera.capture import Capture, Source, parse_source
from readiness.devices.camera.model import CameraError, CameraInfo, CameraProblem
from readiness.devices.camera.system_names import LISTER_TIMEOUT_S, candidate_names, names_for

log = logging.getLogger(__name__)

SYSFS = Path("/sys/class/video4linux")
#: Linux's; each system has its own (``backends.probe_timeout_for``).
PROBE_TIMEOUT_S = probe_timeout_for("linux")
#: Indices tried where the system cannot list cameras (they are numbered from 0).
MAX_INDICES = 4

#: Opens camera ``index`` and says what went wrong (None: it opened).
Prober = Callable[[int], CameraProblem | None]
#: The name lists the system offers, most likely first (``system_names.candidate_names``).
Namer = Callable[[], list[list[str]]]


def open_problem(index: int) -> CameraProblem | None:
    try:
        Capture(index).release()
    except CameraError as error:
        return error.problem
    return None


def probe(index: int, timeout_s: float = PROBE_TIMEOUT_S, prober: Prober = open_problem):
    """``prober(index)`` on a daemon thread, waited for at most ``timeout_s``."""
    outcome: list[CameraProblem | None] = []

    def target() -> None:
        try:
            outcome.append(prober(index))
        except Exception:
            log.exception("probing camera %d failed", index)
            outcome.append(CameraProblem.UNAVAILABLE)

    worker = threading.Thread(target=target, name=f"camera-probe-{index}", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if not outcome:
        log.warning("camera %d did not answer within %.1f s", index, timeout_s)
        return CameraProblem.NO_FRAMES
    return outcome[0]


def linux_video_nodes(sysfs: Path = SYSFS) -> list[tuple[int, str]]:
    """(index, name) of each camera the kernel lists, without the extra nodes.

    A USB camera shows two nodes, the image and its metadata; the image is the one
    whose ``index`` attribute is 0.
    """
    nodes = []
    for entry in sysfs.glob("video*"):
        number = entry.name.removeprefix("video")
        if not number.isdigit():
            continue
        try:
            if (entry / "index").is_file() and (entry / "index").read_text().strip() != "0":
                continue
            name = (entry / "name").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        nodes.append((int(number), name))
    return sorted(nodes)


def looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or bool(Path(text).suffix)


def resolve_source(
    text: str | None,
    *,
    sysfs: Path = SYSFS,
    platform: str = sys.platform,
    cameras: Callable[[], list[CameraInfo]] | None = None,
) -> Source:
    """An index, a video file, or a camera's name (part of it, any case) as the system
    lists it. Outside Linux naming needs the list of cameras, which opens each one."""
    source = parse_source(text)
    if isinstance(source, int) or looks_like_path(source):
        return source
    if platform.startswith("linux"):
        listed = linux_video_nodes(sysfs) if sysfs.is_dir() else []
    else:
        found = cameras() if cameras else list_cameras(platform=platform)
        listed = [(int(camera.source), camera.name) for camera in found if camera.source.isdigit()]
    wanted = source.casefold()
    for index, name in listed:
        if wanted in name.casefold():
            return index
    return source


def default_name(position: int) -> str:
    return translate("Camera", "Caméra {number}").format(number=position)


def list_cameras(
    *,
    sysfs: Path = SYSFS,
    platform: str = sys.platform,
    prober: Prober = open_problem,
    timeout_s: float | None = None,
    names: Namer | None = None,
) -> list[CameraInfo]:
    """The cameras found, in index order. Slow (it opens each one): call off the GUI thread."""
    timeout_s = probe_timeout_for(platform) if timeout_s is None else timeout_s
    if platform.startswith("linux") and sysfs.is_dir():
        cameras = []
        for index, name in linux_video_nodes(sysfs):
            problem = probe(index, timeout_s, prober)
            if problem is CameraProblem.NOT_FOUND:
                continue  # listed by the kernel but not a camera OpenCV can open
            cameras.append(CameraInfo(str(index), name or default_name(index + 1), problem))
        return cameras
    if platform.startswith("linux"):
        return []  # no video4linux at all: no camera driver loaded
    # The system's list is read while the cameras are tried, not after.
    pending = in_background(names or (lambda: candidate_names(platform)))
    found: list[CameraProblem | None] = []
    for index in range(MAX_INDICES):
        problem = probe(index, timeout_s, prober)
        if problem is CameraProblem.NO_FRAMES:
            # Slow to open (Windows' Media Foundation can take seconds): most likely a
            # camera. List it; the preview will wait for it without a time limit.
            found.append(problem)
            break
        if problem is not None:
            break  # indices are consecutive: the first gap ends the list
        found.append(None)
    system_names = names_for(len(found), pending(LISTER_TIMEOUT_S + 1.0) or [])
    return [
        CameraInfo(str(index), system_names[index] if system_names else default_name(index + 1), p)
        for index, p in enumerate(found)
    ]


def in_background(work: Callable[[], list[list[str]]]) -> Callable[[float], list[list[str]]]:
    """Starts ``work`` on a daemon thread; the returned function waits for its answer
    at most the given time ([] when it failed or is late)."""
    outcome: list[list[list[str]]] = []

    def target() -> None:
        try:
            outcome.append(work())
        except Exception:
            log.exception("listing the system's camera names failed")

    worker = threading.Thread(target=target, name="camera-names", daemon=True)
    worker.start()

    def wait(timeout_s: float) -> list[list[str]]:
        worker.join(timeout_s)
        return outcome[0] if outcome else []

    return wait
