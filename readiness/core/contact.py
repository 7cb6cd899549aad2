"""Plausibility rules and links for the support contact's phone and e-mail."""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from readiness.core.device_choice import is_host

#: RFC 5321's limits: 64 characters before the @, 254 in all.
MAX_EMAIL_LENGTH = 254
MAX_LOCAL_LENGTH = 64
#: Besides letters and digits, what real addresses use before the @; never ? & % # / \
#: nor , ; which would add a header or a recipient to a mailto: link.
_LOCAL_SIGNS = frozenset("._+-'")
#: Unicode categories of the marks some scripts write their letters with (Hindi, Thai).
_MARKS = frozenset({"Mn", "Mc"})

ASCII_DIGITS = frozenset("0123456789")
#: Spaces (also the no-break ones French typography puts in numbers), dots, dashes and
#: parentheses; a "+" only in front.
_PHONE_SEPARATORS = frozenset(" \u00a0\u202f.-()")
#: "+33 (0)6 ...": the national trunk prefix, written for callers in the country, never
#: dialled after the country code.
_TRUNK_ZERO = re.compile(r"\(\s*0\s*\)")
MIN_PHONE_DIGITS = 6
#: E.164: at most 15 digits, country code included.
MAX_PHONE_DIGITS = 15


def is_plausible_email(value: str) -> bool:
    """One address, ``local@domain.tld``: letters (any script), digits and ``._+-'`` before
    the @, an internationalised domain name after it."""
    value = value.strip()
    if len(value) > MAX_EMAIL_LENGTH or value.count("@") != 1:
        return False
    local, _, domain = value.partition("@")
    if not 1 <= len(local) <= MAX_LOCAL_LENGTH:
        return False
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    if not all(c in _LOCAL_SIGNS or (c.isalnum() and c.isprintable()) for c in local):
        return False
    return _is_mail_domain(domain)


def _is_mail_domain(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels):
        return False
    for label in labels:
        # Letters, digits, hyphens, and the marks some scripts write letters with (Hindi).
        if unicodedata.category(label[0]).startswith("M"):
            return False
        if not all(c == "-" or c.isalnum() or unicodedata.category(c) in _MARKS for c in label):
            return False
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    top = ascii_domain.rsplit(".", 1)[-1]
    top_ok = (top.isalpha() and len(top) >= 2) or top.lower().startswith("xn--")
    return top_ok and is_host(ascii_domain)


class PhoneProblem(Enum):
    #: Digits of another script (Arabic-Indic, fullwidth...): a telephone dials 0-9 only.
    OTHER_DIGITS = "other-digits"
    #: A letter, a slash, a "+" inside: not a number as written.
    CHARACTERS = "characters"
    #: Fewer than 6 or more than 15 digits.
    LENGTH = "length"


def phone_problem(value: str) -> PhoneProblem | None:
    value = value.strip()
    for char in value.removeprefix("+"):
        if char in ASCII_DIGITS or char in _PHONE_SEPARATORS:
            continue
        return PhoneProblem.OTHER_DIGITS if char.isdigit() else PhoneProblem.CHARACTERS
    if not MIN_PHONE_DIGITS <= len(phone_digits(value).lstrip("+")) <= MAX_PHONE_DIGITS:
        return PhoneProblem.LENGTH
    return None


def is_plausible_phone(value: str) -> bool:
    return phone_problem(value) is None


def phone_digits(value: str) -> str:
    """The number to dial: its ASCII digits, with a leading ``+`` kept and a "(0)" after
    the country code dropped (``+33 (0)6 20 15 15 32`` -> ``+33620151532``)."""
    value = value.strip()
    international = value.startswith("+")
    if international:
        value = _TRUNK_ZERO.sub("", value, count=1)
    digits = "".join(c for c in value if c in ASCII_DIGITS)
    return f"+{digits}" if international else digits


def tel_url(phone: str) -> str:
    return f"tel:{phone_digits(phone)}"


def mailto_url(email: str, subject: str = "", body: str = "") -> str:
    from urllib.parse import quote  # only when a link is made, not at start-up

    # The address is encoded too: even one that slipped past is_plausible_email can
    # never add a recipient or a header (?cc=, &bcc=, a comma).
    address = quote(email.strip(), safe="@+")
    query = []
    if subject:
        query.append(f"subject={quote(subject, safe='')}")
    if body:
        query.append(f"body={quote(body, safe='')}")
    suffix = f"?{'&'.join(query)}" if query else ""
    return f"mailto:{address}{suffix}"
