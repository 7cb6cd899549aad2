"""The applications step's scan with about 500 processes running.

    uv run python benchmarks/process_scan.py [--processes 500] [--runs 5]

Starts that many idle processes, runs the real scan (psutil, 1 s CPU sample, the
known-applications list) several times, and reports its wall time (target: at
most 3 s) and the CPU time it costs this process. Stops the processes at the end.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from readiness.checks.flow import drive
    from readiness.checks.kit import DeviceKit
    from readiness.checks.processes_flow import TIMEOUT_S, ProcessesFlow
    from readiness.checks.titles import processes_title

    children = [subprocess.Popen(["sleep", "600"]) for _ in range(args.processes)]
    try:
        kit = DeviceKit()
        walls, cpus, counts = [], [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            # The flow as the command line drives it: the scan on its thread, then the verdict.
            result = drive(ProcessesFlow(kit), TIMEOUT_S, title=processes_title)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            counts.append(result.measures["process_count"])
        print(f"processes seen: {min(counts)}-{max(counts)}, runs: {args.runs}")
        print(f"scan wall time: median {statistics.median(walls):.2f} s (max {max(walls):.2f})")
        print(f"scan CPU time:  median {statistics.median(cpus):.3f} s")
        verdict = "OK" if max(walls) <= 3.0 else "TOO SLOW"
        print(f"target <= 3 s: {verdict}")
    finally:
        for child in children:
            child.kill()
        for child in children:
            child.wait()


if __name__ == "__main__":
    main()
