"""The real app in a process of its own, left on one step as a person leaves it.

Run by ``tests/soak.py`` (the soak tests and ``benchmarks/soak.py``), never by pytest
itself: a fresh interpreter is the point (under pytest, ``True`` holds tens of
thousands of references, and a refcount bug in a binding takes far longer to show).

It starts the app through its real entry point (``readiness.app.run_app``), goes to
the scenario's step, and prints one JSON line a second on stdout, from a timer on
the GUI thread: a heartbeat that stops when the window freezes, with counters that
show the work done (frames drawn, meter blocks, line probes).

Scenarios:

- ``camera``: the camera step, on the video file the configuration names;
- ``microphone``: the microphone step, on the PulseAudio server ``PULSE_SERVER`` names;
- ``watch``: the session watch, probing ``--probe-port`` on 127.0.0.1 every
  ``--probe-interval-ms``;
- ``network``: the connection step, its chart following the line watched through the
  STUN server on ``--stun-port`` (the bandwidth test stands in, answering at once);
- ``welcome``: the first step only (with ``--abort-after-ms``: a deliberate crash).
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import sys
import time
from pathlib import Path

SCENARIOS = ("camera", "microphone", "network", "watch", "welcome")
#: Echoes the network scenario's line watch has heard (its stream's thread counts them).
ECHOES = [0]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=SCENARIOS)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=60.0, help="then close the window")
    parser.add_argument("--probe-port", type=int, default=0)
    parser.add_argument("--probe-interval-ms", type=int, default=50)
    parser.add_argument("--stun-port", type=int, default=0, help="the network scenario's line")
    parser.add_argument("--abort-after-ms", type=int, default=0, help="crash on purpose")
    return parser.parse_args(argv)


class Reporter:
    """Counts the scenario's work and prints a heartbeat line every second."""

    def __init__(self, window, scenario: str):
        self.window = window
        self.scenario = scenario
        self.probes = 0
        self.meter_blocks = 0
        self.lost = 0
        self.back = 0
        self._last_tick = time.monotonic()
        self.longest_gap_s = 0.0

    def count_probe(self, _event=None) -> None:
        self.probes += 1

    def count_block(self, _block=None) -> None:
        self.meter_blocks += 1

    def beat(self) -> None:
        from PySide6.QtWidgets import QApplication

        now = time.monotonic()
        self.longest_gap_s = max(self.longest_gap_s, now - self._last_tick)
        self._last_tick = now
        page = self.window.current_page()
        preview = getattr(page, "preview", None)
        dialogs = [
            w.windowTitle()
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.window and w.windowTitle()
        ]
        line = {
            "t": now,
            "page": page.step_id or type(page).__name__,
            "frames": getattr(preview, "frames_drawn", 0),
            "meter_blocks": self.meter_blocks,
            "probes": self.probes,
            "lost": self.lost,
            "back": self.back,
            "longest_gap_s": round(self.longest_gap_s, 3),
            "dialogs": dialogs,
            "true_refs": sys.getrefcount(True),
            **self._network(page),
        }
        print(json.dumps(line), flush=True)

    def _network(self, page) -> dict:
        """The connection page's live view: the watch's echoes, the chart's measured slices,
        the verdict as judged on the latest figures."""
        if self.scenario != "network":
            return {}
        result = self.window.controller.result("network")
        chart = getattr(getattr(page, "stability", None), "chart", None)
        return {
            "echoes": ECHOES[0],
            "chart_measured": sum(1 for b in getattr(chart, "_buckets", ()) if b.sent),
            "network_status": str(result.status) if result else None,
        }


def go_to(window, step_id: str) -> None:
    ids = [step.step_id for step in window.steps]
    window.sidebar.setCurrentRow(ids.index(step_id))


def start_scenario(args: argparse.Namespace) -> None:
    """Runs once the window is shown."""
    from dataclasses import replace

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from readiness.devices.network.line_probe import LineProbe
    from readiness.ui.main_window import MainWindow

    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    reporter = Reporter(window, args.scenario)
    app._soak_reporter = reporter  # kept alive with the app

    if args.scenario in ("camera", "microphone", "network"):
        go_to(window, args.scenario)
    if args.scenario == "microphone":
        window.page("microphone").meter.measured.connect(reporter.count_block)
    if args.scenario == "watch":
        probe = LineProbe("127.0.0.1", args.probe_port, timeout_s=1.0)

        def counted_probe() -> bool:
            # Each probe's answer goes back to the GUI thread through a queued signal.
            reporter.count_probe()
            return probe()

        window.services.kit = replace(window.services.kit, probe_line=counted_probe)
        window.services.watch_interval_ms = args.probe_interval_ms
        window.start_session_watch()
        monitor = window.session_tray.monitor
        monitor.lost.connect(lambda: setattr(reporter, "lost", reporter.lost + 1))
        monitor.back.connect(lambda: setattr(reporter, "back", reporter.back + 1))

    heartbeat = QTimer(app)
    heartbeat.setInterval(1000)
    heartbeat.timeout.connect(reporter.beat)
    heartbeat.start()
    reporter.beat()
    if args.abort_after_ms:
        QTimer.singleShot(args.abort_after_ms, faulthandler._sigabrt)
    # As a person closes the window: pages release their devices, the app ends normally.
    QTimer.singleShot(round(args.seconds * 1000), window.close)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from readiness.app import run_app

    kit = network_kit(args.stun_port) if args.scenario == "network" else None
    return run_app(config_path=args.config, on_shown=lambda: start_scenario(args), argv=[], kit=kit)


def network_kit(stun_port: int):
    """The devices with the line standing in locally: the STUN server the harness runs,
    a bandwidth client that answers at once, zoom.us reachable, a cable."""
    from network_helpers import FixedClient
    from readiness.checks.kit import DeviceKit
    from readiness.checks.network import NetworkParts, udp_stream_part
    from readiness.devices.network.connection import ETHERNET, Connection
    from readiness.devices.network.zoom_reachability import Reachability

    stream = udp_stream_part([("127.0.0.1", stun_port)])

    def counted(cancelled, paused, on_echo, on_state) -> None:
        def heard(echo) -> None:
            ECHOES[0] += 1
            on_echo(echo)

        stream(cancelled, paused, heard, on_state)

    parts = NetworkParts(
        [FixedClient()],
        lambda: Reachability(True),
        lambda: Connection(ETHERNET, "eth0"),
        udp_stream=counted,
    )
    return DeviceKit(network=lambda _devices: parts)


if __name__ == "__main__":
    sys.exit(main())
