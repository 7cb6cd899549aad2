"""Signing from the environment, as data: the commands for signtool, codesign, notarytool
and stapler (none of which exist here), the variables that go together, and secrets that
never reach what is printed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from readiness import build, signing
from readiness.signing import MacSigning, SigningError

THUMB = "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D"
IDENTITY = "Developer ID Application: Atelier Exemple (AB12CD34EF)"


def test_nothing_in_the_environment_signs_nothing() -> None:
    for platform in ("win32", "darwin", "linux"):
        assert signing.signing_for(platform, {}) is None
        assert signing.signing_for(platform, {"READINESS_SIGN_CERT_SHA1": " "}) is None


def test_windows_with_a_certificate_in_the_store() -> None:
    identity = signing.signing_for("win32", {"READINESS_SIGN_CERT_SHA1": THUMB.lower()})
    exes = [Path("dist/readiness/readiness.exe"), Path("dist/readiness/readiness-cli.exe")]
    assert identity.command("signtool", exes) == [
        "signtool", "sign", "/fd", "SHA256", "/tr", "http://timestamp.digicert.com",
        "/td", "SHA256", "/sha1", THUMB.lower(), "/d", "Préparer ma séance",
        str(exes[0]), str(exes[1]),
    ]  # fmt: skip


def test_windows_with_a_pfx_hides_its_password(tmp_path: Path, capsys) -> None:
    pfx = tmp_path / "org.pfx"
    pfx.write_bytes(b"not a real certificate")
    env = {
        "READINESS_SIGN_PFX": str(pfx),
        "READINESS_SIGN_PFX_PASSWORD": "s3cret pass",
        "READINESS_SIGN_TIMESTAMP_URL": "http://timestamp.sectigo.com",
    }
    identity = signing.windows_signing(env)
    command = identity.command("signtool", [Path("setup.exe")])
    assert command[:8] == ["signtool", "sign", "/fd", "SHA256", "/tr",
                           "http://timestamp.sectigo.com", "/td", "SHA256"]  # fmt: skip
    assert command[8:12] == ["/f", str(pfx), "/p", "s3cret pass"]
    assert "s3cret" not in repr(identity)
    assert "s3cret" not in signing.shown(command, identity.secrets)
    # A program that fails and echoes its arguments: still nothing of the secret shown.
    echo = [sys.executable, "-c", "import sys; print(sys.argv); sys.exit(1)", *command]
    assert signing.run([echo], identity.secrets) is False
    printed = capsys.readouterr()
    assert "s3cret" not in printed.out + printed.err
    assert signing.HIDDEN in printed.out and signing.HIDDEN in printed.err


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"READINESS_SIGN_CERT_SHA1": "abc"}, "40 chiffres"),
        ({"READINESS_SIGN_PFX": "/nowhere/org.pfx"}, "n'existe pas"),
        ({"READINESS_SIGN_CERT_SHA1": THUMB, "READINESS_SIGN_PFX": "x.pfx"}, "un seul"),
    ],
)
def test_windows_variables_that_do_not_go_together(env: dict, says: str) -> None:
    with pytest.raises(SigningError, match=says):
        signing.windows_signing(env)


def test_signtool_from_the_newest_windows_sdk(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    kits = tmp_path / "Windows Kits" / "10" / "bin"
    for version in ("10.0.19041.0", "10.0.22621.0", "10.0.9200.0"):
        tool = kits / version / "x64" / "signtool.exe"
        tool.parent.mkdir(parents=True)
        tool.write_bytes(b"")
    env = {"PROGRAMFILES(X86)": str(tmp_path)}
    assert signing.find_signtool(env) == str(kits / "10.0.22621.0" / "x64" / "signtool.exe")
    assert signing.find_signtool({**env, "READINESS_SIGNTOOL": "C:/t/signtool.exe"}) == (
        "C:/t/signtool.exe"
    )
    assert signing.find_signtool({}) is None


def macho(path: Path, magic: str = "cffaedfe") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes.fromhex(magic) + b"\0" * 60)
    return path


def test_macos_app_is_signed_inside_out_with_the_entitlements_on_its_executable(
    tmp_path: Path,
) -> None:
    app = tmp_path / "Préparer ma séance.app"
    main = macho(app / "Contents" / "MacOS" / "readiness")
    frameworks = app / "Contents" / "Frameworks"
    qt_binary = macho(frameworks / "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore")
    numpy_so = macho(frameworks / "numpy/_core/_multiarray_umath.cpython-311-darwin.so")
    universal = macho(frameworks / "libportaudio.dylib", magic="cafebabe")
    (frameworks / "base_library.zip").write_bytes(b"PK\3\4 not code")
    (app / "Contents" / "Resources").mkdir()
    (app / "Contents" / "Resources" / "numpy").symlink_to(frameworks / "numpy")
    identity = MacSigning(identity=IDENTITY, entitlements=Path("ent.plist"))

    commands = identity.app_commands(app)

    signed = [Path(command[-1]) for command in commands]
    assert signed == [
        qt_binary,
        numpy_so,
        universal,
        frameworks / "PySide6/Qt/lib/QtCore.framework",
        main,
        app,
    ]  # libraries deepest first, then the framework, the executable, the app; no zip, no link
    for command in commands:
        assert command[:5] == ["codesign", "--force", "--options", "runtime", "--timestamp"]
        assert command[-3:-1] == ["--sign", IDENTITY]
        assert "--deep" not in command
    with_entitlements = [Path(c[-1]) for c in commands if "--entitlements" in c]
    assert with_entitlements == [main, app]


def test_macos_dmg_is_signed_notarised_and_stapled() -> None:
    dmg = Path("dist/readiness-0.1.0.dmg")
    with_profile = signing.mac_signing(
        {"READINESS_CODESIGN_IDENTITY": IDENTITY, "READINESS_NOTARY_PROFILE": "readiness"}
    )
    assert with_profile.dmg_commands(dmg) == [
        ["codesign", "--force", "--timestamp", "--sign", IDENTITY, str(dmg)],
        ["xcrun", "notarytool", "submit", str(dmg), "--wait", "--keychain-profile", "readiness"],
        ["xcrun", "stapler", "staple", str(dmg)],
    ]
    with_key = signing.mac_signing(
        {
            "READINESS_CODESIGN_IDENTITY": IDENTITY,
            "READINESS_NOTARY_KEY": "/keys/AuthKey_ABC.p8",
            "READINESS_NOTARY_KEY_ID": "ABC123DEFG",
            "READINESS_NOTARY_ISSUER": "69a6de7e-0000-47e3-e053-5b8c7c11a4d1",
        }
    )
    assert with_key.dmg_commands(dmg)[1] == [
        "xcrun", "notarytool", "submit", str(dmg), "--wait", "--key", "/keys/AuthKey_ABC.p8",
        "--key-id", "ABC123DEFG", "--issuer", "69a6de7e-0000-47e3-e053-5b8c7c11a4d1",
    ]  # fmt: skip
    signed_only = signing.mac_signing({"READINESS_CODESIGN_IDENTITY": IDENTITY})
    assert not signed_only.notarises
    assert signed_only.dmg_commands(dmg) == [with_profile.dmg_commands(dmg)[0]]


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"READINESS_NOTARY_PROFILE": "readiness"}, "READINESS_CODESIGN_IDENTITY"),
        (
            {"READINESS_CODESIGN_IDENTITY": IDENTITY, "READINESS_NOTARY_KEY": "k.p8"},
            "READINESS_NOTARY_ISSUER",
        ),
    ],
)
def test_macos_variables_that_do_not_go_together(env: dict, says: str) -> None:
    with pytest.raises(SigningError, match=says):
        signing.mac_signing(env)


def test_what_is_signed_before_the_installer(tmp_path: Path) -> None:
    assert build.app_files_to_sign("win32", tmp_path) == [
        tmp_path / "readiness" / "readiness.exe",
        tmp_path / "readiness" / "readiness-cli.exe",
    ]
    assert build.app_files_to_sign("darwin", tmp_path) == [tmp_path / "Préparer ma séance.app"]
    assert build.app_files_to_sign("linux", tmp_path) == []


def test_a_half_set_identity_stops_the_build_before_it_starts(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("READINESS_SIGN_CERT_SHA1", "not-a-thumbprint")
    monkeypatch.setattr(build, "_pyinstaller", lambda *args: pytest.fail("PyInstaller ran"))
    assert build.main(["--no-installer"]) == 3
    assert "READINESS_SIGN_CERT_SHA1" in capsys.readouterr().err


def test_pyinstaller_is_the_locked_one_of_the_build_group() -> None:
    assert build.pyinstaller_command(has_pyinstaller=False, uv="/usr/bin/uv") == [
        "/usr/bin/uv", "run", "--group", "build", "pyinstaller",
    ]  # fmt: skip
    assert build.pyinstaller_command(has_pyinstaller=False, uv=None) is None


def test_the_build_group_is_locked() -> None:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    (pin,) = project["dependency-groups"]["build"]
    assert pin.startswith("pyinstaller")
    lock = tomllib.loads((root / "uv.lock").read_text(encoding="utf-8"))
    (package,) = [p for p in lock["package"] if p["name"] == "pyinstaller"]
    assert package["version"].startswith("6.")
    # Nothing builds with an unpinned PyInstaller any more.
    for path in ("readiness/build.py", "packaging/linux/ci_check_deb.sh", ".ci/run", "build.spec"):
        assert "--with pyinstaller" not in (root / path).read_text(encoding="utf-8")
        assert '--with "$PYINSTALLER"' not in (root / path).read_text(encoding="utf-8")
    checked = subprocess.run(["uv", "lock", "--check"], cwd=root, capture_output=True, timeout=300)
    assert checked.returncode == 0, checked.stderr
