"""What competes for the machine and the line: heavy processes, battery, memory, disk.

The rules on a snapshot of what runs; ``processes_flow`` takes the snapshot and
runs this for the page and the command line.
"""

from __future__ import annotations

from collections.abc import Callable

from readiness.checks.titles import processes_title
from readiness.core.heavy_apps import HeavyProcess, Thresholds, find_heavy, is_starved
from readiness.core.i18n import pick, translate
from readiness.core.known_apps import KnownApps
from readiness.core.process_snapshot import Snapshot
from readiness.core.result import CheckResult, Status


def app_advice_line(app: str, advice: str) -> str:
    """ "Chrome : fermez les onglets…": one application's own advice."""
    return translate("ProcessesCheck", "{app} : {advice}").format(app=app, advice=advice)


def assess(
    snapshot: Snapshot, known_apps: KnownApps, thresholds: Thresholds
) -> tuple[CheckResult, tuple[HeavyProcess, ...]]:
    """The verdict on what runs, and the applications that compete with the session."""
    heavy = find_heavy(snapshot, known_apps, thresholds)
    return judge(snapshot, heavy, thresholds, processes_title()), tuple(heavy)


def judge(
    snapshot: Snapshot, heavy: list[HeavyProcess], thresholds: Thresholds, title: str
) -> CheckResult:
    system = snapshot.system
    measures = {
        "heavy": [h.to_json() for h in heavy],
        "cpu_percent": system.cpu_percent,
        "memory_available_mb": system.memory_available_mb,
        "on_battery": system.on_battery,
        "battery_percent": system.battery_percent,
        "disk_free_mb": system.disk_free_mb,
        "network_mbps": system.network_mbps,
        "process_count": len(snapshot.processes),
        "scan_duration_s": round(snapshot.duration_s, 2),
    }
    advice: list[str] = []
    warnings = bool(heavy)
    for reason, text in _REASON_ADVICE.items():
        if any(h.reason == reason for h in heavy):
            advice.append(text())
    for item in heavy:
        if item.advice:
            line = app_advice_line(item.app, pick(item.advice))
            if line not in advice:
                advice.append(line)
    if system.on_battery:
        advice.append(
            translate(
                "ProcessesCheck",
                "Branchez votre ordinateur : sur batterie, l'économie d'énergie ralentit la vidéo.",
            )
        )
        low = thresholds.low_battery_percent
        warnings |= system.battery_percent is not None and system.battery_percent < low
    if system.disk_free_mb is not None and system.disk_free_mb < thresholds.low_disk_mb:
        advice.append(
            translate(
                "ProcessesCheck",
                "Votre disque est presque plein : supprimez quelques fichiers inutiles.",
            )
        )
        warnings = True

    if is_starved(snapshot, thresholds):
        summary = translate(
            "ProcessesCheck",
            "L'ordinateur est débordé : la vidéo risque de saccader ou de se couper.",
        )
        advice.insert(
            0,
            translate(
                "ProcessesCheck",
                "Fermez les applications dont vous n'avez pas besoin, puis vérifiez à nouveau.",
            ),
        )
        return CheckResult("processes", Status.FAILED, title, summary, tuple(advice), measures)
    if heavy:
        count = len({h.app for h in heavy})
        if count == 1:
            summary = translate("ProcessesCheck", "Une application peut gêner la séance.")
        else:
            summary = translate(
                "ProcessesCheck", "{count} applications peuvent gêner la séance."
            ).format(count=count)
    elif warnings:
        summary = translate("ProcessesCheck", "Quelques réglages de l'ordinateur sont à revoir.")
    else:
        summary = translate("ProcessesCheck", "Aucune application ne gêne la séance.")
    status = Status.WARNING if warnings else Status.OK
    return CheckResult("processes", status, title, summary, tuple(advice), measures)


_REASON_ADVICE: dict[str, Callable[[], str]] = {
    "cpu": lambda: translate(
        "ProcessesCheck",
        "Une application occupe beaucoup le processeur : fermez-la si vous ne l'utilisez pas.",
    ),
    "memory": lambda: translate(
        "ProcessesCheck",
        "Une application occupe beaucoup de mémoire : fermez-la si vous ne l'utilisez pas.",
    ),
    "bandwidth": lambda: translate(
        "ProcessesCheck",
        "Certaines applications peuvent utiliser votre connexion : "
        "fermez-les ou mettez-les en pause.",
    ),
    "camera_or_microphone": lambda: translate(
        "ProcessesCheck",
        "Une autre application d'appel vidéo peut bloquer la caméra ou le micro : fermez-la.",
    ),
}
