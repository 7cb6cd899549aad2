"""Which OpenCV capture backend, timeout and environment suit each system.

Pure data by platform name, so each system's choice is tested on any machine.
Windows tries DirectShow first: it opens most webcams at once, where Media
Foundation (OpenCV's default there) can take many seconds; Media Foundation stays
as the fallback for cameras only it can open (it numbers cameras in its own order,
usually DirectShow's). Its hardware transforms are turned off, the usual remedy
for its slow opening, before OpenCV is first imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

#: OpenCV reads this when its Media Foundation backend opens a camera; its copy of the
#: environment is taken when the library loads, so it is set before ``import cv2``.
MSMF_HW_TRANSFORMS = "OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS"


def backends_for(platform: str) -> tuple[str, ...]:
    """Names of the ``cv2.CAP_*`` backends to try in turn for a camera index."""
    if platform.startswith("linux"):
        return ("CAP_V4L2",)
    if platform == "win32":
        return ("CAP_DSHOW", "CAP_MSMF")
    if platform == "darwin":
        return ("CAP_AVFOUNDATION",)
    return ("CAP_ANY",)


def wants_mjpg(backend: str) -> bool:
    """Whether to ask for compressed frames: many USB webcams give 720p at 30 images/s
    only in MJPG, and V4L2 and DirectShow both let the reader choose it."""
    return backend in ("CAP_V4L2", "CAP_DSHOW")


def probe_timeout_for(platform: str) -> float:
    """How long a camera may take to open before the list calls it silent (seconds)."""
    if platform == "win32":
        return 10.0  # DirectShow, then Media Foundation, which can take seconds
    if platform == "darwin":
        return 5.0
    return 3.0


def opencv_environment(platform: str) -> dict[str, str]:
    """Variables OpenCV must find in the environment when it loads."""
    if platform == "win32":
        return {MSMF_HW_TRANSFORMS: "0"}
    return {}


def prepare_opencv(
    platform: str | None = None, environ: MutableMapping[str, str] = os.environ
) -> None:
    """Sets ``opencv_environment``; a value the user set already is kept."""
    for name, value in opencv_environment(platform or sys.platform).items():
        environ.setdefault(name, value)
