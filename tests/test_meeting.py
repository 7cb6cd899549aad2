import pytest

from readiness.core.meeting import group_meeting_id, is_valid_passcode, normalize_meeting_id


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
