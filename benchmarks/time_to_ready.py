"""Time to ready: the real app, a scripted cooperative person, from launch until the
join button can be pressed with every check done; how much of it the person spent
waiting for the app.

Each run starts the app in a fresh process (``benchmarks/time_to_ready_person.py``) on
stand-in devices with their real parts: the camera a video file, the microphone and
speakers the harness's PulseAudio (null sink and its monitor), the line a throttled
speed-test server and a STUN server on 127.0.0.1. ``--source`` runs another checkout's
app (an older commit) with the same person, for a before/after comparison.

    uv run python benchmarks/time_to_ready.py --runs 3
    git worktree add /tmp/before <commit>
    uv run python benchmarks/time_to_ready.py --runs 3 --source /tmp/before

``--shots DIR`` grabs each page as the person leaves it (the README's screenshots): one
run, on the X display in ``DISPLAY`` (Xvfb), with ``--lang``, ``--dark``, ``--text-scale``
and ``--size`` as in ``tools/screenshots.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from camera_media import write_variant  # noqa: E402
from pulse_server import PulseServer  # noqa: E402
from soak import isolated_user_env, write_config  # noqa: E402
from speed_server import SpeedServer  # noqa: E402
from stun_server import StunServer  # noqa: E402

PERSON = Path(__file__).resolve().parent / "time_to_ready_person.py"
#: A run that takes longer has failed (the person gives up at 300 s).
RUN_TIMEOUT_S = 360


def one_run(
    base: Path,
    source: Path,
    pulse: PulseServer,
    stun: StunServer,
    speed,
    look: list[str],
    lang: str = "fr",
) -> dict:
    home = Path(tempfile.mkdtemp(dir=base, prefix="run-"))
    config = write_config(home / "session.toml", camera=str(base / "good.avi"), stun_port=stun.port)
    env = {
        **os.environ,
        **isolated_user_env(home),
        **pulse.client_env(),
        "QT_QPA_PLATFORM": "xcb" if "--shots" in look else "offscreen",
        "LANGUAGE": lang,
        "PYTHONPATH": os.pathsep.join([str(source), str(ROOT / "tests")]),
    }
    command = [
        sys.executable,
        str(PERSON),
        "--config",
        str(config),
        "--pulse-base",
        str(pulse.base),
        "--stun-port",
        str(stun.port),
        "--speed-url",
        speed.url,
        *look,
    ]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"no result (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--shots", type=Path, help="grab each page into this folder (one run)")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--text-scale", type=float, default=1.0)
    parser.add_argument("--size", default="1040x700")
    args = parser.parse_args()
    look = []
    if args.shots is not None:
        args.runs = 1
        look = ["--shots", str(args.shots.resolve()), "--size", args.size]
        look += ["--text-scale", str(args.text_scale)] + (["--dark"] if args.dark else [])
    base = Path(tempfile.mkdtemp(prefix="readiness-ready-"))
    write_variant(base, "good")
    pulse = PulseServer(base / "pulse")
    (base / "pulse").mkdir()
    pulse.start()
    pulse.keep_awake()
    results = []
    try:
        with (
            StunServer(delay_ms=20) as stun,
            SpeedServer(down_mbps=20, up_mbps=5, latency_ms=15) as speed,
        ):
            for _ in range(args.runs):
                result = one_run(base, args.source.resolve(), pulse, stun, speed, look, args.lang)
                print(json.dumps(result), flush=True)
                results.append(result)
    finally:
        pulse.stop()
    ready = [r for r in results if r["ready"]]
    if ready:
        total = statistics.median(r["total_s"] for r in ready)
        waiting = statistics.median(r["waiting_s"] for r in ready)
        print(
            f"source {args.source}: {len(ready)}/{len(results)} ready; median {total:.1f} s "
            f"in all, {waiting:.1f} s of it waiting for the app"
        )
    return 0 if len(ready) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
