"""What a screen reader is told: a new result once, the meter's word once it holds.

There is no screen reader here: the test listens where Qt hands events to one,
``QAccessible.updateAccessibility``, which the app calls for real.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible

from heard import Heard
from readiness.core.levels import measure_block
from readiness.core.result import CheckResult, Status
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.level_meter import ANNOUNCE_AFTER_MS, LevelMeter


def result(status: Status, summary: str) -> CheckResult:
    return CheckResult("camera", status, "Caméra", summary, ("Allumez la lumière.",), {})


def test_a_new_result_is_announced_once(qtbot, heard: Heard) -> None:
    view = CheckResultView()
    qtbot.addWidget(view)
    view.show()
    view.show_result(result(Status.WARNING, "Image un peu sombre."))
    view.show_result(result(Status.WARNING, "Image un peu sombre."))  # the same, again
    assert heard.texts() == ["À améliorer\u00a0: Image un peu sombre."]
    assert heard.said[0][1] == QAccessible.AnnouncementPoliteness.Polite
    view.show_result(result(Status.FAILED, "Aucune caméra n'a été trouvée."))
    assert heard.texts()[-1] == "Problème\u00a0: Aucune caméra n'a été trouvée."
    assert heard.said[-1][1] == QAccessible.AnnouncementPoliteness.Assertive  # a problem
    assert view.accessibleDescription() == "Aucune caméra n'a été trouvée."


def test_a_hidden_page_does_not_talk(qtbot, heard: Heard) -> None:
    view = CheckResultView()
    qtbot.addWidget(view)
    view.show_result(result(Status.OK, "Bonne image."))
    assert heard.said == []
    assert view.accessibleDescription() == "Bonne image."  # read when the page is shown


class Voice:
    """A sound source for the meter: loud or near-silent blocks, as asked."""

    def __init__(self) -> None:
        self.level = 0.0001

    def read(self) -> np.ndarray:
        t = np.arange(1920) / 48000
        return (self.level * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def test_the_meter_says_its_word_once_it_holds_not_at_every_flicker(qtbot, heard) -> None:
    meter = LevelMeter()
    qtbot.addWidget(meter)
    meter.show()
    voice = Voice()
    # As the microphone's flow does: a block's levels about 25 times a second.
    feed = QTimer(meter)
    feed.timeout.connect(lambda: meter.show_block(measure_block(voice.read())))
    meter.start()
    feed.start(40)
    voice.level = 0.3  # speaking at a good level
    qtbot.waitUntil(lambda: heard.texts() == ["Niveau\u00a0: correct"], timeout=5_000)
    # Pauses between words, each shorter than the announcement delay: the word shown
    # flickers to "faible" and back, and nothing more is said.
    words: list[str] = []
    meter.word_changed.connect(words.append)
    for _ in range(2):
        voice.level = 0.0001
        qtbot.waitUntil(lambda: meter.word() == "faible", timeout=ANNOUNCE_AFTER_MS - 100)
        voice.level = 0.3
        qtbot.waitUntil(lambda: meter.word() == "correct", timeout=500)
    qtbot.wait(ANNOUNCE_AFTER_MS + 200)
    assert words == ["faible", "correct", "faible", "correct"]
    assert heard.texts() == ["Niveau\u00a0: correct"]
    assert meter.accessibleDescription() == "Niveau\u00a0: correct"
    voice.level = 0.0001  # a long silence: that one is said
    qtbot.waitUntil(lambda: heard.texts()[-1:] == ["Niveau\u00a0: faible"], timeout=5_000)
    meter.stop()
