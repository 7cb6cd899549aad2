"""The meeting, the contacts and the session's start in session.toml: each value checked,
a refusal saying what is expected, with an example."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from readiness.core.config_reader import MAX_NAME_LENGTH, Reader
from readiness.core.contact import (
    MAX_EMAIL_LENGTH,
    MAX_PHONE_DIGITS,
    PhoneProblem,
    is_plausible_email,
    phone_problem,
)
from readiness.core.i18n import pick, translate
from readiness.core.meeting import (
    MAX_PASSCODE_LENGTH,
    PasscodeProblem,
    normalize_meeting_id,
    passcode_problem,
)


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


def meeting_id(reader: Reader, value: Any) -> str:
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


def passcode(reader: Reader, value: Any) -> str:
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


def contact(reader: Reader, section: str, *, required: bool) -> Contact:
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


def minutes(reader: Reader, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise reader.fail(
            "support",
            "escalate_after_minutes",
            translate("Config", "Un nombre entier de minutes entre 1 et 60 est attendu."),
        )
    return value


def session_start(reader: Reader, value: Any) -> datetime | None:
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
            return session_start(reader, parsed)
    # A date alone or a time alone is not enough to plan the session either.
    raise reader.fail(
        "session",
        "start",
        translate(
            "Config", "Une date et une heure sont attendues, par exemple 2026-12-01T14:00:00."
        ),
    )
