"""Counting bytes as they cross the line, and turning the counts into a rate.

Both measuring clients (speedtest-cli's and the plain HTTP one) send their traffic
through connections that report to a ``TransferMeter`` (see ``metered_http``).
The rate is read over the steady part of a test, after a warm-up, rather than
as a whole-test average:

- download: bytes are counted as they come off the socket; the rate is the
  bytes received between the end of the warm-up and the deadline.
- upload: bytes the client has written may still sit in its own socket buffers
  (on a slow line, more than a second of traffic); counting them, as
  speedtest-cli does, overstates slow uploads several times over. Only an upload
  the server has answered is known to have crossed, so each answered request is
  taken as delivered evenly between its first byte and its answer, and the rate
  is what those requests delivered inside the window. No upload answered: no rate,
  whatever was written (a server that reads and never answers, a line too slow).
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from dataclasses import dataclass

#: Requests smaller than this are not uploads (a GET's headers).
UPLOAD_MIN_BYTES = 1024
#: A shorter upload window than this is too coarse to read a rate from.
MIN_WINDOW_S = 0.5


@dataclass
class Upload:
    """One request's body on its way: when it started, how much, when it was answered."""

    started: float
    sent: int = 0
    answered: float | None = None
    failed: bool = False


class TransferMeter:
    """Thread-safe running totals, fed by the connections."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.received = 0
        self.sent = 0
        self.answered = 0
        self._uploads: list[Upload] = []
        self._frozen = False

    def on_received(self, size: int) -> None:
        with self._lock:
            self.received += size

    def begin(self) -> Upload:
        upload = Upload(time.perf_counter())
        with self._lock:
            self._uploads.append(upload)
        return upload

    def on_sent(self, upload: Upload, size: int) -> None:
        with self._lock:
            upload.sent += size
            self.sent += size

    def on_answered(self, upload: Upload) -> None:
        """The server answered: the whole request reached it."""
        now = time.perf_counter()
        with self._lock:
            if self._frozen:
                return  # the test is over: its window was chosen without this one
            upload.answered = now
            if upload.sent >= UPLOAD_MIN_BYTES:
                self.answered += upload.sent

    def on_failed(self, upload: Upload) -> None:
        with self._lock:
            upload.failed = True

    def freeze(self) -> None:
        """End of the test: answers from now on are ignored."""
        with self._lock:
            self._frozen = True

    def written(self) -> int:
        """Bytes of upload requests written, answered or not (not a measure of the line)."""
        with self._lock:
            return sum(u.sent for u in self._uploads if u.sent >= UPLOAD_MIN_BYTES)

    def uploads(self) -> list[Upload]:
        with self._lock:
            return [u for u in self._uploads if u.sent >= UPLOAD_MIN_BYTES]

    def pending_before(self, when: float) -> int:
        """Uploads started before ``when`` still waiting for their answer."""
        with self._lock:
            return sum(
                1
                for u in self._uploads
                if u.started < when
                and u.answered is None
                and not u.failed
                and u.sent >= UPLOAD_MIN_BYTES
            )


@dataclass
class Samples:
    """(time, cumulative bytes) pairs taken while a test runs."""

    times: list[float]
    totals: list[int]

    @classmethod
    def empty(cls) -> Samples:
        return cls([], [])

    def add(self, when: float, total: int) -> None:
        self.times.append(when)
        self.totals.append(total)

    def at(self, when: float) -> float:
        """The cumulative count at ``when``, interpolated between samples."""
        times, totals = self.times, self.totals
        if not times:
            return 0.0
        if when <= times[0]:
            return float(totals[0])
        if when >= times[-1]:
            return float(totals[-1])
        i = bisect_left(times, when)
        t0, t1 = times[i - 1], times[i]
        b0, b1 = totals[i - 1], totals[i]
        return b0 + (b1 - b0) * (when - t0) / (t1 - t0)


def received_rate_bps(samples: Samples, begin: float, end: float) -> float:
    """Bits per second received between ``begin`` and ``end``."""
    if end - begin <= 0:
        return 0.0
    return (samples.at(end) - samples.at(begin)) * 8 / (end - begin)


def answered_rate_bps(
    uploads: list[Upload], begin: float, end: float, round_trip_s: float = 0.0
) -> float:
    """Bits per second that answered uploads delivered between ``begin`` and ``end``.

    A request's bytes cross between half a round trip after its start and half a
    round trip before its answer (the rest is the request going, the answer coming).

    The window ends early at the start of the first upload left unanswered: past
    that point, some delivered bytes are not known. A slow line may answer too
    little inside the window: then the answered bytes over the time from the
    first start to the last answer.
    """
    end = min([end, *(u.started for u in uploads if u.answered is None)])
    answered = [u for u in uploads if u.answered is not None and u.answered > u.started]
    if end - begin >= MIN_WINDOW_S:
        delivered = 0.0
        half = round_trip_s / 2
        for upload in answered:
            assert upload.answered is not None
            first, last = upload.started + half, upload.answered - half
            if last <= first:  # shorter than a round trip: a small request on a fast line
                first, last = upload.started, upload.answered
            overlap = min(end, last) - max(begin, first)
            if overlap > 0:
                delivered += upload.sent * overlap / (last - first)
        if delivered > 0:
            return delivered * 8 / (end - begin)
    if answered:
        first = min(u.started for u in answered)
        last = max(u.answered for u in answered if u.answered is not None)
        return sum(u.sent for u in answered) * 8 / (last - first)
    return 0.0
