"""The line's stability and the call-quality score in one sentence each, as the connection
page, the summary and the report say them:

« stable pendant 3 min : 0,4 % de pertes, aucune coupure »
« bonne (note 4,2 sur 5) »

A line is called stable when, over the time watched, loss stayed under the good limit,
jitter under the good limit, and nothing dropped out for a second or more
(``readiness.core.zoom_needs`` gives these limits and their sources).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from readiness.core.call_quality import quality_of, quality_text
from readiness.core.i18n import decimal, percent_number, translate
from readiness.core.zoom_needs import GOOD_DELAY, LOSS_LIMITS


def is_stable(loss_percent: float, outages: int, jitter_ms: float | None) -> bool:
    return (
        loss_percent < LOSS_LIMITS.good_percent
        and outages == 0
        and (jitter_ms is None or jitter_ms < GOOD_DELAY.jitter_ms)
    )


def duration_text(seconds: float) -> str:
    """« 45 s », « 3 min » (whole minutes from one minute on)."""
    if seconds < 60:
        return translate("Stability", "{seconds} s").format(seconds=max(1, round(seconds)))
    return translate("Stability", "{minutes} min").format(minutes=int(seconds // 60))


def stability_sentence(
    duration_s: float,
    loss_percent: float,
    outages: int,
    longest_outage_ms: float,
    jitter_ms: float | None,
) -> str:
    """« stable pendant 3 min : 0,4 % de pertes, aucune coupure », or « instable pendant
    45 s : 4 % de pertes, 2 coupures (la plus longue : 1,5 s) »."""
    if outages == 0:
        cuts = translate("Stability", "aucune coupure")
    elif outages == 1:
        cuts = translate("Stability", "une coupure de {seconds} s").format(
            seconds=decimal(longest_outage_ms / 1000.0, 1)
        )
    else:
        cuts = translate("Stability", "{count} coupures (la plus longue : {seconds} s)").format(
            count=outages, seconds=decimal(longest_outage_ms / 1000.0, 1)
        )
    loss = translate("Stability", "{percent} % de pertes").format(
        percent=percent_number(loss_percent)
    )
    if is_stable(loss_percent, outages, jitter_ms):
        text = translate("Stability", "stable pendant {duration} : {loss}, {cuts}")
    else:
        text = translate("Stability", "instable pendant {duration} : {loss}, {cuts}")
    return text.format(duration=duration_text(duration_s), loss=loss, cuts=cuts)


def score_text(mos: float) -> str:
    """« bonne (note 4,2 sur 5) »."""
    return translate("Stability", "{quality} (note {mos} sur 5)").format(
        quality=quality_text(quality_of(mos)), mos=decimal(mos, 1)
    )


def line_sentences(measures: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, text) for the network check's measures: the stability and the score, when
    the line was watched over UDP; UDP blocked is said instead."""
    if measures.get("udp_reachable") is False:
        return [
            (
                translate("Stability", "Stabilité"),
                translate(
                    "Stability",
                    "non mesurée : la voie du son et de l'image (UDP) est bloquée",
                ),
            )
        ]
    duration = measures.get("stability_duration_s")
    loss = measures.get("udp_loss_percent")
    outages = measures.get("udp_outages")
    if not (_number(duration) and _number(loss) and isinstance(outages, int)):
        return []
    longest = measures.get("udp_longest_outage_ms")
    jitter = measures.get("udp_jitter_ms")
    pairs = [
        (
            translate("Stability", "Stabilité"),
            stability_sentence(
                duration,
                loss,
                outages,
                longest if _number(longest) else 0.0,
                jitter if _number(jitter) else None,
            ),
        )
    ]
    mos = measures.get("mos")
    if _number(mos):
        pairs.append((translate("Stability", "Qualité d'appel estimée"), score_text(mos)))
    return pairs


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
