"""Measures in words: a French label and a value with its unit, for pages and reports.

Only measures with a label here are shown to people; the JSON keeps them all.
"""

from __future__ import annotations

from typing import Any

from readiness.core.i18n import decimal, translate


def _labels() -> dict[str, str]:
    def t(text: str) -> str:
        return translate("Measures", text)

    return {
        # camera
        "width": t("Largeur de l'image"),
        "height": t("Hauteur de l'image"),
        "fps": t("Images par seconde"),
        "brightness": t("Luminosité (0 à 255)"),
        "faces": t("Visages vus"),
        # microphone and speakers
        "level_dbfs": t("Niveau de la voix"),
        "noise_floor_dbfs": t("Bruit de fond"),
        "peak_dbfs": t("Crête"),
        "clipping": t("Saturation"),
        "played": t("Son joué"),
        "heard_by_microphone": t("Son entendu par le micro"),
        # network
        "download_mbps": t("Débit descendant"),
        "upload_mbps": t("Débit montant"),
        "latency_ms": t("Délai aller-retour"),
        "jitter_ms": t("Gigue"),
        "connection": t("Connexion"),
        "service": t("Mesuré avec"),
        # processes
        "cpu_percent": t("Processeur utilisé"),
        "memory_available_mb": t("Mémoire libre"),
        "battery_percent": t("Batterie"),
        "on_battery": t("Sur batterie"),
        # zoom
        "version": t("Version de Zoom"),
        "installed": t("Zoom installé"),
        "handler_registered": t("Liens Zoom reconnus"),
    }


_UNITS = (
    ("_mbps", " Mbit/s"),
    ("_ms", " ms"),
    ("_dbfs", " dBFS"),
    ("_mb", " Mo"),
    ("_percent", " %"),
    ("_s", " s"),
)


def format_value(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return translate("Measures", "oui") if value else translate("Measures", "non")
    if isinstance(value, float):
        text = decimal(value, 1).removesuffix(",0").removesuffix(".0")
    else:
        text = str(value)
    unit = next((suffix for ending, suffix in _UNITS if key.endswith(ending)), "")
    return text + unit


def labelled_measures(measures: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs of the measures people should see, in the check's own order."""
    labels = _labels()
    return [
        (labels[key], format_value(key, value))
        for key, value in measures.items()
        if key in labels and value is not None and not isinstance(value, list | dict)
    ]
