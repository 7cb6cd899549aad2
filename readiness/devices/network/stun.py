"""STUN messages (RFC 8489), as much as a Binding exchange needs: encode, decode, check.

The UDP probe (``udp_probe``) sends Binding requests and reads the answers; the
tests' STUN responder builds answers with the same code. The codec is checked
against RFC 5769's sample messages (tests/test_stun.py), including their
MESSAGE-INTEGRITY (HMAC-SHA1, short-term credentials) and FINGERPRINT (CRC-32).

Everything received is untrusted: ``decode`` raises ``StunError`` and nothing else
on a malformed datagram, whatever its bytes.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import struct
import zlib
from dataclasses import dataclass

MAGIC_COOKIE = 0x2112A442
HEADER_SIZE = 20
TRANSACTION_ID_SIZE = 12

# Message types (method Binding, with its class bits).
BINDING_REQUEST = 0x0001
BINDING_SUCCESS = 0x0101
BINDING_ERROR = 0x0111

# Attributes (RFC 8489 section 18.3; RFC 8445 for PRIORITY and ICE-CONTROLLED).
MAPPED_ADDRESS = 0x0001
USERNAME = 0x0006
MESSAGE_INTEGRITY = 0x0008
ERROR_CODE = 0x0009
XOR_MAPPED_ADDRESS = 0x0020
PRIORITY = 0x0024
SOFTWARE = 0x8022
FINGERPRINT = 0x8028
ICE_CONTROLLED = 0x8029

#: What FINGERPRINT's CRC-32 is XOR-ed with ("STUN" in ASCII), so that it differs from
#: any CRC an other protocol sharing the port might carry.
_FINGERPRINT_XOR = 0x5354554E
_IPV4, _IPV6 = 0x01, 0x02
#: A UDP datagram's largest payload: nothing longer is a STUN message.
MAX_SIZE = 65507


class StunError(ValueError):
    """Not a well-formed STUN message (or a FINGERPRINT that does not match)."""


@dataclass(frozen=True)
class Message:
    """A decoded STUN message; ``attributes`` keeps their order and raw values."""

    type: int
    transaction_id: bytes
    attributes: tuple[tuple[int, bytes], ...] = ()

    def attribute(self, kind: int) -> bytes | None:
        """The first value of that attribute (RFC 8489: later duplicates are ignored)."""
        for attribute_type, value in self.attributes:
            if attribute_type == kind:
                return value
        return None

    @property
    def is_response(self) -> bool:
        """A success or an error answer (class bits 0x0100 / 0x0110), to any method."""
        return bool(self.type & 0x0100)

    def mapped_address(self) -> tuple[str, int] | None:
        """The address the server saw us from: XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS."""
        value = self.attribute(XOR_MAPPED_ADDRESS)
        if value is not None:
            return _read_address(value, xor_with=self.transaction_id)
        value = self.attribute(MAPPED_ADDRESS)
        return _read_address(value) if value is not None else None

    def software(self) -> str | None:
        value = self.attribute(SOFTWARE)
        return value.decode("utf-8", "replace") if value is not None else None


def new_transaction_id() -> bytes:
    """96 random bits (RFC 8489 section 5: cryptographically random)."""
    return os.urandom(TRANSACTION_ID_SIZE)


def encode(
    message_type: int,
    transaction_id: bytes,
    attributes: tuple[tuple[int, bytes], ...] = (),
    *,
    integrity_key: bytes | None = None,
    fingerprint: bool = True,
    padding: bytes = b"\x00",
) -> bytes:
    """A message with ``attributes`` in order, then MESSAGE-INTEGRITY (with
    ``integrity_key``) and FINGERPRINT. ``padding`` fills each value to 4 bytes
    (any byte will do: RFC 5769's samples use spaces)."""
    if len(transaction_id) != TRANSACTION_ID_SIZE:
        raise ValueError("a transaction id is 12 bytes")
    if message_type >> 14:
        raise ValueError("a message type is 14 bits")
    body = b"".join(_attribute(kind, value, padding) for kind, value in attributes)
    if integrity_key is not None:
        # The HMAC covers the header with a length that already counts MESSAGE-INTEGRITY.
        covered = _header(message_type, len(body) + 24, transaction_id) + body
        digest = hmac.new(integrity_key, covered, hashlib.sha1).digest()
        body += _attribute(MESSAGE_INTEGRITY, digest, padding)
    if fingerprint:
        covered = _header(message_type, len(body) + 8, transaction_id) + body
        crc = (zlib.crc32(covered) ^ _FINGERPRINT_XOR) & 0xFFFFFFFF
        body += _attribute(FINGERPRINT, struct.pack("!I", crc), padding)
    return _header(message_type, len(body), transaction_id) + body


def decode(data: bytes) -> Message:
    """The message in ``data``; raises StunError if it is not one (wrong size, cookie,
    attribute lengths, or a FINGERPRINT that does not match its bytes)."""
    if not HEADER_SIZE <= len(data) <= MAX_SIZE:
        raise StunError("wrong size")
    message_type, length, cookie = struct.unpack_from("!HHI", data)
    if message_type >> 14:
        raise StunError("the first two bits of a STUN message are zero")
    if cookie != MAGIC_COOKIE:
        raise StunError("no magic cookie")
    if length % 4 or HEADER_SIZE + length != len(data):
        raise StunError("the length does not match the datagram")
    transaction_id = bytes(data[8:HEADER_SIZE])
    attributes: list[tuple[int, bytes]] = []
    offset = HEADER_SIZE
    while offset < len(data):
        if offset + 4 > len(data):
            raise StunError("truncated attribute header")
        kind, size = struct.unpack_from("!HH", data, offset)
        start = offset + 4
        end = start + size
        if end > len(data):
            raise StunError("an attribute runs past the message")
        value = bytes(data[start:end])
        if kind == FINGERPRINT:
            _check_fingerprint(data, offset, value)
            if end + (-size % 4) != len(data):
                raise StunError("FINGERPRINT must be the last attribute")
        attributes.append((kind, value))
        offset = end + (-size % 4)
    return Message(message_type, transaction_id, tuple(attributes))


def integrity_matches(data: bytes, key: bytes) -> bool:
    """True when ``data``'s MESSAGE-INTEGRITY is the HMAC-SHA1 of what precedes it under
    ``key`` (the password for short-term credentials; RFC 8489 section 14.5). False when
    there is none or it differs; raises StunError if ``data`` is not a STUN message."""
    decode(data)  # well-formed first: the walk below trusts the lengths
    offset = HEADER_SIZE
    while offset + 4 <= len(data):
        kind, size = struct.unpack_from("!HH", data, offset)
        if kind == MESSAGE_INTEGRITY:
            if size != 20:
                return False
            # The length field as if MESSAGE-INTEGRITY were the last attribute.
            header = struct.pack("!HH", _type_of(data), offset + 24 - HEADER_SIZE) + data[4:20]
            expected = hmac.new(key, header + data[HEADER_SIZE:offset], hashlib.sha1).digest()
            return hmac.compare_digest(expected, data[offset + 4 : offset + 24])
        offset += 4 + size + (-size % 4)
    return False


def binding_request(transaction_id: bytes, *, software: str = "") -> bytes:
    """A Binding request, as small as useful: SOFTWARE (optional) and FINGERPRINT."""
    attributes = ((SOFTWARE, software.encode("utf-8")),) if software else ()
    return encode(BINDING_REQUEST, transaction_id, attributes)


def binding_success(
    transaction_id: bytes, address: tuple[str, int], *, software: str = ""
) -> bytes:
    """A Binding success answer telling ``address`` (host, port) as XOR-MAPPED-ADDRESS."""
    attributes: list[tuple[int, bytes]] = []
    if software:
        attributes.append((SOFTWARE, software.encode("utf-8")))
    attributes.append((XOR_MAPPED_ADDRESS, xor_address(address, transaction_id)))
    return encode(BINDING_SUCCESS, transaction_id, tuple(attributes))


def xor_address(address: tuple[str, int], transaction_id: bytes) -> bytes:
    """XOR-MAPPED-ADDRESS's value: family, port and address XOR-ed with the magic cookie
    (and, for IPv6, the transaction id)."""
    host, port = address
    ip = ipaddress.ip_address(host)
    family = _IPV4 if ip.version == 4 else _IPV6
    mask = struct.pack("!I", MAGIC_COOKIE) + (transaction_id if family == _IPV6 else b"")
    packed = bytes(a ^ b for a, b in zip(ip.packed, mask, strict=True))
    return struct.pack("!BBH", 0, family, port ^ (MAGIC_COOKIE >> 16)) + packed


def _read_address(value: bytes, *, xor_with: bytes | None = None) -> tuple[str, int] | None:
    if len(value) < 4:
        return None
    _reserved, family, port = struct.unpack_from("!BBH", value)
    size = {_IPV4: 4, _IPV6: 16}.get(family)
    if size is None or len(value) != 4 + size:
        return None
    raw = value[4:]
    if xor_with is not None:
        port ^= MAGIC_COOKIE >> 16
        mask = struct.pack("!I", MAGIC_COOKIE) + (xor_with if family == _IPV6 else b"")
        raw = bytes(a ^ b for a, b in zip(raw, mask, strict=True))
    return str(ipaddress.ip_address(raw)), port


def _check_fingerprint(data: bytes, offset: int, value: bytes) -> None:
    if len(value) != 4:
        raise StunError("FINGERPRINT is 4 bytes")
    # The CRC covers the header with a length that ends at FINGERPRINT.
    header = struct.pack("!HH", _type_of(data), offset + 8 - HEADER_SIZE) + data[4:20]
    crc = (zlib.crc32(header + data[HEADER_SIZE:offset]) ^ _FINGERPRINT_XOR) & 0xFFFFFFFF
    if struct.unpack("!I", value)[0] != crc:
        raise StunError("FINGERPRINT does not match")


def _type_of(data: bytes) -> int:
    return struct.unpack_from("!H", data)[0]


def _header(message_type: int, length: int, transaction_id: bytes) -> bytes:
    return struct.pack("!HHI", message_type, length, MAGIC_COOKIE) + transaction_id


def _attribute(kind: int, value: bytes, padding: bytes) -> bytes:
    if len(value) > 0xFFFF:
        raise ValueError("an attribute value is at most 65535 bytes")
    return struct.pack("!HH", kind, len(value)) + value + padding[:1] * (-len(value) % 4)
