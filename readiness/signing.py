"""Optional signing of what ``readiness.build`` makes, from the environment.

Windows (``signtool``, before and after Inno Setup):

- ``READINESS_SIGN_CERT_SHA1``: the thumbprint of a code-signing certificate in the
  user's certificate store (a hardware token or a cloud key shows up there), or
- ``READINESS_SIGN_PFX`` and ``READINESS_SIGN_PFX_PASSWORD``: a .pfx file and its password;
- ``READINESS_SIGN_TIMESTAMP_URL`` (optional): an RFC 3161 time-stamping server;
- ``READINESS_SIGNTOOL`` (optional): signtool.exe, when it is not on PATH nor in the SDK.

macOS (``codesign`` with the hardened runtime, then ``notarytool`` and ``stapler``):

- ``READINESS_CODESIGN_IDENTITY``: "Developer ID Application: Name (TEAMID)";
- ``READINESS_NOTARY_PROFILE``: a keychain profile made by ``xcrun notarytool
  store-credentials``, or ``READINESS_NOTARY_KEY`` (an App Store Connect API key, .p8),
  ``READINESS_NOTARY_KEY_ID`` and ``READINESS_NOTARY_ISSUER``.

Nothing set: nothing is signed, and the build says so. The commands are built here as
data (tested on Linux); secrets never reach the printed lines.

Build tooling only: the app never imports this module, and the bundle leaves it out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTITLEMENTS = ROOT / "packaging" / "macos" / "entitlements.plist"
#: DigiCert's public RFC 3161 server: free, and accepted for any certificate authority.
DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"
#: The description Windows shows beside the publisher (UAC, SmartScreen).
DESCRIPTION = "Préparer ma séance"
HIDDEN = "***"

# The first four bytes of a Mach-O file: 32/64-bit, either byte order, and universal.
_MACHO_MAGICS = {
    bytes.fromhex(magic)
    for magic in ("feedface", "feedfacf", "cefaedfe", "cffaedfe", "cafebabe", "bebafeca")
}


class SigningError(Exception):
    """Signing variables that do not go together: the build stops before it starts."""


@dataclass(frozen=True)
class WindowsSigning:
    certificate_sha1: str | None = None
    pfx: Path | None = None
    password: str | None = field(default=None, repr=False)
    timestamp_url: str = DEFAULT_TIMESTAMP_URL

    @property
    def secrets(self) -> tuple[str, ...]:
        return (self.password,) if self.password else ()

    def command(self, signtool: str, files: Iterable[Path]) -> list[str]:
        command = [signtool, "sign", "/fd", "SHA256", "/tr", self.timestamp_url, "/td", "SHA256"]
        if self.certificate_sha1:
            command += ["/sha1", self.certificate_sha1]
        else:
            command += ["/f", str(self.pfx)]
            if self.password:
                command += ["/p", self.password]
        return [*command, "/d", DESCRIPTION, *(str(path) for path in files)]


@dataclass(frozen=True)
class MacSigning:
    identity: str
    entitlements: Path = ENTITLEMENTS
    notary_profile: str | None = None
    notary_key: Path | None = None
    notary_key_id: str | None = None
    notary_issuer: str | None = None

    @property
    def secrets(self) -> tuple[str, ...]:
        return ()  # the keychain and the key file hold them; the command names only those

    @property
    def notarises(self) -> bool:
        return bool(self.notary_profile or self.notary_key)

    def codesign(self, path: Path, *, entitlements: bool) -> list[str]:
        command = ["codesign", "--force", "--options", "runtime", "--timestamp"]
        if entitlements:
            command += ["--entitlements", str(self.entitlements)]
        return [*command, "--sign", self.identity, str(path)]

    def app_commands(self, app: Path) -> list[list[str]]:
        """Inside out, as Apple asks (no --deep): every library and executable, then each
        .framework, then the app, whose executables carry the entitlements."""
        executables = app / "Contents" / "MacOS"
        code = _macho_files(app)
        libraries = [path for path in code if path.parent != executables]
        frameworks = [path for path in app.rglob("*.framework") if not path.is_symlink()]
        return [
            *(self.codesign(path, entitlements=False) for path in _deepest_first(libraries)),
            *(self.codesign(path, entitlements=False) for path in _deepest_first(frameworks)),
            *(self.codesign(path, entitlements=True) for path in code if path not in libraries),
            self.codesign(app, entitlements=True),
        ]

    def dmg_commands(self, dmg: Path) -> list[list[str]]:
        """The image signed, sent to Apple's notary service (waiting for its answer), then
        its ticket stapled so that Gatekeeper accepts it even offline."""
        commands = [["codesign", "--force", "--timestamp", "--sign", self.identity, str(dmg)]]
        if not self.notarises:
            return commands
        submit = ["xcrun", "notarytool", "submit", str(dmg), "--wait"]
        if self.notary_profile:
            submit += ["--keychain-profile", self.notary_profile]
        else:
            submit += [
                "--key",
                str(self.notary_key),
                "--key-id",
                str(self.notary_key_id),
                "--issuer",
                str(self.notary_issuer),
            ]
        return [*commands, submit, ["xcrun", "stapler", "staple", str(dmg)]]


def _value(env: Mapping[str, str], name: str) -> str | None:
    return (env.get(name) or "").strip() or None


def windows_signing(env: Mapping[str, str]) -> WindowsSigning | None:
    sha1 = _value(env, "READINESS_SIGN_CERT_SHA1")
    pfx = _value(env, "READINESS_SIGN_PFX")
    password = env.get("READINESS_SIGN_PFX_PASSWORD") or None
    url = _value(env, "READINESS_SIGN_TIMESTAMP_URL") or DEFAULT_TIMESTAMP_URL
    if sha1 and pfx:
        raise SigningError(
            "READINESS_SIGN_CERT_SHA1 et READINESS_SIGN_PFX sont tous deux définis : "
            "gardez-en un seul (l'empreinte d'un certificat installé, ou un fichier .pfx)."
        )
    if sha1:
        thumbprint = re.sub(r"[\s:]", "", sha1)
        if not re.fullmatch(r"[0-9A-Fa-f]{40}", thumbprint):
            raise SigningError(
                "READINESS_SIGN_CERT_SHA1 doit être l'empreinte SHA-1 du certificat : "
                "40 chiffres hexadécimaux, par exemple 1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D."
            )
        return WindowsSigning(certificate_sha1=thumbprint, timestamp_url=url)
    if pfx:
        if not Path(pfx).is_file():
            raise SigningError(
                f"READINESS_SIGN_PFX désigne {pfx}, qui n'existe pas : "
                "indiquez le chemin du fichier .pfx du certificat."
            )
        return WindowsSigning(pfx=Path(pfx), password=password, timestamp_url=url)
    return None


def mac_signing(env: Mapping[str, str], entitlements: Path = ENTITLEMENTS) -> MacSigning | None:
    identity = _value(env, "READINESS_CODESIGN_IDENTITY")
    key = _value(env, "READINESS_NOTARY_KEY")
    key_id = _value(env, "READINESS_NOTARY_KEY_ID")
    issuer = _value(env, "READINESS_NOTARY_ISSUER")
    profile = _value(env, "READINESS_NOTARY_PROFILE")
    if not identity:
        if profile or key:
            raise SigningError(
                "La notarisation demande une signature : définissez aussi "
                "READINESS_CODESIGN_IDENTITY, par exemple "
                "« Developer ID Application: Mon Organisation (AB12CD34EF) »."
            )
        return None
    if key and not (key_id and issuer):
        raise SigningError(
            "READINESS_NOTARY_KEY demande aussi READINESS_NOTARY_KEY_ID et "
            "READINESS_NOTARY_ISSUER (l'identifiant de la clé et celui de l'émetteur, "
            "affichés dans App Store Connect)."
        )
    return MacSigning(
        identity=identity,
        entitlements=entitlements,
        notary_profile=profile,
        notary_key=Path(key) if key and not profile else None,
        notary_key_id=key_id if key and not profile else None,
        notary_issuer=issuer if key and not profile else None,
    )


Signing = WindowsSigning | MacSigning


def signing_for(platform: str, env: Mapping[str, str]) -> Signing | None:
    """What this platform's build signs with, or None (then nothing is signed)."""
    if platform == "win32":
        return windows_signing(env)
    if platform == "darwin":
        return mac_signing(env)
    return None


def find_signtool(env: Mapping[str, str]) -> str | None:
    """READINESS_SIGNTOOL, signtool on PATH, or the newest Windows SDK's x64 one."""
    if named := _value(env, "READINESS_SIGNTOOL"):
        return named
    if found := shutil.which("signtool"):
        return found
    base = env.get("PROGRAMFILES(X86)") or env.get("ProgramFiles(x86)")
    if not base:
        return None
    kits = Path(base) / "Windows Kits" / "10" / "bin"
    candidates = [path for path in kits.glob("*/x64/signtool.exe") if path.is_file()]
    if not candidates:
        return None
    return str(max(candidates, key=lambda path: _version_key(path.parent.parent.name)))


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name))


def _macho_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) in _MACHO_MAGICS:
                found.append(path)
    return found


def _deepest_first(paths: Iterable[Path]) -> list[Path]:
    return sorted(paths, key=lambda path: (-len(path.parts), str(path)))


def shown(command: Sequence[str], secrets: Iterable[str] = ()) -> str:
    """The command as printed: every secret replaced, also inside a longer argument."""
    text = " ".join(_quoted(part) for part in command)
    for secret in secrets:
        if secret:
            text = text.replace(_quoted(secret), HIDDEN).replace(secret, HIDDEN)
    return text


def _quoted(part: str) -> str:
    return f'"{part}"' if not part or re.search(r"\s", part) else part


def run(commands: Iterable[Sequence[str]], secrets: Iterable[str] = ()) -> bool:
    """Runs each command in turn, printing it with its secrets hidden; False at the
    first failure (its output shown, hidden too)."""
    secrets = tuple(secrets)
    for command in commands:
        print(f"Signature : {shown(command, secrets)}")
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            print(f"{command[0]} n'a pas pu être lancé : {error.strerror}", file=sys.stderr)
            return False
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip()
            for secret in secrets:
                output = output.replace(secret, HIDDEN) if secret else output
            print(output, file=sys.stderr)
            return False
    return True
