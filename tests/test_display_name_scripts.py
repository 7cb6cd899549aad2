"""Property-based tests of the name rule: every script in, nothing invisible through."""

import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from readiness.core.display_name import (
    MAX_LENGTH,
    NameProblem,
    NameRefused,
    checked_name,
    name_advice,
    name_problem,
    normalize_name,
)

# Letters drawn as nothing (Unicode's default-ignorable Hangul fillers) are refused on
# purpose; every other letter of every script is a letter of a name.
_BLANK_LETTERS = "\u115f\u1160\u3164\uffa0"
# Marks that are invisible selectors or joiners, not accents: they have rules of their own.
_NOT_ACCENTS = "\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f" + "".join(
    chr(c) for c in [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
)

letters = st.characters(categories=["Lu", "Ll", "Lt", "Lo"], exclude_characters=_BLANK_LETTERS)
marks = st.characters(categories=["Mn", "Mc", "Me"], exclude_characters=_NOT_ACCENTS)
# A letter with the accents, vowel signs or tone marks that follow it.
letter_units = st.builds(lambda base, ms: base + "".join(ms), letters, st.lists(marks, max_size=2))
words = st.lists(letter_units, min_size=2, max_size=5).map("".join)
names = st.lists(words, min_size=2, max_size=3).map(" ".join)

BIDI_AND_INVISIBLE = (
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
    "\u200e\u200f\u061c"  # directional marks
    "\u200b\u2060\ufeff\u00ad"  # zero-width space, word joiner, byte order mark, soft hyphen
)
bad_characters = st.sampled_from(BIDI_AND_INVISIBLE) | st.characters(categories=["Cc", "Zl", "Zp"])
any_text = st.text(st.characters(exclude_categories=()))  # surrogates from argv included


@given(names)
def test_names_of_letters_of_any_script_are_accepted_and_come_back_composed(name: str) -> None:
    composed = unicodedata.normalize("NFC", name)
    assume(len(composed) <= MAX_LENGTH)
    assert name_problem(name) is None
    assert normalize_name(name) == composed
    assert checked_name(name) == composed


@given(names, bad_characters, st.data())
def test_a_valid_name_with_a_bidi_or_control_character_is_refused(
    name: str, bad: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(name)))
    assert name_problem(name[:at] + bad + name[at:]) is NameProblem.INVISIBLE


@given(any_text, bad_characters, st.data())
def test_any_text_with_a_bidi_or_control_character_is_refused(
    text: str, bad: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(text)))
    assert name_problem(text[:at] + bad + text[at:]) is NameProblem.INVISIBLE


latin_greek_cyrillic_or_han = st.characters(
    categories=["Lu", "Ll", "Lo"], max_codepoint=0x04FF
) | st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@given(
    st.lists(latin_greek_cyrillic_or_han, min_size=2, max_size=8).map("".join),
    st.sampled_from("\u200c\u200d"),
    st.data(),
)
def test_joiners_are_refused_in_scripts_that_never_need_them(
    word: str, joiner: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(word)))
    name = "Mélissa " + word[:at] + joiner + word[at:]
    assert name_problem(name) is NameProblem.INVISIBLE


arabic_letters = st.characters(min_codepoint=0x0628, max_codepoint=0x064A, categories=["Lo"])


@given(st.lists(arabic_letters, min_size=2, max_size=10), st.data())
def test_a_non_joiner_between_letters_of_a_joining_script_is_accepted(
    letters_: list[str], data: st.DataObject
) -> None:
    at = data.draw(st.integers(1, len(letters_) - 1))
    surname = "".join(letters_[:at]) + "\u200c" + "".join(letters_[at:])
    assert name_problem("مریم " + surname) is None


@given(any_text)
def test_normalising_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert "  " not in once and once == once.strip(" ")


@given(any_text)
def test_the_check_never_raises_and_always_explains(text: str) -> None:
    problem = name_problem(text)
    if problem is None:
        assert checked_name(text) == normalize_name(text)
    else:
        assert name_advice(problem)
        try:
            checked_name(text)
        except NameRefused as refused:
            assert refused.advice == name_advice(problem)
        else:
            raise AssertionError("a refused name was returned")
