"""Plausibility rules and links for the support contact's phone and e-mail."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s.\-()/]+$")


def is_plausible_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def phone_digits(value: str) -> str:
    """Digits of a phone number, keeping a leading ``+`` (``06 20 15 15 32`` -> ``0620151532``)."""
    value = value.strip()
    digits = "".join(c for c in value if c.isdigit())
    return f"+{digits}" if value.startswith("+") else digits


def is_plausible_phone(value: str) -> bool:
    if not _PHONE_CHARS.match(value.strip()):
        return False
    return 6 <= len(phone_digits(value).lstrip("+")) <= 15


def tel_url(phone: str) -> str:
    return f"tel:{phone_digits(phone)}"


def mailto_url(email: str, subject: str = "", body: str = "") -> str:
    from urllib.parse import quote  # only when a link is made, not at start-up

    query = []
    if subject:
        query.append(f"subject={quote(subject, safe='')}")
    if body:
        query.append(f"body={quote(body, safe='')}")
    suffix = f"?{'&'.join(query)}" if query else ""
    return f"mailto:{email.strip()}{suffix}"
