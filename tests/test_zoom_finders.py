"""Zoom desktop app discovery.

Linux runs for real: the real ``xdg-mime`` against XDG dirs in a tmp dir, real files,
real subprocesses. Windows and macOS use the fakes in ``tests/fakes.py``.
"""

from __future__ import annotations

import os
import plistlib
import stat
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import pytest

from readiness.devices.zoom import ZoomInstall, zoom_finder_for
from readiness.devices.zoom.linux import LinuxZoomFinder
from readiness.devices.zoom.macos import MacZoomFinder
from readiness.devices.zoom.model import Runner, run_command
from readiness.devices.zoom.windows import WindowsZoomFinder, WinRegistry, command_executable
from tests.fakes import FakeWindowsRegistry, make_fake_mac_zoom_bundle

ZOOM_DESKTOP = """\
[Desktop Entry]
Name=Zoom Workplace
Exec={exec_line}
Type=Application
MimeType=x-scheme-handler/zoommtg;x-scheme-handler/zoomus;
{extra}
[Desktop Action New]
Exec=/somewhere/else --new
"""


@pytest.fixture
def xdg(tmp_path: Path) -> dict[str, str]:
    """An environment whose XDG dirs all live in tmp_path, so the host's setup is invisible.

    XDG_CURRENT_DESKTOP is left out: with KDE, xdg-mime may ask KDE's trader instead of
    reading mimeapps.list. XDG_RUNTIME_DIR is left out because a flatpak-info file there
    switches xdg-mime to its flatpak mode.
    """
    dirs = {name: tmp_path / name for name in ("home", "config", "config-dirs", "data", "sys")}
    for directory in dirs.values():
        directory.mkdir()
    (dirs["data"] / "applications").mkdir()
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(dirs["home"]),
        "XDG_CONFIG_HOME": str(dirs["config"]),
        "XDG_CONFIG_DIRS": str(dirs["config-dirs"]),
        "XDG_DATA_HOME": str(dirs["data"]),
        "XDG_DATA_DIRS": str(dirs["sys"]),
    }


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = tmp_path / "root"
    path.mkdir()
    return path


def linux_finder(env: dict[str, str], root: Path) -> LinuxZoomFinder:
    return LinuxZoomFinder(root=root, home=Path(env["HOME"]), env=env)


def write_desktop_file(env: dict[str, str], name: str, exec_line: str, extra: str = "") -> None:
    path = Path(env["XDG_DATA_HOME"]) / "applications" / name
    path.write_text(ZOOM_DESKTOP.format(exec_line=exec_line, extra=extra), encoding="utf-8")


def set_default_handler(env: dict[str, str], desktop_name: str) -> None:
    mimeapps = Path(env["XDG_CONFIG_HOME"]) / "mimeapps.list"
    mimeapps.write_text(
        f"[Default Applications]\nx-scheme-handler/zoommtg={desktop_name}\n", encoding="utf-8"
    )


def make_executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


# --- Linux, with the real xdg-mime ---------------------------------------------------------


def test_linux_reports_xdg_mime_handler_and_its_exec(xdg: dict[str, str], root: Path) -> None:
    write_desktop_file(xdg, "Zoom.desktop", "/opt/zoom/ZoomLauncher %U")
    set_default_handler(xdg, "Zoom.desktop")

    found = linux_finder(xdg, root).find()

    assert found == ZoomInstall(
        location="/opt/zoom/ZoomLauncher",
        version=None,
        handler="Zoom.desktop",
        source="desktop-file",
    )
    assert found.installed
    assert found.handler_registered


def test_linux_mimeapps_choice_beats_another_app_declaring_the_scheme(
    xdg: dict[str, str], root: Path, tmp_path: Path
) -> None:
    # xdg-mime only honours a mimeapps.list entry whose Exec program exists.
    launcher = make_executable(tmp_path / "zoom" / "ZoomLauncher")
    write_desktop_file(xdg, "Zoom.desktop", f"{launcher} %U")
    write_desktop_file(xdg, "Other.desktop", "/usr/bin/other %u", extra="InitialPreference=9")
    finder = linux_finder(xdg, root)
    assert finder.find().handler == "Other.desktop"  # without a choice, the preference wins

    set_default_handler(xdg, "Zoom.desktop")
    found = finder.find()

    assert found.handler == "Zoom.desktop"
    assert found.location == str(launcher)


def test_linux_exec_of_an_action_is_not_the_app(xdg: dict[str, str], root: Path) -> None:
    # A D-Bus activated app may have no Exec in its entry, only in its actions.
    path = Path(xdg["XDG_DATA_HOME"]) / "applications" / "Zoom.desktop"
    path.write_text(
        "[Desktop Entry]\nName=Zoom\nType=Application\nDBusActivatable=true\n"
        "MimeType=x-scheme-handler/zoommtg;\n\n[Desktop Action New]\nExec=/usr/bin/new\n",
        encoding="utf-8",
    )

    found = linux_finder(xdg, root).find()

    assert found == ZoomInstall(handler="Zoom.desktop", source="xdg-mime")


def test_linux_quoted_exec_keeps_spaces_and_drops_field_codes(
    xdg: dict[str, str], root: Path
) -> None:
    write_desktop_file(xdg, "Zoom.desktop", '"/opt/my zoom/ZoomLauncher" %U')

    found = linux_finder(xdg, root).find()

    assert found.handler == "Zoom.desktop"
    assert found.location == "/opt/my zoom/ZoomLauncher"


def xdg_mime_answering(desktop_name: str) -> Runner:
    """A runner that answers like xdg-mime; only where the real one cannot see ``root``."""

    def run(argv: list[str], timeout_s: float, env: Mapping[str, str]) -> str | None:
        assert argv[:3] == ["xdg-mime", "query", "default"]
        return desktop_name + "\n"

    return run


@pytest.mark.parametrize("data_dirs", ["/usr/local/share:/usr/share", None])
def test_linux_reads_system_desktop_file_under_root(
    xdg: dict[str, str], root: Path, data_dirs: str | None
) -> None:
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "Zoom.desktop").write_text(
        ZOOM_DESKTOP.format(exec_line="/opt/zoom/ZoomLauncher %U", extra=""), encoding="utf-8"
    )
    env = {key: value for key, value in xdg.items() if key != "XDG_DATA_DIRS"}
    if data_dirs is not None:
        env["XDG_DATA_DIRS"] = data_dirs
    finder = LinuxZoomFinder(
        root=root, home=Path(xdg["HOME"]), env=env, run=xdg_mime_answering("Zoom.desktop")
    )

    assert finder.find().location == "/opt/zoom/ZoomLauncher"


def test_linux_no_handler_registered(xdg: dict[str, str], root: Path) -> None:
    found = linux_finder(xdg, root).find()

    assert found.handler is None
    assert not found.handler_registered
    assert not found.installed
    assert found == ZoomInstall()


def test_linux_opt_install_with_version(xdg: dict[str, str], root: Path) -> None:
    binary = make_executable(root / "opt" / "zoom" / "zoom")
    (binary.parent / "version.txt").write_text("\n6.1.0.198\n", encoding="utf-8")

    found = linux_finder(xdg, root).find()

    assert found.location == str(binary)
    assert found.version == "6.1.0.198"
    assert found.source == "opt"
    assert found.installed
    assert not found.handler_registered


def test_linux_opt_install_keeps_the_handler(xdg: dict[str, str], root: Path) -> None:
    make_executable(root / "opt" / "zoom" / "zoom")
    write_desktop_file(xdg, "Zoom.desktop", "/opt/zoom/ZoomLauncher %U")

    found = linux_finder(xdg, root).find()

    assert found.source == "opt"
    assert found.handler == "Zoom.desktop"


def test_linux_opt_without_version_file(xdg: dict[str, str], root: Path) -> None:
    make_executable(root / "opt" / "zoom" / "zoom")
    (root / "opt" / "zoom" / "version.txt").mkdir()  # unreadable as a file

    found = linux_finder(xdg, root).find()

    assert found.source == "opt"
    assert found.version is None


def test_linux_snap_version_from_snap_yaml(xdg: dict[str, str], root: Path) -> None:
    meta = root / "snap" / "zoom-client" / "current" / "meta"
    meta.mkdir(parents=True)
    (meta / "snap.yaml").write_text(
        "name: zoom-client\nversion: '6.0.2.4680'\nsummary: Zoom\n", encoding="utf-8"
    )

    found = linux_finder(xdg, root).find()

    assert found.location == str(meta.parent)
    assert found.version == "6.0.2.4680"
    assert found.source == "snap"


def test_linux_snap_with_garbage_yaml(xdg: dict[str, str], root: Path) -> None:
    meta = root / "snap" / "zoom-client" / "current" / "meta"
    meta.mkdir(parents=True)
    (meta / "snap.yaml").write_bytes(b"\xff\xfe\x00garbage")

    found = linux_finder(xdg, root).find()

    assert found.source == "snap"
    assert found.version is None


def test_linux_user_flatpak_version_from_metainfo(xdg: dict[str, str], root: Path) -> None:
    app = Path(xdg["HOME"]) / ".local/share/flatpak/app/us.zoom.Zoom"
    metainfo = app / "current/active/files/share/metainfo"
    metainfo.mkdir(parents=True)
    (metainfo / "us.zoom.Zoom.metainfo.xml").write_text(
        '<?xml version="1.0"?><component><id>us.zoom.Zoom</id><releases>'
        '<release version="6.2.3" date="2024-09-01"/><release version="6.1.0"/>'
        "</releases></component>",
        encoding="utf-8",
    )

    found = linux_finder(xdg, root).find()

    assert found.location == str(app)
    assert found.version == "6.2.3"
    assert found.source == "flatpak"


def test_linux_system_flatpak_with_corrupt_metainfo(xdg: dict[str, str], root: Path) -> None:
    app = root / "var/lib/flatpak/app/us.zoom.Zoom"
    metainfo = app / "current/active/files/share/metainfo"
    metainfo.mkdir(parents=True)
    (metainfo / "us.zoom.Zoom.metainfo.xml").write_text("<component><releases", encoding="utf-8")

    found = linux_finder(xdg, root).find()

    assert found.location == str(app)
    assert found.version is None
    assert found.source == "flatpak"


def test_linux_opt_comes_before_snap(xdg: dict[str, str], root: Path) -> None:
    make_executable(root / "opt" / "zoom" / "zoom")
    (root / "snap" / "zoom-client" / "current").mkdir(parents=True)

    assert linux_finder(xdg, root).find().source == "opt"


def test_linux_without_xdg_mime_still_finds_the_install(
    xdg: dict[str, str], root: Path, tmp_path: Path
) -> None:
    empty_bin = tmp_path / "empty-bin"
    empty_bin.mkdir()
    binary = make_executable(root / "opt" / "zoom" / "zoom")
    write_desktop_file(xdg, "Zoom.desktop", "/opt/zoom/ZoomLauncher %U")
    env = {**xdg, "PATH": str(empty_bin)}  # xdg-mime cannot be found

    found = LinuxZoomFinder(root=root, home=Path(xdg["HOME"]), env=env).find()

    assert found.handler is None
    assert found.location == str(binary)


def test_linux_handler_whose_desktop_file_is_gone(xdg: dict[str, str], root: Path) -> None:
    finder = LinuxZoomFinder(
        root=root,
        home=Path(xdg["HOME"]),
        env=xdg,
        run=xdg_mime_answering("ghost.desktop"),
    )

    found = finder.find()

    assert found == ZoomInstall(handler="ghost.desktop", source="xdg-mime")
    assert found.installed


# --- the real runner -----------------------------------------------------------------------


def test_runner_returns_stdout() -> None:
    assert run_command(["echo", "hello"], 5.0, os.environ) == "hello\n"


def test_runner_times_out_to_none() -> None:
    started = time.monotonic()

    assert run_command(["sleep", "5"], 0.2, os.environ) is None
    assert time.monotonic() - started < 3


def test_runner_failure_and_missing_program_give_none() -> None:
    assert run_command(["false"], 5.0, os.environ) is None
    assert run_command(["no-such-program-readiness"], 5.0, os.environ) is None


# --- macOS, with a fake bundle -------------------------------------------------------------


def test_mac_bundle_version_and_handler(tmp_path: Path) -> None:
    bundle = make_fake_mac_zoom_bundle(tmp_path, "6.1.5 (36587)")

    found = MacZoomFinder(root=tmp_path, home=tmp_path / "home").find()

    assert found == ZoomInstall(str(bundle), "6.1.5 (36587)", str(bundle), "applications")
    assert found.handler_registered


def test_mac_bundle_declaring_other_schemes_only_has_no_handler(tmp_path: Path) -> None:
    bundle = make_fake_mac_zoom_bundle(tmp_path, "6.1.5")
    info_path = bundle / "Contents" / "Info.plist"
    info = plistlib.loads(info_path.read_bytes())
    info["CFBundleURLTypes"] = [{"CFBundleURLSchemes": ["zoomus"]}, "junk"]
    info_path.write_bytes(plistlib.dumps(info))

    found = MacZoomFinder(root=tmp_path, home=tmp_path / "home").find()

    assert found.location == str(bundle)
    assert found.handler is None


def test_mac_bundle_without_scheme_has_no_handler(tmp_path: Path) -> None:
    make_fake_mac_zoom_bundle(tmp_path, "6.1.5", declares_scheme=False)

    found = MacZoomFinder(root=tmp_path, home=tmp_path / "home").find()

    assert found.installed
    assert found.version == "6.1.5"
    assert not found.handler_registered


@pytest.mark.parametrize(
    "content",
    [b"", b"not a plist", b"<?xml version='1.0'?><plist><dict><key>", b"bplist00\xff\x00\x01"],
)
def test_mac_corrupt_plist_does_not_raise(tmp_path: Path, content: bytes) -> None:
    bundle = make_fake_mac_zoom_bundle(tmp_path, "6.1.5")
    (bundle / "Contents" / "Info.plist").write_bytes(content)

    found = MacZoomFinder(root=tmp_path, home=tmp_path / "home").find()

    assert found.location == str(bundle)
    assert found.version is None
    assert found.handler == str(bundle)  # every Zoom build declares zoommtg


def test_mac_user_applications(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bundle = make_fake_mac_zoom_bundle(home, "6.0.0")

    found = MacZoomFinder(root=tmp_path / "root", home=home).find()

    assert found.location == str(bundle)
    assert found.source == "user-applications"


def test_mac_nothing_installed(tmp_path: Path) -> None:
    found = MacZoomFinder(root=tmp_path, home=tmp_path / "home").find()

    assert not found.installed
    assert found == ZoomInstall()


# --- Windows, with a fake registry ---------------------------------------------------------

HKCU_COMMAND = r"Software\Classes\zoommtg\shell\open\command"
UNINSTALL = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
ROAMING_EXE = r"C:\Users\x\AppData\Roaming\Zoom\bin\Zoom.exe"


def test_windows_quoted_handler_command(tmp_path: Path) -> None:
    command = f'"{ROAMING_EXE}" "--url=%1"'
    registry = FakeWindowsRegistry({("HKCU", HKCU_COMMAND): {"": command}})

    found = WindowsZoomFinder(registry=registry, env={"APPDATA": str(tmp_path)}).find()

    assert found.handler == command
    assert found.location == ROAMING_EXE
    assert found.source == "registry"


def test_windows_unquoted_command_with_spaces() -> None:
    command = r"C:\Program Files\Zoom\bin\Zoom.exe --url=%1"

    assert command_executable(command) == r"C:\Program Files\Zoom\bin\Zoom.exe"
    assert command_executable(f'"{ROAMING_EXE}" "--url=%1"') == ROAMING_EXE


def test_windows_version_from_zoomumx(tmp_path: Path) -> None:
    registry = FakeWindowsRegistry(
        {
            ("HKCU", HKCU_COMMAND): {"": f'"{ROAMING_EXE}" "--url=%1"'},
            ("HKCU", rf"{UNINSTALL}\SomethingElse"): {"DisplayName": "Notepad++"},
            ("HKCU", rf"{UNINSTALL}\ZoomOutlookPlugin"): {
                "DisplayName": "Zoom Outlook Plugin",
                "DisplayVersion": "5.17.0",
            },
            ("HKCU", rf"{UNINSTALL}\ZoomUMX"): {"DisplayName": "Zoom", "DisplayVersion": "6.1.1"},
        }
    )

    found = WindowsZoomFinder(registry=registry, env={}).find()

    assert found.version == "6.1.1"
    assert found.location == ROAMING_EXE


def test_windows_version_and_location_from_hklm_display_name() -> None:
    registry = FakeWindowsRegistry(
        {
            ("HKLM", rf"{UNINSTALL}\{{0A1B}}"): {"DisplayName": "Notepad++"},
            ("HKLM", rf"{UNINSTALL}\{{9C2D}}"): {
                "DisplayName": "Zoom Workplace (64-bit)",
                "DisplayVersion": "6.2.0",
                "InstallLocation": r"C:\Program Files\Zoom",
            },
        }
    )

    found = WindowsZoomFinder(registry=registry, env={}).find()

    assert found.version == "6.2.0"
    assert found.location == r"C:\Program Files\Zoom"
    assert found.source == "uninstall"
    assert not found.handler_registered


def test_windows_hkcr_fallback() -> None:
    command = r'"C:\Program Files\Zoom\bin\Zoom.exe" "--url=%1"'
    registry = FakeWindowsRegistry({("HKCR", r"zoommtg\shell\open\command"): {"": command}})

    found = WindowsZoomFinder(registry=registry, env={}).find()

    assert found.handler == command
    assert found.location == r"C:\Program Files\Zoom\bin\Zoom.exe"


def test_windows_hkcu_wins_over_hkcr() -> None:
    registry = FakeWindowsRegistry(
        {
            ("HKCU", HKCU_COMMAND): {"": f'"{ROAMING_EXE}" "--url=%1"'},
            ("HKCR", r"zoommtg\shell\open\command"): {"": r'"C:\old\Zoom.exe" "%1"'},
        }
    )

    assert WindowsZoomFinder(registry=registry, env={}).find().location == ROAMING_EXE


def test_windows_nothing_installed(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path), "ProgramFiles": str(tmp_path / "pf")}

    found = WindowsZoomFinder(registry=FakeWindowsRegistry(), env=env).find()

    assert not found.installed
    assert found == ZoomInstall()


def test_windows_exe_in_appdata_without_handler(tmp_path: Path) -> None:
    exe = tmp_path / "Roaming" / "Zoom" / "bin" / "Zoom.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"MZ")
    env = {"APPDATA": str(tmp_path / "Roaming"), "ProgramFiles": str(tmp_path / "pf")}

    found = WindowsZoomFinder(registry=FakeWindowsRegistry(), env=env).find()

    assert found.location == str(exe)
    assert found.source == "appdata"
    assert found.installed
    assert not found.handler_registered


# --- choosing a finder ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("win32", WindowsZoomFinder),
        ("darwin", MacZoomFinder),
        ("linux", LinuxZoomFinder),
        ("freebsd14", LinuxZoomFinder),
    ],
)
def test_zoom_finder_for(platform: str, expected: type) -> None:
    assert type(zoom_finder_for(platform)) is expected


@pytest.mark.skipif(sys.platform == "win32", reason="checks behaviour without winreg")
def test_real_registry_without_winreg_is_empty_not_an_error() -> None:
    finder = zoom_finder_for("win32")
    assert isinstance(finder, WindowsZoomFinder)
    registry = WinRegistry()

    assert registry.value("HKCU", HKCU_COMMAND) is None
    assert registry.subkeys("HKLM", UNINSTALL) == []
    assert "winreg" not in sys.modules
