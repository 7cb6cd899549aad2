"""How good a call on this line would sound: the ITU-T G.107 E-model, simplified.

The form is the one Vonage's pre-call test uses (opentok-network-test-js,
``src/NetworkTest/testQuality/helpers/subscriberMOS.ts``), itself G.107's with
the default values and a G.711-like codec:

    R  = 93.2 - Id - Ie
    Id = 0.024 d + 0.11 (d - 177.3) H(d - 177.3)    H(x) = 0 if x < 0 else 1
    d  = one-way delay + 30 ms of framing, in ms
    Ie = 19.8 ln(1 + 29.7 p)                         p: the loss ratio, 0-1
    MOS = 1 + 0.035 R + 7e-6 R (R - 60) (100 - R)    1 below R = 0, 4.5 above 100

That form has no jitter term. A jitter buffer delays every packet by about
twice the jitter so that late ones are still played, so the one-way delay used
here is half the round trip plus twice the jitter (a common simplification).

The words follow G.107's user-satisfaction bands (Annex B), merged into four:
MOS 4.3 and above (R >= 90, "very satisfied"): excellente; 4.0 to 4.3 (R 80-90,
"satisfied"): bonne; 3.6 to 4.0 (R 70-80, "some users dissatisfied"): moyenne;
below 3.6 ("many dissatisfied" and worse): mauvaise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

from readiness.core.i18n import translate

#: Packetisation and codec delay added to the network's one-way delay, in ms.
FRAMING_MS = 30.0
#: The jitter buffer holds packets for about this many times the jitter.
JITTER_BUFFER_FACTOR = 2.0


class CallQuality(IntEnum):
    """The estimated quality of a call, from worst to best."""

    POOR = 0
    FAIR = 1
    GOOD = 2
    EXCELLENT = 3


#: The lowest MOS of each band (G.107 Annex B: 4.3, 4.0, 3.6).
EXCELLENT_MOS = 4.3
GOOD_MOS = 4.0
FAIR_MOS = 3.6


@dataclass(frozen=True)
class CallScore:
    r_factor: float
    mos: float

    @property
    def quality(self) -> CallQuality:
        return quality_of(self.mos)


def one_way_delay_ms(round_trip_ms: float, jitter_ms: float = 0.0) -> float:
    """Half the round trip, plus the jitter buffer's wait."""
    return round_trip_ms / 2 + JITTER_BUFFER_FACTOR * jitter_ms


def r_factor(round_trip_ms: float, jitter_ms: float, loss_percent: float) -> float:
    """The transmission rating R (about 93 on a perfect line, lower is worse).

    Negative inputs, which no measure gives, count as 0; loss is capped at 100 %.
    """
    d = one_way_delay_ms(max(round_trip_ms, 0.0), max(jitter_ms, 0.0)) + FRAMING_MS
    delay_impairment = 0.024 * d + (0.11 * (d - 177.3) if d >= 177.3 else 0.0)
    loss_ratio = min(max(loss_percent, 0.0), 100.0) / 100
    equipment_impairment = 19.8 * math.log(1 + 29.7 * loss_ratio)
    return 93.2 - delay_impairment - equipment_impairment


def mos_from_r(r: float) -> float:
    """G.107's mapping from R to the mean opinion score, 1 (bad) to 4.5."""
    if r < 0:
        return 1.0
    if r > 100:
        return 4.5
    return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r)


def call_score(round_trip_ms: float, jitter_ms: float | None, loss_percent: float) -> CallScore:
    """R and MOS for a line; an unmeasured jitter counts as none."""
    r = r_factor(round_trip_ms, jitter_ms or 0.0, loss_percent)
    return CallScore(r, mos_from_r(r))


def quality_of(mos: float) -> CallQuality:
    if mos >= EXCELLENT_MOS:
        return CallQuality.EXCELLENT
    if mos >= GOOD_MOS:
        return CallQuality.GOOD
    if mos >= FAIR_MOS:
        return CallQuality.FAIR
    return CallQuality.POOR


def quality_text(quality: CallQuality) -> str:
    """One word, as the page says it: « Qualité d'appel estimée : bonne »."""
    texts = {
        CallQuality.EXCELLENT: translate("CallQuality", "excellente"),
        CallQuality.GOOD: translate("CallQuality", "bonne"),
        CallQuality.FAIR: translate("CallQuality", "moyenne"),
        CallQuality.POOR: translate("CallQuality", "mauvaise"),
    }
    return texts[quality]
