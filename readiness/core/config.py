"""The session configuration: reading, validating and locating ``session.toml``."""

from __future__ import annotations

import logging
import os
import re
import stat
import sys
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from readiness.core.contact import (
    MAX_EMAIL_LENGTH,
    MAX_PHONE_DIGITS,
    PhoneProblem,
    is_plausible_email,
    phone_problem,
)
from readiness.core.device_choice import (
    MAX_STUN_SERVERS,
    DeviceChoice,
    stun_server,
    stun_server_text,
)
from readiness.core.i18n import pick, translate
from readiness.core.meeting import (
    MAX_PASSCODE_LENGTH,
    PasscodeProblem,
    group_meeting_id,
    normalize_meeting_id,
    passcode_problem,
)
from readiness.core.web_address import Kind, WebAddressError, checked_web_address
from readiness.user_dirs import user_config_dir

log = logging.getLogger(__name__)

FILE_NAME = "session.toml"
#: The largest file read. The shipped one is about 3 kB, comments included; 64 kB leaves
#: room for any organisation's notes, and reading it costs nothing. Anything larger is
#: not a session.toml (a video, a disk image, /dev/zero) and is refused before reading.
MAX_FILE_BYTES = 64 * 1024

#: Every key the file may hold, by section; any other is reported as a warning.
KNOWN_KEYS: dict[str, tuple[str, ...]] = {
    "organisation": ("name",),
    "meeting": ("id", "passcode"),
    "support": ("name", "role", "role_en", "phone", "email", "escalate_after_minutes"),
    "accessibility": ("name", "role", "role_en", "phone", "email"),
    "devices": ("camera", "input_device", "output_device"),
    "network": ("speedtest_server", "speed_service", "stun_servers", "early_test"),
    "session": ("start",),
}

#: The longest texts accepted: enough for any real name or role, short enough to fit
#: the window, the report and the installers' fields.
MAX_NAME_LENGTH = 100  # a person's name
MAX_TEXT_LENGTH = 150  # an organisation's name, a role
MAX_DEVICE_LENGTH = 300  # a device's name, or a video file's path (tests)
#: Format characters that some scripts need between letters (Persian, Indic scripts, emoji).
_JOINERS = frozenset("\u200c\u200d")


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


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is a French paragraph."""

    def __init__(
        self,
        path: Path,
        problem: str,
        *,
        key: str = "",
        line: int | None = None,
        notes: tuple[str, ...] = (),
    ):
        self.path = path
        self.key = key
        self.line = line
        self.problem = problem
        #: Sentences said after the problem: the file's unknown keys (a typo is often
        #: why a key is missing).
        self.notes = notes
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
        text = f"{where}. {self.problem} " + translate(
            "Config",
            "Corrigez ce fichier, ou prévenez la personne qui vous a envoyé l'application.",
        )
        return " ".join((text, *self.notes))


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

    def text_value(
        self, section: str, key: str, *, required: bool, max_length: int = MAX_TEXT_LENGTH
    ) -> str:
        """A one-line text, stripped; "" when missing and not required."""
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
        problem = _text_problem(value, max_length)
        if problem is not None:
            raise self.fail(section, key, problem)
        return value


def _text_problem(value: str, max_length: int) -> str | None:
    """Why a text from the file cannot be shown as it is, if so: it must be one line,
    without control characters nor the format characters (bidi overrides, zero-width
    spaces...) that can make a text look like another; and not absurdly long."""
    hidden = next((char for index, char in enumerate(value) if _is_hidden(value, index)), None)
    if hidden is not None:
        if hidden in "\n\r":
            what = translate("Config", "un retour à la ligne")
        elif hidden == "\t":
            what = translate("Config", "une tabulation")
        else:
            what = translate(
                "Config", "un caractère invisible ou de mise en forme (U+{code:04X})"
            ).format(code=ord(hidden))
        return translate(
            "Config",
            "Ce texte contient {what} : écrivez-le sur une seule ligne, sans caractère "
            "invisible ni de mise en forme.",
        ).format(what=what)
    if len(value) > max_length:
        return translate("Config", "Ce texte est trop long : {max} caractères au plus.").format(
            max=max_length
        )
    return None


def _is_hidden(text: str, index: int) -> bool:
    """Control, format, private-use, unassigned characters, line and paragraph separators;
    a joiner only where it joins nothing (at an end, beside a space)."""
    char = text[index]
    if char in _JOINERS:
        inside = 0 < index < len(text) - 1
        return not inside or text[index - 1].isspace() or text[index + 1].isspace()
    category = unicodedata.category(char)
    return category[0] == "C" or category in {"Zl", "Zp"}


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

    warnings = _unknown_keys(data, text, path)
    try:
        config = _session_config(_Reader(data, text, path))
    except ConfigError as error:
        raise ConfigError(
            path, error.problem, key=error.key, line=error.line, notes=warnings
        ) from None
    return replace(config, warnings=warnings)


def _session_config(reader: _Reader) -> SessionConfig:
    data = reader.data
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
    # A TOML number: positive only (str(-6595155541) would pass, its "-" a separator).
    is_number = isinstance(value, int) and not isinstance(value, bool)
    raw = str(value) if is_number and value > 0 else value
    digits = normalize_meeting_id(raw) if isinstance(raw, str) else None
    if digits is None:
        raise reader.fail("meeting", "id", expected)
    return digits


def _passcode(reader: _Reader, value: Any) -> str:
    if value is None:
        raise reader.fail(
            "meeting", None, translate("Config", "La clé « passcode » est obligatoire.")
        )
    problem = passcode_problem(value) if isinstance(value, str) else PasscodeProblem.CHARACTERS
    if problem is PasscodeProblem.LENGTH:
        raise reader.fail(
            "meeting",
            "passcode",
            translate(
                "Config",
                "Un code d'accès Zoom a {max} caractères au plus, par exemple « Bienvenue! ».",
            ).format(max=MAX_PASSCODE_LENGTH),
        )
    if problem is not None:
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
    name = reader.text_value(section, "name", required=required, max_length=MAX_NAME_LENGTH)
    # Room for separators around the digits; the digits' own rule comes after.
    phone = reader.text_value(section, "phone", required=False, max_length=3 * MAX_PHONE_DIGITS)
    email = reader.text_value(section, "email", required=False, max_length=MAX_EMAIL_LENGTH)
    role = reader.text_value(section, "role", required=False)
    role_en = reader.text_value(section, "role_en", required=False)
    problem = phone_problem(phone) if phone else None
    if problem is not None:
        raise reader.fail(section, "phone", _phone_message(problem))
    if email and not is_plausible_email(email):
        raise reader.fail(
            section,
            "email",
            translate(
                "Config",
                "Une seule adresse e-mail est attendue, de la forme nom@domaine.fr, sans "
                "espace ni signe comme ? & % # / \\, par exemple « contact@exemple.fr ».",
            ),
        )
    if required and not (phone or email):
        raise reader.fail(
            section,
            None,
            translate("Config", "Indiquez au moins un téléphone (phone) ou un e-mail (email)."),
        )
    return Contact(name=name, phone=phone, email=email, role=role, role_en=role_en)


def _phone_message(problem: PhoneProblem) -> str:
    if problem is PhoneProblem.OTHER_DIGITS:
        return translate(
            "Config",
            "Ce numéro de téléphone contient des chiffres d'une autre écriture : écrivez-le "
            "avec les chiffres 0 à 9, par exemple « 06 20 15 15 32 ».",
        )
    if problem is PhoneProblem.CHARACTERS:
        return translate(
            "Config",
            "Un numéro de téléphone ne contient que des chiffres, des espaces, des points, "
            "des tirets, des parenthèses et un « + » au début, par exemple « 06 20 15 15 32 » "
            "ou « +33 6 20 15 15 32 ».",
        )
    return translate(
        "Config",
        "Un numéro de téléphone de 6 à 15 chiffres est attendu, par exemple « 06 20 15 15 32 ».",
    )


def _session_start(reader: _Reader, value: Any) -> datetime | None:
    """A TOML date and time (2026-12-01T14:00:00, with or without offset); "" means none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        # An offset means "that moment": show it in the computer's own time zone.
        try:
            return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
        except OverflowError:  # year 1 or 9999 moved out of range: explained below
            pass
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            parsed = None  # explained below
        if parsed is not None:
            return _session_start(reader, parsed)
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
    if isinstance(value, str) and not value.strip():
        return ""
    try:
        # Not a text: the message that says what an address starts with, and an example.
        return checked_web_address(value if isinstance(value, str) else "", Kind(key))
    except WebAddressError as error:
        raise reader.fail("network", key, error.problem) from None


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
        problem = _text_problem(value.strip(), MAX_DEVICE_LENGTH)
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


def _minutes(reader: _Reader, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise reader.fail(
            "support",
            "escalate_after_minutes",
            translate("Config", "Un nombre entier de minutes entre 1 et 60 est attendu."),
        )
    return value


def _unknown_keys(data: Mapping[str, Any], text: str, path: Path) -> tuple[str, ...]:
    """A warning for each section and key the app does not read: a typo ("pascode")
    would otherwise go unnoticed, and the value meant be silently left out."""
    warnings = []
    for name, value in data.items():
        known = KNOWN_KEYS.get(name)
        if known is None and isinstance(value, Mapping):
            line = _line_of(text, name, None)
            warning = translate(
                "Config",
                "Le fichier de configuration « {path} » contient une section inconnue, "
                "[{name}]{where} : elle est ignorée.",
            )
            guess = _closest(name, KNOWN_KEYS)
            hint = translate("Config", " Vouliez-vous dire [{known}] ?") if guess else ""
        elif known is None:
            line = _line_of_top(text, name)
            warning = translate(
                "Config",
                "Le fichier de configuration « {path} » contient une clé « {name} » hors de "
                "toute section{where} : elle est ignorée.",
            )
            guess, hint = None, ""
        else:
            warnings += _unknown_in_section(data[name], name, known, text, path)
            continue
        where = translate("Config", " (ligne {line})").format(line=line) if line else ""
        shown = warning.format(path=path, name=_shown(name), where=where)
        warnings.append(shown + hint.format(known=guess))
    return tuple(warnings)


def _unknown_in_section(
    section: Any, name: str, known: tuple[str, ...], text: str, path: Path
) -> list[str]:
    if not isinstance(section, Mapping):
        return []  # refused by _Reader.section
    warnings = []
    for key in section:
        if key in known:
            continue
        line = _line_of(text, name, key) or _line_of(text, f"{name}.{key}", None)
        where = translate("Config", " (ligne {line})").format(line=line) if line else ""
        warning = translate(
            "Config",
            "Le fichier de configuration « {path} » contient une clé inconnue, "
            "« {key} »{where} : elle est ignorée.",
        ).format(path=path, key=_shown(f"{name}.{key}"), where=where)
        guess = _closest(key, known)
        if guess:
            warning += translate("Config", " Vouliez-vous dire « {known} » ?").format(known=guess)
        warnings.append(warning)
    return warnings


def _closest(word: str, candidates) -> str | None:
    import difflib  # only when the file holds an unknown key

    matches = difflib.get_close_matches(word.lower(), list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _shown(name: str) -> str:
    """A key as written, its invisible characters escaped (a quoted TOML key can hold
    a line break), and cut when absurdly long: it goes to the terminal and the log."""
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)
    return escaped if len(escaped) <= 60 else escaped[:59] + "…"


def _line_of_top(text: str, key: str) -> int | None:
    """The line of a key written before any [section]."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^\s*\[", line):
            return None
        if re.match(r"^\s*" + re.escape(key) + r"\s*=", line):
            return number
    return None


# --- locating ----------------------------------------------------------------


def read_session_file(path: Path) -> SessionConfig:
    raw = _read_small_file(path)
    try:
        # A BOM, as Notepad writes, is dropped (by hand: the utf-8-sig codec is one
        # more module to import at start-up).
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(
            path, translate("Config", "Ce fichier doit être enregistré en UTF-8 (texte brut).")
        ) from None
    return parse_session(text, path)


def _read_small_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most MAX_FILE_BYTES: /dev/zero
    would be read forever, a FIFO would block, a huge file fill the memory."""
    try:
        _check_kind(path, os.stat(path))
        # O_NONBLOCK: a FIFO put there since the stat opens at once, and fstat sees it.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            _check_kind(path, os.fstat(fd))
            chunks, size = [], 0
            while size <= MAX_FILE_BYTES:
                chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except (FileNotFoundError, NotADirectoryError):
        raise ConfigError(path, translate("Config", "Ce fichier est introuvable.")) from None
    except OSError as exc:
        if path.is_dir():  # Windows refuses to open a folder: say what it is
            raise _folder_error(path) from None
        log.warning("cannot read %s: %s", path, exc)
        raise ConfigError(
            path, translate("Config", "Ce fichier ne peut pas être lu (droits d'accès ?).")
        ) from None
    if size > MAX_FILE_BYTES:
        raise _too_large_error(path)
    return b"".join(chunks)


def _check_kind(path: Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise _folder_error(path)
    if not stat.S_ISREG(status.st_mode):
        raise ConfigError(
            path,
            translate(
                "Config",
                "Ce n'est pas un fichier ordinaire (c'est un périphérique, un tube ou une "
                "prise) : indiquez un fichier texte session.toml.",
            ),
        )
    if status.st_size > MAX_FILE_BYTES:
        raise _too_large_error(path)


def _folder_error(path: Path) -> ConfigError:
    return ConfigError(
        path,
        translate(
            "Config",
            "C'est un dossier, pas un fichier : indiquez le fichier session.toml qu'il "
            "contient, par exemple « {example} ».",
        ).format(example=path / FILE_NAME),
    )


def _too_large_error(path: Path) -> ConfigError:
    return ConfigError(
        path,
        translate(
            "Config",
            "Ce fichier est trop grand pour être un fichier de configuration ({max} Ko au "
            "plus) : vérifiez que c'est bien le fichier session.toml.",
        ).format(max=MAX_FILE_BYTES // 1024),
    )


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
