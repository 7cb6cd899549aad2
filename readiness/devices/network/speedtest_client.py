"""Bandwidth with speedtest-cli (``import speedtest``), shorter and steadier than its defaults.

speedtest-cli 2.1.3 is unmaintained; what this adapter works around:

- ``import speedtest`` wraps ``sys.stdout`` at import and crashes when it is None
  (windowed builds): it is imported with a stand-in stdout.
- Its constructor downloads speedtest.net's configuration (network I/O): this
  only ever runs on a worker thread. ``secure=True``: plain HTTP gets 403.
- With a server URL (``--speedtest-server``, a ``url`` from speedtest.net's list,
  ending in ``upload.php``), the configuration comes from ``Tuning`` and nothing
  is fetched from speedtest.net: a subclass skips ``get_config``.
- Errors in its transfer threads are swallowed and come back as 0 Mbit/s: a 0 is
  a failed measurement, and a probe request then says why (403, refused, ...).
  An upload the server never answered is one too, however much was written.
- Its rate is bytes over the whole test (ramp-up included) and, for uploads,
  counts bytes still sitting in the computer's own socket buffers. Its transfers
  run here through a metered opener (``metered_http``) and the rate is read over
  the steady part of the test (``transfer_phases``): in 3 s a direction, as accurate
  as its 10 s defaults, and far more on slow uploads (benchmarks/network_accuracy.py).
- Cancelling sets its shutdown event; its threads stop at their next read.
"""

from __future__ import annotations

import logging
import os
import posixpath
import sys
import threading
import time
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from urllib.parse import urlsplit

from readiness.devices.network.latency import measure_latency
from readiness.devices.network.line_measure import LineMeasure, Progress, no_progress
from readiness.devices.network.metered_http import metered_opener
from readiness.devices.network.network_errors import Failure, NetworkError, classify
from readiness.devices.network.throughput import TransferMeter
from readiness.devices.network.transfer_phases import TransferPhases

log = logging.getLogger(__name__)

KIB = 1024


@dataclass(frozen=True)
class Tuning:
    """How long and how wide each direction is tested (see the benchmark for why)."""

    download_s: float = 3.0
    upload_s: float = 3.0
    #: The start of each direction is not counted: connections opening, ramping up.
    warmup_s: float = 0.8
    #: How long an upload may run past its length for requests started before the end
    #: to be answered (the rate's window ends where the first unanswered one started);
    #: longer (up to ``timeout_s`` more) while too few are answered to read a rate.
    upload_extra_s: float = 1.0
    download_threads: int = 8
    upload_threads: int = 8
    #: Timeout of every socket operation (connect, each read).
    timeout_s: float = 3.0
    #: speedtest.net's configuration, server list and choice of server, at most.
    discovery_s: float = 6.0
    #: Closest servers tried for the lowest round trip (speedtest-cli tries 5).
    candidates: int = 3


#: Download file sides, as speedtest.net servers have them (random350x350.jpg, ...).
_DOWNLOAD_SIDES = [350, 500, 750, 1000, 1500, 2000, 2500, 3000, 3500, 4000]


def upload_sizes(threads: int) -> list[int]:
    """Request sizes: each thread starts small and grows by half, up to 4 MiB.

    A slow line answers its small requests within the test; a fast one soon
    moves on to large requests that keep its threads busy. Growing by half (not
    doubling) keeps the last request of a thread short against the whole test.
    Each speedtest-cli request is a new connection, idle for a round trip or two
    before its body flows: sizes differ a little from one thread to the next so
    that those idle moments fall apart, the others filling the line meanwhile.
    ~100 MB in all: more than 200 Mbit/s sends in 3 s.
    """
    sizes: list[int] = []
    size = 16 * KIB
    while size < 4096 * KIB:
        sizes += [whole_body(int(size * (1 + i / (2 * threads)))) for i in range(threads)]
        size *= 1.5
    return sizes + [whole_body(4096 * KIB)] * 24


def whole_body(size: int) -> int:
    """A size next to ``size`` whose body speedtest-cli really sends in full.

    Its upload body is ``content1=`` and a 36-character pattern repeated
    ``round(size / 36)`` times, cut at the size: for 64 KiB or 4 MiB that is 7
    bytes short of the Content-Length it announces, and the server waits for them
    until the socket times out. 36k + 9 bytes comes out exact.
    """
    return size - size % 36 + 9


# --- the guarded import ---------------------------------------------------------

_stand_ins: list[object] = []  # kept open: speedtest keeps their file descriptors


def load_speedtest() -> ModuleType:
    """``import speedtest``, with a stand-in stdout/stderr when there is none."""
    if "speedtest" in sys.modules:
        return sys.modules["speedtest"]
    saved = sys.stdout, sys.stderr
    try:
        if sys.stdout is None or sys.stderr is None:
            stand_in = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (kept open)
            _stand_ins.append(stand_in)
            sys.stdout = sys.stdout or stand_in
            sys.stderr = sys.stderr or stand_in
        import speedtest
    finally:
        sys.stdout, sys.stderr = saved
    return speedtest


class _ShutdownFlag:
    """speedtest-cli polls ``isSet()``, which threading.Event deprecates."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def isSet(self) -> bool:  # speedtest-cli's name
        return self.event.is_set()

    def set(self) -> None:
        self.event.set()


# --- the client -------------------------------------------------------------------


class SpeedtestClient:
    """Measures against speedtest.net's closest server, or against ``server_url``."""

    def __init__(
        self,
        server_url: str | None = None,
        *,
        tuning: Tuning | None = None,
        secure: bool = True,
    ):
        self.server_url = server_url.strip() if server_url else None
        self.tuning = tuning or Tuning()
        self._secure = secure

    @property
    def name(self) -> str:
        if self.server_url:
            return urlsplit(self.server_url).netloc or self.server_url
        return "speedtest.net"

    def measure(
        self, progress: Progress = no_progress, cancel: threading.Event | None = None
    ) -> LineMeasure:
        """Latency, download, upload. Raises NetworkError (CANCELLED on ``cancel``)."""
        cancel = cancel or threading.Event()
        tuning = self.tuning
        progress("connect", 0.0, None)
        speedtest = load_speedtest()
        flag = _ShutdownFlag()
        tester, server = self._discover(speedtest, flag, cancel)
        progress("connect", 0.5, None)
        base = posixpath.dirname(server["url"])
        latency_url = f"{base}/latency.txt"
        latency = measure_latency(latency_url, timeout_s=min(2.0, tuning.timeout_s), cancel=cancel)

        meter = TransferMeter()
        phases = TransferPhases(meter, tuning.warmup_s, tuning.timeout_s, progress, cancel)
        tester._opener = metered_opener(
            meter, tuning.timeout_s, user_agent=speedtest.build_user_agent()
        )
        self._configure(tester)

        down, loaded_latency = phases.download(
            tester.download, flag.set, tuning.download_s, latency_url
        )
        if down <= 0:
            raise self._diagnose(f"{base}/random350x350.jpg", tuning.timeout_s)

        flag.event.clear()
        tester._opener = metered_opener(
            meter,
            phases.upload_limit_s(tuning.upload_s, tuning.upload_extra_s),
            user_agent=speedtest.build_user_agent(),
        )

        def upload() -> None:
            tester.upload(threads=tuning.upload_threads, pre_allocate=False)

        up = phases.upload(
            upload, flag.set, tuning.upload_s, tuning.upload_extra_s, latency.median_ms / 1000
        )
        if up <= 0:
            # No upload answered: what was written may never have crossed. No figure.
            raise self._unanswered(server["url"], meter.written())
        return LineMeasure(
            download_mbps=down / 1e6,
            upload_mbps=up / 1e6,
            latency=latency,
            loaded_latency=loaded_latency,
            service=self._service(server),
            server=server["url"],
        )

    # --- steps ------------------------------------------------------------------

    def _discover(self, speedtest: ModuleType, flag: _ShutdownFlag, cancel: threading.Event):
        """The Speedtest object and the server to measure against, within the budget."""
        tuning = self.tuning
        outcome: list[object] = []

        def work() -> None:
            try:
                outcome.append(self._build(speedtest, flag))
            except BaseException as exc:
                outcome.append(exc)

        worker = threading.Thread(target=work, name="speedtest-discovery", daemon=True)
        worker.start()
        deadline = time.monotonic() + tuning.discovery_s
        while worker.is_alive() and time.monotonic() < deadline:
            if cancel.is_set():
                flag.set()
                raise NetworkError(Failure.CANCELLED)
            worker.join(0.05)
        if not outcome:
            flag.set()
            raise NetworkError(Failure.TIMEOUT, "speedtest.net discovery took too long")
        result = outcome[0]
        if isinstance(result, BaseException):
            raise classify(result) from result
        return result

    def _build(self, speedtest: ModuleType, flag: _ShutdownFlag):
        tuning = self.tuning
        if self.server_url:
            tester = _local_speedtest_class(speedtest)(
                timeout=tuning.timeout_s, shutdown_event=flag
            )
            server = {
                "url": self.server_url,
                "name": urlsplit(self.server_url).hostname or "",
                "sponsor": "",
                "id": "0",
            }
        else:
            tester = speedtest.Speedtest(
                secure=self._secure, timeout=tuning.timeout_s, shutdown_event=flag
            )
            closest = tester.get_closest_servers(limit=max(tuning.candidates, 1))
            server = self._fastest(closest[: tuning.candidates])
        tester._best.update(server)
        tester.results.server = server
        return tester, server

    def _fastest(self, servers: list[dict]) -> dict:
        """The server with the lowest round trip (3 each, quickly, as speedtest-cli does)."""
        if not servers:
            raise NetworkError(Failure.NO_DATA, "speedtest.net listed no server")
        best, best_ms, first_error = None, float("inf"), None
        for server in servers:
            url = posixpath.dirname(server["url"]) + "/latency.txt"
            try:
                ms = measure_latency(url, count=3, timeout_s=1.5).median_ms
            except NetworkError as error:
                first_error = first_error or error
                continue
            if ms < best_ms:
                best, best_ms = server, ms
        if best is None:
            assert first_error is not None
            raise first_error
        return best

    def _configure(self, tester) -> None:
        """Shorter than speedtest.net's settings (10 s a direction), as wide or wider."""
        tuning = self.tuning
        tester.config.update(
            {
                "sizes": {
                    "download": _DOWNLOAD_SIDES,
                    "upload": upload_sizes(tuning.upload_threads),
                },
                "counts": {"download": 2, "upload": 1},
                "threads": {"download": tuning.download_threads, "upload": tuning.upload_threads},
                # Its own clocks start a little after ours: a margin, so that it is we
                # who end each direction (its uploads would be cut short otherwise).
                "length": {
                    "download": tuning.download_s + 0.5,
                    "upload": tuning.upload_s + tuning.upload_extra_s + 0.5,
                },
                "upload_max": len(upload_sizes(tuning.upload_threads)),
            }
        )

    def _unanswered(self, url: str, written: int) -> NetworkError:
        """No upload was acknowledged: why, if a plain request tells (403, refused, ...);
        else, when bodies were sent, the server did not answer them in time."""
        error = self._diagnose(url, self.tuning.timeout_s, post=True)
        if written and error.failure in (Failure.NO_DATA, Failure.TIMEOUT):
            detail = f"{written} bytes sent to {url}, none answered (then: {error.detail})"
            return NetworkError(Failure.TIMEOUT, detail)
        return error

    def _diagnose(self, url: str, timeout_s: float, *, post: bool = False) -> NetworkError:
        """speedtest-cli said 0: one plain request to learn why (403, refused, ...)."""
        import urllib.request

        request = urllib.request.Request(url, data=b"content1=0" if post else None)
        try:
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                response.read(1024)
        except Exception as exc:
            return classify(exc)
        return NetworkError(Failure.NO_DATA, f"no data measured from {url}")

    @staticmethod
    def _service(server: dict) -> str:
        sponsor, name = server.get("sponsor") or "", server.get("name") or ""
        if sponsor and name:
            return f"speedtest.net ({sponsor}, {name})"
        host = urlsplit(server.get("url", "")).netloc
        return f"speedtest ({host})" if host else "speedtest.net"


@cache
def _local_speedtest_class(speedtest: ModuleType) -> type:
    class LocalSpeedtest(speedtest.Speedtest):
        """A Speedtest whose configuration is ours: nothing is fetched from speedtest.net.

        ``SpeedtestClient._configure`` fills in the sizes, threads and lengths.
        """

        def get_config(self):
            self.config.update(
                {
                    "client": {},
                    "ignore_servers": [],
                    "sizes": {"download": [], "upload": []},
                    "counts": {"download": 1, "upload": 1},
                    "threads": {"download": 1, "upload": 1},
                    "length": {"download": 1, "upload": 1},
                    "upload_max": 0,
                }
            )
            self.lat_lon = (0.0, 0.0)
            return self.config

    return LocalSpeedtest
