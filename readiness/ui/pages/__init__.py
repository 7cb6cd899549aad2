"""One page per step, named like its check in ``readiness.checks``.

``PAGE_BUILDERS`` maps a check id to the function that builds its page; each
imports its module when called, so a page costs nothing until first visited.
"""

from __future__ import annotations

from collections.abc import Callable

from readiness.ui.page import Page
from readiness.ui.page_context import PageContext


def _zoom(context: PageContext) -> Page:
    from readiness.ui.pages.zoom import ZoomPage

    return ZoomPage(context.controller, context.services.url_opener, context.tasks)


def _camera(context: PageContext) -> Page:
    from readiness.ui.pages.camera import CameraPage

    return CameraPage(context)


def _microphone(context: PageContext) -> Page:
    from readiness.ui.pages.microphone import MicrophonePage

    return MicrophonePage(context)


def _speakers(context: PageContext) -> Page:
    from readiness.ui.pages.speakers import SpeakersPage

    return SpeakersPage(context)


def _network(context: PageContext) -> Page:
    from readiness.ui.pages.network import NetworkPage

    return NetworkPage(context)


def _processes(context: PageContext) -> Page:
    from readiness.ui.pages.processes import ProcessesPage

    return ProcessesPage(context)


PAGE_BUILDERS: dict[str, Callable[[PageContext], Page]] = {
    "camera": _camera,
    "microphone": _microphone,
    "speakers": _speakers,
    "network": _network,
    "processes": _processes,
    "zoom": _zoom,
}
