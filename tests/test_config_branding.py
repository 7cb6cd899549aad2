"""[organisation] logo and accent_color in session.toml: read when right, and when wrong
refused by the real ``readiness check`` with the usual message (file, key, line, what is
expected, an example) and exit code 3, whatever a clumsy or hostile file holds."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from readiness.core import exit_codes
from readiness.core.config import ConfigError, read_session_file
from readiness.core.config_branding import MAX_LOGO_BYTES, PNG_SIGNATURE
from readiness.resources import resource

SCRIPT = Path(sys.executable).parent / "readiness"

SESSION = """\
[organisation]
name = "Cabinet Exemple"
{branding}
[meeting]
id = "123 456 7890"
passcode = "s3cret"

[support]
name = "Camille Martin"
phone = "01 23 45 67 89"
"""
#: Where ``logo =`` or ``accent_color =`` is written in SESSION (the first branding line).
BRANDING_LINE = 3


def png_bytes(width: int = 120, height: int = 60, color: tuple = (31, 111, 178)) -> bytes:
    """A real PNG, written without Qt: the core must read it without Qt too."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = b"".join(b"\x00" + bytes(color) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        PNG_SIGNATURE
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
    b'<rect width="200" height="80" fill="#1f6fb2"/></svg>'
)
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>"""


def session(folder: Path, branding: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "session.toml"
    path.write_text(SESSION.format(branding=branding), encoding="utf-8")
    return path


def check(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``readiness check`` as the person runs it, on a check that needs no device."""
    from readiness.devices.zoom import ROOT_ENV

    assert SCRIPT.exists(), "the console script is installed by uv sync"
    root = config.parent / "root"  # the Zoom finder's "/": nothing of the host's
    root.mkdir(exist_ok=True)
    return subprocess.run(
        [str(SCRIPT), "--config", str(config), "check", "--only", "zoom", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, ROOT_ENV: str(root)},
    )


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_a_logo_and_an_accent_colour_are_read(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.svg").write_bytes(SVG)
    config = read_session_file(
        session(tmp_path, 'logo = "images/logo.svg"\naccent_color = "#1f6FB2"\n')
    )
    assert config.logo is not None
    assert config.logo.path == (tmp_path / "images" / "logo.svg").resolve()
    assert (config.logo.kind, config.logo.data, config.logo.line) == ("svg", SVG, BRANDING_LINE)
    assert config.accent_color == (0x1F, 0x6F, 0xB2)
    assert not config.warnings  # both keys are known


def test_a_logo_written_the_windows_way_is_the_same_file(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(png_bytes())
    config = read_session_file(session(tmp_path, "logo = 'images\\logo.png'\n"))
    assert config.logo is not None and config.logo.kind == "png"


def test_a_misspelt_key_is_reported_with_the_right_spelling(tmp_path: Path) -> None:
    config = read_session_file(session(tmp_path, 'accent_colour = "#1F6FB2"\n'))
    assert config.accent_color is None
    (warning,) = config.warnings
    assert "« organisation.accent_colour » (ligne 3)" in plain(warning)
    assert "Vouliez-vous dire « accent_color » ?" in plain(warning)


def test_empty_values_mean_the_systems_look(tmp_path: Path) -> None:
    config = read_session_file(session(tmp_path, 'logo = ""\naccent_color = " "\n'))
    assert (config.logo, config.accent_color) == (None, None)


def test_the_embedded_default_keeps_the_neutral_look_and_documents_both_keys() -> None:
    path = resource("session.toml")
    config = read_session_file(path)
    assert (config.logo, config.accent_color) == (None, None)
    comments = [line for line in path.read_text("utf-8").splitlines() if line.startswith("#")]
    assert any("logo =" in line for line in comments)
    assert any("accent_color =" in line for line in comments)


def test_a_good_logo_and_colour_pass_the_real_check(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(png_bytes())
    done = check(session(tmp_path, 'logo = "logo.png"\naccent_color = "#1F6FB2"\n'), "--json")
    assert done.returncode != exit_codes.BAD_INPUT, done.stderr
    assert json.loads(done.stdout)["checks"][0]["id"] == "zoom"
    assert "logo" not in done.stderr  # no warning either


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "logo.png")
    return "logo.png"


def _sparse(folder: Path) -> str:
    with open(folder / "logo.png", "wb") as stream:
        stream.write(PNG_SIGNATURE)
        stream.truncate(10 * 1024**3)  # 10 GB, none of it on disk: refused unread
    return "logo.png"


def _heavy(folder: Path) -> str:
    (folder / "logo.png").write_bytes(PNG_SIGNATURE + b"\0" * MAX_LOGO_BYTES)
    return "logo.png"


def _link_out(folder: Path) -> str:
    (folder.parent / "secret.png").write_bytes(png_bytes())
    (folder / "logo.png").symlink_to(folder.parent / "secret.png")
    return "logo.png"


def _link_to_dev_zero(folder: Path) -> str:
    (folder / "logo.png").symlink_to("/dev/zero")
    return "logo.png"


def _loop(folder: Path) -> str:
    (folder / "a.png").symlink_to(folder / "b.png")
    (folder / "b.png").symlink_to(folder / "a.png")
    return "a.png"


def _file(name: str, data: bytes):
    def make(folder: Path) -> str:
        (folder / name).write_bytes(data)
        return name

    return make


def _folder(folder: Path) -> str:
    (folder / "logo.png").mkdir()
    return "logo.png"


def _bad_checksum(folder: Path) -> str:
    data = bytearray(png_bytes())
    data[40] ^= 0xFF  # inside the image data: its checksum no longer matches
    (folder / "logo.png").write_bytes(bytes(data))
    return "logo.png"


def _cut(folder: Path) -> str:
    (folder / "logo.png").write_bytes(png_bytes()[:-20])  # a download that stopped
    return "logo.png"


def _name(value: str):
    return lambda _folder: value


LOGO_CASES = {
    "missing": (_name("logo.png"), "introuvable"),
    "folder": (_folder, "est un dossier, pas une image"),
    "too heavy": (_heavy, "trop lourde pour un logo (2 Mo au plus)"),
    "10 GB sparse": (_sparse, "trop lourde"),
    "text renamed": (_file("logo.png", b"not a picture\n"), "n'est pas une image PNG lisible"),
    "gif renamed": (_file("logo.png", b"GIF89a\x01\x00\x01\x00"), "n'est pas une image PNG"),
    "bad checksum": (_bad_checksum, "n'est pas une image PNG lisible"),
    "cut short": (_cut, "n'est pas une image PNG lisible"),
    "5000 px wide": (_file("logo.png", png_bytes(5000, 4)), "5000 × 4 pixels"),
    "not svg": (_file("logo.svg", b"<html><body/></html>"), "n'est pas une image SVG"),
    "broken svg": (_file("logo.svg", b"<svg><g></svg>"), "n'est pas une image SVG"),
    "billion laughs": (_file("logo.svg", LAUGHS), "DOCTYPE ou ENTITY"),
    "jpeg": (_file("logo.jpg", b"\xff\xd8\xff"), "PNG ou SVG (un nom finissant par .png"),
    "fifo": (_fifo, "n'est pas un fichier ordinaire"),
    "link out": (_link_out, "doit se trouver dans le dossier"),
    "link to /dev/zero": (_link_to_dev_zero, "doit se trouver dans le dossier"),
    "loop of links": (_loop, "tourne en rond"),
    "up and out": (_name("../secret.png"), "doit se trouver dans le dossier"),
    "absolute": (_name("/etc/logo.png"), "à partir du dossier"),
    "drive": (_name("C:\\\\logos\\\\logo.png"), "à partir du dossier"),
    "network share": (_name("\\\\\\\\serveur\\\\logos\\\\logo.png"), "à partir du dossier"),
    "web address": (_name("https://exemple.fr/logo.png"), "ni adresse web"),
    "disguised name": (_name("logo\\u202Egnp.svg"), "caractère invisible"),
    "absurdly long": (_name("a/" * 400 + "logo.png"), "trop long"),
}


@pytest.mark.parametrize("make, words", LOGO_CASES.values(), ids=LOGO_CASES.keys())
def test_a_bad_logo_is_refused_by_the_real_check(tmp_path: Path, make, words: str) -> None:
    folder = tmp_path / "orga"
    folder.mkdir()
    path = session(folder, f'logo = "{make(folder)}"\n')
    done = check(path)
    assert done.returncode == exit_codes.BAD_INPUT, (done.stdout, done.stderr)
    message = plain(done.stderr)
    assert words in message
    assert f"« {path} »" in message and "clé « organisation.logo » (ligne 3)" in message
    assert "par exemple" in message
    assert "Traceback" not in message and done.stdout == ""


@pytest.mark.parametrize("value", ["12", '["logo.png"]', "{ file = 'logo.png' }"])
def test_a_logo_that_is_not_a_path_says_what_is_expected(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        read_session_file(session(tmp_path, f"logo = {value}\n"))
    assert caught.value.key == "organisation.logo"
    assert "par exemple « logo.png »" in plain(caught.value.message())


COLOURS = {
    "five digits": '"#12345"',
    "a name": '"red"',
    "seven digits": '"#1234567"',
    "not hexadecimal": '"#GGGGGG"',
    "without #": '"1F6FB2"',
    "a space inside": '"# 1F6FB2"',
    "full-width digits": '"#１２３４５６"',
    "css function": '"rgb(31, 111, 178)"',
    "a number": "0x1F6FB2",
    "a list": '["#1F6FB2"]',
    "a line break": '"#1F6FB2\\n#000000"',
}


@pytest.mark.parametrize("value", COLOURS.values(), ids=COLOURS.keys())
def test_a_bad_accent_colour_is_refused_by_the_real_check(tmp_path: Path, value: str) -> None:
    path = session(tmp_path, f"accent_color = {value}\n")
    done = check(path)
    assert done.returncode == exit_codes.BAD_INPUT, (done.stdout, done.stderr)
    message = plain(done.stderr)
    assert "clé « organisation.accent_color » (ligne 3)" in message
    assert "format « #RRGGBB »" in message and "par exemple « #1F6FB2 »" in message
    assert "Traceback" not in message and done.stdout == ""
