from datetime import datetime, timedelta

from readiness.core.session_time import countdown_text

START = datetime(2026, 12, 1, 14, 0)


def at(**delta) -> str:
    return countdown_text(START, START - timedelta(**delta))


def test_well_before_it_says_when_to_connect() -> None:
    assert at(hours=1, minutes=25) == (
        "Votre séance commence à 14 h 00, dans 1 h 25. Connectez-vous 5 minutes avant, à 13 h 55."
    )


def test_in_the_last_minutes_it_says_join_now() -> None:
    assert (
        at(minutes=3)
        == "Votre séance commence à 14 h 00, dans 3 minutes : rejoignez-la maintenant."
    )
    assert "1 minute :" in at(seconds=40)


def test_once_started_it_says_join_at_once_then_nothing() -> None:
    assert at(minutes=-10) == "Votre séance a commencé à 14 h 00 : rejoignez-la dès maintenant."
    assert at(hours=-4) == ""


def test_another_day_gives_the_date() -> None:
    assert at(days=2) == "Votre séance est prévue le mardi 1 décembre à 14 h 00."
