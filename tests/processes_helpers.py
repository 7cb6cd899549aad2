"""Real processes for the process-scan tests, named as the tests need.

Linux names a process after the file it was started from, so a symlink called
"dropbox" to /bin/sleep runs a real process that psutil reports as "dropbox".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class Spawner:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        bin_dir.mkdir(parents=True, exist_ok=True)
        self.children: list[subprocess.Popen] = []
        self._public: Path | None = None

    def named(
        self, name: str, target: str, *args: str, user: int | None = None
    ) -> subprocess.Popen:
        # Another user cannot reach pytest's private tmp dirs: give it a public one.
        folder = self._public_dir() if user is not None else self.bin_dir
        link = folder / name
        if not link.exists():
            link.symlink_to(target)
        kwargs = {"user": user} if user is not None else {}
        child = subprocess.Popen(
            [str(link), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs
        )
        self.children.append(child)
        return child

    def _public_dir(self) -> Path:
        if self._public is None:
            self._public = Path(tempfile.mkdtemp(prefix="readiness-test-"))
            self._public.chmod(0o755)
        return self._public

    def cpu_burner(self, name: str = "burner") -> subprocess.Popen:
        return self.named(name, "/usr/bin/yes")

    def memory_hog(self, megabytes: int) -> subprocess.Popen:
        code = (
            f"import sys, time; b = bytearray({megabytes} * 1048576); "
            "b[::4096] = b'x' * len(b[::4096]); print('ready', flush=True); time.sleep(120)"
        )
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        self.children.append(child)
        return child

    def stop_all(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.kill()
            child.wait(timeout=10)
        for child in self.children:
            if child.stdout:
                child.stdout.close()
        if self._public is not None:
            shutil.rmtree(self._public, ignore_errors=True)


def is_root() -> bool:
    return os.geteuid() == 0
