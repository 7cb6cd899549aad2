"""The session configuration: reading, validating and locating ``session.toml``."""

from __future__ import annotations

import logging
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from readiness.core.contact import is_plausible_email, is_plausible_phone
from readiness.core.device_choice import (
    MAX_STUN_SERVERS,
    DeviceChoice,
    stun_server,
    stun_server_text,
)
from readiness.core.i18n import pick, translate
from readiness.core.meeting import group_meeting_id, is_valid_passcode, normalize_meeting_id
from readiness.user_dirs import user_config_dir

log = logging.getLogger(__name__)

FILE_NAME = "session.toml"


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str = ""
    email: str = ""
    role: str = ""
    #: The role in English (``role_en``), for the English interface; else ``role``.
    role_en: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.phone or self.email)

    def role_text(self) -> str:
        return pick({"fr": self.role, "en": self.role_en})


@dataclass(frozen=True)
class SessionConfig:
    organisation: str
    meeting_id: str  # bare digits
    passcode: str
    support: Contact
    escalate_after_minutes: int = 5
    accessibility: Contact = Contact(name="")
    devices: DeviceChoice = field(default_factory=DeviceChoice)
    session_start: datetime | None = None  # local time

    @property
    def meeting_id_grouped(self) -> str:
        return group_meeting_id(self.meeting_id)


@dataclass(frozen=True)
class LoadedConfig:
    config: SessionConfig
    path: Path
    #: "option", "beside-program", "user", or "default"
    origin: str


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is a French paragraph."""

    def __init__(self, path: Path, problem: str, *, key: str = "", line: int | None = None):
        self.path = path
        self.key = key
        self.line = line
        self.problem = problem
        super().__init__(self.message())

    def message(self) -> str:
        where = translate(
            "Config", "Le fichier de configuration « {path} » ne peut pas être utilisé"
        ).format(path=self.path)
        if self.key.startswith("["):
            place = translate("Config", "section {key}").format(key=self.key)
        elif self.key:
            place = translate("Config", "clé « {key} »").format(key=self.key)
        else:
            place = ""
        if place and self.line:
            where += translate("Config", " : {place} (ligne {line})").format(
                place=place, line=self.line
            )
        elif place:
            where += translate("Config", " : {place}").format(place=place)
        elif self.line:
            where += translate("Config", " (ligne {line})").format(line=self.line)
        return f"{where}. {self.problem} " + translate(
            "Config",
            "Corrigez ce fichier, ou prévenez la personne qui vous a envoyé l'application.",
        )


# --- parsing -----------------------------------------------------------------

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _line_of(text: str, section: str, key: str | None) -> int | None:
    """The line where ``[section]`` (or ``key`` inside it) is written, for messages."""
    in_section = False
    header = re.compile(r"^\s*\[\s*" + re.escape(section) + r"\s*\]\s*(#.*)?$")
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^\s*\[", line):
            in_section = bool(header.match(line))
            if in_section and key is None:
                return number
            continue
        if in_section and key and re.match(r"^\s*" + re.escape(key) + r"\s*=", line):
            return number
    return None


class _Reader:
    """Pulls typed values out of the parsed TOML, raising ConfigError with the key and line."""

    def __init__(self, data: Mapping[str, Any], text: str, path: Path):
        self.data, self.text, self.path = data, text, path

    def fail(self, section: str, key: str | None, problem: str) -> ConfigError:
        dotted = f"{section}.{key}" if key else f"[{section}]"
        return ConfigError(self.path, problem, key=dotted, line=_line_of(self.text, section, key))

    def section(self, name: str, *, required: bool) -> Mapping[str, Any]:
        value = self.data.get(name)
        if value is None:
            if required:
                raise ConfigError(
                    self.path,
                    translate("Config", "La section [{name}] est obligatoire.").format(name=name),
                    key=f"[{name}]",
                )
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(
                name,
                None,
                translate("Config", "Une section [{name}] est attendue.").format(name=name),
            )
        return value

    def text_value(self, section: str, key: str, *, required: bool) -> str:
        value = self.data.get(section, {}).get(key)
        if value is None:
            if required:
                raise self.fail(
                    section,
                    None,
                    translate("Config", "La clé « {key} » est obligatoire.").format(key=key),
                )
            return ""
        if not isinstance(value, str):
            raise self.fail(
                section, key, translate("Config", "Un texte entre guillemets est attendu.")
            )
        value = value.strip()
        if required and not value:
            raise self.fail(
                section, key, translate("Config", "Cette valeur ne peut pas être vide.")
            )
        return value


def parse_session(text: str, path: Path) -> SessionConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
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

    reader = _Reader(data, text, path)
    for name, required in (("organisation", True), ("meeting", True), ("support", True)):
        reader.section(name, required=required)
    reader.section("accessibility", required=False)
    reader.section("devices", required=False)
    reader.section("session", required=False)
    reader.section("network", required=False)

    organisation = reader.text_value("organisation", "name", required=True)
    meeting_id = _meeting_id(reader, data["meeting"].get("id"))
    passcode = _passcode(reader, data["meeting"].get("passcode"))
    support = _contact(reader, "support", required=True)
    escalate = _minutes(reader, data["support"].get("escalate_after_minutes", 5))
    accessibility = _contact(reader, "accessibility", required=False)
    devices = DeviceChoice(
        camera=_device(reader, "camera"),
        input_device=_device(reader, "input_device"),
        output_device=_device(reader, "output_device"),
        speedtest_server=_web_address(reader, "speedtest_server") or None,
        speed_service=_web_address(reader, "speed_service"),
        stun_servers=_stun_servers(reader),
        early_network_test=_early_test(reader),
    )
    session_start = _session_start(reader, data.get("session", {}).get("start"))
    return SessionConfig(
        organisation=organisation,
        meeting_id=meeting_id,
        passcode=passcode,
        support=support,
        escalate_after_minutes=escalate,
        accessibility=accessibility,
        devices=devices,
        session_start=session_start,
    )


def _meeting_id(reader: _Reader, value: Any) -> str:
    expected = translate(
        "Config",
        "Un identifiant de réunion Zoom de 9 à 11 chiffres est attendu, "
        "par exemple « 659 515 5541 ».",
    )
    if value is None:
        raise reader.fail(
            "meeting", None, translate("Config", "La clé « id » est obligatoire.") + " " + expected
        )
    raw = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    digits = normalize_meeting_id(raw) if isinstance(raw, str) else None
    if digits is None:
        raise reader.fail("meeting", "id", expected)
    return digits


def _passcode(reader: _Reader, value: Any) -> str:
    if value is None:
        raise reader.fail(
            "meeting", None, translate("Config", "La clé « passcode » est obligatoire.")
        )
    if not isinstance(value, str) or not is_valid_passcode(value):
        raise reader.fail(
            "meeting",
            "passcode",
            translate(
                "Config",
                "Le code d'accès doit être un texte entre guillemets, non vide, "
                "sans espace ni caractère invisible.",
            ),
        )
    return value


def _contact(reader: _Reader, section: str, *, required: bool) -> Contact:
    name = reader.text_value(section, "name", required=required)
    phone = reader.text_value(section, "phone", required=False)
    email = reader.text_value(section, "email", required=False)
    role = reader.text_value(section, "role", required=False)
    role_en = reader.text_value(section, "role_en", required=False)
    if phone and not is_plausible_phone(phone):
        raise reader.fail(
            section,
            "phone",
            translate(
                "Config", "Un numéro de téléphone est attendu, par exemple « 06 20 15 15 32 »."
            ),
        )
    if email and not is_plausible_email(email):
        raise reader.fail(
            section,
            "email",
            translate(
                "Config", "Une adresse e-mail est attendue, par exemple « contact@exemple.fr »."
            ),
        )
    if required and not (phone or email):
        raise reader.fail(
            section,
            None,
            translate("Config", "Indiquez au moins un téléphone (phone) ou un e-mail (email)."),
        )
    return Contact(name=name, phone=phone, email=email, role=role, role_en=role_en)


def _session_start(reader: _Reader, value: Any) -> datetime | None:
    """A TOML date and time (2026-12-01T14:00:00, with or without offset); "" means none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        # An offset means "that moment": show it in the computer's own time zone.
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, str):
        try:
            return _session_start(reader, datetime.fromisoformat(value.strip()))
        except ValueError:
            pass  # explained below
    # A date alone or a time alone is not enough to plan the session either.
    raise reader.fail(
        "session",
        "start",
        translate(
            "Config", "Une date et une heure sont attendues, par exemple 2026-12-01T14:00:00."
        ),
    )


def _web_address(reader: _Reader, key: str) -> str | None:
    """A web address in [network]: missing is None (the default), "" is kept (none)."""
    value = reader.data.get("network", {}).get(key)
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else None
    if text is None or (text and not re.match(r"^https?://[^/\s]+", text)):
        raise reader.fail(
            "network",
            key,
            translate(
                "Config",
                "Une adresse web entre guillemets est attendue, par exemple "
                "« https://speedtest.exemple.fr:8080/speedtest/upload.php ».",
            ),
        )
    return text


def _early_test(reader: _Reader) -> bool:
    """[network] early_test: true (the default) or false."""
    value = reader.data.get("network", {}).get("early_test", True)
    if not isinstance(value, bool):
        raise reader.fail(
            "network",
            "early_test",
            translate("Config", "« true » ou « false » est attendu (sans guillemets)."),
        )
    return value


def _stun_servers(reader: _Reader) -> tuple[str, ...] | None:
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


def _device(reader: _Reader, key: str) -> str | None:
    """A device index (number) or name (text); empty means the system's default."""
    value = reader.data.get("devices", {}).get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    raise reader.fail(
        "devices",
        key,
        translate(
            "Config", "Un numéro d'appareil (0, 1, …) ou un nom entre guillemets est attendu."
        ),
    )


def _minutes(reader: _Reader, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise reader.fail(
            "support",
            "escalate_after_minutes",
            translate("Config", "Un nombre entier de minutes entre 1 et 60 est attendu."),
        )
    return value


# --- locating ----------------------------------------------------------------


def read_session_file(path: Path) -> SessionConfig:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(path, translate("Config", "Ce fichier est introuvable.")) from None
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        raise ConfigError(
            path, translate("Config", "Ce fichier ne peut pas être lu (droits d'accès ?).")
        ) from None
    try:
        # A BOM, as Notepad writes, is dropped (by hand: the utf-8-sig codec is one
        # more module to import at start-up).
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(
            path, translate("Config", "Ce fichier doit être enregistré en UTF-8 (texte brut).")
        ) from None
    return parse_session(text, path)


def default_locations(
    *, frozen: bool | None = None, executable: str | None = None
) -> tuple[Path | None, Path]:
    """Where to look besides ``--config``: beside the installed program, and the user's folder."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    beside = Path(executable or sys.executable).parent / FILE_NAME if frozen else None
    user = user_config_dir() / FILE_NAME
    return beside, user


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
    if explicit is not None:
        return LoadedConfig(read_session_file(explicit), explicit, "option")
    for path, origin in ((beside_program, "beside-program"), (user_file, "user")):
        if path is not None and path.is_file():
            return LoadedConfig(read_session_file(path), path, origin)
    if default_file is None:
        from readiness.resources import resource

        default_file = resource(FILE_NAME)
    return LoadedConfig(read_session_file(default_file), default_file, "default")
