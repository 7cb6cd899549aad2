"""Fixtures of the connection tests (loaded with ``pytest_plugins``): no proxy from the
host, a DNS that knows no name, and TLS servers standing in for zoom.us.

Everything stays on 127.0.0.1: names other than localhost never reach a resolver
(the stand-in DNS answers for them), so no test touches the network.
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import require_program
from network_helpers import TlsServer

PROXY_VARIABLES = (
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
)


@pytest.fixture(autouse=True)
def no_host_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's proxy settings must not change what a test measures."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def _stand_in_dns(failure: int):
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host in {"127.0.0.1", "localhost", None}:
            return real(host, *args, **kwargs)
        raise socket.gaierror(failure, "stand-in DNS: no such name")

    return getaddrinfo


@pytest.fixture
def dns_knows_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver that answers for 127.0.0.1 only: every name "does not exist"."""
    monkeypatch.setattr(socket, "getaddrinfo", _stand_in_dns(socket.EAI_NONAME))


@pytest.fixture
def dns_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a computer without a network gets for every name: "try again later"."""
    monkeypatch.setattr(socket, "getaddrinfo", _stand_in_dns(socket.EAI_AGAIN))


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made by the real openssl."""
    openssl = require_program("openssl")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return cert, key


@pytest.fixture
def zoom_stand_in(tls_files) -> Iterator[TlsServer]:
    """zoom.us:443 as far as the probe can tell: a TLS handshake that succeeds."""
    server = TlsServer(*tls_files)
    yield server
    server.close()


@pytest.fixture
def silent_zoom(tls_files) -> Iterator[TlsServer]:
    """A zoom.us that accepts the connection and never answers (a firewall dropping it)."""
    server = TlsServer(*tls_files, stall=True)
    yield server
    server.close()
