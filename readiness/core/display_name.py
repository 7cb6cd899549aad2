"""Is this a full "Prénom Nom"? The display name validates attendance, so it matters.

Any script: a letter and the marks that follow it (accents, Indic vowel signs and
viramas, Arabic harakat, Thai tone marks) are one letter. What cannot be seen (controls,
bidi overrides, zero-width characters) is refused, not removed: the name shown in the
field, sent to Zoom and printed in the report must be the same, and a right-to-left
override could make it read as someone else's.
"""

from __future__ import annotations

import re
from enum import StrEnum

from readiness.core.i18n import translate

MAX_LENGTH = 64  # Zoom cuts longer display names
# Real scripts stack a few marks on a letter (Vietnamese 2, Tibetan or Burmese 4-5);
# dozens are "Zalgo" text that spills over the lines above and below in the report.
MAX_MARKS = 8


class NameProblem(StrEnum):
    EMPTY = "empty"
    INVISIBLE = "invisible"
    SINGLE_WORD = "single_word"
    DIGITS = "digits"
    EMAIL = "email"
    SYMBOLS = "symbols"
    TOO_LONG = "too_long"


class NameRefused(ValueError):
    """A name that cannot validate attendance; ``advice`` says what to write instead."""

    def __init__(self, problem: NameProblem):
        super().__init__(problem.value)
        self.problem = problem
        self.advice = name_advice(problem)


# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): drawn as nothing.
# Includes the Hangul fillers, which are letters (Lo) that look like a space.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# Zero-width (non-)joiners change how letters join in these scripts (Persian "حسین‌زاده",
# Sinhala "ශ්‍රී", Malayalam chillus): allowed there, inside a word. Elsewhere they only
# make two identical-looking names differ. Prefixes of the characters' Unicode names.
_JOINING_SCRIPTS = (
    "ARABIC", "SYRIAC", "NKO", "MANDAIC", "ADLAM", "HANIFI ROHINGYA", "MONGOLIAN",
    "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU",
    "KANNADA", "MALAYALAM", "SINHALA", "KHMER", "MYANMAR", "TIBETAN", "LIMBU",
    "BALINESE", "JAVANESE", "SUNDANESE", "TAI THAM", "CHAKMA", "BRAHMI",
)  # fmt: skip
_JOINERS = {
    "\u200c": _JOINING_SCRIPTS,  # zero-width non-joiner
    "\u200d": _JOINING_SCRIPTS,  # zero-width joiner
    "\u180e": ("MONGOLIAN",),  # Mongolian vowel separator, before a final a/e
}
# Variation selectors pick a registered glyph of the letter just before them: kanji of
# Japanese family names (registry variants), Mongolian positional forms. Never emoji
# selectors (U+FE0E, U+FE0F), never after a mark or another selector.
_SELECTORS = {
    **dict.fromkeys(
        [chr(c) for c in range(0xFE00, 0xFE0E)] + [chr(c) for c in range(0xE0100, 0xE01F0)],
        ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "MYANMAR", "PHAGS-PA"),
    ),
    **dict.fromkeys("\u180b\u180c\u180d\u180f", ("MONGOLIAN",)),
}
# Inside a word, between letters: hyphens and apostrophes ("Jean-Pierre", "d'Arc",
# "O’Neill"), the Catalan middle dot ("Marcel·la") and the Hebrew geresh ("ז׳אן").
_INNER = "-'’·\u05f3"
# One class letter per character, then one pattern: L letter, M mark (or an accepted
# joiner or selector), P inner punctuation, "." a final full stop (an initial: "M.").
_LETTER = f"LM{{0,{MAX_MARKS}}}"
_WORD = re.compile(rf"^(?:{_LETTER})+(?:P(?:{_LETTER})+)*\.?$")


def normalize_name(name: str) -> str:
    """Compose accents so "Me\u0301lissa" equals "Mélissa", and make every run of spaces
    (non-breaking, ideographic…) one space. Controls are kept, for name_problem to refuse."""
    import unicodedata  # on use: not needed to open the window

    name = unicodedata.normalize("NFC", name)
    spaced = "".join(" " if unicodedata.category(char) == "Zs" else char for char in name)
    return " ".join(part for part in spaced.split(" ") if part)


def name_problem(name: str) -> NameProblem | None:
    """None when ``name`` looks like a full "Prénom Nom", else what is wrong with it."""
    import unicodedata

    name = normalize_name(name)
    if not name:
        return NameProblem.EMPTY
    if _has_invisible(name):
        return NameProblem.INVISIBLE
    if "@" in name:
        return NameProblem.EMAIL
    if any(unicodedata.category(char).startswith("N") for char in name):
        return NameProblem.DIGITS
    if len(name) > MAX_LENGTH:
        return NameProblem.TOO_LONG
    words = name.split(" ")
    if not all(_is_word(word) for word in words):
        return NameProblem.SYMBOLS
    # "Jean-Pierre" alone is still a first name only; an initial ("M.") is not a surname.
    real_words = [w for w in words if not _is_initial(w)]
    if len(words) < 2 or len(real_words) < 2:
        return NameProblem.SINGLE_WORD
    return None


def checked_name(name: str) -> str:
    """The name to use, normalised, or NameRefused (with the advice to show) when it
    cannot validate attendance: the rule of the join page, for the command line."""
    problem = name_problem(name)
    if problem is not None:
        raise NameRefused(problem)
    return normalize_name(name)


def _has_invisible(name: str) -> bool:
    import unicodedata

    for index, char in enumerate(name):
        category = unicodedata.category(char)
        if category in {"Cc", "Zl", "Zp"}:  # newlines, tabs, escape sequences
            return True
        if category != "Cf" and not _IGNORABLE.match(char):
            continue
        before = name[index - 1] if index else ""
        after = name[index + 1 : index + 2]
        if char in _JOINERS and _joins(char, before, after):
            continue
        if char in _SELECTORS and _is_letter(before) and _script(before, _SELECTORS[char]):
            continue
        return True
    return False


def _joins(joiner: str, before: str, after: str) -> bool:
    """Between two letters or marks of the same joining script; or, for the zero-width
    joiner, after a virama at the end of a word (Malayalam chillu: "ന്‍")."""
    script = _script(before, _JOINERS[joiner]) if _is_letter_or_mark(before) else None
    if script is None:
        return False
    if _is_letter_or_mark(after):
        return _script(after, (script,)) is not None
    return joiner == "\u200d" and after in {"", " "} and _is_mark(before)


def _script(char: str, scripts: tuple[str, ...]) -> str | None:
    import unicodedata

    name = unicodedata.name(char, "")
    return next((s for s in scripts if name.startswith(s + " ") or name.startswith(s + "-")), None)


def _is_letter(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char).startswith("L") if char else False


def _is_mark(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char).startswith("M") if char else False


def _is_letter_or_mark(char: str) -> bool:
    return _is_letter(char) or _is_mark(char)


def _is_word(word: str) -> bool:
    import unicodedata

    def kind(char: str) -> str:
        if char in _JOINERS or char in _SELECTORS:
            return "M"  # already accepted by _has_invisible: part of the letter
        if char in _INNER:
            return "P"
        if char == ".":
            return "."
        category = unicodedata.category(char)
        return {"L": "L", "M": "M"}.get(category[0], "?")

    # A word needs a letter of its own: "ˆ" or "ʻ" alone (modifier letters) is not a name.
    has_letter = any(unicodedata.category(char) in {"Lu", "Ll", "Lt", "Lo"} for char in word)
    return has_letter and _WORD.match("".join(kind(char) for char in word)) is not None


def _is_initial(word: str) -> bool:
    """ "M." or "M": one letter of a cased script (a single Chinese character is a name)."""
    import unicodedata

    letters = [char for char in word.rstrip(".") if unicodedata.category(char)[0] == "L"]
    if len(letters) != 1:
        return False
    return word.endswith(".") or letters[0].upper() != letters[0].lower()


def name_advice(problem: NameProblem) -> str:
    """Why the full name matters and what to write instead, kindly."""

    why = translate(
        "DisplayName", "Votre nom complet permet de valider votre présence à la séance."
    )
    texts = {
        NameProblem.EMPTY: translate(
            "DisplayName", "Écrivez votre prénom puis votre nom, par exemple : Mélissa Brunet."
        ),
        NameProblem.INVISIBLE: translate(
            "DisplayName",
            "Votre nom contient un caractère invisible ou de mise en forme, souvent ajouté "
            "par un copier-coller. Tapez de nouveau votre prénom et votre nom au clavier, "
            "par exemple : Mélissa Brunet.",
        ),
        NameProblem.SINGLE_WORD: translate(
            "DisplayName",
            "Écrivez votre prénom et votre nom en entier, par exemple : Mélissa Brunet.",
        ),
        NameProblem.DIGITS: translate(
            "DisplayName",
            "Un nom ne contient pas de chiffres : écrivez votre prénom et votre nom, "
            "par exemple : Mélissa Brunet.",
        ),
        NameProblem.EMAIL: translate(
            "DisplayName",
            "Écrivez votre prénom et votre nom plutôt que votre adresse e-mail, "
            "par exemple : Mélissa Brunet.",
        ),
        NameProblem.SYMBOLS: translate(
            "DisplayName",
            "Utilisez seulement des lettres, des traits d'union et des apostrophes, "
            "par exemple : Jean-Pierre N'Diaye.",
        ),
        NameProblem.TOO_LONG: translate(
            "DisplayName",
            "Ce nom est trop long pour Zoom (64 caractères au plus) : "
            "gardez votre prénom et votre nom.",
        ),
    }
    if problem is NameProblem.EMPTY:
        return texts[problem]
    return f"{texts[problem]} {why}"
