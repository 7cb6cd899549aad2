"""The Qt binding must not lose references to ``True`` or ``False`` when a signal is emitted.

PySide6-Essentials 6.12.0 on Python 3.11 took one reference from ``True`` at every
``Signal.emit()``: the app aborted ("bool_dealloc") after about 570 emits, a minute
on the camera page (issue 13). The check runs in a fresh interpreter: under pytest
``True`` holds tens of thousands of references, which would hide the fault for
hours. Python 3.12 and later make ``True`` immortal; on them the counts say nothing,
and the test only checks that the process survives.

Before moving the PySide6 pin in pyproject.toml, run this file against the new version.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

EMITS = 5000

CHILD = textwrap.dedent(
    """
    import gc, json, sys, threading
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    app = QCoreApplication([])
    EMITS = int(sys.argv[1])

    class Emitter(QObject):
        bare = Signal()
        carrying = Signal(object)

    class Receiver(QObject):  # lives in the GUI thread: emits from elsewhere are queued
        def __init__(self):
            super().__init__()
            self.count = 0

        def on_bare(self):
            self.count += 1

        def on_carrying(self, value):
            self.count += 1

    emitter, receiver = Emitter(), Receiver()
    emitter.bare.connect(receiver.on_bare)
    emitter.carrying.connect(receiver.on_carrying)

    def from_gui(emit):
        for _ in range(EMITS):
            emit()

    def from_thread(emit):
        worker = threading.Thread(target=from_gui, args=(emit,))
        worker.start()
        while worker.is_alive() or receiver.count < expected[0]:
            app.processEvents()

    cases = {
        "bare, GUI thread": (from_gui, emitter.bare.emit),
        "one argument, GUI thread": (from_gui, lambda: emitter.carrying.emit(7)),
        "a bool, GUI thread": (from_gui, lambda: emitter.carrying.emit(True)),
        "bare, other thread": (from_thread, emitter.bare.emit),
        "one argument, other thread": (from_thread, lambda: emitter.carrying.emit("x")),
        "a bool, other thread": (from_thread, lambda: emitter.carrying.emit(False)),
    }
    expected = [0]
    counts = {}
    for name, (run, emit) in cases.items():
        for _ in range(50):  # warm-up: first emits may cache what they need
            emit()
        expected[0] = receiver.count + EMITS
        app.processEvents()
        gc.collect()
        before = (sys.getrefcount(True), sys.getrefcount(False))
        start = receiver.count
        run(emit)
        app.processEvents()
        gc.collect()
        after = (sys.getrefcount(True), sys.getrefcount(False))
        counts[name] = {"before": before, "after": after, "received": receiver.count - start}
    print(json.dumps(counts))
    """
)


def test_signal_emits_keep_true_and_false_references() -> None:
    process = subprocess.run(
        [sys.executable, "-c", CHILD, str(EMITS)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert process.returncode == 0, (
        f"the interpreter died (exit {process.returncode}) after Qt signal emits:\n"
        f"{process.stderr[-2000:]}"
    )
    counts = json.loads(process.stdout)
    assert len(counts) == 6
    for name, case in counts.items():
        assert case["received"] >= EMITS, (name, case)
        if sys.version_info < (3, 12):  # later Pythons: True and False are immortal
            assert case["before"] == case["after"], (
                f"{name}: references to (True, False) went from {case['before']} "
                f"to {case['after']} over {EMITS} emits"
            )
