"""Meeting ID and passcode rules (pure functions)."""

from __future__ import annotations

import re
from enum import Enum

MIN_ID_DIGITS = 9
MAX_ID_DIGITS = 11
#: Zoom refuses longer passcodes.
MAX_PASSCODE_LENGTH = 10

_ID_SEPARATORS = re.compile(r"[\s\-.]+")

# How Zoom writes its IDs: 9 digits 3-3-3, 10 digits 3-3-4, 11 digits 3-4-4.
_GROUPS = {9: (3, 3, 3), 10: (3, 3, 4), 11: (3, 4, 4)}


def normalize_meeting_id(raw: str) -> str | None:
    """The bare digits of a meeting ID written with spaces, dashes or dots between its
    digits; None if invalid ("-659 515 5541" too: a minus sign is not a separator)."""
    raw = raw.strip()
    if not raw or _ID_SEPARATORS.match(raw[0]) or _ID_SEPARATORS.match(raw[-1]):
        return None
    digits = _ID_SEPARATORS.sub("", raw)
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


class PasscodeProblem(Enum):
    EMPTY = "empty"
    #: A space or an invisible character: nobody could type it.
    CHARACTERS = "characters"
    #: Longer than Zoom allows.
    LENGTH = "length"


def passcode_problem(passcode: str) -> PasscodeProblem | None:
    """Accept the organisation's passcode as written; refuse what cannot be one.

    Passcode rules vary by Zoom account, so only emptiness, white space, control
    characters and a length beyond Zoom's 10 characters are refused.
    """
    if not passcode:
        return PasscodeProblem.EMPTY
    # Not printable: control, format, private-use and unassigned characters (Unicode
    # category C...), and separators other than the space, which isspace() covers.
    if not all(char.isprintable() and not char.isspace() for char in passcode):
        return PasscodeProblem.CHARACTERS
    if len(passcode) > MAX_PASSCODE_LENGTH:
        return PasscodeProblem.LENGTH
    return None


def is_valid_passcode(passcode: str) -> bool:
    return passcode_problem(passcode) is None
