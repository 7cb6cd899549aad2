"""Keep the translations in step with the code (a developer's tool, not shipped).

    uv run python tools/translations.py update    # collect new texts into the .ts files
    uv run python tools/translations.py release   # build the .qm files the app loads

``update`` runs pyside6-lupdate over every module of ``readiness/``: new French
texts appear in ``resources/translations/readiness_<lang>.ts`` as unfinished,
texts gone from the code are dropped. Translate them (Qt Linguist:
``pyside6-linguist``, or any editor), then ``release``. The tests fail while an
entry is unfinished or a .qm is older than its .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TARGET_LANGUAGES = ("en",)


def tool(name: str) -> str:
    """PySide6's tools, beside the running interpreter first (the project's environment)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this with `uv run`")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "readiness").rglob("*.py"))


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"readiness_{language}.ts"


def update(ts: Path, files: list[str] | None = None) -> str:
    """Collect the code's texts into ``ts`` (kept translations stay); lupdate's report."""
    command = [tool("pyside6-lupdate"), *(files or sources())]
    command += ["-source-language", "fr", "-target-language", ts.stem.rpartition("_")[2]]
    command += ["-no-obsolete", "-locations", "none", "-ts", str(ts)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(done.stderr or done.stdout)
    return done.stdout


def release(ts: Path, qm: Path) -> None:
    command = [tool("pyside6-lrelease"), "-removeidentical", str(ts), "-qm", str(qm)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(done.stderr or done.stdout)


def main(argv: list[str]) -> int:
    if argv not in (["update"], ["release"]):
        print(__doc__, file=sys.stderr)
        return 2
    for language in TARGET_LANGUAGES:
        ts = ts_file(language)
        if argv == ["update"]:
            print(update(ts))
        else:
            release(ts, ts.with_suffix(".qm"))
            print(f"{ts.with_suffix('.qm').relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
