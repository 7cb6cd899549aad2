"""Calls from other threads into QObjects that the GUI thread destroys meanwhile."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import shiboken6
from PySide6.QtCore import QObject

from readiness.ui.gui_call import GuiCall


class Receiver(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.got: list[tuple[object, bool]] = []

    def take(self, value: object) -> None:
        self.got.append((value, threading.current_thread() is threading.main_thread()))


def test_a_call_from_a_thread_runs_on_the_gui_thread(qtbot) -> None:
    receiver = Receiver()
    gui = GuiCall(receiver)
    worker = threading.Thread(target=lambda: gui.call("take", "x"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: receiver.got == [("x", True)], timeout=10_000)


def test_a_receiver_destroyed_before_the_call_arrives_is_left_alone(qtbot) -> None:
    parent = QObject()
    receiver = Receiver(parent)
    gui = GuiCall(receiver)
    worker = threading.Thread(target=lambda: gui.call("take", "late"))
    worker.start()
    worker.join()
    shiboken6.delete(parent)  # the window goes before its event loop delivers the call
    qtbot.wait(50)  # the call is carried and dropped, without touching the gone receiver
    assert not shiboken6.isValid(receiver)


STORM = textwrap.dedent(
    """
    import threading
    import time
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    import shiboken6
    from readiness.ui import gui_call
    from readiness.ui.gui_call import GuiCall

    # Calls carried but not yet handled, kept under BACKLOG: the storm stays as dense as
    # the GUI thread can drain, instead of a queue that outgrows it (on a loaded machine
    # a livelock of minutes, not the race under test).
    carried, handled = [0], [0]
    carry, hand_over = GuiCall.call, gui_call._Relay._call

    def counted_call(self, method, *args):
        carried[0] += 1
        carry(self, method, *args)

    def counted_hand_over(self, parcel):
        handled[0] += 1
        hand_over(self, parcel)

    GuiCall.call, gui_call._Relay._call = counted_call, counted_hand_over

    class Receiver(QObject):
        ping = Signal(object)

        def take(self, value):
            pass

    app = QCoreApplication([])
    stop = threading.Event()
    current = []

    def storm():
        while not stop.is_set():
            if carried[0] - handled[0] > BACKLOG:
                time.sleep(0.0005)
                continue
            pair = current[-1] if current else None
            if pair is not None:
                CALL

    threads = [threading.Thread(target=storm, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(3000):
        parent = QObject()
        receiver = Receiver(parent)
        current.append((receiver, GuiCall(receiver)))
        app.processEvents()
        shiboken6.delete(parent)
        current.pop()
    stop.set()
    for thread in threads:
        thread.join(5)
    app.processEvents()
    print("survived")
    """
)


#: Calls carried and not yet handled that the storm allows (see the script).
BACKLOG = 2000


def storm(call: str) -> subprocess.CompletedProcess:
    script = STORM.replace("CALL", call).replace("BACKLOG", str(BACKLOG))
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )


def test_thousands_of_receivers_destroyed_under_a_storm_of_calls() -> None:
    # In a fresh interpreter. The same storm emitting on the receivers' own signal
    # instead (``pair[0].ping.emit(1)`` after shiboken6.isValid, as the task runner
    # did) ends in a segmentation fault: 3 runs out of 3 on PySide6 6.11.3.
    done = storm('pair[1].call("take", 1)')
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"
