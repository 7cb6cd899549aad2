"""The camera, through OpenCV's ``VideoCapture``: a device index or a video file alike.

A video file goes through the same code as a camera, read at its own frame rate
and looped, which is how the tests and the benchmark feed the camera step.
OpenCV and numpy are imported only when a camera is opened.
"""

from __future__ import annotations

from readiness.devices.camera.capture import Capture, classify_open_failure, parse_source
from readiness.devices.camera.grabber import Frame, FrameGrabber, GrabberState, GrabberStatus
from readiness.devices.camera.model import CameraError, CameraInfo, CameraProblem
from readiness.devices.camera.probe import list_cameras

__all__ = [
    "CameraError",
    "CameraInfo",
    "CameraProblem",
    "Capture",
    "Frame",
    "FrameGrabber",
    "GrabberState",
    "GrabberStatus",
    "classify_open_failure",
    "list_cameras",
    "parse_source",
]
