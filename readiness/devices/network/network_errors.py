"""What went wrong with a network request, in a few kinds the user can act on.

Every network adapter raises ``NetworkError`` with one of these kinds, whatever
library failed underneath (urllib, http.client, ssl, speedtest-cli), so the
check can say one clear French sentence per kind.
"""

from __future__ import annotations

import errno
from enum import StrEnum

# http.client, ssl and urllib load in classify(): this module is imported with the
# connection check at start-up, which must stay light.


class Failure(StrEnum):
    OFFLINE = "offline"  # no route to anywhere: cable out, Wi-Fi off
    DNS = "dns"  # the name could not be resolved
    REFUSED = "refused"  # nothing listens, or a firewall rejects at once
    TIMEOUT = "timeout"  # no answer within the time allowed
    FORBIDDEN = "forbidden"  # HTTP 403
    PROXY = "proxy"  # a proxy refused (407, or a CONNECT tunnel refused)
    TLS = "tls"  # the secure connection could not be set up (or was intercepted)
    HTTP = "http"  # any other unexpected answer
    NO_DATA = "no_data"  # connected, but no byte came through
    CANCELLED = "cancelled"


class NetworkError(Exception):
    def __init__(self, failure: Failure, detail: str = ""):
        super().__init__(f"{failure}: {detail}" if detail else str(failure))
        self.failure = failure
        self.detail = detail


_OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL}


def classify(exc: BaseException) -> NetworkError:
    """The ``NetworkError`` for any exception a request can raise (already one: unchanged)."""
    import socket
    import ssl
    from http.client import HTTPException
    from urllib.error import HTTPError

    if isinstance(exc, NetworkError):
        return exc
    detail = f"{type(exc).__name__}: {exc}"
    cause = _unwrap(exc)
    if isinstance(cause, HTTPError):
        if cause.code == 403:
            return NetworkError(Failure.FORBIDDEN, detail)
        if cause.code == 407:
            return NetworkError(Failure.PROXY, detail)
        return NetworkError(Failure.HTTP, detail)
    if isinstance(cause, socket.gaierror):
        return NetworkError(Failure.DNS, detail)
    if isinstance(cause, ConnectionRefusedError):
        return NetworkError(Failure.REFUSED, detail)
    if isinstance(cause, TimeoutError | socket.timeout):
        return NetworkError(Failure.TIMEOUT, detail)
    if isinstance(cause, ssl.SSLError | ssl.CertificateError):
        return NetworkError(Failure.TLS, detail)
    text = str(cause)
    if "Tunnel connection failed" in text:  # http.client's CONNECT refused by a proxy
        return NetworkError(Failure.PROXY, detail)
    if isinstance(cause, OSError) and cause.errno in _OFFLINE_ERRNOS:
        return NetworkError(Failure.OFFLINE, detail)
    if isinstance(cause, HTTPException | ConnectionError):
        return NetworkError(Failure.HTTP, detail)
    return NetworkError(Failure.HTTP, detail)


def _unwrap(exc: BaseException) -> BaseException:
    """The underlying error: URLError's reason, speedtest-cli's wrapped exception."""
    from urllib.error import HTTPError, URLError

    seen = 0
    while seen < 5:
        seen += 1
        if isinstance(exc, HTTPError):
            return exc
        if isinstance(exc, URLError) and isinstance(exc.reason, BaseException):
            exc = exc.reason
            continue
        # speedtest-cli wraps the urllib error as its first argument
        # (ConfigRetrievalError(e)); an HTTPError carries its own args.
        if exc.args and isinstance(exc.args[0], BaseException):
            exc = exc.args[0]
            continue
        if exc.__cause__ is not None:
            exc = exc.__cause__
            continue
        return exc
    return exc
