"""The real app on the accessibility bus for minutes, a screen reader's client listening.

With a screen reader running, Qt's AT-SPI bridge is on: every changed label, the
connection chart's description each second, every announcement crosses D-Bus. This
runs the app on the desk of ``tests/test_screen_reader.py`` (its own Xvfb, D-Bus and
AT-SPI buses, pyatspi listening), leaves it on each page of ``--pages`` for
``--minutes``, and prints per page the app's RSS at the start and the end, the events
the client heard, and the longest the app took to answer (a frozen window answers
nothing).

    uv run python benchmarks/screen_reader_soak.py --minutes 3 --pages camera network
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import psutil

from atspi_bus import ScreenReaderDesk, missing_parts
from camera_media import write_variant
from stun_server import StunServer

#: How often the app is asked and its memory read, in s.
TICK_S = 2.0


def soak_page(desk: ScreenReaderDesk, page: str, seconds: float) -> dict:
    app = psutil.Process(desk.app.process.pid)
    desk.app.ask("page", id=page)
    desk.reader.ask("events")
    start_rss = app.memory_info().rss / 1e6
    events = 0
    slowest = 0.0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        asked = time.monotonic()
        desk.app.ask("focus")
        slowest = max(slowest, time.monotonic() - asked)
        events += len(desk.reader.ask("events")["events"])
        time.sleep(TICK_S)
    return {
        "page": page,
        "rss_start_mb": round(start_rss, 1),
        "rss_end_mb": round(app.memory_info().rss / 1e6, 1),
        "events_heard": events,
        "slowest_answer_s": round(slowest, 3),
        "app_alive": app.is_running(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3.0, help="on each page")
    parser.add_argument("--pages", nargs="+", default=["camera", "network", "microphone"])
    args = parser.parse_args()
    missing = missing_parts()
    if missing:
        print(f"missing: {', '.join(missing)}")
        return 2
    folder = Path(tempfile.mkdtemp(prefix="readiness-a11y-soak-"))
    video = write_variant(folder, "good")
    with StunServer() as stun, ScreenReaderDesk(folder, video, stun.port, {}) as desk:
        desk.app.ask("finish", timeout_s=180)
        for page in args.pages:
            print(soak_page(desk, page, args.minutes * 60), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
