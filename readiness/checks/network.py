"""« Connexion internet »: bandwidth, delay, Wi-Fi or cable, VPN, Zoom reachable, and the
line over UDP (loss, jitter, drop-outs) as Zoom's sound and video will feel it.

The line is measured with speedtest-cli first, then, if that fails, with the
second client (a Cloudflare-style speed service), so that a network which blocks
speedtest.net still gets a figure. Then it is probed over UDP with STUN requests
for the stability time: after the bandwidth test, not during it, whose load would
spoil the loss and jitter figures. Zoom's reachability, Zoom's status page and the
connection type are looked at meanwhile, on their own threads. The verdict is in
``network_verdict``; ``network_flow`` runs this for the page and the command line.

The adapters and the verdict load on the first measure.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from readiness.checks.titles import network_title
from readiness.core.device_choice import DEFAULT_STABILITY_S, stun_server
from readiness.devices.network.network_errors import Failure, NetworkError, classify

if TYPE_CHECKING:
    from readiness.checks.line_watch import LineWatch, UdpStreamPart
    from readiness.core.line_stats import LineStats
    from readiness.core.result import CheckResult
    from readiness.devices.network.connection import Connection
    from readiness.devices.network.line_measure import LineMeasure
    from readiness.devices.network.zoom_reachability import Reachability

log = logging.getLogger(__name__)

#: The bandwidth measure gives up after this, whatever happens (the runner's own guard
#: is longer).
BUDGET_S = 30.0
#: The UDP probe's time beyond its stability time, at most: looking the servers up,
#: finding one that answers, waiting for the last answers (udp_probe.probe_budget_s).
UDP_EXTRA_S = 8.0
#: About how long the bandwidth test takes, for its share of the progress bar.
_BANDWIDTH_S = 8.0
#: Zoom's status page has had all this time; a little more, then "unknown".
_STATUS_WAIT_S = 1.0

#: Probes the line over UDP: (seconds, cancelled, progress share 0-1) -> its figures;
#: None when nothing could be sent (no server's name resolved: offline, most likely).
UdpProbePart = Callable[[float, Callable[[], bool], Callable[[float], None]], "LineStats | None"]


class BandwidthClient(Protocol):
    @property
    def name(self) -> str: ...

    def measure(self, progress, cancel: threading.Event | None = None) -> LineMeasure: ...


@dataclass(frozen=True)
class NetworkParts:
    """What measures the line: the bandwidth clients, tried in turn, Zoom's probe, the
    connection type and Zoom's status page (looked at while the line is measured), and
    the UDP probe (after the bandwidth test)."""

    clients: Sequence[BandwidthClient]
    zoom: Callable[[], Reachability]
    connection: Callable[[], Connection]
    #: None: the line is not probed over UDP.
    udp_probe: UdpProbePart | None = None
    #: Zoom's status page: "ok", "incident" or "unknown"; None: not asked ("unknown").
    zoom_status: Callable[[], str] | None = None
    #: The same servers watched for as long as the window is open (``LineWatch``);
    #: None: no background watch.
    udp_stream: UdpStreamPart | None = None

    @classmethod
    def for_system(
        cls,
        speedtest_server: str | None = None,
        speed_service: str | None = None,
        stun_servers: Sequence[str] | None = None,
    ) -> NetworkParts:
        """The real adapters: speedtest.net (or ``speedtest_server``), then ``speed_service``
        (Cloudflare's by default; "" for none), zoom.us, this OS's interfaces, Zoom's
        status page, and the STUN servers (``stun_servers`` as "host:port"; None: the
        public ones; empty: no UDP probe). Each is built, and its module loaded, when the
        line is first measured."""
        clients: list[BandwidthClient] = [_Deferred(_speedtest_client, speedtest_server)]
        service = None if speed_service is None else speed_service.strip()
        if service != "":
            clients.append(_Deferred(_http_client, service))
        servers = None if stun_servers is None else _stun_addresses(stun_servers)
        udp = None if servers == () else udp_probe_part(servers)
        stream = None if servers == () else udp_stream_part(servers)
        return cls(tuple(clients), _zoom_reachability, _connection_type, udp, _zoom_status, stream)


@dataclass(frozen=True)
class NetworkProgress:
    """An update of the network flow while the line is measured: what the page shows."""

    #: Of the whole test, 0-1, never going back.
    fraction: float
    #: "connect", "download", "upload", "stability" (the line probed over UDP), then
    #: "zoom" (the verdict is being made).
    phase: str
    #: The rate measured so far in this phase, when there is one.
    live_mbps: float | None
    #: The service measuring ("" for the last phase): a change means a second attempt.
    service: str


ProgressCallback = Callable[[NetworkProgress], None]

# How much of the bar each phase of a measuring attempt fills.
_PHASE_SPAN = {"connect": (0.0, 0.1), "download": (0.1, 0.55), "upload": (0.55, 1.0)}


@dataclass(frozen=True)
class NetworkFindings:
    """What the connection test found, before the verdict. The background watch goes on
    after the test: ``judge(line)`` gives the verdict again with its latest figures."""

    measure: LineMeasure | None
    failures: tuple[tuple[str, NetworkError], ...]
    connection: Connection
    zoom: Reachability
    duration_s: float
    line: LineStats | None
    zoom_status: str

    def judge(self, line: LineStats | None = None) -> CheckResult:
        """The verdict, on ``line`` when given (the watch's latest figures), else on the
        line as the test found it."""
        from readiness.checks.network_verdict import judge_network

        return judge_network(
            network_title(),
            self.measure,
            list(self.failures),
            self.connection,
            self.zoom,
            self.duration_s,
            line=line if line is not None else self.line,
            zoom_status=self.zoom_status,
        )


def measure_network(
    parts: NetworkParts,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    **options: Any,
) -> CheckResult:
    """The whole test and its verdict: ``find_network`` (whose keywords ``options``
    are), then ``NetworkFindings.judge``."""
    return find_network(parts, progress, cancelled, **options).judge()


def find_network(
    parts: NetworkParts,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    budget_s: float = BUDGET_S,
    stability_s: float = DEFAULT_STABILITY_S,
    clock: Callable[[], float] = time.perf_counter,
    line_watch: LineWatch | None = None,
    fresh_line: bool = False,
) -> NetworkFindings:
    """The whole test: the bandwidth within ``budget_s`` on ``clock`` (also the duration
    reported), then the line over UDP for ``stability_s``: from ``line_watch`` when
    given (paused during the bandwidth test, whose load would spoil its figures; its
    figures over the whole time watched, waiting only for what is missing, or for
    ``stability_s`` afresh with ``fresh_line``), else with the parts' own probe. Raises
    NetworkError(CANCELLED) once ``cancelled()`` says so."""
    cancelled = cancelled or _never
    started = clock()
    zoom = _Background(parts.zoom)
    connection = _Background(parts.connection)
    status = _Background(parts.zoom_status) if parts.zoom_status else None
    probing = line_watch is not None or parts.udp_probe is not None
    waiting_s = stability_s
    if line_watch is not None and not fresh_line:
        waiting_s = max(0.0, stability_s - line_watch.watched_s())
    bandwidth_share = _BANDWIDTH_S / (_BANDWIDTH_S + waiting_s) if probing else 1.0
    scaled = _Scaled(progress, 0.0, bandwidth_share)
    if line_watch is not None:
        line_watch.pause()
    try:
        measure, failures = _measure_line(
            parts.clients, scaled, cancelled, started, budget_s, clock
        )
    finally:
        if line_watch is not None:
            line_watch.resume()
    line = None
    if probing:
        if cancelled():
            raise NetworkError(Failure.CANCELLED)
        report = _Scaled(progress, bandwidth_share, 1.0).share("stability")
        if line_watch is not None:
            if fresh_line:
                line_watch.restart()
            line = line_watch.wait_for(
                stability_s, cancelled, report, timeout_s=stability_s + UDP_EXTRA_S
            )
        else:
            assert parts.udp_probe is not None
            line = _probe_udp(parts.udp_probe, stability_s, cancelled, report)
    if progress:
        progress(NetworkProgress(1.0, "zoom", None, ""))
    from readiness.devices.network.connection import Connection
    from readiness.devices.network.zoom_reachability import Reachability

    findings = NetworkFindings(
        measure,
        tuple(failures),
        connection.result(5.0) or Connection(),
        zoom.result(5.0) or Reachability(False, Failure.TIMEOUT),
        clock() - started,
        line,
        str((status.result(_STATUS_WAIT_S) if status else None) or "unknown"),
    )
    if cancelled():
        raise NetworkError(Failure.CANCELLED)
    return findings


def _measure_line(
    clients: Sequence[BandwidthClient],
    progress: ProgressCallback | None,
    cancelled: Callable[[], bool],
    started: float,
    budget_s: float,
    clock: Callable[[], float],
) -> tuple[LineMeasure | None, list[tuple[str, NetworkError]]]:
    failures: list[tuple[str, NetworkError]] = []
    bar = _Bar(progress)
    for client in clients:
        left = budget_s - (clock() - started)
        if left <= 3.0:
            break
        report = bar.attempt(client.name)
        try:
            measure = _within(
                left, cancelled, lambda stop, c=client, r=report: c.measure(r, stop), clock
            )
        except NetworkError as error:
            if error.failure is Failure.CANCELLED:
                raise
            failures.append((client.name, error))
            continue
        except Exception as exc:  # a bug in one client: the next one may still measure
            log.exception("bandwidth client %s", client.name)
            failures.append((client.name, classify(exc)))
            continue
        return measure, failures
    return None, failures


def _probe_udp(
    probe: UdpProbePart,
    seconds: float,
    cancelled: Callable[[], bool],
    report: Callable[[float], None],
) -> LineStats | None:
    """The UDP probe's figures, on a daemon thread guarded by its longest time; None if
    it failed or overran (the verdict then goes without them)."""
    outcome: list[LineStats | None] = []
    stop = threading.Event()

    def target() -> None:
        try:
            outcome.append(probe(seconds, lambda: stop.is_set() or cancelled(), report))
        except Exception:  # a bug in the probe: the rest of the verdict still stands
            log.exception("UDP probe")
            outcome.append(None)

    worker = threading.Thread(target=target, name="udp-probe", daemon=True)
    worker.start()
    worker.join(seconds + UDP_EXTRA_S)
    if not outcome:
        stop.set()
        log.warning("UDP probe: no result in %.0f s", seconds + UDP_EXTRA_S)
        return None
    return outcome[0]


class _Scaled:
    """Progress into [low, high] of the bar, never going back."""

    def __init__(self, progress: ProgressCallback | None, low: float, high: float):
        self._progress = progress
        self._low, self._high = low, high
        self._value = low

    def __call__(self, update: NetworkProgress) -> None:
        if self._progress is None:
            return
        value = self._low + (self._high - self._low) * update.fraction
        self._value = max(self._value, value)
        self._progress(NetworkProgress(self._value, update.phase, update.live_mbps, update.service))

    def share(self, phase: str) -> Callable[[float], None]:
        """A ``progress(share)`` for a phase with no rate and no service."""
        return lambda share: self(NetworkProgress(min(1.0, max(0.0, share)), phase, None, ""))


class _Bar:
    """One progress bar over all attempts: a second attempt fills what the first left."""

    def __init__(self, progress: ProgressCallback | None):
        self._progress = progress
        self.value = 0.0

    def attempt(self, service: str):
        base = self.value

        def report(phase: str, fraction: float, mbps: float | None) -> None:
            if self._progress is None:
                return
            low, high = _PHASE_SPAN.get(phase, (0.0, 1.0))
            value = base + (1.0 - base) * (low + (high - low) * fraction)
            self.value = max(self.value, value)
            self._progress(NetworkProgress(self.value, phase, mbps, service))

        return report


class _Background:
    """Runs a probe on a daemon thread from the start; its result is waited for at the end."""

    def __init__(self, probe: Callable[[], Any]):
        self._value: list[Any] = []
        self._thread = threading.Thread(
            target=lambda: self._value.append(_quietly(probe)), name="probe", daemon=True
        )
        self._thread.start()

    def result(self, timeout_s: float):
        self._thread.join(timeout_s)
        return self._value[0] if self._value else None


def _quietly(probe: Callable[[], Any]):
    try:
        return probe()
    except Exception:
        return None


def _never() -> bool:
    return False


def _within(
    seconds: float,
    cancelled: Callable[[], bool],
    work: Callable[[threading.Event], LineMeasure],
    clock: Callable[[], float],
) -> LineMeasure:
    """``work(stop)`` on a daemon thread; ``stop`` is set (and this raises) once
    ``cancelled()`` or after ``seconds`` on ``clock``, without waiting for the work's
    threads to wind down."""
    outcome: list[Any] = []
    stop = threading.Event()

    def target() -> None:
        try:
            outcome.append(work(stop))
        except BaseException as exc:
            outcome.append(exc)

    deadline = clock() + seconds  # before the work starts: its time counts from here
    worker = threading.Thread(target=target, name="line-measure", daemon=True)
    worker.start()
    while not outcome:
        if cancelled():
            stop.set()
            raise NetworkError(Failure.CANCELLED)
        if clock() > deadline:
            stop.set()
            raise NetworkError(Failure.TIMEOUT, f"no result in {seconds:.0f} s")
        worker.join(0.05)
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


class _Deferred:
    """A bandwidth client built on first use: its module (and speedtest-cli's) loads then."""

    def __init__(self, build: Callable[[str | None], BandwidthClient], argument: str | None):
        self._build = build
        self._argument = argument
        self._client: BandwidthClient | None = None

    def _get(self) -> BandwidthClient:
        if self._client is None:
            self._client = self._build(self._argument)
        return self._client

    @property
    def name(self) -> str:
        return self._get().name

    def measure(self, progress, cancel: threading.Event | None = None) -> LineMeasure:
        return self._get().measure(progress, cancel)


def _speedtest_client(server_url: str | None) -> BandwidthClient:
    from readiness.devices.network.speedtest_client import SpeedtestClient

    return SpeedtestClient(server_url or None)


def _http_client(base_url: str | None) -> BandwidthClient:
    from readiness.devices.network.http_speed import DEFAULT_SERVICE, HttpSpeedClient

    return HttpSpeedClient(base_url or DEFAULT_SERVICE)


def udp_probe_part(servers: Sequence[tuple[str, int]] | None = None, **settings) -> UdpProbePart:
    """The UDP probe of ``servers`` (host, port) (None: the public ones), as NetworkParts
    takes it; ``settings`` go to UdpProbe (tests shorten its waits)."""
    return partial(_probe_with, servers, settings)


def _probe_with(
    servers: Sequence[tuple[str, int]] | None,
    settings: dict[str, Any],
    seconds: float,
    cancelled: Callable[[], bool],
    progress: Callable[[float], None],
) -> LineStats | None:
    from readiness.core.line_stats import summarize
    from readiness.devices.network.udp_probe import DEFAULT_STUN_SERVERS, UdpProbe

    run = UdpProbe(servers or DEFAULT_STUN_SERVERS, **settings).run(seconds, cancelled, progress)
    if not run.echoes:
        return None  # nothing sent (no name resolved, no socket): a line not probed
    return summarize(run.echoes, run.duration_s)


def udp_stream_part(servers: Sequence[tuple[str, int]] | None = None, **settings) -> UdpStreamPart:
    """The background stream to ``servers`` (None: the public ones), as NetworkParts takes
    it; ``settings`` go to UdpStream (tests shorten its waits)."""
    return partial(_stream_with, servers, settings)


def _stream_with(servers, settings, cancelled, paused, on_echo, on_state) -> None:
    from readiness.devices.network.udp_probe import DEFAULT_STUN_SERVERS
    from readiness.devices.network.udp_stream import UdpStream

    UdpStream(servers or DEFAULT_STUN_SERVERS, **settings).run(cancelled, paused, on_echo, on_state)


def _stun_addresses(texts: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """Checked where they came in (session.toml, --stun-server); one that slipped through
    is left out."""
    addresses = []
    for text in texts:
        address = stun_server(text)
        if address is None:
            log.warning("STUN server %r left out: not host:port", text)
        else:
            addresses.append(address)
    return tuple(addresses)


def _zoom_status() -> str:
    from readiness.devices.network.zoom_status import fetch_zoom_status

    return str(fetch_zoom_status())


def _zoom_reachability() -> Reachability:
    from readiness.devices.network.zoom_reachability import ZoomProbe

    return ZoomProbe().check()


def _connection_type() -> Connection:
    from readiness.devices.network import connection as connection_type

    return connection_type.detect()
