"""Long soak runs of the real app: camera page, microphone page, session watch.

The same harness as ``tests/test_soak.py`` (``tests/soak.py``), for as long as asked:
the README's figures come from 10 minutes on the camera and microphone pages and an
hour of session watch. Prints, per scenario, RSS after warm-up and at the end, its
growth, the CPU used (seconds per second), the work done and the longest time the
window gave no heartbeat.

    uv run python benchmarks/soak.py camera --minutes 10
    uv run python benchmarks/soak.py microphone --minutes 10
    uv run python benchmarks/soak.py watch --minutes 60 --interval-ms 200
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from soak import (
    FlakyLine,
    LoopingSpeech,
    SoakRun,
    write_config,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=("camera", "microphone", "network", "watch"))
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--interval-ms", type=int, default=50, help="session watch's probe")
    parser.add_argument("--platform", default="offscreen")
    args = parser.parse_args()
    seconds = args.minutes * 60
    base = Path(tempfile.mkdtemp(prefix=f"readiness-soak-{args.scenario}-"))
    extras: list = []
    options: dict = {"platform": args.platform}
    camera = ""
    if args.scenario == "camera":
        from camera_media import write_variant

        camera = str(write_variant(base, "good"))
    if args.scenario == "microphone":
        from pulse_server import PulseServer

        (base / "pulse").mkdir()
        sound = PulseServer(base / "pulse")
        sound.start()
        sound.keep_awake()
        extras += [LoopingSpeech(sound, seconds + 60), sound]
        options["env"] = sound.client_env()
    if args.scenario == "watch":
        line = FlakyLine(period_s=30.0, down_s=3.0, lifetime_s=seconds + 60)
        extras.append(line)
        options["args"] = [
            "--probe-port",
            str(line.port),
            "--probe-interval-ms",
            str(args.interval_ms),
        ]
    stun_port = None
    if args.scenario == "network":
        from stun_server import StunServer

        # A line like a fair home Wi-Fi: a little loss and jitter on 15 ms.
        stun = StunServer(delay_ms=15, jitter_ms=3, loss=0.005).start()
        extras.append(stun)
        stun_port = stun.port
        options["args"] = ["--stun-port", str(stun.port)]
    config = write_config(base / "session.toml", camera=camera, stun_port=stun_port)
    try:
        result = SoakRun(args.scenario, seconds, config, base / "user", **options).wait()
    finally:
        for extra in extras:
            extra.stop()
    print(result.summary())
    beat = result.last_beat()
    print(
        f"last heartbeat: page {beat.get('page')}, frames {beat.get('frames')}, "
        f"meter blocks {beat.get('meter_blocks')}, probes {beat.get('probes')}, "
        f"lost/back {beat.get('lost')}/{beat.get('back')}, "
        f"echoes {beat.get('echoes')}, chart slices {beat.get('chart_measured')}, "
        f"verdict {beat.get('network_status')}, "
        f"longest GUI timer gap {beat.get('longest_gap_s')} s"
    )
    problems = result.problems(min_work=round(seconds * 5))
    for problem in problems:
        print("PROBLEM:", problem)
    if problems:
        print(result.stderr_tail)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
