"""A speedtest-compatible HTTP server on 127.0.0.1, throttled to known rates.

It serves what speedtest-cli asks a speedtest.net server for (``latency.txt``,
``random{N}x{N}.jpg`` downloads, ``upload.php``) and Cloudflare-style speed
endpoints (``__down?bytes=N``, ``__up``), so both of the app's measuring clients
run their real code against it. Acting as an HTTP proxy it also answers for
``www.speedtest.net`` (config and server list): the benchmark runs stock
speedtest-cli, unmodified, through it.

What the line looks like is known exactly:

- ``down_mbps`` / ``up_mbps``: one pacer per direction, shared by every
  connection, as a line's capacity is;
- ``latency_ms``: added before every response (time to first byte);
- ``jitter_ms``: the added delay alternates between ``latency - jitter/2`` and
  ``latency + jitter/2`` from one request to the next, so consecutive round trips
  differ by exactly ``jitter_ms`` and the median of an even number of them is
  ``latency_ms``.

Modes for failures: ``forbidden`` answers 403 to everything, ``stall`` accepts
and never answers, ``proxy_auth`` answers 407 as a proxy that wants a password.
A refused connection needs no server: see ``closed_port()``.

Run alone (the benchmark does, so that the server does not share the client's GIL):

    python tests/speed_server.py --down 50 --up 50 --latency 20
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

OK, FORBIDDEN, STALL, PROXY_AUTH = "ok", "forbidden", "stall", "proxy_auth"
MODES = (OK, FORBIDDEN, STALL, PROXY_AUTH)

#: Random bytes, sent over and over (their content does not matter); longer than the
#: cycle they are cut from by more than the largest chunk, so no chunk comes out short.
_CYCLE = 1 << 20
_BLOCK = os.urandom(_CYCLE + (256 << 10))
_RANDOM_IMAGE = re.compile(r"/random(\d+)x(\d+)\.jpg$")
#: How much a stalled request waits at most (the tests stop the server long before).
_STALL_MAX_S = 120.0


def image_size(side: int) -> int:
    """Bytes in speedtest.net's ``random{side}x{side}.jpg`` (245 388 for 350, 31 625 365
    for 4000: about 1.98 bytes a pixel)."""
    return int(side * side * 1.977)


def closed_port() -> int:
    """A loopback port where nothing listens: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Pacer:
    """A line's capacity in one direction: each chunk waits for its turn on the wire.

    A virtual clock holds when the wire is next free; a chunk is released when its
    own transmission would end. Idle time is not banked, except ``burst_s``.
    """

    def __init__(self, mbps: float, burst_s: float = 0.002):
        self.bytes_per_s = mbps * 1e6 / 8
        self._burst_s = burst_s
        self._free_at = 0.0
        self._lock = threading.Lock()

    @property
    def chunk(self) -> int:
        """Bytes per turn: a few milliseconds of the line, so slow lines stay smooth."""
        return int(min(max(self.bytes_per_s * 0.004, 4096), 256 * 1024))

    def take(self, size: int) -> None:
        with self._lock:
            now = time.perf_counter()
            self._free_at = max(self._free_at, now - self._burst_s) + size / self.bytes_per_s
            release = self._free_at
        delay = release - time.perf_counter()
        if delay > 0:
            time.sleep(delay)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, owner: SpeedServer):
        self.owner = owner
        super().__init__((owner.host, owner.port), _Handler)

    def server_bind(self) -> None:
        if self.owner.recv_buffer:
            # Inherited by accepted sockets: bounds what an upload can queue in the kernel
            # beyond the line, as a modem's small buffer does.
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.owner.recv_buffer)
        super().server_bind()

    def handle_error(self, request, client_address) -> None:
        pass  # clients hang up mid-transfer on purpose (end of a timed test)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm holds
        # the body until the client's delayed ACK (40 ms), which no real line adds.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args) -> None:
        pass

    @property
    def owner(self) -> SpeedServer:
        return self.server.owner

    # --- dispatch -------------------------------------------------------------

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_CONNECT(self) -> None:
        self._dispatch("CONNECT")

    def _dispatch(self, method: str) -> None:
        owner = self.owner
        owner.record(method, self.path)
        mode = owner.mode
        if mode == STALL:
            owner.stopping.wait(_STALL_MAX_S)
            self.close_connection = True
            return
        if mode == PROXY_AUTH:
            self._drain_body()
            self._reply(407, b"proxy authentication required", {"Proxy-Authenticate": "Basic"})
            return
        if mode == FORBIDDEN:
            self._drain_body()
            self._reply(403, b"forbidden")
            return
        parts = urlsplit(self.path)
        path = parts.path
        if parts.netloc.endswith("speedtest.net"):  # asked as a proxy: stock speedtest-cli
            self._speedtest_net(path)
            return
        owner.wait_latency()
        image = _RANDOM_IMAGE.search(path)
        if method == "GET" and path.endswith("/latency.txt"):
            self._reply(200, b"test=test\n")
        elif method == "GET" and image:
            self._send_paced(image_size(int(image.group(1))))
        elif method == "GET" and path.endswith("/__down"):
            wanted = parse_qs(parts.query).get("bytes", ["0"])[0]
            self._send_paced(int(wanted) if wanted.isdigit() else 0)
        elif method == "POST" and (path.endswith("/upload.php") or path.endswith("/__up")):
            received = self._receive_paced()
            self._reply(200, f"size={received}".encode())
        else:
            self._reply(404, b"not found")

    # --- bodies ---------------------------------------------------------------

    def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _send_paced(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        pacer = self.owner.down
        sent = 0
        self.owner.transfer_began()
        try:
            while sent < size and not self.owner.stopping.is_set():
                count = min(pacer.chunk, size - sent)
                pacer.take(count)
                start = sent % _CYCLE
                chunk = _BLOCK[start : start + count]
                self.wfile.write(chunk)
                sent += len(chunk)
                self.owner.count_down(len(chunk))
        except OSError:
            self.close_connection = True  # the client stopped reading: end of its test
        finally:
            self.owner.transfer_ended()

    def _receive_paced(self) -> int:
        length = int(self.headers.get("Content-Length") or 0)
        pacer = self.owner.up
        received = 0
        self.owner.transfer_began()
        try:
            while received < length and not self.owner.stopping.is_set():
                data = self.rfile.read1(min(pacer.chunk, length - received))
                if not data:
                    break
                pacer.take(len(data))  # what came, which may be less than asked
                received += len(data)
                self.owner.count_up(len(data))
        except OSError:
            pass
        finally:
            self.owner.transfer_ended()
        if received < length:
            self.close_connection = True
        return received

    def _drain_body(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.close_connection = True  # no need to read an upload we refuse

    # --- speedtest.net, as a proxy ----------------------------------------------

    def _speedtest_net(self, path: str) -> None:
        if path.endswith("speedtest-config.php"):
            self._reply(200, _CONFIG_XML.encode(), {"Content-Type": "application/xml"})
        elif "speedtest-servers" in path:
            host = f"127.0.0.1:{self.owner.port}"
            body = _SERVERS_XML.format(host=host).encode()
            self._reply(200, body, {"Content-Type": "application/xml"})
        else:
            self._reply(404, b"not found")


# What speedtest.net serves (the values that matter: test lengths, sizes, threads).
_CONFIG_XML = """<?xml version="1.0" encoding="UTF-8"?>
<settings>
<client ip="127.0.0.1" lat="48.8566" lon="2.3522" isp="Loopback" isprating="3.7" rating="0"
 ispdlavg="0" ispulavg="0" loggedin="0" country="FR"/>
<server-config threadcount="4" ignoreids="" notonmap="" forcepingid="" preferredserverid=""/>
<times dl1="5000000" dl2="35000000" dl3="800000000" ul1="1000000" ul2="8000000" ul3="35000000"/>
<download testlength="10" initialtest="250K" mintestsize="250K" threadsperurl="4"/>
<upload testlength="10" ratio="5" initialtest="0" mintestsize="32K" threads="2"
 maxchunksize="512K" maxchunkcount="50" threadsperurl="4"/>
<latency testlength="10" waittime="50" timeout="20"/>
</settings>
"""

_SERVERS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<settings><servers>
<server url="http://{host}/speedtest/upload.php" lat="48.8566" lon="2.3522" name="Paris"
 country="France" cc="FR" sponsor="Loopback" id="1" host="{host}"/>
</servers></settings>
"""


class SpeedServer:
    """The server, started on a thread; use it as a context manager."""

    def __init__(
        self,
        *,
        down_mbps: float = 10.0,
        up_mbps: float | None = None,
        latency_ms: float = 0.0,
        jitter_ms: float = 0.0,
        mode: str = OK,
        host: str = "127.0.0.1",
        port: int = 0,
        recv_buffer: int = 32 * 1024,
    ):
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.down = Pacer(down_mbps)
        self.up = Pacer(down_mbps if up_mbps is None else up_mbps)
        self.latency_ms = latency_ms
        self.jitter_ms = jitter_ms
        self.mode = mode
        self.host = host
        self.port = port
        self.recv_buffer = recv_buffer
        self.stopping = threading.Event()
        self.requests: list[tuple[str, str]] = []
        self.bytes_down = 0
        self.bytes_up = 0
        self._lock = threading.Lock()
        self._transfers = 0  # downloads and uploads under way
        self._idle = threading.Condition(self._lock)
        self._turn = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The server's ``url`` as speedtest.net lists it (ends in upload.php)."""
        return f"{self.base_url}/speedtest/upload.php"

    def start(self) -> SpeedServer:
        self._server = _Server(self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SpeedServer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    # --- bookkeeping, called by handlers --------------------------------------

    def record(self, method: str, path: str) -> None:
        with self._lock:
            self.requests.append((method, path))

    def paths(self) -> list[str]:
        with self._lock:
            return [urlsplit(path).path for _method, path in self.requests]

    def count_down(self, size: int) -> None:
        with self._lock:
            self.bytes_down += size

    def count_up(self, size: int) -> None:
        with self._lock:
            self.bytes_up += size

    def transfer_began(self) -> None:
        with self._lock:
            self._transfers += 1

    def transfer_ended(self) -> None:
        with self._lock:
            self._transfers -= 1
            self._idle.notify_all()

    def wait_idle(self, hang_s: float = 30.0) -> None:
        """Until no download or upload is under way: the clients have let go of the line.
        ``hang_s`` only stops a test that would wait for ever."""
        with self._lock:
            idle = self._idle.wait_for(lambda: self._transfers == 0, hang_s)
        assert idle, f"{self._transfers} transfers still under way after {hang_s:.0f} s"

    def wait_latency(self) -> None:
        with self._lock:
            self._turn += 1
            sign = 1 if self._turn % 2 else -1
        delay_ms = self.latency_ms + sign * self.jitter_ms / 2
        if delay_ms > 0:
            time.sleep(delay_ms / 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--down", type=float, default=10.0, help="download Mbit/s")
    parser.add_argument("--up", type=float, default=None, help="upload Mbit/s (= down)")
    parser.add_argument("--latency", type=float, default=0.0, help="added ms")
    parser.add_argument("--jitter", type=float, default=0.0, help="ms between consecutive")
    parser.add_argument("--mode", choices=MODES, default=OK)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    server = SpeedServer(
        down_mbps=args.down,
        up_mbps=args.up,
        latency_ms=args.latency,
        jitter_ms=args.jitter,
        mode=args.mode,
        port=args.port,
    ).start()
    print(server.port, flush=True)
    try:
        sys.stdin.read()  # until the parent closes our stdin
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
