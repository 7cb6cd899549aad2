"""The STUN codec against RFC 5769's sample messages, and against malformed datagrams."""

import hashlib
import random

import pytest

from readiness.devices.network import stun

# RFC 5769, section 2: the samples, byte for byte (padding bytes are spaces there).
PASSWORD = b"VOkJxbRl1RmTxUk/WvJxBt"
TRANSACTION_ID = bytes.fromhex("b7e7a701bc34d686fa87dfae")

SAMPLE_REQUEST = bytes.fromhex(
    "00010058"
    "2112a442"
    "b7e7a701bc34d686fa87dfae"
    "80220010" + b"STUN test client".hex() + "00240004"
    "6e0001ff"
    "80290008"
    "932ff9b151263b36"
    "00060009" + b"evtj:h6vY   ".hex() + "00080014"
    "9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
    "80280004"
    "e57a3bcf"
)

SAMPLE_IPV4_RESPONSE = bytes.fromhex(
    "0101003c"
    "2112a442"
    "b7e7a701bc34d686fa87dfae"
    "8022000b" + b"test vector ".hex() + "00200008"
    "0001a147e112a643"
    "00080014"
    "2b91f599fd9e90c38c7489f92af9ba53f06be7d7"
    "80280004"
    "c07d4c96"
)

SAMPLE_IPV6_RESPONSE = bytes.fromhex(
    "01010048"
    "2112a442"
    "b7e7a701bc34d686fa87dfae"
    "8022000b" + b"test vector ".hex() + "00200014"
    "0002a147"
    "0113a9faa5d3f179bc25f4b5bed2b9d9"
    "00080014"
    "a382954e4be67bf11784c97c8292c275bfe3ed41"
    "80280004"
    "c8fb0b4c"
)

# Section 2.4: long-term credentials, MESSAGE-INTEGRITY and no FINGERPRINT.
LONG_TERM_REQUEST = bytes.fromhex(
    "00010060"
    "2112a442"
    "78ad3433c6ad72c029da412e"
    "00060012"
    "e3839ee38388e383aae38383e382afe382b90000"
    "0015001c"
    + b"f//499k954d6OL34oL9FSTvy64sA".hex()
    + "0014000b"
    + b"example.org\x00".hex()
    + "00080014"
    "f67024656dd64a3e02b8e0712e85c9a28ca89666"
)


def test_the_sample_request_decodes_and_its_checks_hold() -> None:
    message = stun.decode(SAMPLE_REQUEST)
    assert message.type == stun.BINDING_REQUEST and not message.is_response
    assert message.transaction_id == TRANSACTION_ID
    assert message.software() == "STUN test client"
    assert message.attribute(stun.USERNAME) == b"evtj:h6vY"
    assert message.attribute(stun.PRIORITY) == bytes.fromhex("6e0001ff")
    assert message.attribute(stun.ICE_CONTROLLED) == bytes.fromhex("932ff9b151263b36")
    assert [kind for kind, _ in message.attributes][-2:] == [
        stun.MESSAGE_INTEGRITY,
        stun.FINGERPRINT,
    ]
    assert stun.integrity_matches(SAMPLE_REQUEST, PASSWORD)
    assert not stun.integrity_matches(SAMPLE_REQUEST, b"not the password")


@pytest.mark.parametrize(
    ("sample", "address"),
    [
        (SAMPLE_IPV4_RESPONSE, ("192.0.2.1", 32853)),
        (SAMPLE_IPV6_RESPONSE, ("2001:db8:1234:5678:11:2233:4455:6677", 32853)),
    ],
)
def test_the_sample_responses_give_the_mapped_address(sample: bytes, address) -> None:
    message = stun.decode(sample)
    assert message.type == stun.BINDING_SUCCESS and message.is_response
    assert message.transaction_id == TRANSACTION_ID
    assert message.software() == "test vector"
    assert message.mapped_address() == address
    assert stun.integrity_matches(sample, PASSWORD)


@pytest.mark.parametrize(
    ("sample", "address"),
    [
        (SAMPLE_IPV4_RESPONSE, ("192.0.2.1", 32853)),
        (SAMPLE_IPV6_RESPONSE, ("2001:db8:1234:5678:11:2233:4455:6677", 32853)),
    ],
)
def test_encoding_gives_the_sample_responses_byte_for_byte(sample: bytes, address) -> None:
    attributes = (
        (stun.SOFTWARE, b"test vector"),
        (stun.XOR_MAPPED_ADDRESS, stun.xor_address(address, TRANSACTION_ID)),
    )
    encoded = stun.encode(
        stun.BINDING_SUCCESS,
        TRANSACTION_ID,
        attributes,
        integrity_key=PASSWORD,
        padding=b" ",
    )
    assert encoded == sample  # MESSAGE-INTEGRITY and FINGERPRINT included


def test_encoding_gives_the_sample_request_byte_for_byte() -> None:
    attributes = (
        (stun.SOFTWARE, b"STUN test client"),
        (stun.PRIORITY, bytes.fromhex("6e0001ff")),
        (stun.ICE_CONTROLLED, bytes.fromhex("932ff9b151263b36")),
        (stun.USERNAME, b"evtj:h6vY"),
    )
    encoded = stun.encode(
        stun.BINDING_REQUEST, TRANSACTION_ID, attributes, integrity_key=PASSWORD, padding=b" "
    )
    assert encoded == SAMPLE_REQUEST


def test_the_long_term_sample_checks_with_its_key() -> None:
    message = stun.decode(LONG_TERM_REQUEST)
    assert message.attribute(stun.FINGERPRINT) is None
    # RFC 8489 section 9.2.2: key = MD5(username ":" realm ":" password), after SASLprep.
    key = hashlib.md5("マトリックス:example.org:TheMatrIX".encode()).digest()
    assert stun.integrity_matches(LONG_TERM_REQUEST, key)


def test_a_changed_byte_breaks_the_fingerprint() -> None:
    changed = bytearray(SAMPLE_IPV4_RESPONSE)
    changed[30] ^= 0x01  # inside the SOFTWARE value
    with pytest.raises(stun.StunError, match="FINGERPRINT"):
        stun.decode(bytes(changed))


def test_the_probes_request_and_the_responders_answer_round_trip() -> None:
    transaction_id = stun.new_transaction_id()
    request = stun.binding_request(transaction_id, software="readiness")
    assert len(request) == 44  # small: a header, SOFTWARE and FINGERPRINT
    decoded = stun.decode(request)
    assert (decoded.type, decoded.transaction_id) == (stun.BINDING_REQUEST, transaction_id)
    assert decoded.software() == "readiness"
    for address in (("203.0.113.7", 50000), ("2001:db8::1", 3478)):
        answer = stun.decode(stun.binding_success(transaction_id, address))
        assert answer.is_response and answer.mapped_address() == address
    assert stun.new_transaction_id() != transaction_id


def test_an_answer_with_only_the_old_mapped_address_is_read() -> None:
    value = bytes.fromhex("0001") + (8080).to_bytes(2, "big") + bytes([198, 51, 100, 2])
    data = stun.encode(
        stun.BINDING_SUCCESS, TRANSACTION_ID, ((stun.MAPPED_ADDRESS, value),), fingerprint=False
    )
    assert stun.decode(data).mapped_address() == ("198.51.100.2", 8080)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "size"),
        (SAMPLE_REQUEST[:19], "size"),
        (b"\xc0" + SAMPLE_REQUEST[1:], "two bits"),
        (SAMPLE_REQUEST[:4] + b"\x00\x00\x00\x00" + SAMPLE_REQUEST[8:], "cookie"),
        (SAMPLE_REQUEST[:-4], "length"),
        (SAMPLE_REQUEST + b"\x00\x00\x00\x00", "length"),
        # An attribute that claims more bytes than the message has.
        (
            bytes.fromhex("00010008 2112a442")
            + TRANSACTION_ID
            + bytes.fromhex("80220040 41414141"),
            "past the message",
        ),
        # FINGERPRINT followed by another attribute.
        (
            SAMPLE_IPV4_RESPONSE[:2]
            + b"\x00\x44"
            + SAMPLE_IPV4_RESPONSE[4:]
            + bytes.fromhex("80220004 41414141"),
            "FINGERPRINT",
        ),
    ],
)
def test_malformed_datagrams_are_refused_with_a_stun_error(data: bytes, why: str) -> None:
    with pytest.raises(stun.StunError, match=why):
        stun.decode(data)


def test_random_and_mangled_bytes_never_raise_anything_but_a_stun_error() -> None:
    """Anything may arrive on the probe's socket: decoding fails cleanly or succeeds."""
    generator = random.Random(5769)
    samples = [SAMPLE_REQUEST, SAMPLE_IPV4_RESPONSE, SAMPLE_IPV6_RESPONSE]
    for _ in range(3000):
        if generator.random() < 0.5:
            data = bytes(generator.randrange(256) for _ in range(generator.randrange(64)))
            data = bytes.fromhex("0101") + data[2:4] + b"\x21\x12\xa4\x42" + data[8:]
        else:
            data = bytearray(generator.choice(samples))
            for _ in range(generator.randrange(1, 4)):
                data[generator.randrange(len(data))] = generator.randrange(256)
            data = bytes(data[: generator.randrange(len(data) + 1)])
        try:
            message = stun.decode(data)
        except stun.StunError:
            continue
        message.mapped_address()  # what the probe may read: never an exception
        message.software()
