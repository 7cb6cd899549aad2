import unicodedata

import pytest

from readiness.core.display_name import (
    NameProblem,
    NameRefused,
    checked_name,
    name_advice,
    name_problem,
    normalize_name,
)


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
        "김 민준",
        "山田 太郎",
        "山田\u3000太郎",  # the ideographic space a Japanese keyboard types
        "Иван Петров",
        "Γιώργος Παπαδόπουλος",
        "Nguye\u0302\u0303n Va\u0306n An",  # Vietnamese typed with combining accents
        "ʻIolani Kamakaʻeha",
    ],
)
def test_full_names_are_accepted(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    "name",
    [
        "अमित शर्मा",  # Hindi: vowel signs and virama are marks
        "สมชาย ใจดี",  # Thai
        "முருகன் செல்வம்",  # Tamil
        "মৌমিতা দাস",  # Bengali
        "ਹਰਪ੍ਰੀਤ ਸਿੰਘ",  # Gurmukhi
        "مُحَمَّد عَلِي",  # Arabic with harakat
        "דָּוִד לֵוִי",  # Hebrew with niqqud
        "მარიამ ბერიძე",  # Georgian
        "葛\U000e0100城 奈海",  # a registered kanji variant (ideographic variation selector)
        "مریم حسین\u200cزاده",  # Persian: a zero-width non-joiner inside the surname
        "ශ්\u200dරියානි පෙරේරා",  # Sinhala: a zero-width joiner makes the "shri" ligature
        "മോഹന്\u200dലാല്\u200d വിശ്വനാഥന്\u200d",  # Malayalam chillus, older encoding
        "Marcel·la Puig",  # Catalan middle dot
        "ז׳אן כהן",  # Hebrew geresh: "Jean"
    ],
)
def test_names_in_every_script_are_accepted(name: str) -> None:
    assert name_problem(name) is None
    assert checked_name(name) == unicodedata.normalize("NFC", name)


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
        ("Mélissa Brunet ٣", NameProblem.DIGITS),
        ("melissa.brunet@example.fr", NameProblem.EMAIL),
        ("Mélissa :) Brunet", NameProblem.SYMBOLS),
        ("Mélissa_Brunet Test", NameProblem.SYMBOLS),
        ("Mélissa Brunet 🙂", NameProblem.SYMBOLS),
        ("Mélissa \u0301Brunet", NameProblem.SYMBOLS),  # a mark after no letter
        ("Jean-\u0301Pierre Dupont", NameProblem.SYMBOLS),
        ("Me" + "\u0301\u0300" * 5 + "lissa Brunet", NameProblem.SYMBOLS),  # "Zalgo" text
        ("Mélissa ˆˆ", NameProblem.SYMBOLS),  # modifier letters only: not a word
        ("Mélissa " + "B" * 70, NameProblem.TOO_LONG),
    ],
)
def test_names_that_cannot_validate_attendance_are_explained(
    name: str, problem: NameProblem
) -> None:
    assert name_problem(name) is problem
    advice = name_advice(problem)
    assert "Mélissa Brunet" in advice or "Jean-Pierre" in advice or "prénom" in advice


@pytest.mark.parametrize(
    "name",
    [
        "Mélissa \u202eteNnurB",  # right-to-left override: shows as "Brunet"
        "Mélissa \u202dBrunet",  # left-to-right override
        "\u202bMélissa\u202c Brunet",  # embedding, pop
        "\u2067Mélissa\u2069 Brunet",  # isolates
        "Mélissa\u200f Brunet",  # right-to-left mark
        "Mélissa\u200e Brunet",
        "مريم\u061c حسين",  # Arabic letter mark
        "Mélissa Bru\u200bnet",  # zero-width space
        "Mélissa Bru\u2060net",  # word joiner
        "\ufeffMélissa Brunet",  # byte order mark, pasted from a file
        "Mélissa Bru\u00adnet",  # soft hyphen
        "Mélissa Bru\u034fnet",  # combining grapheme joiner
        "Mélissa \u3164",  # Hangul filler: a "letter" drawn as a blank
        "Mélissa\nBrunet",
        "Mélissa\tBrunet",
        "Mélissa Brunet\r",
        "Mélissa \x1b[31mBrunet",  # a terminal escape sequence
        "Mélissa\u2028Brunet",  # line separator
        "Mé\u200clissa Brunet",  # non-joiner in a script that never needs it
        "Mélissa Bru\u200dnet",
        "مریم \u200cحسین",  # non-joiner at the start of a word
        "मीना\u200c शर्मा",  # non-joiner at the end of a word
        "Mélissa\ufe0f Brunet",  # emoji presentation selector after a letter
        "李\ufe0f 小龍",
        "李\U000e0100\U000e0101 小龍",  # two variant selectors on one letter
        "Mélissa Brunet\U000e0041",  # tag character
    ],
)
def test_invisible_and_control_characters_are_refused(name: str) -> None:
    assert name_problem(name) is NameProblem.INVISIBLE
    with pytest.raises(NameRefused) as refused:
        checked_name(name)
    assert refused.value.problem is NameProblem.INVISIBLE


def test_the_invisible_character_advice_says_what_to_do() -> None:
    advice = name_advice(NameProblem.INVISIBLE)
    assert "caractère invisible" in advice
    assert "Tapez de nouveau votre prénom et votre nom au clavier" in advice
    assert "valider votre présence" in advice


def test_checked_name_gives_the_normalised_name_or_the_advice() -> None:
    assert checked_name("  Me\u0301lissa\u00a0\u00a0Brunet ") == "Mélissa Brunet"
    with pytest.raises(NameRefused) as refused:
        checked_name("Mélissa")
    assert refused.value.problem is NameProblem.SINGLE_WORD
    assert refused.value.advice == name_advice(NameProblem.SINGLE_WORD)


def test_explanations_say_why_the_full_name_matters() -> None:
    assert "valider votre présence" in name_advice(NameProblem.SINGLE_WORD)


def test_white_space_and_decomposed_accents_are_normalised() -> None:
    assert normalize_name("  Me\u0301lissa   Brunet ") == "Mélissa Brunet"
    assert normalize_name("山田\u3000太郎") == "山田 太郎"


def test_normalising_keeps_control_characters_for_the_check_to_refuse() -> None:
    assert normalize_name("Mélissa\nBrunet") == "Mélissa\nBrunet"
