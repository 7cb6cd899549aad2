"""The connection step's verdict: from what was measured to a status, a sentence, advice.

Zoom's needs decide what the line allows (``readiness.core.zoom_needs``); the
connection itself (weak Wi-Fi, a VPN, a box that queues too much) adds advice; a
line measured while zoom.us does not answer points at a firewall. When the media
path (UDP, through STUN) was probed, its loss, jitter and drop-outs weigh in too
(``zoom_needs.judge_path``), with a call-quality score (``core.call_quality``); UDP
blocked while TCP works means Zoom's back-up route. Zoom's own status page, when it
reports an incident, adds that the trouble may be on Zoom's side.
"""

from __future__ import annotations

import math
from typing import Any

from readiness.core.call_quality import CallQuality, CallScore, call_score
from readiness.core.i18n import decimal, percent_number, translate
from readiness.core.line_stats import LineStats
from readiness.core.result import CheckResult, Status
from readiness.core.zoom_needs import (
    GOOD_DELAY,
    Allows,
    Delay,
    LineVerdict,
    Loss,
    PathVerdict,
    judge_line,
    judge_path,
)
from readiness.devices.network.connection import NONE, WIFI, Connection
from readiness.devices.network.line_measure import LineMeasure
from readiness.devices.network.network_errors import Failure, NetworkError
from readiness.devices.network.zoom_reachability import Reachability

#: Below this, Wi-Fi drops and slows down in bursts (about -75 dBm).
WEAK_WIFI_PERCENT = 50
#: A download raising the delay this much means the box queues too much: other
#: downloads will hurt the call.
LOADED_INCREASE_MS = 100.0


def judge_network(
    title: str,
    measure: LineMeasure | None,
    failures: list[tuple[str, NetworkError]],
    connection: Connection,
    zoom: Reachability,
    duration_s: float,
    *,
    line: LineStats | None = None,
    zoom_status: str = "unknown",
) -> CheckResult:
    """The verdict. ``line``: the UDP probe's findings (None: not probed; nothing
    received: UDP blocked). ``zoom_status``: "ok", "incident" or "unknown" (anything
    else counts as unknown)."""
    udp = _Udp.of(line)
    measures: dict[str, Any] = {
        "download_mbps": None,
        "upload_mbps": None,
        "latency_ms": None,
        "jitter_ms": None,
        "latency_loaded_increase_ms": None,
        "allows": None,
        "connection": connection.kind,
        "interface": connection.interface or None,
        "wifi_signal_percent": connection.signal_percent,
        "vpn": bool(connection.vpn),
        "vpn_interfaces": list(connection.vpn),
        "zoom_reachable": zoom.reachable,
        "zoom_failure": str(zoom.failure) if zoom.failure else None,
        "service": measure.service if measure else None,
        "server": measure.server if measure else None,
        "failures": {name: str(error.failure) for name, error in failures},
        "duration_s": round(duration_s, 1),
        **udp.measures(),
        "zoom_status": _zoom_status(zoom_status),
    }
    advice: list[str] = []
    if measure is None:
        status, summary = _unmeasured(failures, connection, zoom, advice)
        if udp.path is not None:
            status = _path_verdict(status, udp, advice, delay_said=False)
        elif udp.blocked and zoom.reachable:  # TCP works (to zoom.us), UDP does not
            advice.insert(0, _udp_blocked_advice())
    else:
        verdict = judge_line(
            measure.upload_mbps,
            measure.download_mbps,
            measure.latency.median_ms if measure.latency else None,
            measure.latency.jitter_ms if measure.latency else None,
        )
        measures.update(_figures(measure, verdict))
        status, summary = _measured(measure, verdict, advice, udp)
        if udp.path is not None:
            measures["allows"] = _level(verdict, udp).name.lower()
        if udp.blocked:
            status = _at_least(status, Status.WARNING)
            advice.insert(0, _udp_blocked_advice())
        if zoom.reachable is False:
            status = Status.FAILED
            summary = _zoom_blocked_summary()
            advice.insert(0, _zoom_blocked_advice())
    if zoom.intercepted:
        advice.append(
            translate(
                "NetworkCheck",
                "Ce réseau inspecte les connexions sécurisées : si Zoom ne se connecte pas, "
                "utilisez une autre connexion.",
            )
        )
    if status is not Status.FAILED or measure is not None:
        status = _local_advice(status, connection, measure, advice)
    if measures["zoom_status"] == "incident":
        advice.append(
            translate(
                "NetworkCheck",
                "Zoom signale en ce moment un incident sur son service : si la séance a des "
                "soucis, ils peuvent venir de Zoom et non de chez vous. Patientez quelques "
                "minutes puis réessayez, et prévenez votre consultant si cela dure.",
            )
        )
    return CheckResult("network", status, title, summary, tuple(advice), measures)


#: From least to most severe, to raise a status without ever lowering it.
_SEVERITY = (Status.SKIPPED, Status.OK, Status.WARNING, Status.FAILED)


def _at_least(status: Status, floor: Status) -> Status:
    return max(status, floor, key=_SEVERITY.index)


def _zoom_status(value: object) -> str:
    """One of the three words; anything else (it came from the network) is "unknown"."""
    if isinstance(value, str) and value in ("ok", "incident", "unknown"):
        return str(value)  # a plain str, also from a StrEnum
    return "unknown"


def _finite(value: object, low: float = 0.0, high: float = math.inf) -> float | None:
    """A figure fit for strict JSON and for the rules, or None (never NaN or Infinity)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    if not math.isfinite(number) or number < low or number > high:
        return None
    return number


class _Udp:
    """The UDP probe's findings, checked, with what follows from them."""

    def __init__(
        self,
        probed: bool,
        reachable: bool,
        loss_percent: float | None = None,
        rtt_ms: float | None = None,
        rtt_p95_ms: float | None = None,
        jitter_ms: float | None = None,
        outage_ms: float | None = None,
        duration_s: float | None = None,
        outages: int | None = None,
    ):
        self.probed = probed
        self.reachable = reachable
        self.loss_percent = loss_percent
        self.rtt_ms = rtt_ms
        self.rtt_p95_ms = rtt_p95_ms
        self.jitter_ms = jitter_ms
        self.outage_ms = outage_ms
        self.duration_s = duration_s
        self.outages = outages
        self.path: PathVerdict | None = None
        self.score: CallScore | None = None
        if reachable:
            self.path = judge_path(loss_percent, rtt_ms, jitter_ms, outage_ms)
            if rtt_ms is not None and loss_percent is not None:
                self.score = call_score(rtt_ms, jitter_ms, loss_percent)

    @classmethod
    def of(cls, line: LineStats | None) -> _Udp:
        """No line, or one with nothing sent: not probed."""
        if line is None or not line.sent:
            return cls(False, False)
        duration = _finite(line.duration_s)
        if not line.reachable:
            return cls(True, False, duration_s=duration)
        outage = _finite(line.longest_outage_ms)
        return cls(
            True,
            True,
            _finite(line.loss_percent, high=100.0),
            _finite(line.rtt_ms),
            _finite(line.rtt_p95_ms),
            _finite(line.jitter_ms),
            outage,
            duration,
            max(0, int(line.outages)) if outage is not None else None,
        )

    @property
    def blocked(self) -> bool:
        return self.probed and not self.reachable

    def measures(self) -> dict[str, Any]:
        def rounded(value: float | None, digits: int) -> float | None:
            return round(value, digits) if value is not None else None

        return {
            "udp_reachable": self.reachable if self.probed else None,
            "udp_loss_percent": rounded(self.loss_percent, 2),
            "udp_rtt_ms": rounded(self.rtt_ms, 1),
            "udp_rtt_p95_ms": rounded(self.rtt_p95_ms, 1),
            "udp_jitter_ms": rounded(self.jitter_ms, 1),
            "udp_longest_outage_ms": rounded(self.outage_ms, 0),
            "udp_outages": self.outages,
            "stability_duration_s": rounded(self.duration_s, 1),
            "mos": rounded(self.score.mos, 2) if self.score else None,
        }


def _level(verdict: LineVerdict, udp: _Udp) -> Allows:
    """What the line allows: the bandwidth's level, lowered by the media path's."""
    if udp.path is None:
        return verdict.allows
    return min(verdict.allows, udp.path.allows)


def _path_verdict(status: Status, udp: _Udp, advice: list[str], *, delay_said: bool) -> Status:
    """Loss, jitter, delay and drop-outs on the media path: advice, and at least a warning
    when any of them (or the call-quality score) is poor. ``delay_said``: the advice on a
    long delay was already given."""
    path = udp.path
    assert path is not None
    troubled = False
    loss = udp.loss_percent
    if path.loss is Loss.AUDIO_ONLY and loss is not None:
        advice.append(
            translate(
                "NetworkCheck",
                "Beaucoup de paquets se perdent en route ({percent} %) : le son et l'image "
                "vont hacher. Rejoignez la séance caméra coupée (audio seulement).",
            ).format(percent=percent_number(loss))
        )
        troubled = True
    elif path.loss is Loss.VIDEO_SUFFERS and loss is not None:
        advice.append(
            translate(
                "NetworkCheck",
                "Une partie des paquets se perd en route ({percent} %) : l'image risque de se "
                "figer par moments. Si cela arrive pendant la séance, coupez votre caméra : le "
                "son passera mieux.",
            ).format(percent=percent_number(loss))
        )
        troubled = True
    if path.delay is not None and path.delay is not Delay.GOOD:
        troubled = True
        jitter = udp.jitter_ms or 0.0
        if jitter >= GOOD_DELAY.jitter_ms:
            advice.append(
                translate(
                    "NetworkCheck",
                    "La connexion est irrégulière (gigue de {ms} ms) : le son peut hacher par "
                    "moments. Fermez ce qui télécharge ; en Wi-Fi, rapprochez-vous de la box.",
                ).format(ms=round(jitter))
            )
        if (udp.rtt_ms or 0.0) >= GOOD_DELAY.round_trip_ms and not delay_said:
            advice.append(_long_delay_advice())
    if path.outage and udp.outage_ms is not None:
        advice.append(
            translate(
                "NetworkCheck",
                "La connexion s'est coupée pendant {seconds} s au cours du test : l'image se "
                "fige et des mots se perdent. Si cela se reproduit, redémarrez votre box.",
            ).format(seconds=decimal(udp.outage_ms / 1000, 1))
        )
        troubled = True
    poor_score = udp.score is not None and udp.score.quality is CallQuality.POOR
    if troubled or poor_score:
        status = _at_least(status, Status.WARNING)
    if poor_score and not troubled:
        advice.append(_close_downloads_advice())
    return status


def _udp_blocked_advice() -> str:
    return translate(
        "NetworkCheck",
        "Le son et l'image de Zoom ne passent pas par leur voie habituelle (UDP) : Zoom "
        "passera par sa voie de secours (TCP 443), et l'image pourra être moins fluide. Sur "
        "un réseau d'entreprise, d'école ou d'hôtel, demandez au service informatique "
        "d'ouvrir à Zoom les ports UDP 8801 à 8810 et 3478 à 3479. À la maison, redémarrez "
        "votre box ou essayez le partage de connexion de votre téléphone.",
    )


def _figures(measure: LineMeasure, verdict: LineVerdict) -> dict[str, Any]:
    increase = measure.loaded_increase_ms
    return {
        "download_mbps": round(measure.download_mbps, 2),
        "upload_mbps": round(measure.upload_mbps, 2),
        "latency_ms": round(measure.latency.median_ms, 1) if measure.latency else None,
        "jitter_ms": round(measure.latency.jitter_ms, 1) if measure.latency else None,
        "latency_loaded_increase_ms": round(increase, 1) if increase is not None else None,
        "allows": verdict.allows.name.lower(),
    }


def mbps_text(value: float) -> str:
    """Fewer decimals as the number grows (0,85 ; 9,6 ; 48), with the language's mark."""
    digits = 2 if value < 1 else 1 if value < 10 else 0
    return decimal(value, digits)


def _measured(
    measure: LineMeasure, verdict: LineVerdict, advice: list[str], udp: _Udp
) -> tuple[Status, str]:
    figures = translate("NetworkCheck", "réception {down} Mbit/s, envoi {up} Mbit/s").format(
        down=mbps_text(measure.download_mbps), up=mbps_text(measure.upload_mbps)
    )
    if measure.latency:
        figures += translate("NetworkCheck", ", délai {ms} ms").format(
            ms=round(measure.latency.median_ms)
        )
    if udp.loss_percent is not None:
        figures += translate("NetworkCheck", ", pertes {percent} %").format(
            percent=percent_number(udp.loss_percent)
        )
    level = _level(verdict, udp)
    if level is Allows.HD_VIDEO:
        summary = translate(
            "NetworkCheck", "Votre connexion permet la vidéo HD et le partage d'écran ({figures})."
        )
    elif level is Allows.STANDARD_VIDEO:
        summary = translate(
            "NetworkCheck", "Votre connexion permet la vidéo en qualité standard ({figures})."
        )
    elif level is Allows.AUDIO:
        summary = translate(
            "NetworkCheck",
            "Votre connexion ne permet que l'audio : la vidéo risque de se figer ({figures}).",
        )
    else:
        summary = translate(
            "NetworkCheck", "Votre connexion est insuffisante pour une séance Zoom ({figures})."
        )
    summary = summary.format(figures=figures)
    status = {
        Allows.HD_VIDEO: Status.OK,
        Allows.STANDARD_VIDEO: Status.WARNING,
        Allows.AUDIO: Status.FAILED,
        Allows.INSUFFICIENT: Status.FAILED,
    }[level]
    if verdict.delay is Delay.USABLE and status is Status.OK:
        status = Status.WARNING
    delay_said = verdict.delay is not None and verdict.delay is not Delay.GOOD
    if delay_said:
        advice.append(_long_delay_advice())
    if udp.path is not None:
        status = _path_verdict(status, udp, advice, delay_said=delay_said)
    if level < Allows.HD_VIDEO and _close_downloads_advice() not in advice:
        advice.append(_close_downloads_advice())
    if level <= Allows.AUDIO:
        advice.append(
            translate(
                "NetworkCheck",
                "Si possible, utilisez une autre connexion (le partage de connexion de votre "
                "téléphone) et relancez le test. Sinon, prévenez votre consultant : la séance "
                "pourra se faire caméra coupée.",
            )
        )
    return status, summary


def _long_delay_advice() -> str:
    return translate(
        "NetworkCheck",
        "Le délai de la connexion est long : les échanges auront un léger décalage. "
        "Une connexion par câble ou plus proche de la box le réduit.",
    )


def _close_downloads_advice() -> str:
    return translate(
        "NetworkCheck",
        "Fermez ce qui télécharge (mises à jour, films, sauvegardes en ligne) et "
        "demandez aux autres personnes du foyer de faire une pause pendant la séance.",
    )


def _local_advice(
    status: Status, connection: Connection, measure: LineMeasure | None, advice: list[str]
) -> Status:
    """Wi-Fi, VPN, downloads: advice the user can act on, at least a warning."""
    weak = (
        connection.kind == WIFI
        and connection.signal_percent is not None
        and connection.signal_percent < WEAK_WIFI_PERCENT
    )
    if weak:
        advice.append(
            translate(
                "NetworkCheck",
                "Le signal Wi-Fi est faible ({percent} %) : branchez un câble si vous le "
                "pouvez, sinon rapprochez-vous de la box.",
            ).format(percent=connection.signal_percent)
        )
    elif connection.kind == WIFI and status is not Status.OK:
        advice.append(
            translate(
                "NetworkCheck",
                "Vous êtes en Wi-Fi : un câble branché sur la box, ou se rapprocher d'elle, "
                "améliore souvent la connexion.",
            )
        )
    if connection.vpn:
        advice.append(
            translate(
                "NetworkCheck",
                "Un VPN est actif : il ralentit souvent les appels vidéo. "
                "Déconnectez-le pendant la séance si vous le pouvez.",
            )
        )
    increase = measure.loaded_increase_ms if measure else None
    if increase is not None and increase >= LOADED_INCREASE_MS:
        advice.append(
            translate(
                "NetworkCheck",
                "Quand la connexion est chargée, le délai augmente de {ms} ms : évitez les "
                "téléchargements pendant la séance.",
            ).format(ms=round(increase))
        )
    if (weak or connection.vpn) and status is Status.OK:
        return Status.WARNING
    return status


# --- when nothing could be measured --------------------------------------------------


def _unmeasured(
    failures: list[tuple[str, NetworkError]],
    connection: Connection,
    zoom: Reachability,
    advice: list[str],
) -> tuple[Status, str]:
    kinds = [error.failure for _name, error in failures]
    offline = (
        connection.kind == NONE
        or Failure.OFFLINE in kinds
        or (bool(kinds) and all(k is Failure.DNS for k in kinds) and zoom.failure is Failure.DNS)
    )
    if offline:
        advice.append(
            translate(
                "NetworkCheck",
                "Vérifiez que le Wi-Fi est activé ou que le câble est branché, puis relancez "
                "le test. Si rien ne change, redémarrez votre box internet.",
            )
        )
        return Status.FAILED, translate(
            "NetworkCheck", "Cet ordinateur n'est pas connecté à internet."
        )
    name, error = failures[0] if failures else ("", NetworkError(Failure.NO_DATA))
    reason = failure_text(error.failure, name)
    advice.append(failure_advice(error.failure))
    if zoom.reachable:
        return Status.WARNING, translate(
            "NetworkCheck", "{reason} Le débit n'a pas pu être mesuré, mais Zoom est joignable."
        ).format(reason=reason)
    advice.insert(0, _zoom_blocked_advice())
    return Status.FAILED, translate("NetworkCheck", "{reason} Zoom ne répond pas non plus.").format(
        reason=reason
    )


def failure_text(failure: Failure, service: str) -> str:
    texts = {
        Failure.OFFLINE: translate("NetworkCheck", "Cet ordinateur n'est pas connecté à internet."),
        Failure.DNS: translate(
            "NetworkCheck", "Le serveur de mesure {service} est introuvable (problème de DNS)."
        ),
        Failure.REFUSED: translate(
            "NetworkCheck", "Le serveur de mesure {service} refuse la connexion."
        ),
        Failure.TIMEOUT: translate(
            "NetworkCheck", "Le serveur de mesure {service} ne répond pas à temps."
        ),
        Failure.FORBIDDEN: translate(
            "NetworkCheck", "Le serveur de mesure {service} refuse la mesure (accès interdit)."
        ),
        Failure.PROXY: translate(
            "NetworkCheck", "Un proxy du réseau empêche la mesure vers {service}."
        ),
        Failure.TLS: translate(
            "NetworkCheck", "La connexion sécurisée au serveur de mesure {service} a échoué."
        ),
        Failure.HTTP: translate(
            "NetworkCheck", "Le serveur de mesure {service} a répondu de façon inattendue."
        ),
        Failure.NO_DATA: translate(
            "NetworkCheck", "Aucune donnée n'a pu être échangée avec {service}."
        ),
        Failure.CANCELLED: translate("NetworkCheck", "La mesure a été annulée."),
    }
    return texts[failure].format(service=service or "speedtest.net")


def failure_advice(failure: Failure) -> str:
    if failure in {Failure.FORBIDDEN, Failure.PROXY, Failure.TLS}:
        return translate(
            "NetworkCheck",
            "Sur un réseau d'entreprise, d'école ou d'hôtel, le filtrage bloque souvent les "
            "tests de débit : essayez une autre connexion (le partage de connexion de votre "
            "téléphone), ou demandez au service informatique.",
        )
    if failure is Failure.DNS:
        return translate("NetworkCheck", "Redémarrez votre box internet, puis relancez le test.")
    return translate(
        "NetworkCheck",
        "Relancez le test dans un instant. Si cela se reproduit, redémarrez votre box internet.",
    )


def _zoom_blocked_summary() -> str:
    return translate(
        "NetworkCheck",
        "Un pare-feu semble bloquer Zoom : zoom.us ne répond pas, alors que le reste "
        "d'internet fonctionne.",
    )


def _zoom_blocked_advice() -> str:
    return translate(
        "NetworkCheck",
        "Sur un réseau d'entreprise, d'école ou d'hôtel, demandez au service informatique "
        "d'autoriser Zoom, ou utilisez le partage de connexion de votre téléphone.",
    )
