"""A device opened by a worker for someone who may stop wanting it meanwhile.

A page opens a microphone on a worker; the person may leave, or choose another
device, before the result comes back, and a cancelled task never delivers it.
The worker ``give``s what it opened; the page ``take``s it when the result
arrives, or ``drop``s the handover when it no longer wants it. Whatever was
given and never taken is closed, by whichever side comes second: never leaked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Handover(Generic[T]):
    def __init__(self, close: Callable[[T], None]):
        self._close = close
        self._lock = threading.Lock()
        self._item: T | None = None
        self._dropped = False

    def give(self, item: T) -> bool:
        """The worker's: hands ``item`` over. False when no longer wanted: it was closed."""
        with self._lock:
            if not self._dropped:
                self._item = item
                return True
        self._close(item)
        return False

    def take(self) -> T | None:
        """What was given (None: nothing yet); from now on the taker closes it."""
        with self._lock:
            item, self._item = self._item, None
        return item

    def drop(self) -> None:
        """No longer wanted: what was given is closed now, what comes later at once."""
        with self._lock:
            self._dropped = True
            item, self._item = self._item, None
        if item is not None:
            self._close(item)

    @property
    def holding(self) -> bool:
        """Something was given and is neither taken nor dropped yet."""
        with self._lock:
            return self._item is not None
