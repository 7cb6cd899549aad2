"""A real STUN responder on 127.0.0.1, behind an impaired path the test controls.

It answers Binding requests over UDP (with the app's own codec, itself checked against
RFC 5769's samples in test_stun.py) on a thread of its own. The path in front of it:

- ``loss``: the share of requests dropped: in each block of 20 requests (a second of
  the probe's), as many as the share calls for (what a block cannot drop, a fraction of
  a request, is carried to the next), at places drawn by a seeded random generator. So
  the share dropped over a run is the setting's to within a request, as on a path
  whose loss rate is steady, and the same requests are dropped in every run with the
  same seed (bursts: ``silence``);
- ``delay_ms``: added to every answer;
- ``jitter_ms``: a further delay drawn for each answer uniformly in [0, 3 × jitter_ms],
  which makes the mean absolute difference between two consecutive answers' delays,
  the quantity RFC 3550's jitter estimates, equal to ``jitter_ms`` (E|X - Y| = a / 3
  for X, Y uniform in [0, a]). Answers are sent when due, so a long delay overtakes
  nothing but a later answer may come first (reordering, as on a real path);
- ``silent``: requests are read and never answered (a firewall dropping UDP);
- ``silence(seconds)``: every request is dropped for that long from now (a drop-out).

What it did is counted (``requests``, ``dropped``, ``answered``) and the delays it
imposed are kept, so that a benchmark can compare a probe's figures with the truth
of the path as well as with the settings.

    with StunServer(loss=0.05, jitter_ms=10) as server:
        probe = UdpProbe([("127.0.0.1", server.port)])
"""

from __future__ import annotations

import heapq
import random
import select
import socket
import threading
import time
from itertools import pairwise

from readiness.devices.network import stun

_BLOCK = 20


class StunServer:
    def __init__(
        self,
        *,
        loss: float = 0.0,
        delay_ms: float = 0.0,
        jitter_ms: float = 0.0,
        silent: bool = False,
        seed: int = 15,
    ):
        self.loss = loss
        self.delay_ms = delay_ms
        self.jitter_ms = jitter_ms
        self.silent = silent
        self._random = random.Random(seed)
        self._block: list[bool] = []  # the current block's fates, popped one a request
        self._owed = 0.5  # drops owed by the blocks so far (0.5: rounds to nearest)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.requests = 0
        self.dropped = 0
        self.answered = 0
        #: UDP payload bytes received and sent (add 28 a datagram for IPv4 and UDP headers).
        self.bytes_in = 0
        self.bytes_out = 0
        #: The delay imposed on each answered request, in ms, in the order they came.
        self.delays_ms: list[float] = []
        self._silent_until = 0.0
        self._due: list[tuple[float, int, bytes, tuple]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="stun-server", daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> StunServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2.0)
        self._socket.close()

    def __enter__(self) -> StunServer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    def silence(self, seconds: float) -> None:
        """Drops every request for ``seconds`` from now: a drop-out of the path."""
        with self._lock:
            self._silent_until = time.monotonic() + seconds

    def imposed_loss_percent(self) -> float | None:
        """The share of requests this path actually dropped (not the setting)."""
        with self._lock:
            return 100.0 * self.dropped / self.requests if self.requests else None

    def imposed_jitter_ms(self) -> float | None:
        """The mean absolute difference between consecutive answers' imposed delays."""
        with self._lock:
            delays = list(self.delays_ms)
        if len(delays) < 2:
            return None
        return sum(abs(b - a) for a, b in pairwise(delays)) / (len(delays) - 1)

    def _serve(self) -> None:
        order = 0
        while not self._stop.is_set():
            now = time.monotonic()
            with self._lock:
                while self._due and self._due[0][0] <= now:
                    _due, _order, data, peer = heapq.heappop(self._due)
                    self._send(data, peer)
                wait = min(0.05, self._due[0][0] - now) if self._due else 0.05
            readable, _, _ = select.select([self._socket], [], [], max(0.0, wait))
            if not readable:
                continue
            try:
                data, peer = self._socket.recvfrom(2048)
            except OSError:
                continue
            order += 1
            self.bytes_in += len(data)
            self._handle(data, peer, order)

    def _handle(self, data: bytes, peer: tuple, order: int) -> None:
        try:
            request = stun.decode(data)
        except stun.StunError:
            return  # not STUN: a real server ignores it too
        if request.type != stun.BINDING_REQUEST:
            return
        now = time.monotonic()
        with self._lock:
            self.requests += 1
            # Drawn for every request, answered or not, so that a seed gives the same
            # drops whatever the other settings.
            lost = self._next_fate()
            extra_ms = self._random.uniform(0.0, 3.0 * self.jitter_ms) if self.jitter_ms else 0.0
            if self.silent:
                return
            if lost or now < self._silent_until:
                self.dropped += 1
                return
            delay_ms = self.delay_ms + extra_ms
            self.delays_ms.append(delay_ms)
            answer = stun.binding_success(request.transaction_id, peer, software="test responder")
            if delay_ms <= 0:
                self._send(answer, peer)
            else:
                heapq.heappush(self._due, (now + delay_ms / 1000.0, order, answer, peer))

    def _next_fate(self) -> bool:
        """True: this request is dropped (see ``loss`` above)."""
        if not self._block:
            self._owed += self.loss * _BLOCK
            drops = min(_BLOCK, int(self._owed))
            self._owed -= drops
            self._block = [True] * drops + [False] * (_BLOCK - drops)
            self._random.shuffle(self._block)
        return self._block.pop()

    def _send(self, data: bytes, peer: tuple) -> None:
        try:
            self._socket.sendto(data, peer)
            self.answered += 1
            self.bytes_out += len(data)
        except OSError:
            pass  # the prober went away


def closed_udp_port() -> int:
    """A UDP port on 127.0.0.1 that nothing listens on: the system answers with an ICMP
    "port unreachable" (unless another program takes it in between)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
