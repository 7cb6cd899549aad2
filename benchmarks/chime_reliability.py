"""The test sound, played by the real command line: is it heard whole, every time?

Runs ``readiness check --only speakers --json`` (``python -m readiness``, a process of
its own each time) N times against a PulseAudio server of its own, whose null sink's
monitor is the default microphone (the tests' loopback, ``tests/pulse_server.py``),
optionally with ``stress-ng --cpu 2`` keeping every core busy beside it. Reports:

- heard: the runs whose JSON says ``heard_by_microphone: true``;
- underruns: ALSA's "underrun occurred" lines, on standard error or in the app's log
  (each run gets a log folder of its own), and the output underflows PortAudio
  reported to the app's callback (logged by ``Playback``);
- foreign lines: any standard error line that is not one of the app's own messages.

    uv run python benchmarks/chime_reliability.py [--runs 20] [--stress]

Target (issue 16): heard 20/20 with both cores busy, and no foreign line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

#: What the app itself says on standard error during a speakers check.
APP_LINES = ("Haut-parleurs : un son de test est joué…",)
RUN_TIMEOUT_S = 120.0
_UNDERRUN = re.compile(r"underrun", re.IGNORECASE)
_UNDERFLOWS = re.compile(r"output underflows: (\d+)")


@dataclass
class Run:
    heard: bool | None
    played: bool | None
    exit_code: int
    alsa_underruns_stderr: int
    alsa_underruns_log: int
    underflows: int
    foreign: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _normal(line: str) -> str:
    return line.replace("\u00a0", " ").replace("\u202f", " ").strip()


def run_once(env: dict[str, str], state: Path, tree: Path = ROOT, nice: int = 0) -> Run:
    shutil.rmtree(state, ignore_errors=True)
    state.mkdir(parents=True)
    started = time.monotonic()
    niced = ["nice", "-n", str(nice)] if nice else []
    done = subprocess.run(
        [*niced, sys.executable, "-m", "readiness", "check", "--only", "speakers", "--json"],
        cwd=tree,
        env={**env, "XDG_STATE_HOME": str(state)},
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    seconds = time.monotonic() - started
    heard = played = None
    try:
        (speakers,) = json.loads(done.stdout)["checks"]
        heard = speakers["measures"].get("heard_by_microphone")
        played = speakers["measures"].get("played")
    except (ValueError, KeyError, TypeError):
        pass
    app = {_normal(line) for line in APP_LINES}
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    foreign = [line for line in lines if _normal(line) not in app]
    log_text = ""
    for log_file in state.rglob("*.log*"):
        log_text += log_file.read_text(encoding="utf-8", errors="replace")
    return Run(
        heard=heard,
        played=played,
        exit_code=done.returncode,
        alsa_underruns_stderr=sum(1 for line in lines if _UNDERRUN.search(line)),
        alsa_underruns_log=sum(
            1 for line in log_text.splitlines() if "ALSA" in line and _UNDERRUN.search(line)
        ),
        underflows=sum(int(m) for m in _UNDERFLOWS.findall(log_text)),
        foreign=foreign,
        seconds=seconds,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--stress", action="store_true", help="stress-ng --cpu 2 beside")
    parser.add_argument("--stress-workers", type=int, default=2)
    parser.add_argument(
        "--nice", type=int, default=0, help="run the app at this niceness (a busier computer)"
    )
    parser.add_argument(
        "--tree", type=Path, default=ROOT, help="another checkout of the app, to compare"
    )
    parser.add_argument(
        "--idle-sink",
        action="store_true",
        help="no silent stream keeping the sink awake (it then renders in 2 s chunks)",
    )
    args = parser.parse_args()

    from pulse_server import PulseServer

    if args.stress and not shutil.which("stress-ng"):
        print("stress-ng is not installed (apt install stress-ng)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="chime-bench-") as temp:
        base = Path(temp)
        server = PulseServer(base / "pulse")
        server.base.mkdir()
        server.start()
        stress = None
        try:
            if not args.idle_sink:
                server.keep_awake()
            env = {
                **os.environ,
                **server.client_env(),
                "HOME": str(base / "home"),
                "XDG_CONFIG_HOME": str(base / "config"),
                "QT_QPA_PLATFORM": "offscreen",
            }
            if args.stress:
                # In this session, so in the app's scheduling group (Linux autogroups
                # share the processor between sessions first): its threads compete.
                stress = subprocess.Popen(
                    ["stress-ng", "--cpu", str(args.stress_workers), "--quiet"],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                time.sleep(1.0)  # let the workers take the cores
            runs = []
            for index in range(args.runs):
                run = run_once(env, base / "state", args.tree.resolve(), args.nice)
                runs.append(run)
                print(
                    f"run {index + 1:2d}: heard={run.heard} played={run.played} "
                    f"exit={run.exit_code} underruns(stderr/log)="
                    f"{run.alsa_underruns_stderr}/{run.alsa_underruns_log} "
                    f"underflows={run.underflows} foreign={len(run.foreign)} "
                    f"({run.seconds:.1f} s)",
                    flush=True,
                )
        finally:
            if stress is not None:
                stress.terminate()
                stress.wait(timeout=10)
            server.stop()

    heard = sum(1 for run in runs if run.heard)
    foreign = Counter(line for run in runs for line in run.foreign)
    print()
    print(f"stress: {'stress-ng --cpu ' + str(args.stress_workers) if args.stress else 'none'}")
    print(f"app: {args.tree.resolve()}" + (f", nice {args.nice}" if args.nice else ""))
    print(f"heard by the microphone: {heard}/{len(runs)}")
    print(
        "ALSA underrun lines: "
        f"{sum(r.alsa_underruns_stderr for r in runs)} on stderr, "
        f"{sum(r.alsa_underruns_log for r in runs)} in the log; "
        f"PortAudio output underflows: {sum(r.underflows for r in runs)}"
    )
    print(f"foreign lines on stderr: {sum(foreign.values())}")
    for line, count in foreign.most_common(10):
        print(f"  {count:4d} x {line[:140]}")
    ok = heard == len(runs) and not foreign
    print("target met" if ok else "target NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
