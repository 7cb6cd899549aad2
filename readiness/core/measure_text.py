"""Measures in words: a French label and a value with its unit, for pages and reports.

Only measures with a label here are shown to people; the JSON keeps them all.
"""

from __future__ import annotations

from typing import Any

from readiness.core.i18n import decimal, translate


def _labels() -> dict[str, str]:
    # Each text written out in full: pyside6-lupdate only finds literal translate() calls.
    return {
        # camera
        "width": translate("Measures", "Largeur de l'image"),
        "height": translate("Measures", "Hauteur de l'image"),
        "fps": translate("Measures", "Images par seconde"),
        "brightness": translate("Measures", "Luminosité (0 à 255)"),
        "faces": translate("Measures", "Visages vus"),
        # microphone and speakers
        "level_dbfs": translate("Measures", "Niveau de la voix"),
        "noise_floor_dbfs": translate("Measures", "Bruit de fond"),
        "peak_dbfs": translate("Measures", "Crête"),
        "clipping": translate("Measures", "Saturation"),
        "played": translate("Measures", "Son joué"),
        "heard_by_microphone": translate("Measures", "Son entendu par le micro"),
        # network
        "download_mbps": translate("Measures", "Débit descendant"),
        "upload_mbps": translate("Measures", "Débit montant"),
        "latency_ms": translate("Measures", "Délai aller-retour"),
        "jitter_ms": translate("Measures", "Gigue"),
        "connection": translate("Measures", "Connexion"),
        "service": translate("Measures", "Mesuré avec"),
        # processes
        "cpu_percent": translate("Measures", "Processeur utilisé"),
        "memory_available_mb": translate("Measures", "Mémoire libre"),
        "battery_percent": translate("Measures", "Batterie"),
        "on_battery": translate("Measures", "Sur batterie"),
        # zoom
        "version": translate("Measures", "Version de Zoom"),
        "installed": translate("Measures", "Zoom installé"),
        "handler_registered": translate("Measures", "Liens Zoom reconnus"),
    }


def _units() -> tuple[tuple[str, str], ...]:
    """(key ending, unit as written after the number); some differ between languages."""
    return (
        ("_mbps", " Mbit/s"),
        ("_ms", " ms"),
        ("_dbfs", " dBFS"),
        ("_mb", translate("Measures", " Mo")),
        ("_percent", translate("Measures", " %")),
        ("_s", " s"),
    )


def connection_word(kind: str | None) -> str:
    """The kind of connection (readiness.devices.network.connection's names), in words."""
    words = {
        "ethernet": translate("Measures", "Câble (Ethernet)"),
        "wifi": translate("Measures", "Wi-Fi"),
        "cellular": translate("Measures", "Réseau mobile"),
        "none": translate("Measures", "Aucune"),
    }
    return words.get(kind or "", translate("Measures", "Type inconnu"))


def format_value(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key == "connection":
        return connection_word(str(value))
    if isinstance(value, bool):
        return translate("Measures", "oui") if value else translate("Measures", "non")
    if isinstance(value, float):
        text = decimal(value, 1).removesuffix(",0").removesuffix(".0")
    else:
        text = str(value)
    unit = next((suffix for ending, suffix in _units() if key.endswith(ending)), "")
    return text + unit


def measure_line(label: str, value: str) -> str:
    return translate("Measures", "{label} : {value}").format(label=label, value=value)


def labelled_measures(measures: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs of the measures people should see, in the check's own order."""
    labels = _labels()
    return [
        (labels[key], format_value(key, value))
        for key, value in measures.items()
        if key in labels and value is not None and not isinstance(value, list | dict)
    ]
