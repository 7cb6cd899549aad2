"""Where the shipped resources (session.toml, icons, translations) live.

Three layouts: a PyInstaller bundle (``sys._MEIPASS/resources``), an installed
wheel (``readiness/resources``, force-included at build time) and a source
checkout or editable install (``resources/`` beside the package).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resource_dir() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package = Path(__file__).resolve().parent
    candidates += [package / "resources", package.parent / "resources"]
    for candidate in candidates:
        if (candidate / "session.toml").is_file():
            return candidate
    raise FileNotFoundError(f"resources not found in {', '.join(map(str, candidates))}")


def resource(name: str) -> Path:
    return resource_dir() / name
