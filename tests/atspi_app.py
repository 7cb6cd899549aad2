"""The real app in a process of its own, on the accessibility bus, steered by a test.

Run by ``tests/atspi_bus.py`` under Xvfb (Qt's ``xcb`` platform: the one that speaks
AT-SPI) with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``, as a screen reader's presence
turns it on. It starts the app through its real entry point with the stand-in
devices of ``config`` (a video file for the camera, the test's PulseAudio) and of
``tests/soak_app.network_kit`` (a local STUN server, a bandwidth client that answers
at once).

It says what a sighted person sees, from Qt's own widgets, so the test can compare it
with what the bus says: one JSON command per line on stdin, one JSON answer per line
on stdout, handled on the GUI thread between its other events:

- ``{"cmd": "page", "id": "camera"}``: goes to that step (as clicking it does);
- ``{"cmd": "finish"}``: runs every check not yet done and answers when all are;
- ``{"cmd": "results"}``: each check's status and summary;
- ``{"cmd": "seen"}``: the texts on screen and the controls' states, window by window;
- ``{"cmd": "focus"}``: the widget with the keyboard focus, as Qt names it;
- ``{"cmd": "open", "dialog": "escalation"}``: a dialog that no click opens (the
  5-minute one, the crash notice) opened as the app opens it;
- ``{"cmd": "close"}``: closes the dialogs, as Escape does.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QDialog

#: How long "finish" waits for the checks, in ms: a timeout, not a target.
FINISH_TIMEOUT_MS = 120_000


class Steering:
    """Commands from stdin, answered on the GUI thread."""

    def __init__(self, window):
        self.window = window
        self.pending = b""
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._readable)
        self.dialogs: list = []
        self.tabs = TabCounter()
        QApplication.instance().installEventFilter(self.tabs)

    def _readable(self) -> None:
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            self.notifier.setEnabled(False)
            self.window.close()
            return
        self.pending += chunk
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            self._do(json.loads(line))

    def _do(self, command: dict) -> None:
        cmd = command["cmd"]
        try:
            if cmd == "page":
                self._go_to(command["id"])
                self.window.activateWindow()  # the keys go to it again after a dialog
                # Answered once the page has laid itself out and said its first words.
                QTimer.singleShot(400, lambda: reply({}))
            elif cmd == "finish":
                self._finish()
            elif cmd == "results":
                reply({"results": self._results()})
            elif cmd == "seen":
                reply({"windows": seen_windows()})
            elif cmd == "focus":
                reply({"focus": focus_now(), "tabs": self.tabs.count})
            elif cmd == "open":
                self._open(command["dialog"])
                QTimer.singleShot(400, lambda: reply({}))
            elif cmd == "close":
                self._close_dialogs()
                QTimer.singleShot(300, lambda: reply({}))
            else:
                raise ValueError(f"unknown command {cmd!r}")
        except Exception as error:  # told to the test, which fails with it
            reply({"error": repr(error)})

    def _go_to(self, step_id: str) -> None:
        ids = [step.step_id for step in self.window.steps]
        self.window.sidebar.setCurrentRow(ids.index(step_id))

    def _finish(self) -> None:
        from readiness.checks import CHECK_IDS

        controller = self.window.controller
        for check_id in CHECK_IDS:
            if controller.result(check_id) is None and not controller.is_running(check_id):
                controller.run(check_id)
        clock = QElapsedTimer()
        clock.start()

        def poll() -> None:
            if all(controller.result(i) is not None for i in CHECK_IDS):
                QTimer.singleShot(500, lambda: reply({"results": self._results()}))
            elif clock.elapsed() > FINISH_TIMEOUT_MS:
                reply({"error": f"checks unfinished: {self._results()}"})
            else:
                QTimer.singleShot(100, poll)

        poll()

    def _results(self) -> dict:
        from readiness.checks import CHECK_IDS

        found = {}
        for check_id in CHECK_IDS:
            result = self.window.controller.result(check_id)
            if result is not None:
                found[check_id] = {"status": str(result.status), "summary": result.summary}
        return found

    def _open(self, name: str) -> None:
        """The dialogs that open on their own, built as the app builds them."""
        window = self.window
        if name == "escalation":
            from readiness.ui.escalation_dialog import EscalationDialog

            dialog = EscalationDialog(window.services, window.tasks, None)
            dialog.show()
            dialog.activateWindow()  # as a window manager does with a new window
        elif name == "crash":
            from readiness.ui.crash_notice import CrashNotice
            from readiness.user_dirs import user_log_dir

            dialog = CrashNotice(
                window.services, window.tasks, user_log_dir() / "readiness.log", window
            )
            dialog.open()
        else:
            raise ValueError(f"no dialog {name!r}")
        self.dialogs.append(dialog)

    def _close_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()


class TabCounter(QObject):
    """The Tab presses the app has received: each counted once, as its window gets it,
    before Qt hands it to the widgets."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        tab = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab
        if tab and isinstance(watched, QWindow):
            self.count += 1
        return False


def reply(payload: dict) -> None:
    sys.stdout.write(json.dumps({"ok": "error" not in payload, **payload}) + "\n")
    sys.stdout.flush()


def seen_windows() -> list[dict]:
    """Each visible window: its title, the texts a sighted person reads in it, and its
    controls with the states shown on screen."""
    from PySide6.QtWidgets import QApplication

    from seen_text import controls, seen_texts

    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    return [
        {"title": w.windowTitle(), "texts": seen_texts(w), "controls": controls(w)} for w in windows
    ]


def focus_now() -> dict | None:
    from PySide6.QtWidgets import QApplication

    from seen_text import spoken

    widget = QApplication.focusWidget()
    return None if widget is None else spoken(widget)


def main() -> int:
    from readiness.app import run_app
    from soak import write_config
    from soak_app import network_kit

    video, stun_port, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    config = write_config(folder / "session.toml", camera=video, stun_port=stun_port)
    kept = []

    def shown() -> None:
        from readiness.ui.main_window import MainWindow

        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.activateWindow()  # no window manager on Xvfb gives it the keyboard
        kept.append(Steering(window))
        reply({"ready": True})

    return run_app(config_path=config, on_shown=shown, argv=[], kit=network_kit(stun_port))


if __name__ == "__main__":
    sys.exit(main())
