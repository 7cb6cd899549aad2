"""Start-up time: the readiness window against a bare PySide6 window, side by side.

Each sample is a fresh process, timed from spawn until its window is on screen and
the event loop runs (a zero-delay timer fires after ``show()``). Python's own start
is in both. Runs alternate so that disk caches and CPU load treat both alike.

    uv run python benchmarks/startup.py [--runs 15] [--platform offscreen|xcb]

The target (issue 2): the app's median at most 1.5x the bare window's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HEAVY = ("cv2", "numpy", "speedtest", "sounddevice", "psutil", "segno")
TARGET_RATIO = 1.5


# Each child is its own small program, so neither pays for this script's imports.
_REPORT = f"""
import os, sys
def report():
    print("shown " + ",".join(n for n in {HEAVY!r} if n in sys.modules), flush=True)
    os._exit(0)  # the time to tear down is not start-up
"""

CHILDREN = {
    "bare": _REPORT
    + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Bonjour"))
window.resize(1040, 700)
window.show()
QTimer.singleShot(0, report)
app.exec()
""",
    # The real entry point, as a double-click runs it.
    "app": _REPORT
    + """
from readiness import cli
cli.main([], on_shown=report)
""",
}


def sample(kind: str, env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", CHILDREN[kind]],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=30)
    if not line.startswith("shown"):
        raise SystemExit(f"{kind}: the window never showed")
    return elapsed, line.removeprefix("shown").strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="readiness-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, HOME=home, XDG_CONFIG_HOME=home)
    # Users run with compiled bytecode (Python writes it on first run; installers ship it).
    # Without it every module is compiled from source at each start, which would
    # measure this machine's PYTHONDONTWRITEBYTECODE rather than the app.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[str, list[float]] = {"bare": [], "app": []}
    loaded = ""
    for kind in ("bare", "app"):  # warm-up, not counted: it also writes the bytecode caches
        sample(kind, env)
    for _ in range(args.runs):
        for kind in ("bare", "app"):
            elapsed, modules = sample(kind, env)
            times[kind].append(elapsed)
            if kind == "app":
                loaded = modules
    print(f"platform: {args.platform}, runs: {args.runs}, Python {sys.version.split()[0]}")
    for kind, label in (("bare", "bare PySide6 window"), ("app", "readiness window")):
        values = sorted(times[kind])
        quartiles = statistics.quantiles(values, n=4)
        print(
            f"{label:22s} median {statistics.median(values) * 1000:6.0f} ms"
            f"  (q1 {quartiles[0] * 1000:.0f}, q3 {quartiles[2] * 1000:.0f})"
        )
    ratio = statistics.median(times["app"]) / statistics.median(times["bare"])
    verdict = "OK" if ratio <= TARGET_RATIO else "TOO SLOW"
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO}): {verdict}")
    print(f"heavy modules loaded at start-up: {loaded or 'none'}")


if __name__ == "__main__":
    main()
