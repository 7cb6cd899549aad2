"""[devices] and [network] in session.toml: the camera, microphone and speakers chosen,
the speed-test and STUN servers, the early network test; together a DeviceChoice."""

from __future__ import annotations

from readiness.core.config_reader import MAX_DEVICE_LENGTH, Reader, text_problem
from readiness.core.device_choice import (
    MAX_STUN_SERVERS,
    DeviceChoice,
    stun_server,
    stun_server_text,
)
from readiness.core.i18n import translate
from readiness.core.web_address import Kind, WebAddressError, checked_web_address


def device_choice(reader: Reader) -> DeviceChoice:
    """The devices and network values, each checked; missing ones keep their default."""
    return DeviceChoice(
        camera=_device(reader, "camera"),
        input_device=_device(reader, "input_device"),
        output_device=_device(reader, "output_device"),
        speedtest_server=_web_address(reader, "speedtest_server") or None,
        speed_service=_web_address(reader, "speed_service"),
        stun_servers=_stun_servers(reader),
        early_network_test=_early_test(reader),
    )


def _device(reader: Reader, key: str) -> str | None:
    """A device index (number) or name (text); empty means the system's default."""
    value = reader.data.get("devices", {}).get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str):
        problem = text_problem(value.strip(), MAX_DEVICE_LENGTH)
        if problem is not None:
            raise reader.fail("devices", key, problem)
        return value.strip() or None
    raise reader.fail(
        "devices",
        key,
        translate(
            "Config", "Un numéro d'appareil (0, 1, …) ou un nom entre guillemets est attendu."
        ),
    )


def _web_address(reader: Reader, key: str) -> str | None:
    """A web address in [network]: missing is None (the default), "" is kept (none)."""
    value = reader.data.get("network", {}).get(key)
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        return ""
    try:
        # Not a text: the message that says what an address starts with, and an example.
        return checked_web_address(value if isinstance(value, str) else "", Kind(key))
    except WebAddressError as error:
        raise reader.fail("network", key, error.problem) from None


def _early_test(reader: Reader) -> bool:
    """[network] early_test: true (the default) or false."""
    value = reader.data.get("network", {}).get("early_test", True)
    if not isinstance(value, bool):
        raise reader.fail(
            "network",
            "early_test",
            translate("Config", "« true » ou « false » est attendu (sans guillemets)."),
        )
    return value


def _stun_servers(reader: Reader) -> tuple[str, ...] | None:
    """[network] stun_servers: a list of "host:port"; missing is None (the app's public
    servers), an empty list () (no UDP probe)."""
    value = reader.data.get("network", {}).get("stun_servers")
    if value is None:
        return None
    example = translate(
        "Config",
        "Une liste d'adresses de serveurs STUN est attendue ({max} au plus), par exemple "
        '["stun.exemple.fr:3478"].',
    ).format(max=MAX_STUN_SERVERS)
    if not isinstance(value, list) or len(value) > MAX_STUN_SERVERS:
        raise reader.fail("network", "stun_servers", example)
    servers = []
    for number, item in enumerate(value, start=1):
        address = stun_server(item) if isinstance(item, str) else None
        if address is None:
            raise reader.fail(
                "network",
                "stun_servers",
                translate(
                    "Config",
                    "L'adresse n° {number} n'est pas celle d'un serveur STUN : un nom ou une "
                    "adresse IP, puis « : » et un port entre 1 et 65535, par exemple "
                    "« stun.exemple.fr:3478 ».",
                ).format(number=number),
            )
        servers.append(stun_server_text(address))
    return tuple(servers)
