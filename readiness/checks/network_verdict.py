"""The connection step's verdict: from what was measured to a status, a sentence, advice.

Zoom's needs decide what the line allows (``readiness.core.zoom_needs``); the
connection itself (weak Wi-Fi, a VPN, a box that queues too much) adds advice; a
line measured while zoom.us does not answer points at a firewall.
"""

from __future__ import annotations

from typing import Any

from readiness.core.i18n import decimal, translate
from readiness.core.result import CheckResult, Status
from readiness.core.zoom_needs import Allows, Delay, LineVerdict, judge_line
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
) -> CheckResult:
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
    }
    advice: list[str] = []
    if measure is None:
        status, summary = _unmeasured(failures, connection, zoom, advice)
    else:
        verdict = judge_line(
            measure.upload_mbps,
            measure.download_mbps,
            measure.latency.median_ms if measure.latency else None,
            measure.latency.jitter_ms if measure.latency else None,
        )
        measures.update(_figures(measure, verdict))
        status, summary = _measured(measure, verdict, advice)
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
    return CheckResult("network", status, title, summary, tuple(advice), measures)


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


def _measured(measure: LineMeasure, verdict: LineVerdict, advice: list[str]) -> tuple[Status, str]:
    figures = translate("NetworkCheck", "réception {down} Mbit/s, envoi {up} Mbit/s").format(
        down=mbps_text(measure.download_mbps), up=mbps_text(measure.upload_mbps)
    )
    if measure.latency:
        figures += translate("NetworkCheck", ", délai {ms} ms").format(
            ms=round(measure.latency.median_ms)
        )
    level = verdict.allows
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
    if verdict.delay is not None and verdict.delay is not Delay.GOOD:
        advice.append(
            translate(
                "NetworkCheck",
                "Le délai de la connexion est long : les échanges auront un léger décalage. "
                "Une connexion par câble ou plus proche de la box le réduit.",
            )
        )
    if level < Allows.HD_VIDEO:
        advice.append(
            translate(
                "NetworkCheck",
                "Fermez ce qui télécharge (mises à jour, films, sauvegardes en ligne) et "
                "demandez aux autres personnes du foyer de faire une pause pendant la séance.",
            )
        )
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
