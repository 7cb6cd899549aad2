"""The connection page's live view of the line watched in the background: the chart of the
last minutes, and the same in one sentence for everyone (screen readers included)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from readiness.checks.line_watch import STATS_EVERY_S, LineSnapshot
from readiness.core.stability_text import stability_sentence
from readiness.ui.card import Card
from readiness.ui.page import heading_label, paragraph
from readiness.ui.stability_chart import StabilityChart


class StabilityPanel(Card):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading_label(self.tr("Stabilité de la connexion"), scale=1.1)
        self.chart = StabilityChart()
        self.sentence = paragraph()  # its text is its name, in step (the heading says what)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.sentence)
        layout.addWidget(self.chart)
        self._text = ""

    def show_snapshot(self, snapshot: LineSnapshot) -> None:
        self.chart.set_buckets(snapshot.chart, snapshot.span_s)
        text = self.describe(snapshot)
        if text != self._text:  # a screen reader hears a change, not every second
            self._text = text
            self.sentence.setText(text)
            self.chart.setAccessibleDescription(text)

    def describe(self, snapshot: LineSnapshot) -> str:
        stats = snapshot.stats
        if snapshot.state == "blocked" or (stats is not None and not stats.reachable):
            return self.tr(
                "La voie du son et de l'image (UDP) ne répond pas : Zoom passera par sa voie "
                "de secours, l'image peut être moins fluide."
            )
        if stats is None or stats.loss_percent is None:
            if snapshot.state == "stopped":
                return self.tr("La surveillance de la connexion est arrêtée.")
            return self.tr("Surveillance de la connexion en cours de démarrage…")
        sentence = stability_sentence(
            stats.duration_s,
            stats.loss_percent,
            stats.outages,
            stats.longest_outage_ms,
            stats.jitter_ms,
        )
        text = sentence[:1].upper() + sentence[1:] + "."
        if stats.rtt_ms is not None:
            text += " " + self.tr("Délai aller-retour : {ms} ms.").format(ms=round(stats.rtt_ms))
        if snapshot.state == "stopped":
            text += " " + self.tr("La surveillance est maintenant arrêtée.")
        else:
            text += " " + self.tr("Mis à jour toutes les {seconds} secondes.").format(
                seconds=round(STATS_EVERY_S)
            )
        return text
