"""A light probe of the line: resolve a name, then open (and close) a TCP connection."""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LineProbe:
    host: str = "zoom.us"
    port: int = 443
    timeout_s: float = 2.0

    def __call__(self) -> bool:
        try:
            addresses = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            log.info("probe: cannot resolve %s: %s", self.host, exc)
            return False
        for family, kind, proto, _name, address in addresses:
            try:
                with socket.socket(family, kind, proto) as connection:
                    connection.settimeout(self.timeout_s)
                    connection.connect(address)
                    return True
            except OSError as exc:
                log.info("probe: %s unreachable: %s", address, exc)
        return False
