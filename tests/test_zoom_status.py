"""Zoom's status page, read from a local stand-in served over real HTTP."""

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from readiness.devices.network.zoom_status import (
    MAX_BYTES,
    ZoomStatus,
    fetch_zoom_status,
    parse_status,
)
from speed_server import closed_port


def status_json(indicator: object) -> bytes:
    """A body shaped as Atlassian Statuspage's status.json."""
    return json.dumps(
        {
            "page": {"id": "14g1dbcv9hqf", "name": "Zoom", "url": "https://status.zoom.us"},
            "status": {"indicator": indicator, "description": "All Systems Operational"},
        }
    ).encode()


BODIES = {
    "/none": (200, status_json("none")),
    "/minor": (200, status_json("minor")),
    "/major": (200, status_json("major")),
    "/critical": (200, status_json("critical")),
    "/maintenance": (200, status_json("maintenance")),  # not one Statuspage gives
    "/malformed": (200, b'{"status": {"indicator": "none"'),
    "/not-json": (200, b"<html>Service Unavailable</html>"),
    "/huge": (200, status_json("none")[:-1] + b', "x": "' + b"a" * (4 * MAX_BYTES) + b'"}'),
    "/error": (500, status_json("none")),
}


class StatusPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        code, body = BODIES.get(self.path, (404, b""))
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the reader stopped reading (the huge body): as intended

    def log_message(self, format: str, *args) -> None:
        pass


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def status_page() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatusPage)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/none", ZoomStatus.OK),
        ("/minor", ZoomStatus.INCIDENT),
        ("/major", ZoomStatus.INCIDENT),
        ("/critical", ZoomStatus.INCIDENT),
        ("/maintenance", ZoomStatus.UNKNOWN),
        ("/malformed", ZoomStatus.UNKNOWN),
        ("/not-json", ZoomStatus.UNKNOWN),
        ("/huge", ZoomStatus.UNKNOWN),
        ("/error", ZoomStatus.UNKNOWN),
        ("/missing", ZoomStatus.UNKNOWN),
    ],
)
def test_what_the_status_page_says(status_page: str, path: str, expected: ZoomStatus) -> None:
    assert fetch_zoom_status(status_page + path, timeout_s=5.0) is expected


def test_a_refused_connection_is_unknown() -> None:
    assert fetch_zoom_status(f"http://127.0.0.1:{closed_port()}/", timeout_s=5.0) is (
        ZoomStatus.UNKNOWN
    )


def test_a_server_that_never_answers_is_unknown() -> None:
    """It accepts the connection (the kernel's backlog does) and never says a word."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        answer: list[ZoomStatus] = []
        asking = threading.Thread(
            target=lambda: answer.append(fetch_zoom_status(f"http://127.0.0.1:{port}/", 0.5))
        )
        asking.start()
        asking.join(30)  # a guard for the test only: the call gives up on its own
        assert answer == [ZoomStatus.UNKNOWN]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/", "not a url", ""])
def test_only_web_addresses_are_asked(url: str) -> None:
    assert fetch_zoom_status(url, timeout_s=1.0) is ZoomStatus.UNKNOWN


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b'"none"',
        b'{"status": "none"}',
        b'{"status": {"indicator": 3}}',
        b'{"status": {"indicator": null}}',
        b'{"status": {}}',
        b"\xff\xfe",
        b"[" * 100_000,  # nesting that the parser refuses
    ],
)
def test_shapes_that_are_not_a_status(body: bytes) -> None:
    assert parse_status(body) is ZoomStatus.UNKNOWN


def test_the_words_in_the_json() -> None:
    assert [str(s) for s in ZoomStatus] == ["ok", "incident", "unknown"]
