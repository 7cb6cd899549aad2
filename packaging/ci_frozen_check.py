"""CI, on each system: the frozen app answers ``check --only zoom --json``.

    python packaging/ci_frozen_check.py PROGRAM [ARG...]

Runs ``PROGRAM [ARG...] check --only zoom --json`` (on Windows the console twin,
readiness-cli.exe: the windowed exe prints nothing) and fails unless it exits with a
verdict (0, 1 or 2) and prints one JSON report whose only check is zoom. Plain Python
(the runner's own), no project import: it judges the installed app from outside.
"""

from __future__ import annotations

import json
import subprocess
import sys


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 3
    command = [*argv, "check", "--only", "zoom", "--json"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"FAILED: {command[0]} did not run: {error}", file=sys.stderr)
        return 1
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in (0, 1, 2):
        print(f"FAILED: exit {done.returncode}\n{stderr}", file=sys.stderr)
        return 1
    try:
        report = json.loads(done.stdout.decode("utf-8"))
        (check,) = report["checks"]
        assert check["id"] == "zoom", check
    except (ValueError, KeyError, TypeError, AssertionError) as error:
        print(f"FAILED: not the zoom check's JSON ({error!r})\n{done.stdout!r}\n{stderr}")
        return 1
    print(f"exit {done.returncode} - {report['verdict']} - {check['summary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
