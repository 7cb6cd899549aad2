"""A urllib opener whose connections report every byte to a ``TransferMeter``.

It has the handlers speedtest-cli's own opener has (system proxies, redirects,
HTTP errors as exceptions), a fixed timeout on every socket operation, and
connections that count: body bytes read, bytes written, and uploads answered.
"""

from __future__ import annotations

import http.client
import io
import socket
import ssl
import urllib.request
from functools import partial

from readiness.devices.network.throughput import TransferMeter, Upload


class _CountingRaw(io.RawIOBase):
    """Under the response's buffer: counts bytes as they come off the socket.

    Counting in ``HTTPResponse.read`` instead would see a slow line in steps of the
    reader's block size (speedtest-cli reads 10 KiB at a time: on a 2 Mbit/s line
    shared by 8 connections, one step every third of a second).
    """

    def __init__(self, stream: io.BufferedReader, meter: TransferMeter):
        super().__init__()
        self._stream = stream  # the socket's own file: closing it keeps its bookkeeping
        self._meter = meter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        count = self._stream.raw.readinto(buffer)
        if count:
            self._meter.on_received(count)
        return count

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
        super().close()


class _CountingResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args, meter: TransferMeter, **kwargs):
        super().__init__(sock, *args, **kwargs)
        self.fp = io.BufferedReader(_CountingRaw(self.fp, meter))


class _Metered:
    """Mixed into http.client's connections: count what is written, note the answer."""

    _meter: TransferMeter
    _upload: Upload | None = None

    def _start_metering(self, meter: TransferMeter) -> None:
        self._meter = meter
        self.response_class = partial(_CountingResponse, meter=meter)

    def send(self, data) -> None:  # headers, then the body block by block
        if self._upload is None:
            self._upload = self._meter.begin()
        try:
            super().send(data)  # type: ignore[misc]
        except BaseException:
            self._meter.on_failed(self._upload)
            raise
        if isinstance(data, bytes | bytearray | memoryview):
            self._meter.on_sent(self._upload, len(data))

    def getresponse(self) -> http.client.HTTPResponse:
        try:
            response = super().getresponse()  # type: ignore[misc]
        except BaseException:
            if self._upload is not None:
                self._meter.on_failed(self._upload)
            raise
        # An answer comes once the server has read the whole request body.
        if self._upload is not None:
            if 200 <= response.status < 300:
                self._meter.on_answered(self._upload)
            else:
                self._meter.on_failed(self._upload)
        self._upload = None
        return response


class MeteredHTTPConnection(_Metered, http.client.HTTPConnection):
    def __init__(self, host: str, *, meter: TransferMeter, timeout_s: float, **kwargs):
        kwargs["timeout"] = timeout_s  # urllib passes its own default: ours wins
        super().__init__(host, **kwargs)
        self._start_metering(meter)


class MeteredHTTPSConnection(_Metered, http.client.HTTPSConnection):
    def __init__(self, host: str, *, meter: TransferMeter, timeout_s: float, **kwargs):
        kwargs["timeout"] = timeout_s
        super().__init__(host, **kwargs)
        self._start_metering(meter)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, meter: TransferMeter, timeout_s: float):
        super().__init__()
        self._connection = partial(MeteredHTTPConnection, meter=meter, timeout_s=timeout_s)

    def http_open(self, req):
        return self.do_open(self._connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, meter: TransferMeter, timeout_s: float, context: ssl.SSLContext | None):
        super().__init__(context=context)
        self._connection = partial(MeteredHTTPSConnection, meter=meter, timeout_s=timeout_s)

    def https_open(self, req):
        return self.do_open(self._connection, req, context=self._context)


def metered_opener(
    meter: TransferMeter,
    timeout_s: float,
    *,
    user_agent: str = "readiness",
    context: ssl.SSLContext | None = None,
) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # the system's proxies, as speedtest-cli does
        _HTTPHandler(meter, timeout_s),
        _HTTPSHandler(meter, timeout_s, context),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    opener.addheaders = [("User-Agent", user_agent)]
    return opener
