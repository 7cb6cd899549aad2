"""The line probed over UDP, as Zoom's sound and video travel: paced STUN Binding requests.

Zoom's media go over UDP to its own servers, which cannot be asked anything without
Zoom's protocol; a STUN server answers any Binding request (RFC 8489) at once, so the
path to one stands for them. ``UdpProbe.run`` sends small requests at a steady pace
(20 a second, as an audio stream sends packets), notes when each left and when its
answer came back, and gives these notes (``Echo``) for
``readiness.core.line_stats.summarize`` to turn into delay, loss, jitter and drop-outs.

Servers are tried in turn: one that has not answered within a second is left for the
next. Every wait has a timeout, and ``cancelled()`` is looked at between packets.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from readiness.core.device_choice import stun_server_text
from readiness.core.line_stats import Echo
from readiness.devices.network import stun

log = logging.getLogger(__name__)

#: The public servers probed when the organisation names none. Each answers Binding
#: requests on UDP without credentials, has done so for years, and is run by a company
#: whose real-time products depend on it (so it stays up, and is near most users
#: through anycast or many sites). Two companies, alternated, so that one company's
#: outage or a network blocking one of them costs only a second.
DEFAULT_STUN_SERVERS: tuple[tuple[str, int], ...] = (
    # Google's: what Chrome's WebRTC samples and countless apps use; anycast, on since ~2012.
    ("stun.l.google.com", 19302),
    # Cloudflare's free STUN service (anycast in 300+ cities; announced 2024, for its
    # Calls product), on the standard port 3478 that Zoom's media also use.
    ("stun.cloudflare.com", 3478),
    # Google's other names: other addresses, should the first be filtered.
    ("stun1.l.google.com", 19302),
    ("stun2.l.google.com", 19302),
    ("stun3.l.google.com", 19302),
    ("stun4.l.google.com", 19302),
)

#: 20 requests a second: the pace of an audio stream's packets (one every 50 ms of a
#: 20 ms-frame codec's pairs), fine enough to see a drop-out of a tenth of a second.
RATE_HZ = 20.0
#: A server that has not answered any request within this is left for the next.
FIRST_ANSWER_S = 1.0
#: At most this long in all is spent looking for a server that answers.
SEARCH_S = 4.0
#: An answer later than this after its request is counted lost (a call long gave up on
#: it); after the last request, the probe waits this long for the last answers.
LINGER_S = 1.0
#: The servers' names are looked up together, within this.
RESOLVE_S = 2.0
#: Tells the servers' operators who is asking (RFC 8489 SOFTWARE), and keeps the
#: request small: 44 bytes with its FINGERPRINT (72 with UDP and IPv4 headers).
SOFTWARE = "readiness"


def probe_budget_s(duration_s: float) -> float:
    """The longest ``UdpProbe.run`` can take with the default settings, for the callers'
    own guards."""
    return RESOLVE_S + SEARCH_S + duration_s + LINGER_S


@dataclass(frozen=True)
class ProbeRun:
    """What a probe run found: one ``Echo`` per request sent to the server that
    answered (or, when none did, to every server tried), how long that server was
    watched (from its first request to the end of sending), and which it was."""

    echoes: tuple[Echo, ...]
    duration_s: float
    #: "host:port" of the server that answered; "" when none did.
    server: str
    #: Servers tried (resolved and sent to); 0: nothing was sent (no name resolved).
    tried: int


class UdpProbe:
    def __init__(
        self,
        servers: Sequence[tuple[str, int]] = DEFAULT_STUN_SERVERS,
        *,
        rate_hz: float = RATE_HZ,
        first_answer_s: float = FIRST_ANSWER_S,
        search_s: float = SEARCH_S,
        linger_s: float = LINGER_S,
        resolve_s: float = RESOLVE_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        """``clock`` is what the echoes' times are noted on; it must move with real time
        (the pacing waits on sockets)."""
        self._servers = tuple(servers)
        self._interval = 1.0 / rate_hz
        self._first_answer_s = first_answer_s
        self._search_s = search_s
        self._linger_s = linger_s
        self._resolve_s = resolve_s
        self._clock = clock

    def run(
        self,
        duration_s: float,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> ProbeRun:
        """Probes for ``duration_s`` the first server that answers; ``progress(share)``
        (0-1) as time passes. Stops early, with what it has, once ``cancelled()``."""
        cancelled = cancelled or (lambda: False)
        addresses = resolve_all(self._servers, self._resolve_s)
        search_until = self._clock() + self._search_s
        silent: list[Echo] = []
        seq = 0
        tried = 0
        started = self._clock()
        for name, family, sockaddr in addresses:
            if cancelled() or (tried and self._clock() >= search_until):
                break
            tried += 1
            session = _Session(self, family, sockaddr, seq)
            answered = session.run(duration_s, cancelled, progress)
            seq = session.next_seq
            if answered:
                log.info("UDP probe: %r answered", name)
                return ProbeRun(session.echoes(), session.duration_s, name, tried)
            log.info("UDP probe: no answer from %r", name)
            silent.extend(session.echoes())
        return ProbeRun(tuple(silent), self._clock() - started if silent else 0.0, "", tried)


class _Session:
    """Requests to one server at a steady pace, their answers matched by transaction id."""

    def __init__(self, probe: UdpProbe, family: int, sockaddr: tuple, first_seq: int):
        self._probe = probe
        self._family = family
        self._sockaddr = sockaddr
        self.next_seq = first_seq
        self._sent: dict[int, float] = {}
        self._received: dict[int, float] = {}
        self._pending: dict[bytes, int] = {}
        self.duration_s = 0.0
        #: The system said nothing listens on the server's port.
        self.refused = False

    def run(
        self,
        duration_s: float,
        cancelled: Callable[[], bool],
        progress: Callable[[float], None] | None,
    ) -> bool:
        """True once the server has answered; False if it never did within the probe's
        first-answer time (or the socket could not be opened)."""
        try:
            sock = socket.socket(self._family, socket.SOCK_DGRAM)
        except OSError as error:
            log.info("UDP probe: no socket (%s)", error)
            return False
        with sock:
            try:
                # Connected: the system passes on only this server's datagrams, and
                # reports an ICMP "port unreachable" as an error on the socket.
                sock.connect(self._sockaddr)
            except OSError as error:
                log.info("UDP probe: cannot reach %r (%s)", self._sockaddr, error)
                return False
            return self._exchange(sock, duration_s, cancelled, progress)

    def _exchange(
        self,
        sock: socket.socket,
        duration_s: float,
        cancelled: Callable[[], bool],
        progress: Callable[[float], None] | None,
    ) -> bool:
        probe = self._probe
        clock, interval = probe._clock, probe._interval
        start = clock()
        stop_sending = start + duration_s
        next_send = start
        last_reported = -1.0
        while True:
            now = clock()
            if cancelled():
                break
            if not self._received and (self.refused or now - start >= probe._first_answer_s):
                return False  # silent or closed: the caller tries the next server
            if next_send < stop_sending and now >= next_send:
                self._send(sock, now)
                # Steady pace; after a stall (a busy machine), no burst to catch up.
                next_send = max(next_send + interval, now + interval / 2)
                if progress is not None and now - last_reported >= 0.25:
                    last_reported = now
                    progress(min(1.0, (now - start) / duration_s) if duration_s else 1.0)
            if next_send >= stop_sending:
                last_sent = max(self._sent.values(), default=start)
                if now >= last_sent + probe._linger_s or len(self._received) == len(self._sent):
                    break
                wake = last_sent + probe._linger_s
            else:
                wake = next_send
            self._receive(sock, max(0.0, min(wake - now, interval)), clock)
        self.duration_s = min(clock(), stop_sending) - start
        return bool(self._received)

    def _send(self, sock: socket.socket, now: float) -> None:
        transaction_id = stun.new_transaction_id()
        seq = self.next_seq
        self.next_seq += 1
        self._pending[transaction_id] = seq
        self._sent[seq] = now
        try:
            sock.send(stun.binding_request(transaction_id, software=SOFTWARE))
        except OSError as error:  # no route, buffer full, ICMP error: a lost request
            log.debug("UDP probe: send failed (%s)", error)

    def _receive(self, sock: socket.socket, wait_s: float, clock: Callable[[], float]) -> None:
        responses, refused = read_responses(sock, wait_s, clock)
        self.refused = self.refused or refused
        for transaction_id, received_at in responses:
            seq = self._pending.pop(transaction_id, None)
            if seq is not None:
                self._received[seq] = received_at

    def echoes(self) -> tuple[Echo, ...]:
        limit = self._probe._linger_s
        result = []
        for seq, sent_at in sorted(self._sent.items()):
            received_at = self._received.get(seq)
            if received_at is not None and received_at - sent_at > limit:
                received_at = None  # as late for every request, the last ones included
            result.append(Echo(seq, sent_at, received_at))
        return tuple(result)


def read_responses(
    sock: socket.socket, wait_s: float, clock: Callable[[], float]
) -> tuple[list[tuple[bytes, float]], bool]:
    """The STUN responses that came within ``wait_s``, then whatever was already waiting,
    as (transaction id, when it came on ``clock``); and True when the system said that
    nobody listens there (an ICMP "port unreachable")."""
    responses: list[tuple[bytes, float]] = []
    sock.settimeout(wait_s)
    while True:
        try:
            data = sock.recv(2048)
        except (TimeoutError, BlockingIOError):
            return responses, False
        except ConnectionRefusedError:
            return responses, True
        except OSError:  # other ICMP errors and the like: no answer, go on
            return responses, False
        received_at = clock()
        sock.settimeout(0.0)  # then only what is already there
        try:
            message = stun.decode(data)
        except stun.StunError:
            continue  # not STUN (or damaged): ignored
        if message.is_response:
            responses.append((message.transaction_id, received_at))


def resolve_all(
    servers: Sequence[tuple[str, int]], within_s: float
) -> list[tuple[str, int, tuple]]:
    """(name, family, address) for each server whose name resolved within ``within_s``
    (looked up together, each on a daemon thread: a system lookup has no timeout of its
    own), in the order given. IPv4 first, as most of Zoom's media still travel over it."""
    found: dict[int, tuple[int, tuple]] = {}
    lock = threading.Lock()

    def look_up(index: int, host: str, port: int) -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
        except (OSError, UnicodeError) as error:
            log.info("UDP probe: %r not found (%s)", host, error)
            return
        infos.sort(key=lambda info: info[0] != socket.AF_INET)
        if infos:
            with lock:
                found[index] = (infos[0][0], infos[0][4])

    threads = [
        threading.Thread(target=look_up, args=(i, host, port), name="stun-lookup", daemon=True)
        for i, (host, port) in enumerate(servers)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + within_s
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    with lock:
        return [
            (stun_server_text(servers[i]), *found[i]) for i in range(len(servers)) if i in found
        ]
