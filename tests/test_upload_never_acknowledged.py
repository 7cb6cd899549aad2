"""An upload is measured by what the server acknowledged, never by what was written.

Bytes the client has written may sit in its own socket buffers, or reach a server
that reads them and never answers: neither is an upload that crossed. A server here
serves latency and downloads as a speed server does, reads every upload body, and
answers uploads only as the test tells it (never, the first few, all of them).
Both measuring clients must then give no upload figure but a clear failure when
nothing was acknowledged, and a figure from what was acknowledged otherwise.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from network_helpers import assert_through_the_line, finishes, http_client, speedtest_client
from readiness.devices.network.network_errors import Failure, NetworkError
from speed_server import Pacer, SpeedServer, image_size

pytest_plugins = ["network_fixtures"]

MBPS = 4.0
#: Long enough for each client's own (1 s) timeouts to end the test first.
HOLD_MAX_S = 60.0
_RANDOM_IMAGE = re.compile(r"/random(\d+)x\d+\.jpg$")
_FILLER = bytes(range(256)) * 256


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: UploadServer

    def log_message(self, format: str, *args) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        image = _RANDOM_IMAGE.search(parts.path)
        if parts.path.endswith("/latency.txt"):
            self._reply(b"test=test\n")
        elif image:
            self._send(image_size(int(image.group(1))))
        elif parts.path.endswith("/__down"):
            wanted = parse_qs(parts.query).get("bytes", ["0"])[0]
            self._send(int(wanted) if wanted.isdigit() else 0)
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        received = self._receive()
        if self.server.acknowledges():
            self._reply(f"size={received}".encode())
            return
        # Read in full, never answered: the connection stays open and silent.
        self.server.stopping.wait(HOLD_MAX_S)
        self.close_connection = True

    def _reply(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        pacer, sent = self.server.down, 0
        try:
            while sent < size and not self.server.stopping.is_set():
                count = min(pacer.chunk, size - sent, len(_FILLER))
                pacer.take(count)
                self.wfile.write(_FILLER[:count])
                sent += count
        except OSError:
            self.close_connection = True  # the client's test is over

    def _receive(self) -> int:
        length = int(self.headers.get("Content-Length") or 0)
        pacer, received = self.server.up, 0
        try:
            while received < length and not self.server.stopping.is_set():
                data = self.rfile.read1(min(pacer.chunk, length - received))
                if not data:
                    break
                pacer.take(len(data))
                received += len(data)
        except OSError:
            pass
        self.server.count_read(received)
        if received < length:
            self.close_connection = True
        return received


class UploadServer(ThreadingHTTPServer):
    """Latency and downloads as a speed server serves them; uploads read in full and
    answered for the first ``answered`` of them (None: all)."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, answered: int | None):
        self.down = Pacer(MBPS)
        self.up = Pacer(MBPS)
        self.stopping = threading.Event()
        self._answered = answered
        self._lock = threading.Lock()
        self.uploads_read = 0
        self.bytes_read = 0
        self.acknowledged = 0
        super().__init__(("127.0.0.1", 0), _Handler)
        self.port = self.server_address[1]
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def handle_error(self, request, client_address) -> None:
        pass  # clients hang up mid-transfer on purpose

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.base_url}/speedtest/upload.php"

    def count_read(self, size: int) -> None:
        with self._lock:
            self.uploads_read += 1
            self.bytes_read += size

    def acknowledges(self) -> bool:
        with self._lock:
            if self._answered is not None and self.acknowledged >= self._answered:
                return False
            self.acknowledged += 1
            return True

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()


@pytest.fixture
def upload_server() -> Iterator[Callable[[int | None], UploadServer]]:
    servers: list[UploadServer] = []

    def start(answered: int | None) -> UploadServer:
        servers.append(UploadServer(answered))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


CLIENTS = {
    "speedtest": lambda server: speedtest_client(server.url, seconds=1.2),
    "http": lambda server: http_client(server.base_url, seconds=1.2),
}


@pytest.mark.parametrize("client", CLIENTS)
def test_an_upload_never_acknowledged_gives_no_figure(upload_server, client: str) -> None:
    """It used to read as what was written over the test's length (0.33 Mbit/s), or
    "no data exchanged" when the downloads had worked: the server did not answer."""
    server = upload_server(0)
    with pytest.raises(NetworkError) as caught:
        finishes(CLIENTS[client](server).measure)
    assert server.bytes_read > 0  # the bodies were sent, and read
    assert caught.value.failure is Failure.TIMEOUT, caught.value
    assert "none answered" in caught.value.detail


@pytest.mark.parametrize("client", CLIENTS)
def test_an_upload_acknowledged_in_part_is_measured_by_what_was(upload_server, client) -> None:
    server = upload_server(3)
    measure = finishes(CLIENTS[client](server).measure)
    assert server.acknowledged == 3 < server.uploads_read
    assert 0 < measure.upload_mbps <= MBPS * 1.25


@pytest.mark.parametrize("client", CLIENTS)
def test_an_acknowledged_upload_gives_a_figure(upload_server, client: str) -> None:
    server = upload_server(None)
    measure = finishes(CLIENTS[client](server).measure)
    assert_through_the_line(measure.upload_mbps, MBPS, 1.2)


@pytest.mark.parametrize("client", ["speedtest", "http"])
def test_a_line_slower_than_the_first_requests_is_measured_by_their_answers(client) -> None:
    """At 0.6 Mbit/s each client's first round of requests crosses in about 2 s, past the
    test's 1 s and its 0.5 s for late answers: the test waits for them (up to its limit)
    rather than reading what was written (0.9 Mbit/s here before) or too few answers."""
    line = 0.6
    with SpeedServer(down_mbps=5, up_mbps=line) as server:
        if client == "speedtest":
            measure = finishes(speedtest_client(server.url, seconds=1.0).measure)
        else:
            measure = finishes(http_client(server.base_url, seconds=1.0).measure)
    assert 0 < measure.upload_mbps <= line * 1.25
