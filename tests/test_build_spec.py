"""build.spec's decisions, read by running the recipe with stand-ins for PyInstaller's
classes (PyInstaller itself cannot build a Windows or macOS app here): the platform is
given as data, through the ``sys`` the recipe imports."""

from __future__ import annotations

import builtins
import plistlib
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


class Recorded:
    """What the recipe passed to one of PyInstaller's build steps."""

    def __init__(self, kind: str, *args, **kwargs):
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], []


def run_spec(platform: str, tmp_path: Path) -> dict:
    import cv2.data  # noqa: F401  (imported here, under the real platform)

    fake_sys = types.ModuleType("sys")
    fake_sys.__dict__.update(sys.__dict__)
    fake_sys.platform = platform
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, filter=None: [package]
    versioninfo = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in (
        "FixedFileInfo",
        "StringFileInfo",
        "StringStruct",
        "StringTable",
        "VarFileInfo",
        "VarStruct",
        "VSVersionInfo",
    ):
        setattr(versioninfo, name, lambda *args, _name=name, **kwargs: (_name, args, kwargs))
    stand_ins = {"sys": fake_sys, hooks.__name__: hooks, versioninfo.__name__: versioninfo}
    real_import = builtins.__import__

    def importing(name, globals=None, locals=None, fromlist=(), level=0):
        if name in stand_ins:
            return stand_ins[name]
        return real_import(name, globals, locals, fromlist, level)

    namespace = {
        "__builtins__": {**vars(builtins), "__import__": importing},
        "SPECPATH": str(ROOT),
        "workpath": str(tmp_path),
        **{
            kind: (lambda *args, _kind=kind, **kwargs: Recorded(_kind, *args, **kwargs))
            for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
        },
    }
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    exec(compile(source, str(ROOT / "build.spec"), "exec"), namespace)
    return namespace


def executables(namespace: dict) -> list[Recorded]:
    collect = namespace["coll"]
    assert collect.kind == "COLLECT"
    return [part for part in collect.args if isinstance(part, Recorded) and part.kind == "EXE"]


def test_windows_ships_a_console_twin_beside_the_windowed_app(tmp_path: Path) -> None:
    exes = {exe.kwargs["name"]: exe.kwargs for exe in executables(run_spec("win32", tmp_path))}
    assert set(exes) == {"readiness", "readiness-cli"}
    assert exes["readiness"]["console"] is False  # beneficiaries never see a console
    assert exes["readiness-cli"]["console"] is True  # `readiness-cli check --json` prints
    for exe in exes.values():  # one folder, one set of libraries
        assert exe["exclude_binaries"] is True
        assert exe["icon"].endswith("readiness.ico")
    (strings,) = exes["readiness-cli"]["version"][2]["kids"][0][1][0]
    assert ("StringStruct", ("OriginalFilename", "readiness-cli.exe"), {}) in strings[1][1]


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_linux_and_macos_have_the_one_executable(platform: str, tmp_path: Path) -> None:
    (exe,) = executables(run_spec(platform, tmp_path))
    assert exe.kwargs["name"] == "readiness" and exe.kwargs["console"] is False


def test_the_installer_copies_the_whole_folder_with_the_console_twin() -> None:
    script = (ROOT / "packaging" / "windows" / "readiness.iss").read_text(encoding="utf-8-sig")
    files = script.split("[Files]", 1)[1].split("\n[", 1)[0]
    assert 'Source: "{#SourceDir}\\*"' in files and "recursesubdirs" in files


def test_the_macos_bundle_asks_for_the_camera_and_microphone_in_french(tmp_path: Path) -> None:
    bundle = run_spec("darwin", tmp_path)["app"]
    assert bundle.kind == "BUNDLE"
    plist = bundle.kwargs["info_plist"]
    assert plist["CFBundleDevelopmentRegion"] == "fr"
    assert "caméra" in plist["NSCameraUsageDescription"]
    assert "micro" in plist["NSMicrophoneUsageDescription"]
    for key in ("NSCameraUsageDescription", "NSMicrophoneUsageDescription"):
        assert "Aucun" in plist[key]  # nothing is recorded: what the person wants to know


def test_the_entitlements_allow_the_devices_and_only_what_is_needed() -> None:
    path = ROOT / "packaging" / "macos" / "entitlements.plist"
    entitlements = plistlib.loads(path.read_bytes())
    assert entitlements == {
        "com.apple.security.device.camera": True,
        "com.apple.security.device.audio-input": True,
        "com.apple.security.cs.allow-unsigned-executable-memory": True,  # cffi callbacks
    }


def test_build_tooling_stays_out_of_the_bundle(tmp_path: Path) -> None:
    analysis = run_spec("linux", tmp_path)["a"]
    (keep,) = [arg for arg in analysis.kwargs["hiddenimports"]]
    assert keep == "readiness"  # collect_submodules' stand-in: the filter is checked below
    namespace = run_spec("linux", tmp_path)
    assert {"readiness.build", "readiness.signing"} <= namespace["BUILD_TOOLING"]
