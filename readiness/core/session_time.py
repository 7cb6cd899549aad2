"""When the session starts, in words: a countdown and when to connect ("5 minutes avant")."""

from __future__ import annotations

from datetime import datetime, timedelta

from readiness.core.i18n import translate

JOIN_EARLY_MIN = 5
STARTED_FOR = timedelta(hours=3)  # after that, the session is over: say nothing


def _clock(moment: datetime) -> str:
    return translate("SessionTime", "{hour} h {minute:02d}").format(
        hour=moment.hour, minute=moment.minute
    )


def _duration(delta: timedelta) -> str:
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 60:
        if minutes == 1:
            return translate("SessionTime", "1 minute")
        return translate("SessionTime", "{n} minutes").format(n=minutes)
    hours, rest = divmod(minutes, 60)
    return translate("SessionTime", "{h} h {m:02d}").format(h=hours, m=rest)


def _date(moment: datetime) -> str:
    days = [
        translate("SessionTime", "lundi"),
        translate("SessionTime", "mardi"),
        translate("SessionTime", "mercredi"),
        translate("SessionTime", "jeudi"),
        translate("SessionTime", "vendredi"),
        translate("SessionTime", "samedi"),
        translate("SessionTime", "dimanche"),
    ]
    months = [
        translate("SessionTime", "janvier"),
        translate("SessionTime", "février"),
        translate("SessionTime", "mars"),
        translate("SessionTime", "avril"),
        translate("SessionTime", "mai"),
        translate("SessionTime", "juin"),
        translate("SessionTime", "juillet"),
        translate("SessionTime", "août"),
        translate("SessionTime", "septembre"),
        translate("SessionTime", "octobre"),
        translate("SessionTime", "novembre"),
        translate("SessionTime", "décembre"),
    ]
    return f"{days[moment.weekday()]} {moment.day} {months[moment.month - 1]}"


def countdown_text(start: datetime, now: datetime, join_early_min: int = JOIN_EARLY_MIN) -> str:
    """What to tell the beneficiary about the session's time, or "" once it is long over."""
    left = start - now
    if start.date() != now.date() and left > timedelta(0):
        return translate("SessionTime", "Votre séance est prévue le {date} à {time}.").format(
            date=_date(start), time=_clock(start)
        )
    if left > timedelta(minutes=join_early_min):
        join_at = start - timedelta(minutes=join_early_min)
        return translate(
            "SessionTime",
            "Votre séance commence à {time}, dans {left}. "
            "Connectez-vous {early} minutes avant, à {join_at}.",
        ).format(
            time=_clock(start), left=_duration(left), early=join_early_min, join_at=_clock(join_at)
        )
    if left > timedelta(0):
        return translate(
            "SessionTime", "Votre séance commence à {time}, dans {left} : rejoignez-la maintenant."
        ).format(time=_clock(start), left=_duration(left))
    if -left < STARTED_FOR:
        return translate(
            "SessionTime", "Votre séance a commencé à {time} : rejoignez-la dès maintenant."
        ).format(time=_clock(start))
    return ""
