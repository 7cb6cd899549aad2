"""« Connexion internet »: the line measured with a live progress bar, then what it allows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from readiness.checks.network import NetworkFindings
from readiness.checks.network_flow import NetworkFlow, NetworkMeasured, NetworkProgress
from readiness.core.measure_text import connection_word
from readiness.core.result import CheckResult, Status
from readiness.ui.card import Card
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.flow_runner import FlowRunner
from readiness.ui.page import Page, heading_label, paragraph
from readiness.ui.page_context import PageContext
from readiness.ui.value_label import ValueLabel

CHECK_ID = "network"
_STEPS = 1000
#: A smaller rise of the delay under load is noise, not worth a line.
_SHOWN_INCREASE_MS = 20
#: The live view of the background watch is redrawn this often.
_VIEW_MS = 1000


class NetworkPage(Page):
    step_id = CHECK_ID

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        controller = context.controller
        super().__init__(
            controller.check(CHECK_ID).title(),
            self.tr(
                "Nous mesurons votre connexion (une dizaine de secondes) et la comparons à ce "
                "dont Zoom a besoin. Sa stabilité est suivie depuis l'ouverture de "
                "l'application. Pendant le test, évitez de lancer d'autres téléchargements."
            ),
            parent,
        )
        self._controller = controller
        self._services = context.services
        self._first_service = ""  # the service a run started with (a change: a retry)
        self._running = False
        #: Runs the test's flow; only the latest one is heard (a cancelled one winds
        #: down unheard).
        self.runner = FlowRunner(self)
        self.runner.updated.connect(self._on_update)

        self.phase_label = paragraph()  # its text is its name, in step with the phase
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, _STEPS)
        self.progress_bar.setFormat(self.tr("%p %"))
        self.progress_bar.setAccessibleName(self.tr("Avancement du test"))
        self.start_button = QPushButton(self.tr("&Lancer le test"))
        # Not connected directly: clicked(checked) would pass its False as ``fresh``.
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button = QPushButton(self.tr("A&nnuler"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)

        self.result_view = CheckResultView(self)
        self.figures = _Figures()
        #: The line watched since the window opened; None: not watched (no STUN server).
        self._watch = context.services.line_watch
        #: What the last test found, judged again on the watch's newer figures.
        self._findings: NetworkFindings | None = None
        self._judged_stats: object = None
        self.stability = None
        if self._watch is not None:
            from readiness.ui.pages.network_stability import StabilityPanel

            self.stability = StabilityPanel()
            self._view_timer = QTimer(self)
            self._view_timer.setInterval(_VIEW_MS)
            self._view_timer.timeout.connect(self.follow_watch)
            self._view_timer.start()

        self.body.addWidget(self.result_view)
        self.body.addWidget(self.phase_label)
        self.body.addWidget(self.progress_bar)
        if self.stability is not None:
            self.body.addWidget(self.stability)  # live, above the figures of the last test
        self.body.addWidget(self.figures)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self._show_idle()

        controller.finished.connect(self._on_finished)
        existing = controller.result(CHECK_ID)
        if existing is not None:
            self._on_finished(existing)

    # --- behaviour ------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    def entered(self) -> None:
        if self._controller.result(CHECK_ID) is None and not self.running:
            self.start()
        self.follow_watch()

    def left(self) -> None:
        """A test under way goes on: it holds no device, and its result reaches the
        sidebar wherever the user is (Cancel is here for stopping it)."""

    def measure_early(self) -> None:
        if not self.running:
            self.start()

    def check_again(self) -> None:
        """The summary's « Vérifier »: a new test from the start, even if one runs, on
        the line as it is now (what the watch saw before is forgotten)."""
        self.runner.stop()
        self._running = False
        self.start(fresh=True)

    def start(self, fresh: bool | None = None) -> None:
        """A test; ``fresh``: the line's stability measured afresh, not from what the watch
        saw so far (the default once a test was made: the person may have changed
        something since)."""
        if self.running:
            return
        if fresh is None:
            fresh = self._controller.result(CHECK_ID) is not None
        self._first_service = ""
        self._show_running()
        self._running = True
        # The sidebar's badge shows the step as running until the verdict is recorded.
        self._controller.announce(CHECK_ID)
        self.runner.start(
            NetworkFlow(
                self._services.config.devices,
                self._services.kit,
                line_watch=self._watch,
                fresh_line=fresh,
            )
        )

    def follow_watch(self) -> None:
        """The watch's latest view on the chart; its newer figures judged again."""
        if self._watch is None:
            return
        snapshot = self._watch.snapshot()
        if self.stability is not None and self.isVisible():
            self.stability.show_snapshot(snapshot)
        stats = snapshot.stats
        if self._findings is None or self.running or stats is None:
            return
        if stats is self._judged_stats:
            return
        self._judged_stats = stats
        result = self._findings.judge(stats)
        self.figures.show_measures(result.measures)
        current = self._controller.result(CHECK_ID)
        if current is None or _said(current) != _said(result):
            self._controller.record(result)  # the line got better or worse: the verdict too

    def refresh_verdict(self) -> None:
        """The verdict recorded again on the watch's latest figures, whatever changed
        (before the summary is shown and the report is made)."""
        if self._watch is None or self._findings is None or self.running:
            return
        stats = self._watch.snapshot().stats
        if stats is not None:
            self._judged_stats = stats
            self._controller.record(self._findings.judge(stats))

    def cancel(self) -> None:
        """Stop at once: the measuring threads wind down on their own, unheard.

        The previous result, if any, stands again; otherwise the step is "not
        checked", which the sidebar shows too.
        """
        if not self.running:
            return
        self.runner.stop()
        self._running = False
        previous = self._controller.result(CHECK_ID)
        self._controller.record(
            previous
            or CheckResult(
                CHECK_ID,
                Status.SKIPPED,
                self.title,
                self.tr("Test annulé : votre connexion n'a pas été mesurée."),
                (self.tr("Cliquez sur « Lancer le test » quand vous le souhaitez."),),
            )
        )

    def _on_update(self, update: object) -> None:
        if isinstance(update, NetworkProgress):
            self.progress_bar.setValue(round(update.fraction * _STEPS))
            self.phase_label.setText(self._phase_text(update))
        elif isinstance(update, NetworkMeasured):
            self.runner.stop()  # over: nothing left to hear from it
            self._running = False
            self._findings = update.findings
            # The watch's figures from before this verdict are not judged again.
            self._judged_stats = self._watch.snapshot().stats if self._watch else None
            self._controller.record(update.result)  # the sidebar's badge, and _on_finished

    def _phase_text(self, progress: NetworkProgress) -> str:
        if not self._first_service and progress.service:
            self._first_service = progress.service
        mbps = progress.live_mbps
        live = self.tr(" {mbps} Mbit/s").format(mbps=_mbps(mbps)) if mbps else ""
        if progress.phase == "download":
            return self.tr("Mesure de la réception (ce que vous recevez)…") + live
        if progress.phase == "upload":
            return self.tr("Mesure de l'envoi (ce que vous envoyez)…") + live
        if progress.phase == "stability":
            return self.tr("Mesure de la régularité de la connexion (son et image)…")
        if progress.phase == "zoom":
            return self.tr("Vérification de l'accès à Zoom…")
        if progress.service != self._first_service:
            return self.tr(
                "{first} n'a pas pu mesurer : nouvelle tentative avec {service}…"
            ).format(first=self._first_service, service=progress.service)
        return self.tr("Connexion au serveur de mesure {service}…").format(service=progress.service)

    def _on_finished(self, result: CheckResult) -> None:
        if result.check_id != CHECK_ID or self.running:
            return
        measured = result.status is not Status.SKIPPED
        self.result_view.show_result(result)
        self.figures.show_measures(result.measures)
        self.figures.setVisible(measured)
        self.progress_bar.hide()
        self.phase_label.hide()
        self.cancel_button.hide()
        self.start_button.setText(
            self.tr("&Refaire le test") if measured else self.tr("&Lancer le test")
        )
        self.start_button.show()

    # --- states ---------------------------------------------------------------

    def _show_idle(self) -> None:
        self.result_view.show_pending()
        self.figures.hide()
        self.progress_bar.hide()
        self.phase_label.hide()
        self.cancel_button.hide()
        self.start_button.show()

    def _show_running(self) -> None:
        self.result_view.show_running(self.tr("Mesure de votre connexion en cours…"))
        self.figures.hide()
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.phase_label.setText(self.tr("Préparation du test…"))
        self.phase_label.show()
        self.start_button.hide()
        self.cancel_button.show()


def _said(result: CheckResult) -> tuple:
    """What a person reads of a verdict."""
    return (result.status, result.summary, result.advice)


def _mbps(value: float) -> str:
    from readiness.checks.network_verdict import mbps_text

    return mbps_text(value)


class _Figures(Card):
    """What the line allows in large type, then the figures behind it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.allows = heading_label("", scale=1.3)  # its text is its name, in step
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._values: dict[str, ValueLabel] = {}
        rows = [
            ("download", self.tr("Réception (téléchargement)")),
            ("upload", self.tr("Envoi")),
            ("latency", self.tr("Délai (aller-retour)")),
            ("jitter", self.tr("Régularité (gigue)")),
            ("udp", self.tr("Voie du son et de l'image (UDP)")),
            ("udp_loss", self.tr("Pertes de paquets")),
            ("udp_jitter", self.tr("Gigue du son et de l'image")),
            ("udp_outage", self.tr("Coupure la plus longue")),
            ("call_quality", self.tr("Qualité d'appel estimée")),
            ("connection", self.tr("Connexion")),
            ("zoom", self.tr("Accès à Zoom")),
            ("zoom_status", self.tr("État du service Zoom")),
            ("service", self.tr("Mesuré par")),
        ]
        for row, (key, label) in enumerate(rows):
            name = QLabel(label)
            name.setWordWrap(True)  # long titles wrap at large text, never widen the page
            # Plain text (server names come from the network), named « title : value »:
            # a screen reader hears the value, not only the row's title.
            value = ValueLabel(label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            name.setBuddy(value)
            self._grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(value, row, 1)
            self._values[key] = value
        self._grid.setColumnStretch(1, 1)
        layout = QGridLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(QLabel(self.tr("Votre connexion permet :")), 0, 0)
        layout.addWidget(self.allows, 1, 0)
        layout.addLayout(self._grid, 2, 0)

    def value(self, key: str) -> str:
        return self._values[key].text()

    def show_measures(self, measures) -> None:
        from readiness.core.zoom_needs import Allows, allows_text

        allows = measures.get("allows")
        if allows:
            text = allows_text(Allows[allows.upper()])
            self.allows.setText(text[:1].upper() + text[1:])
        else:
            self.allows.setText(self.tr("Débit non mesuré"))
        unknown = self.tr("non mesuré")

        def mbps(key: str) -> str:
            value = measures.get(key)
            return self.tr("{mbps} Mbit/s").format(mbps=_mbps(value)) if value else unknown

        def ms(key: str) -> str:
            value = measures.get(key)
            return self.tr("{ms} ms").format(ms=round(value)) if value is not None else unknown

        self._values["download"].setText(mbps("download_mbps"))
        self._values["upload"].setText(mbps("upload_mbps"))
        latency = ms("latency_ms")
        increase = measures.get("latency_loaded_increase_ms")
        if increase is not None and increase >= _SHOWN_INCREASE_MS:
            latency += self.tr(" (+{ms} ms pendant un téléchargement)").format(ms=round(increase))
        self._values["latency"].setText(latency)
        self._values["jitter"].setText(ms("jitter_ms"))
        self._show_udp(measures, unknown)
        self._values["connection"].setText(self._connection_text(measures))
        self._values["zoom"].setText(
            self.tr("✓ zoom.us répond")
            if measures.get("zoom_reachable")
            else self.tr("✗ zoom.us ne répond pas")
        )
        self._values["zoom_status"].setText(self._zoom_status_text(measures.get("zoom_status")))
        self._values["service"].setText(self._service_text(measures))

    def _show_udp(self, measures, unknown: str) -> None:
        """The media path's rows: « non mesuré » where a figure is missing (all of them when
        UDP was not probed, or is blocked)."""
        from readiness.core.call_quality import quality_of, quality_text
        from readiness.core.i18n import decimal, percent_number
        from readiness.core.stability_text import duration_text

        reachable = measures.get("udp_reachable")
        if reachable is None:
            self._values["udp"].setText(self.tr("non vérifiée"))
        elif reachable:
            self._values["udp"].setText(self.tr("✓ ouverte"))
        else:
            self._values["udp"].setText(
                self.tr("✗ bloquée : Zoom passera par sa voie de secours (TCP 443)")
            )
        loss = measures.get("udp_loss_percent")
        self._values["udp_loss"].setText(
            self.tr("{percent} %").format(percent=percent_number(loss))
            if loss is not None
            else unknown
        )
        jitter = measures.get("udp_jitter_ms")
        self._values["udp_jitter"].setText(
            self.tr("{ms} ms").format(ms=round(jitter)) if jitter is not None else unknown
        )
        outage = measures.get("udp_longest_outage_ms")
        seconds = measures.get("stability_duration_s")
        if outage is None:
            text = unknown
        elif outage == 0:
            text = self.tr("aucune")
        elif outage < 1000:
            text = self.tr("{ms} ms").format(ms=round(outage))
        else:
            text = self.tr("{seconds} s").format(seconds=decimal(outage / 1000, 1))
        if outage is not None and seconds:
            text += self.tr(" (sur {duration})").format(duration=duration_text(seconds))
        self._values["udp_outage"].setText(text)
        mos = measures.get("mos")
        if mos is None:
            self._values["call_quality"].setText(unknown)
        else:
            word = quality_text(quality_of(mos))
            self._values["call_quality"].setText(
                self.tr("{quality} (note {mos} sur 5)").format(
                    quality=word[:1].upper() + word[1:], mos=decimal(mos, 1)
                )
            )

    def _zoom_status_text(self, status) -> str:
        if status == "ok":
            return self.tr("✓ aucun incident signalé")
        if status == "incident":
            return self.tr("⚠ Zoom signale un incident")
        return self.tr("non vérifié")

    def _connection_text(self, measures) -> str:
        kind = measures.get("connection")
        signal = measures.get("wifi_signal_percent")
        if kind == "wifi":
            text = (
                self.tr("Wi-Fi, signal {percent} %").format(percent=signal)
                if signal is not None
                else self.tr("Wi-Fi")
            )
        else:
            text = connection_word(kind)
        if measures.get("vpn"):
            text += self.tr(", VPN actif")
        return text

    def _service_text(self, measures) -> str:
        service = measures.get("service")
        seconds = measures.get("duration_s")
        if not service:
            return self.tr("aucun service n'a pu mesurer")
        text = self.tr("{service}, en {seconds} s").format(
            service=service, seconds=round(seconds or 0)
        )
        failed = list(measures.get("failures") or {})
        if failed:
            text += self.tr(" ({service} n'a pas pu mesurer)").format(service=failed[0])
        return text
