"""The keys session.toml may hold, the line where a key is written (for messages), and a
warning for each key or section the app does not read."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from readiness.core.i18n import translate

#: Every key the file may hold, by section; any other is reported as a warning.
KNOWN_KEYS: dict[str, tuple[str, ...]] = {
    "organisation": ("name", "logo", "accent_color"),
    "meeting": ("id", "passcode"),
    "support": ("name", "role", "role_en", "phone", "email", "escalate_after_minutes"),
    "accessibility": ("name", "role", "role_en", "phone", "email"),
    "devices": ("camera", "input_device", "output_device"),
    "network": ("speedtest_server", "speed_service", "stun_servers", "early_test"),
    "session": ("start",),
}


def line_of(text: str, section: str, key: str | None) -> int | None:
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


def _line_of_top(text: str, key: str) -> int | None:
    """The line of a key written before any [section]."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^\s*\[", line):
            return None
        if re.match(r"^\s*" + re.escape(key) + r"\s*=", line):
            return number
    return None


def unknown_keys(data: Mapping[str, Any], text: str, path: Path) -> tuple[str, ...]:
    """A warning for each section and key the app does not read: a typo ("pascode")
    would otherwise go unnoticed, and the value meant be silently left out."""
    warnings = []
    for name, value in data.items():
        known = KNOWN_KEYS.get(name)
        if known is None and isinstance(value, Mapping):
            line = line_of(text, name, None)
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
        return []  # refused by Reader.section
    warnings = []
    for key in section:
        if key in known:
            continue
        line = line_of(text, name, key) or line_of(text, f"{name}.{key}", None)
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
