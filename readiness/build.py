"""Builds the installer around an organisation's own ``session.toml``.

    uv run --group build python -m readiness.build --config ours.toml

The file is checked first, as the app would (a wrong one stops here: exit 3 and the
usual French paragraph). PyInstaller then runs ``build.spec`` with it as the embedded
default, and this platform's installer is made: the .deb on Linux, the .dmg on macOS,
the Inno Setup installer on Windows (when Inno Setup's ``ISCC`` is installed).
Without ``--config``, the shipped ``resources/session.toml`` is used. On Windows and macOS,
what it makes is signed when the environment names a certificate (``readiness.signing``).

Build tooling only: the app never imports this module, and the bundle leaves it out.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from readiness import __version__, signing
from readiness.core import exit_codes
from readiness.core.config import ConfigError, SessionConfig, read_session_file

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
#: The installer build's own dependency group (pyproject.toml), pinned in uv.lock.
BUILD_GROUP = "build"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    session = (args.config or ROOT / "resources" / "session.toml").resolve()
    try:
        config = read_session_file(session)
    except ConfigError as error:
        print(error.message(), file=sys.stderr)
        return exit_codes.BAD_INPUT
    try:  # before the long build: a half-set identity stops here
        identity = signing.signing_for(sys.platform, os.environ)
    except signing.SigningError as error:
        print(error, file=sys.stderr)
        return exit_codes.BAD_INPUT
    dist, work = args.dist.resolve(), args.work.resolve()
    print(f"Construction pour « {config.organisation} », réunion {config.meeting_id_grouped}")

    started = time.monotonic()
    if _pyinstaller(session, dist, work) != 0:
        print("PyInstaller a échoué : voir les messages ci-dessus.", file=sys.stderr)
        return exit_codes.BUILD_FAILED
    frozen_s = time.monotonic() - started
    bundle = dist / "readiness"
    print(f"Application : {bundle} ({_size_mb(bundle):.0f} Mo, {frozen_s:.0f} s)")
    if not _sign_app(identity, dist):
        return exit_codes.BUILD_FAILED

    if not args.no_installer:
        started = time.monotonic()
        try:
            installer = _installer(config, dist)
            if installer is not None and not _sign_installer(identity, installer):
                raise _BuildFailed
        except _BuildFailed:
            print("L'installateur n'a pas pu être construit.", file=sys.stderr)
            return exit_codes.BUILD_FAILED
        if installer is not None:
            print(
                f"Installateur : {installer} ({_size_mb(installer):.0f} Mo, "
                f"{time.monotonic() - started:.0f} s)"
            )
    print(
        f"Prêt : « {config.organisation} », réunion {config.meeting_id_grouped}, "
        f"code {config.passcode}"
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m readiness.build",
        description="Construit l'application et son installateur autour d'un session.toml.",
    )
    parser.add_argument(
        "--config", type=Path, metavar="FICHIER", help="le session.toml de l'organisation"
    )
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="dossier des résultats (dist)"
    )
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="dossier de travail (build)"
    )
    parser.add_argument(
        "--no-installer", action="store_true", help="l'application seule, sans installateur"
    )
    return parser


def _pyinstaller(session: Path, dist: Path, work: Path) -> int:
    command = pyinstaller_command(
        has_pyinstaller=importlib.util.find_spec("PyInstaller") is not None,
        uv=shutil.which("uv"),
    )
    if command is None:
        print(
            "PyInstaller est introuvable : uv run --group build python -m readiness.build",
            file=sys.stderr,
        )
        return 1
    command += ["--noconfirm", "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    env = dict(os.environ, READINESS_SESSION_FILE=str(session))
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def pyinstaller_command(*, has_pyinstaller: bool, uv: str | None) -> list[str] | None:
    """This environment's PyInstaller, or the locked one of the ``build`` group through uv
    (never an unpinned ``uv run --with``: two builds of one commit must match)."""
    if has_pyinstaller:
        return [sys.executable, "-m", "PyInstaller"]
    if uv:
        return [uv, "run", "--group", BUILD_GROUP, "pyinstaller"]
    return None


class _BuildFailed(Exception):
    pass


def app_files_to_sign(platform: str, dist: Path) -> list[Path]:
    """What is signed before the installer is made: Windows' two executables (the
    installer then carries them signed), macOS' .app."""
    if platform == "win32":
        return [dist / "readiness" / f"{name}.exe" for name in ("readiness", "readiness-cli")]
    if platform == "darwin":
        return [dist / "Préparer ma séance.app"]
    return []


def _sign_app(identity: signing.Signing | None, dist: Path) -> bool:
    if sys.platform not in ("win32", "darwin"):
        return True  # Linux packages are trusted through a repository's key, not here
    if identity is None:
        print(
            "Signature : aucune identité dans l'environnement, rien n'est signé "
            "(README : Windows and macOS)."
        )
        return True
    files = [path for path in app_files_to_sign(sys.platform, dist) if path.exists()]
    if isinstance(identity, signing.WindowsSigning):
        signtool = signing.find_signtool(os.environ)
        if signtool is None:
            print("signtool est introuvable : installez le SDK Windows.", file=sys.stderr)
            return False
        commands = [identity.command(signtool, files)]
    else:
        commands = [command for app in files for command in identity.app_commands(app)]
    return signing.run(commands, identity.secrets)


def _sign_installer(identity: signing.Signing | None, installer: Path) -> bool:
    if identity is None:
        return True
    if isinstance(identity, signing.WindowsSigning):
        signtool = signing.find_signtool(os.environ) or "signtool"
        return signing.run([identity.command(signtool, [installer])], identity.secrets)
    if not identity.notarises:
        print("Signature : sans READINESS_NOTARY_*, l'image n'est pas notarisée.")
    return signing.run(identity.dmg_commands(installer), identity.secrets)


def _installer(config: SessionConfig, dist: Path) -> Path | None:
    """The installer's path, or None when this platform's tool is missing."""
    if sys.platform.startswith("linux"):
        email = config.support.email or "readiness@localhost"
        command = [
            "bash",
            str(ROOT / "packaging" / "linux" / "build_deb.sh"),
            "--bundle",
            str(dist / "readiness"),
            "--out",
            str(dist),
            "--organisation",
            config.organisation,
            "--maintainer",
            f"{config.organisation} <{email}>",
        ]
    elif sys.platform == "darwin":
        command = [
            "bash",
            str(ROOT / "packaging" / "macos" / "make_dmg.sh"),
            "--app",
            str(dist / "Préparer ma séance.app"),
            "--out",
            str(dist),
        ]
    elif sys.platform == "win32":
        iscc = shutil.which("iscc") or _inno_setup_compiler()
        if iscc is None:
            print("Inno Setup (ISCC) est introuvable : l'application seule est dans dist.")
            return None
        command = [
            iscc,
            f"/DAppVersion={__version__}",
            f"/DOrganisation={config.organisation}",
            f"/DSourceDir={dist / 'readiness'}",
            f"/O{dist}",
            str(ROOT / "packaging" / "windows" / "readiness.iss"),
        ]
    else:
        return None
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        sys.stdout.write(done.stdout)
        raise _BuildFailed
    if sys.platform == "win32":
        return dist / f"readiness-{__version__}-setup.exe"
    return Path(done.stdout.strip().splitlines()[-1])


def _inno_setup_compiler() -> str | None:
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (candidate := Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(candidate)
    return None


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    files = (f for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 1e6


if __name__ == "__main__":
    sys.exit(main())
