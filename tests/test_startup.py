"""Start-up stays light: the window opens without the heavy libraries (they load when needed)."""

import os
import subprocess
import sys

HEAVY = ("cv2", "numpy", "speedtest", "sounddevice", "psutil", "segno")

CHILD = f"""
import os, sys
def report():
    print("shown:" + ",".join(n for n in {HEAVY!r} if n in sys.modules), flush=True)
    os._exit(0)
from readiness import cli
cli.main([], on_shown=report)
"""


def test_the_window_opens_without_heavy_modules() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.stdout.startswith("shown:"), done.stderr
    assert done.stdout.strip() == "shown:"  # none of the heavy modules
