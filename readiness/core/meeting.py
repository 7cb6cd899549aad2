"""Meeting ID and passcode rules (pure functions)."""

from __future__ import annotations

import re

MIN_ID_DIGITS = 9
MAX_ID_DIGITS = 11

_ID_SEPARATORS = re.compile(r"[\s\-.]+")

# How Zoom writes its IDs: 9 digits 3-3-3, 10 digits 3-3-4, 11 digits 3-4-4.
_GROUPS = {9: (3, 3, 3), 10: (3, 3, 4), 11: (3, 4, 4)}


def normalize_meeting_id(raw: str) -> str | None:
    """The bare digits of a meeting ID written with spaces, dashes or dots; None if invalid."""
    digits = _ID_SEPARATORS.sub("", raw.strip())
    if not digits.isascii() or not digits.isdigit():
        return None
    if not MIN_ID_DIGITS <= len(digits) <= MAX_ID_DIGITS:
        return None
    return digits


def group_meeting_id(digits: str) -> str:
    """``6595155541`` -> ``659 515 5541``, as Zoom shows it."""
    sizes = _GROUPS.get(len(digits))
    if sizes is None:
        return digits
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    return " ".join(parts)


def is_valid_passcode(passcode: str) -> bool:
    """Accept the organisation's passcode as written; refuse what cannot be one.

    Passcode rules vary by Zoom account, so only emptiness, white space and
    control characters are refused.
    """
    if not passcode:
        return False
    # Not printable: control, format, private-use and unassigned characters (Unicode
    # category C...), and separators other than the space, which isspace() covers.
    return all(char.isprintable() and not char.isspace() for char in passcode)
