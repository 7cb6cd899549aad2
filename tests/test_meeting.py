import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.core.meeting import (
    MAX_PASSCODE_LENGTH,
    PasscodeProblem,
    group_meeting_id,
    is_valid_passcode,
    normalize_meeting_id,
    passcode_problem,
)


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("659 515 5541", "6595155541"),
        ("659-515-5541", "6595155541"),
        (" 6595155541 ", "6595155541"),
        ("123 456 789", "123456789"),
        ("123 4567 8901", "12345678901"),
    ],
)
def test_meeting_ids_written_with_separators_are_accepted(raw: str, digits: str) -> None:
    assert normalize_meeting_id(raw) == digits


@pytest.mark.parametrize(
    "raw", ["", "12345678", "123456789012", "659 515 554a", "６５９５１５５５４１", "659_515_5541"]
)
def test_impossible_meeting_ids_are_refused(raw: str) -> None:
    assert normalize_meeting_id(raw) is None


@pytest.mark.parametrize(
    ("digits", "grouped"),
    [
        ("6595155541", "659 515 5541"),
        ("123456789", "123 456 789"),
        ("12345678901", "123 4567 8901"),
    ],
)
def test_meeting_ids_are_grouped_as_zoom_writes_them(digits: str, grouped: str) -> None:
    assert group_meeting_id(digits) == grouped


@pytest.mark.parametrize("code", ["Bienvenue!", "a", "x7$Ü#é", "123456"])
def test_the_organisations_passcode_is_taken_as_written(code: str) -> None:
    assert is_valid_passcode(code)


@pytest.mark.parametrize("code", ["", "Bien venue", "tab\there", "new\nline", "zero\u200bwidth"])
def test_what_cannot_be_a_passcode_is_refused(code: str) -> None:
    assert not is_valid_passcode(code)


@pytest.mark.parametrize(
    "raw", ["-659 515 5541", "-6595155541", "659 515 5541-", ".659.515.5541", "- 6595155541"]
)
def test_a_meeting_id_with_a_sign_or_a_dangling_separator_is_refused(raw: str) -> None:
    assert normalize_meeting_id(raw) is None


@pytest.mark.parametrize("code", ["Bienvenue!!", "12345678901", "x" * 100])
def test_a_passcode_longer_than_zooms_ten_characters_is_refused(code: str) -> None:
    assert passcode_problem(code) is PasscodeProblem.LENGTH
    assert not is_valid_passcode(code)


def test_ten_characters_is_zooms_limit() -> None:
    assert MAX_PASSCODE_LENGTH == 10
    assert is_valid_passcode("Bienvenue!")  # the shipped one: exactly 10


@given(st.text(max_size=20))
def test_every_accepted_passcode_is_short_printable_and_without_blanks(code: str) -> None:
    problem = passcode_problem(code)
    if problem is None:
        assert 1 <= len(code) <= MAX_PASSCODE_LENGTH
        assert all(c.isprintable() and not c.isspace() for c in code)
    elif not code:
        assert problem is PasscodeProblem.EMPTY


_INVISIBLE = " \t\n\r\x00\u00a0\u200b\u202e\u2066\ufeff"


@given(st.text(min_size=1, max_size=9), st.sampled_from(_INVISIBLE))
def test_a_passcode_with_a_blank_or_invisible_character_is_refused(code: str, bad: str) -> None:
    assert passcode_problem(code[:4] + bad + code[4:]) is not None
