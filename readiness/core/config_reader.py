"""Typed values out of the parsed TOML: a refusal names the key and its line, and a text
is one line, without hidden characters, of bounded length."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from readiness.core.config_error import ConfigError
from readiness.core.config_keys import line_of
from readiness.core.i18n import translate

#: The longest texts accepted: enough for any real name or role, short enough to fit
#: the window, the report and the installers' fields.
MAX_NAME_LENGTH = 100  # a person's name
MAX_TEXT_LENGTH = 150  # an organisation's name, a role
MAX_DEVICE_LENGTH = 300  # a device's name, or a video file's path (tests)
#: Format characters that some scripts need between letters (Persian, Indic scripts, emoji).
_JOINERS = frozenset("\u200c\u200d")


class Reader:
    """Pulls typed values out of the parsed TOML, raising ConfigError with the key and line."""

    def __init__(self, data: Mapping[str, Any], text: str, path: Path):
        self.data, self.text, self.path = data, text, path

    def fail(self, section: str, key: str | None, problem: str) -> ConfigError:
        dotted = f"{section}.{key}" if key else f"[{section}]"
        return ConfigError(self.path, problem, key=dotted, line=line_of(self.text, section, key))

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
        problem = text_problem(value, max_length)
        if problem is not None:
            raise self.fail(section, key, problem)
        return value


def text_problem(value: str, max_length: int) -> str | None:
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
