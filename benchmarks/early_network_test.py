"""Does the early connection test spoil the camera preview? The page with and without it.

The window starts the connection test in the background a few seconds after it opens,
while the person may be on the camera step. The bandwidth test is Python threads
(speedtest-cli's HTTP downloads and uploads, about 8 s) in the window's own process:
they compete with the preview's threads and the GUI thread for the GIL and the CPU.

Each sample is a fresh process running the whole camera page (preview + face and
light analysis, as ``benchmarks/camera_preview.py``'s "page" kind) on the same 1280x720,
30 fps video, with a 20 ms timer on the GUI thread; two kinds, alternating:

- alone: the page, nothing else;
- with-test: the same, plus a real ``NetworkFlow`` started at the moment the measure
  starts, its updates brought to the GUI thread by a ``FlowRunner`` as the window's
  are. Its server is ``tests/speed_server.py`` in a process of its own (it must not
  share the page's GIL: a real server is on another computer), throttled to 50 Mbit/s
  down and 20 Mbit/s up (``--down``, ``--up`` for another line), 20 ms added
  delay; the client is the app's real speedtest-cli client at its own tuning,
  with the flow's default budget, no second service, no UDP probe, and stand-ins for
  Zoom's probe and status page (nothing leaves the computer). The measure ends at the
  flow's ``NetworkMeasured`` or after ``--seconds``, whichever comes first (if first,
  the test goes on unmeasured to its verdict, to time it); alone measures ``--seconds``.

Figures per kind, medians of the runs (and the with-test run furthest off): frames
drawn per second; the GUI timer's median and 95th-percentile interval and the share of
its ticks missed; the process's CPU seconds per second (every thread). For with-test
also: how long the test took, the rates it found, the updates it sent to the GUI
thread, and the stand-in server's CPU (another process, but on the same CPUs).
Verdicts for with-test against camera_preview.py's targets: at least 25 frames drawn
per second; timer median at most 24 ms, 95th percentile at most 45 ms, at most 15 % of
ticks missed.

``--microphone`` adds the same pair for the microphone page: its level meter's blocks
per second (25 sent), the GUI timer and the CPU. The microphone is a PulseAudio
server of the benchmark's own (``tests/pulse_server.py``: a null sink's monitor, fed a
speech-like sound), or with ``--microphone default`` the computer's default input as
it is.

    uv run python benchmarks/early_network_test.py [--runs 5] [--seconds 8]
        [--platform xcb] [--microphone [test|default]] [--down 50] [--up 20]

The offscreen platform unless ``--platform`` (or QT_QPA_PLATFORM) says otherwise. It
is a measurement: it exits 0 whatever the verdicts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

# The camera page's targets and its source video, as camera_preview.py has them.
from camera_preview import (  # noqa: E402
    SIZE,
    TARGET_FPS,
    TARGET_TICK_MEDIAN_MS,
    TARGET_TICK_P95_MS,
    TARGET_TICKS_SHARE,
    TICK_MS,
    write_source,
)

SERVER = ROOT / "tests" / "speed_server.py"
DOWN_MBPS, UP_MBPS, LATENCY_MS = 50.0, 20.0, 20
#: Before the measure: the page shown, the preview running (the camera step's first
#: seconds, as camera_preview.py waits); the microphone page waits for its meter too.
WARM_UP_S = 2.0
#: The microphone flow's drain: blocks sent to the meter each second.
METER_BLOCKS_PER_S = 25
#: The flow's budget and its verdict's time: the test is given up on after this.
GIVE_UP_S = 45.0
CAMERA_KINDS = ("alone", "with-test")
MICROPHONE_KINDS = ("mic-alone", "mic-with-test")


# --- in the measured process ----------------------------------------------------------


def cpu_s() -> float:
    times = os.times()
    return times.user + times.system


def precise_shot(seconds: float, then):
    """A single-shot timer, started; keep it."""
    from PySide6.QtCore import Qt, QTimer

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setSingleShot(True)
    timer.timeout.connect(then)
    timer.start(round(seconds * 1000))
    return timer


def camera_page(video: str, prefs: str):
    """The camera page with the window's services, shown and entered on ``video``."""
    from PySide6.QtCore import QSettings

    from readiness.checks.camera import CameraInfo
    from readiness.checks.kit import DeviceKit
    from readiness.core.config import read_session_file
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.resources import resource
    from readiness.ui.check_controller import CheckController
    from readiness.ui.page_context import PageContext
    from readiness.ui.pages.camera import CameraPage
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services
    from readiness.ui.tasks import TaskRunner

    services = Services(
        config=read_session_file(resource("session.toml")),
        preferences=Preferences(QSettings(prefs, QSettings.Format.IniFormat)),
        url_opener=SystemUrlOpener(),
        checks=[],
        kit=DeviceKit(list_cameras=lambda: [CameraInfo(video, "benchmark")]),
    )
    tasks = TaskRunner()
    page = CameraPage(PageContext(services, CheckController([], tasks), tasks))
    page._keep = tasks  # the page holds no reference to it itself
    page.resize(1000, 560)
    page.show()
    page.entered()
    return page


def network_flow(url: str):
    """The app's connection test against the server at ``url``, and nothing else."""
    from dataclasses import replace

    from readiness.checks.kit import DeviceKit
    from readiness.checks.network import NetworkParts
    from readiness.checks.network_flow import NetworkFlow
    from readiness.core.device_choice import MIN_STABILITY_S, DeviceChoice
    from readiness.devices.network.zoom_reachability import Reachability

    # The real speedtest-cli client, no second service, no UDP probe; Zoom stood in for.
    parts = NetworkParts.for_system(url, "", ())
    parts = replace(parts, zoom=lambda: Reachability(True), zoom_status=None)
    devices = DeviceChoice(
        speedtest_server=url, speed_service="", stun_servers=(), stability_s=MIN_STABILITY_S
    )
    return NetworkFlow(devices, DeviceKit(network=lambda _devices: parts))


def child(kind: str, seconds: float, video: str, url: str, home: str) -> None:
    """One sample: prints its figures as one JSON line, then ends the process."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from readiness.checks.network_flow import NetworkMeasured
    from readiness.ui.flow_runner import FlowRunner

    app = QApplication([])
    if kind in MICROPHONE_KINDS:
        from audio_meter import build_page

        page = build_page(Path(home))  # returns once the meter runs
        blocks = [0]
        page.meter.measured.connect(lambda _block: blocks.__setitem__(0, blocks[0] + 1))

        def shown() -> int:
            return blocks[0]
    else:
        page = camera_page(video, str(Path(home) / "prefs.ini"))

        def shown() -> int:
            return page.preview.frames_drawn

    with_test = kind.endswith("with-test")
    runner = FlowRunner()
    flow = network_flow(url) if with_test else None
    updates: list[object] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    mark: dict[str, float] = {}
    figures: dict[str, object] = {}
    verdict: list[NetworkMeasured] = []

    def begin() -> None:
        mark.update(wall=time.monotonic(), cpu=cpu_s(), shown=shown())
        timer.start()
        if flow is not None:
            runner.start(flow)

    def end() -> None:
        """The measure's end: the test's verdict, or ``seconds``."""
        if figures:
            return
        timer.stop()
        wall = time.monotonic() - mark["wall"]
        used = cpu_s() - mark["cpu"]
        drawn = shown() - mark["shown"]
        gaps = sorted(b - a for a, b in itertools.pairwise(ticks))
        figures.update(
            seconds=wall,
            cpu_per_s=used / wall,
            shown_per_s=drawn / wall,
            tick_median_ms=1000 * gaps[len(gaps) // 2],
            tick_p95_ms=1000 * gaps[int(0.95 * len(gaps))],
            missed=max(0.0, 1 - len(ticks) / (wall * 1000 / TICK_MS)),
        )
        if flow is None:
            finish()
            return
        figures.update(test_done=bool(verdict), updates_per_s=len(updates) / wall)
        if verdict:
            finish()
        # else the page and the test go on, unmeasured, until its verdict: how long it took

    def finish() -> None:
        if "finished" in mark or not figures:
            return
        mark["finished"] = 1
        runner.stop()
        page.left()
        if flow is not None:
            measured = verdict[0] if verdict else None
            found = measured.findings.measure if measured and measured.findings else None
            figures.update(
                test_s=mark.get("test_s"),
                down_mbps=found.download_mbps if found else None,
                up_mbps=found.upload_mbps if found else None,
                status=measured.result.status.name if measured else None,
            )
        print(json.dumps(figures), flush=True)
        app.quit()

    def on_update(update: object) -> None:
        updates.append(update)
        if isinstance(update, NetworkMeasured):
            mark["test_s"] = time.monotonic() - mark["wall"]
            verdict.append(update)
            if figures:
                finish()
            else:
                end()

    runner.updated.connect(on_update)
    # Precise: a coarse single shot may be 5 % late, half a second of 10 s.
    shots = [
        precise_shot(WARM_UP_S, begin),
        precise_shot(WARM_UP_S + seconds, end),
        precise_shot(WARM_UP_S + max(seconds, GIVE_UP_S), finish),  # no verdict ever
    ]
    app.exec()
    del shots
    # The flow's clients, told to stop, may still be winding down on daemon threads:
    # the figures are out, end here rather than in the interpreter's teardown.
    sys.stderr.flush()
    os._exit(0)


# --- the benchmark ----------------------------------------------------------------------


def no_proxy_env() -> dict[str, str]:
    """Nothing to 127.0.0.1 may go through a proxy set in the environment."""
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    env["PYTHONPATH"] = str(ROOT)
    return env


class StandInServer:
    """tests/speed_server.py in a process of its own, for one sample."""

    def __init__(self, down_mbps: float, up_mbps: float) -> None:
        self.process = subprocess.Popen(
            [
                *(sys.executable, str(SERVER), "--down", str(down_mbps), "--up", str(up_mbps)),
                *("--latency", str(LATENCY_MS)),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=no_proxy_env(),
        )
        assert self.process.stdout is not None
        self.url = f"http://127.0.0.1:{int(self.process.stdout.readline())}/speedtest/upload.php"

    def cpu_s(self) -> float:
        import psutil

        times = psutil.Process(self.process.pid).cpu_times()
        return times.user + times.system

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()  # the server ends when its stdin does
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def sample(kind: str, args: argparse.Namespace, video: Path, home: Path, env: dict) -> dict:
    server = StandInServer(args.down, args.up) if kind.endswith("with-test") else None
    try:
        server_cpu = server.cpu_s() if server else 0.0
        done = subprocess.run(
            [
                *(sys.executable, __file__, "--child", kind, "--seconds", str(args.seconds)),
                *("--video", str(video), "--home", str(home)),
                *("--url", server.url if server else ""),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=max(args.seconds, GIVE_UP_S) + 60,
            check=False,
        )
        server_cpu = server.cpu_s() - server_cpu if server else 0.0
    finally:
        if server:
            server.stop()
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    figures = json.loads(lines[-1])
    if server:
        # Over the child's whole life, but the server is idle outside the test.
        figures["server_cpu_per_s"] = server_cpu / (figures["test_s"] or figures["seconds"])
    return figures


def describe(kind: str, figures: dict) -> str:
    line = (
        f"  {kind:14s} {figures['seconds']:4.1f} s  shown {figures['shown_per_s']:5.1f}/s  "
        f"timer {figures['tick_median_ms']:5.1f} / {figures['tick_p95_ms']:5.1f} ms  "
        f"missed {figures['missed']:4.0%}  CPU {figures['cpu_per_s']:.2f} s/s"
    )
    if "test_done" in figures:
        took = figures["test_s"]
        test = "no verdict" if took is None else f"{took:.1f} s, {figures['status']}"
        if figures["down_mbps"] is not None:
            test += f", {figures['down_mbps']:.1f} / {figures['up_mbps']:.1f} Mbit/s"
        within = "within the measure" if figures["test_done"] else "after the measure"
        line += f"  test: {test} ({within})  server CPU {figures['server_cpu_per_s']:.2f} s/s"
    return line


def median(runs: list[dict], key: str) -> float | None:
    values = [run[key] for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def table(title: str, alone: list[dict], with_test: list[dict], camera: bool, line: str) -> None:
    shown = "frames drawn /s" if camera else "meter blocks /s"
    rows = [
        # (label, key, format, target text, passes(value) or None)
        (
            shown,
            "shown_per_s",
            "{:.1f}",
            f">= {TARGET_FPS:g}" if camera else f"({METER_BLOCKS_PER_S} sent)",
            (lambda v: v >= TARGET_FPS) if camera else None,
        ),
        (
            "timer median ms",
            "tick_median_ms",
            "{:.1f}",
            f"<= {TARGET_TICK_MEDIAN_MS:g}",
            lambda v: v <= TARGET_TICK_MEDIAN_MS,
        ),
        (
            "timer p95 ms",
            "tick_p95_ms",
            "{:.1f}",
            f"<= {TARGET_TICK_P95_MS:g}",
            lambda v: v <= TARGET_TICK_P95_MS,
        ),
        (
            "ticks missed",
            "missed",
            "{:.0%}",
            f"<= {1 - TARGET_TICKS_SHARE:.0%}",
            lambda v: v <= 1 - TARGET_TICKS_SHARE + 1e-9,
        ),
        ("CPU s/s (process)", "cpu_per_s", "{:.2f}", "", None),
    ]
    print(f"\n{title} (medians of {len(alone)} runs; worst: the with-test run furthest off)")
    print(f"{'':20s} {'target':>9s} {'alone':>8s} {'with-test':>10s} {'worst':>8s}  verdict")
    for label, key, form, target, passes in rows:
        a, w = median(alone, key), median(with_test, key)
        values = [run[key] for run in with_test]
        worst = min(values) if key == "shown_per_s" else max(values)
        verdict = "" if passes is None else ("PASS" if passes(w) else "FAIL")
        row = (
            f"{label:20s} {target:>9s} {form.format(a):>8s} {form.format(w):>10s} "
            f"{form.format(worst):>8s}  {verdict}"
        )
        print(row.rstrip())
    took = [run["test_s"] for run in with_test if run["test_s"] is not None]
    within = sum(run["test_done"] for run in with_test)
    test = f"the test: done within the measure in {within} of {len(with_test)} runs"
    if took:
        spread = f"{min(took):.1f}-{max(took):.1f}"
        test += f"; it took {statistics.median(took):.1f} s (median; {spread})"
    down, up = median(with_test, "down_mbps"), median(with_test, "up_mbps")
    if down is not None and up is not None:
        test += f"; found {down:.1f} / {up:.1f} Mbit/s (line {line})"
    print(test)
    print(
        f"meanwhile: {median(with_test, 'updates_per_s'):.0f} updates/s to the GUI thread; "
        f"the stand-in server {median(with_test, 'server_cpu_per_s'):.2f} CPU s/s"
    )


def start_test_microphone(folder: Path, env: dict[str, str]):
    """A PulseAudio server of the benchmark's own, for the children's PortAudio."""
    from pulse_server import PulseServer

    folder.mkdir(exist_ok=True)
    server = PulseServer(folder)
    server.start()
    server.keep_awake()
    env.update(server.client_env())  # PortAudio in the children: this server and no other
    return server


def load_average(when: str) -> str:
    """The computer's load: other programs share the CPUs with the measure."""
    if not hasattr(os, "getloadavg"):
        return f"load average {when}: unknown"
    one, five, _fifteen = os.getloadavg()
    return f"load average {when}: {one:.2f} (1 min), {five:.2f} (5 min)"


def play_voice(server, seconds: float) -> None:
    """A speech-like sound into the test server's sink: the meter moves as for a voice."""
    from audio_meter import speech_like

    from pulse_server import RATE

    server.play(speech_like(seconds, RATE), RATE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--down", type=float, default=DOWN_MBPS, help="the line, Mbit/s")
    parser.add_argument("--up", type=float, default=UP_MBPS, help="the line, Mbit/s")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument(
        "--microphone",
        nargs="?",
        const="test",
        choices=("test", "default"),
        help="also the microphone page: on a PulseAudio server of its own, or the default input",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--video", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.seconds, args.video, args.url, args.home)
        return

    folder = Path(tempfile.mkdtemp(prefix="readiness-early-test-bench-"))
    video = write_source(folder)
    env = no_proxy_env()
    env.update(QT_QPA_PLATFORM=args.platform, HOME=str(folder), XDG_CONFIG_HOME=str(folder))
    line = f"{args.down:g} / {args.up:g} Mbit/s"
    kinds = list(CAMERA_KINDS)
    sound = None
    if args.microphone:
        kinds += MICROPHONE_KINDS
        if args.microphone == "test":
            env["XDG_RUNTIME_DIR"] = str(folder)
            sound = start_test_microphone(folder / "pulse", env)
    print(
        f"camera: {SIZE[0]}x{SIZE[1]} MJPG at 30 fps; platform: {args.platform}; "
        f"runs: {args.runs} x {args.seconds:g} s at most; {os.cpu_count()} CPUs; line "
        f"{line}, {LATENCY_MS} ms" + (f"; microphone: {args.microphone}" if args.microphone else "")
    )
    print(load_average("at the start"))
    results: dict[str, list[dict]] = {kind: [] for kind in kinds}
    try:
        for run in range(args.runs):
            print(f"run {run + 1}:", flush=True)
            for kind in kinds:
                voice = kind in MICROPHONE_KINDS and sound is not None
                if voice:
                    play_voice(sound, max(args.seconds, GIVE_UP_S) + 15)
                try:
                    figures = sample(kind, args, video, folder, env)
                finally:
                    if voice:
                        sound.stop_playing()
                results[kind].append(figures)
                print(describe(kind, figures), flush=True)
    finally:
        if sound is not None:
            sound.stop()
        shutil.rmtree(folder, ignore_errors=True)

    print(load_average("at the end"))
    table("camera page", results["alone"], results["with-test"], True, line)
    if args.microphone:
        table("microphone page", results["mic-alone"], results["mic-with-test"], False, line)


if __name__ == "__main__":
    main()
