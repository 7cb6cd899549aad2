"""What ``readiness check`` tells the person at the terminal while a check runs.

The microphone's flow measures the room, then listens for a sentence; the page
says so on screen, the command line says it here, on standard error (standard
output stays the result, and the JSON report). Each instruction is said once per
run of a check. The observer is called from the flows' own threads.
"""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from readiness.core.i18n import translate


class TerminalInstructions:
    def __init__(self, stream: TextIO | None = None):
        self._stream = stream
        self._lock = threading.Lock()
        self._said: set[tuple[int, str]] = set()

    def __call__(self, update: object) -> None:
        text = instruction_for(update)
        if text is None:
            return
        with self._lock:
            key = (id(type(update)), text)
            if key in self._said:
                return
            self._said.add(key)
            stream = self._stream or sys.stderr
            print(text, file=stream, flush=True)


def instruction_for(update: object) -> str | None:
    """The instruction an update calls for, or None (most updates call for none)."""
    from readiness.checks.camera_flow import CameraPhase, CameraStatus
    from readiness.checks.microphone_flow import Listening, RoomMeasured
    from readiness.checks.speakers_flow import Playing

    if isinstance(update, CameraStatus) and update.phase is CameraPhase.LIVE:
        return translate("Cli", "Caméra : regardez l'écran quelques secondes…")
    if isinstance(update, Listening):
        return translate(
            "Cli", "Micro : restez silencieux deux secondes, nous écoutons le calme de la pièce…"
        )
    if isinstance(update, RoomMeasured):
        return translate(
            "Cli", "Micro : dites maintenant une phrase à voix normale, par exemple votre nom…"
        )
    if isinstance(update, Playing):
        return translate("Cli", "Haut-parleurs : un son de test est joué…")
    return None
