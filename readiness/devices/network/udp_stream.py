"""The line watched over UDP for as long as the walkthrough lasts: a slow, steady stream of
STUN Binding requests, each echo handed on as soon as it settles.

``udp_probe`` measures for a set time and gives all its echoes at the end (the
command line); this one runs until told to stop, pauses while the bandwidth test
loads the line, and hands each echo on as soon as its answer came or was given up
on (``LINGER_S``), so the connection page can draw it live. It sends half as many
requests as the probe (10 a second, 44-byte requests: under 1 kB/s each way), as it
runs for minutes beside the camera and the microphone.

Servers are searched as the probe does (the first to answer within a second is
kept). When none answers, the stream says "blocked" and searches again every
``RETRY_S``: a line that comes back is seen.
"""

from __future__ import annotations

import logging
import socket
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from readiness.core.line_stats import Echo
from readiness.devices.network import stun
from readiness.devices.network.udp_probe import (
    DEFAULT_STUN_SERVERS,
    FIRST_ANSWER_S,
    LINGER_S,
    RESOLVE_S,
    SOFTWARE,
    read_responses,
    resolve_all,
)

log = logging.getLogger(__name__)

#: 10 requests a second: a drop-out of a tenth of a second is still seen, at half the
#: probe's cost (the watch runs for the whole walkthrough).
STREAM_RATE_HZ = 10.0
#: With no server answering, the search starts again after this.
RETRY_S = 30.0

#: (state, server) as the stream moves: "searching" (""), "watching" ("host:port"),
#: "blocked" ("": no server answered; searching again later).
StateCallback = Callable[[str, str], None]


class UdpStream:
    def __init__(
        self,
        servers: Sequence[tuple[str, int]] = DEFAULT_STUN_SERVERS,
        *,
        rate_hz: float = STREAM_RATE_HZ,
        first_answer_s: float = FIRST_ANSWER_S,
        linger_s: float = LINGER_S,
        resolve_s: float = RESOLVE_S,
        retry_s: float = RETRY_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        """``clock`` is what the echoes' times are noted on; it must move with real time."""
        self._servers = tuple(servers)
        self._interval = 1.0 / rate_hz
        self._first_answer_s = first_answer_s
        self._linger_s = linger_s
        self._resolve_s = resolve_s
        self._retry_s = retry_s
        self._clock = clock
        self._seq = 0

    def run(
        self,
        cancelled: Callable[[], bool],
        paused: Callable[[], bool],
        on_echo: Callable[[Echo], None],
        on_state: StateCallback,
    ) -> None:
        """Watches until ``cancelled()``; sends nothing while ``paused()``. Every request
        sent becomes one ``on_echo`` (answered or not), in order of settling."""
        while not cancelled():
            on_state("searching", "")
            for name, family, sockaddr in resolve_all(self._servers, self._resolve_s):
                if cancelled():
                    return
                if self._watch(name, family, sockaddr, cancelled, paused, on_echo, on_state):
                    return  # answered, then cancelled: over
            if cancelled():
                return
            on_state("blocked", "")
            log.info("UDP stream: no STUN server answers; again in %.0f s", self._retry_s)
            until = self._clock() + self._retry_s
            while not cancelled() and self._clock() < until:
                time.sleep(min(0.2, self._retry_s))

    def _watch(
        self,
        name: str,
        family: int,
        sockaddr: tuple,
        cancelled: Callable[[], bool],
        paused: Callable[[], bool],
        on_echo: Callable[[Echo], None],
        on_state: StateCallback,
    ) -> bool:
        """True when the server answered (the stream then ran until cancelled); False when
        it stayed silent through its first second (or could not be reached)."""
        try:
            sock = socket.socket(family, socket.SOCK_DGRAM)
        except OSError as error:
            log.info("UDP stream: no socket (%s)", error)
            return False
        with sock:
            try:
                sock.connect(sockaddr)  # only this server's datagrams; ICMP errors reported
            except OSError as error:
                log.info("UDP stream: cannot reach %r (%s)", name, error)
                return False
            return _Exchange(self, sock, name, on_echo, on_state).run(cancelled, paused)


class _Exchange:
    """Requests to one server at a steady pace; each settles as answered or given up on."""

    def __init__(
        self,
        stream: UdpStream,
        sock: socket.socket,
        name: str,
        on_echo: Callable[[Echo], None],
        on_state: StateCallback,
    ):
        self._stream = stream
        self._sock = sock
        self._name = name
        self._on_echo = on_echo
        self._on_state = on_state
        #: transaction id -> (seq, sent at), oldest first.
        self._pending: OrderedDict[bytes, tuple[int, float]] = OrderedDict()
        self._answered = False
        self._refused = False

    def run(self, cancelled: Callable[[], bool], paused: Callable[[], bool]) -> bool:
        stream = self._stream
        clock, interval = stream._clock, stream._interval
        started = clock()
        next_send = started
        while not cancelled():
            now = clock()
            if paused():
                next_send = now + interval  # nothing sent; the pace starts again after
                if not self._answered:
                    started = now  # a server is not silent while it is asked nothing
            elif not self._answered and (self._refused or now - started >= stream._first_answer_s):
                self._give_up_all()
                return False
            elif now >= next_send:
                self._send(now)
                next_send = max(next_send + interval, now + interval / 2)  # no burst
            self._settle_expired(now)
            self._receive(max(0.0, min(next_send - now, interval)))
        return self._answered

    def _send(self, now: float) -> None:
        stream = self._stream
        transaction_id = stun.new_transaction_id()
        self._pending[transaction_id] = (stream._seq, now)
        stream._seq += 1
        try:
            self._sock.send(stun.binding_request(transaction_id, software=SOFTWARE))
        except OSError as error:  # no route, buffer full: a lost request
            log.debug("UDP stream: send failed (%s)", error)

    def _settle_expired(self, now: float) -> None:
        linger = self._stream._linger_s
        while self._pending:
            transaction_id, (seq, sent_at) = next(iter(self._pending.items()))
            if now - sent_at < linger:
                return
            del self._pending[transaction_id]
            self._on_echo(Echo(seq, sent_at, None))

    def _give_up_all(self) -> None:
        for seq, sent_at in self._pending.values():
            self._on_echo(Echo(seq, sent_at, None))
        self._pending.clear()

    def _receive(self, wait_s: float) -> None:
        responses, refused = read_responses(self._sock, wait_s, self._stream._clock)
        self._refused = self._refused or refused
        for transaction_id, received_at in responses:
            pending = self._pending.pop(transaction_id, None)
            if pending is None:
                continue  # given up on already, or not ours
            seq, sent_at = pending
            if not self._answered:
                self._answered = True
                log.info("UDP stream: %r answers", self._name)
                self._on_state("watching", self._name)
            self._on_echo(Echo(seq, sent_at, received_at))
