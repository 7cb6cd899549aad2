import pytest

from readiness.core.display_name import NameProblem, name_advice, name_problem, normalize_name


@pytest.mark.parametrize(
    "name",
    [
        "Mélissa Brunet",
        "Jean-Pierre N'Diaye",
        "Anne-Sophie de La Tour",
        "Seán O’Neill",
        "Ludwig van Beethoven",
        "Zoë d'Arc",
        "Jean M. Dupont",
        "李 小龍",
    ],
)
def test_full_names_are_accepted(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", NameProblem.EMPTY),
        ("   ", NameProblem.EMPTY),
        ("Mélissa", NameProblem.SINGLE_WORD),
        ("Jean-Pierre", NameProblem.SINGLE_WORD),
        ("M. Brunet", NameProblem.SINGLE_WORD),
        ("Mélissa Brunet2", NameProblem.DIGITS),
        ("user 1234", NameProblem.DIGITS),
        ("melissa.brunet@example.fr", NameProblem.EMAIL),
        ("Mélissa :) Brunet", NameProblem.SYMBOLS),
        ("Mélissa_Brunet Test", NameProblem.SYMBOLS),
        ("Mélissa " + "B" * 70, NameProblem.TOO_LONG),
    ],
)
def test_names_that_cannot_validate_attendance_are_explained(
    name: str, problem: NameProblem
) -> None:
    assert name_problem(name) is problem
    advice = name_advice(problem)
    assert "Mélissa Brunet" in advice or "Jean-Pierre" in advice or "prénom" in advice


def test_explanations_say_why_the_full_name_matters() -> None:
    assert "valider votre présence" in name_advice(NameProblem.SINGLE_WORD)


def test_white_space_and_decomposed_accents_are_normalised() -> None:
    assert normalize_name("  Me\u0301lissa   Brunet ") == "Mélissa Brunet"
