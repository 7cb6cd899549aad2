"""Calls from other threads into a QObject, run on the GUI thread, safe against its end.

A worker or device thread must not touch a QObject that the GUI thread may be
destroying at the same moment, not even to emit one of its signals: shiboken's
"is it still alive" check and the emit are two steps, and for a signal declared in
Python the destruction tears down what the emit reads before ``destroyed`` is even
sent (a segmentation fault, seen in the tests under load when a window went while a
task finished). So the other threads emit on one relay object that is never
destroyed; on the GUI thread, the relay looks the receiver up (a weak reference)
and calls it only if it still exists.
"""

from __future__ import annotations

import threading
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot


class _Relay(QObject):
    #: (weak reference to the receiver, method name, arguments)
    carried = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.carried.connect(self._call)

    @Slot(object)
    def _call(self, parcel: tuple[weakref.ref, str, tuple]) -> None:
        reference, method, args = parcel
        receiver = reference()
        if receiver is None or not shiboken6.isValid(receiver):
            return  # gone meanwhile: what it was told no longer matters
        getattr(receiver, method)(*args)


_relay: _Relay | None = None
_relay_lock = threading.Lock()


def _the_relay() -> _Relay:
    """The process's relay, made once and kept to the end (never destroyed: no thread
    can ever emit on it while it goes)."""
    global _relay
    with _relay_lock:
        if _relay is None:
            relay = _Relay()
            app = QCoreApplication.instance()
            if app is not None and relay.thread() is not app.thread():
                relay.moveToThread(app.thread())
            _relay = relay
        return _relay


class GuiCall:
    """Bound to ``receiver`` (made on the GUI thread with it): ``call(method, *args)``
    from any thread runs ``receiver.method(*args)`` on the GUI thread, unless the
    receiver is gone by then."""

    def __init__(self, receiver: QObject):
        self._receiver = weakref.ref(receiver)
        self._relay = _the_relay()

    def call(self, method: str, *args: object) -> None:
        self._relay.carried.emit((self._receiver, method, args))
