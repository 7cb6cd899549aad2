"""The session configuration: reading, validating and locating ``session.toml``.

What a configuration holds, and the reading that ties the parts together: the file
found and read (``config_file``), its unknown keys warned about (``config_keys``),
each value checked (``config_values``, ``config_devices``, ``config_branding``, through
``config_reader``), a refusal explained (``config_error``). The rest of the app imports
from here only.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from readiness.core import config_branding, config_values
from readiness.core.config_branding import Logo
from readiness.core.config_devices import device_choice
from readiness.core.config_error import ConfigError
from readiness.core.config_file import (
    FILE_NAME,
    MAX_FILE_BYTES,
    default_locations,
    locate,
    read_text,
)
from readiness.core.config_keys import KNOWN_KEYS, unknown_keys
from readiness.core.config_reader import (
    MAX_DEVICE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    Reader,
)
from readiness.core.config_values import Contact
from readiness.core.contrast import RGB
from readiness.core.device_choice import DeviceChoice
from readiness.core.i18n import translate
from readiness.core.meeting import group_meeting_id

__all__ = [
    "FILE_NAME",
    "KNOWN_KEYS",
    "MAX_DEVICE_LENGTH",
    "MAX_FILE_BYTES",
    "MAX_NAME_LENGTH",
    "MAX_TEXT_LENGTH",
    "ConfigError",
    "Contact",
    "LoadedConfig",
    "Logo",
    "SessionConfig",
    "default_locations",
    "load_session",
    "parse_session",
    "read_session_file",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SessionConfig:
    organisation: str
    meeting_id: str  # bare digits
    passcode: str
    support: Contact
    escalate_after_minutes: int = 5
    accessibility: Contact = Contact(name="")  # noqa: RUF009 - frozen, safe to share
    devices: DeviceChoice = field(default_factory=DeviceChoice)
    session_start: datetime | None = None  # local time
    #: The organisation's logo ([organisation] logo), read and checked; None: none.
    logo: Logo | None = None
    #: [organisation] accent_color; None: the system's colours.
    accent_color: RGB | None = None
    #: French sentences about what the file holds but the app ignores (unknown keys).
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def meeting_id_grouped(self) -> str:
        return group_meeting_id(self.meeting_id)


@dataclass(frozen=True)
class LoadedConfig:
    config: SessionConfig
    path: Path
    #: "option", "beside-program", "user", or "default"
    origin: str

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.config.warnings


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_session(text: str, path: Path) -> SessionConfig:
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        # RecursionError: arrays or tables nested thousands deep, which tomllib recurses into.
        match = _TOML_POSITION.search(str(exc))
        line = int(match.group(1)) if match else None
        log.warning("TOML error in %s: %s", path, exc)
        raise ConfigError(
            path,
            translate(
                "Config",
                "Son contenu n'est pas écrit au format TOML attendu "
                '(par exemple : clé = "valeur").',
            ),
            line=line,
        ) from None

    warnings = unknown_keys(data, text, path)
    try:
        config = _session_config(Reader(data, text, path))
    except ConfigError as error:
        raise ConfigError(
            path, error.problem, key=error.key, line=error.line, notes=warnings
        ) from None
    return replace(config, warnings=warnings)


def _session_config(reader: Reader) -> SessionConfig:
    data = reader.data
    for name, required in (("organisation", True), ("meeting", True), ("support", True)):
        reader.section(name, required=required)
    reader.section("accessibility", required=False)
    reader.section("devices", required=False)
    reader.section("session", required=False)
    reader.section("network", required=False)

    organisation = reader.text_value("organisation", "name", required=True)
    meeting_id = config_values.meeting_id(reader, data["meeting"].get("id"))
    passcode = config_values.passcode(reader, data["meeting"].get("passcode"))
    support = config_values.contact(reader, "support", required=True)
    escalate = config_values.minutes(reader, data["support"].get("escalate_after_minutes", 5))
    accessibility = config_values.contact(reader, "accessibility", required=False)
    devices = device_choice(reader)
    session_start = config_values.session_start(reader, data.get("session", {}).get("start"))
    accent = config_branding.accent_color(reader)
    logo = config_branding.logo(reader)  # last: it reads a file
    return SessionConfig(
        organisation=organisation,
        meeting_id=meeting_id,
        passcode=passcode,
        support=support,
        escalate_after_minutes=escalate,
        accessibility=accessibility,
        devices=devices,
        session_start=session_start,
        logo=logo,
        accent_color=accent,
    )


def read_session_file(path: Path) -> SessionConfig:
    return parse_session(read_text(path), path)


def load_session(
    explicit: Path | None = None,
    *,
    beside_program: Path | None = None,
    user_file: Path | None = None,
    default_file: Path | None = None,
) -> LoadedConfig:
    """The first configuration found: ``--config``, beside the program, the user's, the default.

    A file that exists but is wrong raises ConfigError: falling back silently to
    another meeting would send the beneficiary to the wrong room.
    """
    path, origin = locate(
        explicit, beside_program=beside_program, user_file=user_file, default_file=default_file
    )
    return LoadedConfig(read_session_file(path), path, origin)
