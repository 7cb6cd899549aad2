"""Is this a full "Prénom Nom"? The display name validates attendance, so it matters."""

from __future__ import annotations

import re
from enum import StrEnum

from readiness.core.i18n import translate

MAX_LENGTH = 64  # Zoom cuts longer display names


class NameProblem(StrEnum):
    EMPTY = "empty"
    SINGLE_WORD = "single_word"
    DIGITS = "digits"
    EMAIL = "email"
    SYMBOLS = "symbols"
    TOO_LONG = "too_long"


# Letters (any script, with accents), joined by hyphens or apostrophes:
# "Jean-Pierre", "d'Arc", "O’Neill", "N'Diaye".
_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*[.]?$")


def _is_initial(word: str) -> bool:
    """ "M." or "M": one letter of a cased script (a single Chinese character is a name)."""
    letters = word.rstrip(".")
    return len(letters) == 1 and (word.endswith(".") or letters.upper() != letters.lower())


def normalize_name(name: str) -> str:
    """Collapse white space and compose accents so "Me\u0301lissa" equals "Mélissa"."""
    import unicodedata  # on use: not needed to open the window

    return " ".join(unicodedata.normalize("NFC", name).split())


def name_problem(name: str) -> NameProblem | None:
    """None when ``name`` looks like a full "Prénom Nom", else what is wrong with it."""
    name = normalize_name(name)
    if not name:
        return NameProblem.EMPTY
    if "@" in name:
        return NameProblem.EMAIL
    if any(char.isdigit() for char in name):
        return NameProblem.DIGITS
    if len(name) > MAX_LENGTH:
        return NameProblem.TOO_LONG
    words = name.split(" ")
    if not all(_WORD.match(word) for word in words):
        return NameProblem.SYMBOLS
    # "Jean-Pierre" alone is still a first name only; an initial ("M.") is not a surname.
    real_words = [w for w in words if not _is_initial(w)]
    if len(words) < 2 or len(real_words) < 2:
        return NameProblem.SINGLE_WORD
    return None


def name_advice(problem: NameProblem) -> str:
    """Why the full name matters and what to write instead, kindly."""

    why = translate(
        "DisplayName", "Votre nom complet permet de valider votre présence à la séance."
    )
    texts = {
        NameProblem.EMPTY: translate(
            "DisplayName", "Écrivez votre prénom puis votre nom, par exemple : Mélissa Brunet."
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
