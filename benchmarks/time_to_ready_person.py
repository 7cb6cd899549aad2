"""A cooperative person going through the real app, step by step, as fast as a person
reasonably does; run by ``benchmarks/time_to_ready.py`` in a process of its own.

The person reads the welcome page (5 s), looks at the camera preview (2 s), stays
quiet then says a sentence when the microphone page asks (speech-like sound played
into the test's PulseAudio sink, which the loopback microphone hears), plays the test
sound and answers « J'entends le son », reads each result (1 s), reads the summary
(3 s) and types « Prénom Nom » (3 s). The app is ready when the join button can be
pressed with every check done.

Time spent *waiting for the app* is time when the person has done all that the page
asks and the page has no answer yet (or cannot be acted on yet: a device opening).
Printed at the end as one JSON line: the total from the process's start, the waiting,
and both per step.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()  # before anything is imported: the launch's own cost counts

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

#: What the person takes, in s: a calm but cooperative pace.
READ_WELCOME_S = 5.0
GLANCE_S = 2.0
SPEAK_S = 3.0
LISTEN_MARGIN_S = 0.5
READ_RESULT_S = 1.0
READ_SUMMARY_S = 3.0
TYPE_NAME_S = 3.0
TICK_MS = 50
#: Gives up after this long (a broken step must not hang the benchmark).
GIVE_UP_S = 300.0
NAME = "Emma Martin"


class Person:
    """Driven by a GUI timer: each tick, acts on the page in front of them, or waits."""

    def __init__(self, window, pulse_base: Path, shots: Path | None = None):
        from PySide6.QtCore import QTimer

        self.window = window
        self.pulse_base = pulse_base
        #: Where each page is grabbed as the person leaves it (README screenshots).
        self.shots = shots
        self.step = ""
        self.arrived = 0.0
        self.busy_until = 0.0  # the person is doing something (reading, speaking)
        self.spoke = False
        self.clicked_play = False
        self.answered_at: float | None = None
        self.waiting: dict[str, float] = {}
        self.per_step: dict[str, float] = {}
        self.last_tick = time.monotonic()
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)

    # --- the loop ---------------------------------------------------------------------

    def tick(self) -> None:
        now = time.monotonic()
        elapsed, self.last_tick = now - self.last_tick, now
        page = self.window.current_page()
        if page.step_id != self.step:
            self._arrive(page.step_id, now)
        if now - STARTED > GIVE_UP_S:
            self._finish(ready=False)
            return
        if now < self.busy_until:
            return  # reading, speaking, typing: the person's own time
        done, waiting = getattr(self, f"_on_{self.step}")(page, now)
        if waiting:
            self.waiting[self.step] = self.waiting.get(self.step, 0.0) + elapsed
        if done:
            self._grab()
        if done and self.step == "join":
            self._finish(ready=True)
        elif done:
            self.window.next_button.click()

    def _grab(self) -> None:
        if self.shots is not None:
            row = self.window.sidebar.currentRow()
            self.window.grab().save(str(self.shots / f"{row:02d}-{self.step}.png"))

    def _arrive(self, step: str, now: float) -> None:
        if self.step:
            self.per_step[self.step] = round(now - self.arrived, 2)
        self.step, self.arrived = step, now
        self.spoke = self.clicked_play = False
        self.answered_at = None
        first = {"welcome": READ_WELCOME_S, "camera": GLANCE_S, "summary": READ_SUMMARY_S}
        self.busy_until = now + first.get(step, 0.0)

    def _result(self, check_id: str):
        return self.window.controller.result(check_id)

    # --- each page: (done, waiting for the app) ----------------------------------------------

    def _on_welcome(self, _page, _now) -> tuple[bool, bool]:
        return True, False

    def _on_camera(self, _page, now) -> tuple[bool, bool]:
        return self._read_result("camera", now)

    def _on_microphone(self, page, now) -> tuple[bool, bool]:
        from readiness.ui.pages.microphone import Phase

        if self._result("microphone") is not None and page.phase in (Phase.DONE, Phase.PROBLEM):
            return self._read_result("microphone", now)
        if page.phase is Phase.SPEAK and not self.spoke:
            self._speak(now)
            return False, False
        # The quiet phase is asked of the person (stay silent); opening is the app's.
        return False, page.phase is not Phase.QUIET

    def _on_speakers(self, page, now) -> tuple[bool, bool]:
        if self._result("speakers") is not None:
            return self._read_result("speakers", now)
        if not self.clicked_play:
            if page.play_button.isEnabled():
                page.play_button.click()
                self.clicked_play = True
                return False, False
            return False, True  # the output is being found
        if page.hear_button.isEnabled():
            # Heard to its end, then answered.
            self.busy_until = now + LISTEN_MARGIN_S
            page.hear_button.click()
            return False, False
        return False, page.play_button.isEnabled() is False and not page._playing

    def _on_network(self, _page, now) -> tuple[bool, bool]:
        return self._read_result("network", now)

    def _on_processes(self, _page, now) -> tuple[bool, bool]:
        return self._read_result("processes", now)

    def _on_zoom(self, _page, now) -> tuple[bool, bool]:
        return self._read_result("zoom", now)

    def _on_summary(self, _page, _now) -> tuple[bool, bool]:
        return True, False

    def _on_join(self, page, now) -> tuple[bool, bool]:
        from readiness.checks import CHECK_IDS

        if page.name_edit.text() != NAME:
            page.name_edit.setText(NAME)
            self.busy_until = now + TYPE_NAME_S
            return False, False
        every = all(self._result(c) is not None for c in CHECK_IDS)
        ready = page.join_button.isEnabled() and every
        return ready, not ready

    def _read_result(self, check_id: str, now: float) -> tuple[bool, bool]:
        """Once the answer is there, the person reads it; before, they wait."""
        if self._result(check_id) is None:
            return False, True
        if self.answered_at is None:
            self.answered_at = now
            self.busy_until = now + READ_RESULT_S
            return False, False
        return True, False

    def _speak(self, now: float) -> None:
        import numpy as np

        from pulse_server import PulseServer, noise, silence

        parts = []
        for index in range(int(SPEAK_S / 0.75)):
            parts += [noise(-20.0 - 2 * (index % 3), 0.5, seed=index), silence(0.25)]
        PulseServer(self.pulse_base).play(np.concatenate(parts))
        self.spoke = True
        self.busy_until = now + SPEAK_S

    def _finish(self, *, ready: bool) -> None:
        from PySide6.QtWidgets import QApplication

        self.timer.stop()
        now = time.monotonic()
        self.per_step[self.step] = round(now - self.arrived, 2)
        print(
            json.dumps(
                {
                    "ready": ready,
                    "total_s": round(now - STARTED, 2),
                    "waiting_s": round(sum(self.waiting.values()), 2),
                    "waiting_by_step": {k: round(v, 2) for k, v in self.waiting.items()},
                    "time_by_step": self.per_step,
                }
            ),
            flush=True,
        )
        QApplication.instance().exit(0 if ready else 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--pulse-base", type=Path, required=True)
    parser.add_argument("--stun-port", type=int, required=True)
    parser.add_argument("--speed-url", required=True, help="the local speed test server")
    parser.add_argument("--shots", type=Path, help="grab each page as the person leaves it")
    parser.add_argument("--dark", action="store_true", help="a dark palette like the systems'")
    parser.add_argument("--text-scale", type=float, default=1.0, help="2: text at 200 %%")
    parser.add_argument("--size", default="1040x700", help="the window's size (WxH)")
    args = parser.parse_args()
    from readiness.app import run_app

    if args.text_scale != 1.0:
        larger_text_from_the_start(args.text_scale)
    kept = []

    def shown() -> None:
        from PySide6.QtWidgets import QApplication

        from readiness.ui.main_window import MainWindow

        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        if args.shots is not None:
            dress(app, window, args)
        kept.append(Person(window, args.pulse_base, args.shots))

    return run_app(
        config_path=args.config,
        on_shown=shown,
        argv=[],
        kit=local_line(args.stun_port, args.speed_url),
    )


def larger_text_from_the_start(scale: float) -> None:
    """Text ``scale`` times larger before any widget exists, as a system's "larger text"
    setting gives it to the app at its start."""
    import readiness.app

    create = readiness.app.create_application

    def larger(*args, **kwargs):
        app = create(*args, **kwargs)
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)
        return app

    readiness.app.create_application = larger


def dress(app, window, args) -> None:
    """The look asked for the screenshots: palette, window size."""
    args.shots.mkdir(parents=True, exist_ok=True)
    if args.dark:
        from readiness.ui.theme import accessible_palette
        from system_palettes import fusion_dark

        app.setPalette(accessible_palette(fusion_dark()))
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)


def local_line(stun_port: int, speed_url: str):
    """The line, standing in locally with its real parts: speedtest-cli against the
    harness's throttled server (the test takes its real time), the STUN server, zoom.us
    reachable and a cable (neither may reach the internet here)."""
    from readiness.checks.kit import DeviceKit
    from readiness.checks.network import NetworkParts, udp_stream_part
    from readiness.devices.network.connection import ETHERNET, Connection
    from readiness.devices.network.speedtest_client import SpeedtestClient
    from readiness.devices.network.zoom_reachability import Reachability

    parts = NetworkParts(
        [SpeedtestClient(speed_url)],
        lambda: Reachability(True),
        lambda: Connection(ETHERNET, "eth0"),
        udp_stream=udp_stream_part([("127.0.0.1", stun_port)]),
    )
    return DeviceKit(network=lambda _devices: parts)


if __name__ == "__main__":
    sys.exit(main())
