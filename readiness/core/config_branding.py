"""[organisation] logo and accent_color in session.toml: the organisation's own face.

The logo is a PNG or SVG file beside the session file (or in a folder below it), read
here once, whole, and checked without Qt: a regular file of reasonable size whose
content is what its name says. Decoding it is the window's business (readiness.ui.branding).
"""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from readiness.core.bounded_file import IsAFolder, NotRegular, TooLarge, read_bounded
from readiness.core.config_keys import line_of
from readiness.core.config_reader import Reader, text_problem
from readiness.core.contrast import RGB
from readiness.core.i18n import translate

#: A logo is a few kB to a few hundred; 2 MB leaves room for a detailed one, and
#: anything larger (a photo, a video renamed) is refused before it is read whole.
MAX_LOGO_BYTES = 2 * 1024 * 1024
#: The largest side of a PNG logo: 4096 px decodes to 64 MB at most (Qt refuses
#: images over 256 MB with a warning, and shows a logo at about 100 px high).
MAX_LOGO_SIDE = 4096
MAX_LOGO_PATH = 300
KINDS = {".png": "png", ".svg": "svg"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class Logo:
    #: Resolved: where the file really is.
    path: Path
    #: "png" or "svg"
    kind: str
    data: bytes = field(repr=False)
    #: The line of ``logo =`` in the session file, for messages about it.
    line: int | None = None


def accent_color(reader: Reader) -> RGB | None:
    """``accent_color = "#RRGGBB"``; missing or "" is none (the system's colours)."""
    value = reader.data.get("organisation", {}).get("accent_color")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = value.strip() if isinstance(value, str) else ""
    if not _COLOR.fullmatch(text):
        raise reader.fail(
            "organisation",
            "accent_color",
            translate(
                "Config",
                "Une couleur au format « #RRGGBB » est attendue : « # » suivi de six "
                "chiffres hexadécimaux (0 à 9, A à F), par exemple « #1F6FB2 ».",
            ),
        )
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def logo(reader: Reader) -> Logo | None:
    """``logo = "logo.png"``, relative to the session file's folder; missing or "" is none."""
    value = reader.data.get("organisation", {}).get("logo")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    example = translate("Config", "par exemple « logo.png » ou « images/logo.png »")
    if not isinstance(value, str):
        raise _fail(
            reader,
            translate(
                "Config",
                "Le chemin d'une image PNG ou SVG entre guillemets est attendu, {example}.",
            ).format(example=example),
        )
    value = value.strip()
    problem = text_problem(value, MAX_LOGO_PATH)
    if problem is not None:
        raise _fail(
            reader,
            problem
            + " "
            + translate("Config", "Le chemin du logo s'écrit {example}.").format(example=example),
        )
    # Written on Windows ("images\logo.png") or elsewhere: the same file.
    written = value.replace("\\", "/")
    if _not_relative(written):
        raise _fail(
            reader,
            translate(
                "Config",
                "Indiquez le chemin du logo à partir du dossier de ce fichier de configuration "
                "(ni adresse web, ni chemin commençant par « / » ou par une lettre de lecteur), "
                "{example}.",
            ).format(example=example),
        )
    kind = KINDS.get(PurePosixPath(written).suffix.lower())
    if kind is None:
        raise _fail(
            reader,
            translate(
                "Config",
                "Le logo doit être une image PNG ou SVG (un nom finissant par .png ou .svg), "
                "{example}.",
            ).format(example=example),
        )
    path = _inside_folder(reader, written, example)
    data = _read_image(reader, path, written)
    problem = image_problem(kind, data, path)
    if problem is not None:
        raise _fail(reader, problem)
    return Logo(path=path, kind=kind, data=data, line=line_of(reader.text, "organisation", "logo"))


def _fail(reader: Reader, problem: str):
    return reader.fail("organisation", "logo", problem)


def _not_relative(written: str) -> bool:
    """An absolute path, a drive ("C:", "\\\\server"), a web address ("https://"): the
    logo must travel with its session file, and never be fetched from elsewhere."""
    return (
        written.startswith("/")
        or ":" in written
        or PureWindowsPath(written).anchor != ""
        or PurePosixPath(written).is_absolute()
    )


def _inside_folder(reader: Reader, written: str, example: str) -> Path:
    """The file, resolved (links followed), if it is in the session file's folder or
    below: "../../somewhere" or a link out of the folder is refused."""
    folder = Path(os.path.abspath(reader.path)).parent
    try:
        real_folder = folder.resolve()
        path = (folder / written).resolve()
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        raise _fail(
            reader,
            translate(
                "Config",
                "Le chemin « {path} » tourne en rond (des liens qui renvoient l'un à l'autre) : "
                "indiquez le fichier du logo lui-même, {example}.",
            ).format(path=folder / written, example=example),
        ) from None
    if not path.is_relative_to(real_folder):
        raise _fail(
            reader,
            translate(
                "Config",
                "Le logo doit se trouver dans le dossier de ce fichier de configuration, "
                "« {folder} », ou dans l'un de ses sous-dossiers, {example}.",
            ).format(folder=folder, example=example),
        )
    return path


def _read_image(reader: Reader, path: Path, written: str) -> bytes:
    """The file's bytes if it is a regular file of at most MAX_LOGO_BYTES."""
    try:
        return read_bounded(path, MAX_LOGO_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        raise _fail(
            reader,
            translate(
                "Config",
                "L'image « {path} » est introuvable : vérifiez son nom, et qu'elle est bien "
                "dans le dossier de ce fichier de configuration (par exemple « logo.png » à "
                "côté de « {session} »).",
            ).format(path=path, session=reader.path.name),
        ) from None
    except IsAFolder:
        raise _folder_error(reader, path, written) from None
    except NotRegular:
        raise _fail(
            reader,
            translate(
                "Config",
                "« {path} » n'est pas un fichier ordinaire (c'est un périphérique, un tube ou "
                "une prise) : indiquez une image PNG ou SVG, par exemple « logo.png ».",
            ).format(path=path),
        ) from None
    except TooLarge:
        raise _too_heavy(reader, path) from None
    except OSError:
        raise _unreadable(reader, path) from None


def _unreadable(reader: Reader, path: Path):
    return _fail(
        reader,
        translate("Config", "L'image « {path} » ne peut pas être lue (droits d'accès ?).").format(
            path=path
        ),
    )


def _folder_error(reader: Reader, path: Path, written: str):
    return _fail(
        reader,
        translate(
            "Config",
            "« {path} » est un dossier, pas une image : indiquez le fichier du logo qu'il "
            "contient, par exemple « {example} ».",
        ).format(path=path, example=f"{written.rstrip('/')}/logo.png"),
    )


def _too_heavy(reader: Reader, path: Path):
    return _fail(
        reader,
        translate(
            "Config",
            "L'image « {path} » est trop lourde pour un logo ({max} Mo au plus) : "
            "enregistrez-la en plus petit, par exemple un PNG de 600 pixels de large.",
        ).format(path=path, max=MAX_LOGO_BYTES // (1024 * 1024)),
    )


def image_problem(kind: str, data: bytes, path: Path) -> str | None:
    """Why ``data`` is not the ``kind`` ("png", "svg") of image its name says, if so."""
    return png_problem(data, path) if kind == "png" else svg_problem(data, path)


def _not_an_image(kind: str, path: Path) -> str:
    return translate(
        "Config",
        "Le fichier « {path} » n'est pas une image {kind} lisible (son contenu est abîmé "
        "ou d'un autre format) : enregistrez le logo au format PNG ou SVG, par exemple "
        "« logo.png ».",
    ).format(path=path, kind=kind)


def png_problem(data: bytes, path: Path) -> str | None:
    """Why ``data`` is not a whole PNG image of sensible size, if so: the signature, the
    header first, every chunk whole with its checksum, image data, and the end chunk."""
    if not data.startswith(PNG_SIGNATURE):
        return _not_an_image("PNG", path)
    position, size, ends, has_data = len(PNG_SIGNATURE), None, False, False
    while position + 12 <= len(data) and not ends:
        length = int.from_bytes(data[position : position + 4], "big")
        end = position + 12 + length
        if end > len(data):
            break
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : end - 4]
        if zlib.crc32(kind + body) != int.from_bytes(data[end - 4 : end], "big"):
            return _not_an_image("PNG", path)
        if size is None:
            if kind != b"IHDR" or length != 13:
                return _not_an_image("PNG", path)
            size = (int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big"))
        has_data = has_data or kind == b"IDAT"
        ends = kind == b"IEND"
        position = end
    if size is None or not ends or not has_data or 0 in size:
        return _not_an_image("PNG", path)
    width, height = size
    if max(width, height) > MAX_LOGO_SIDE:
        return translate(
            "Config",
            "L'image « {path} » est trop grande ({width} × {height} pixels, {max} au plus "
            "de chaque côté) : enregistrez le logo en plus petit, par exemple de 600 pixels "
            "de large.",
        ).format(path=path, width=width, height=height, max=MAX_LOGO_SIDE)
    return None


def svg_problem(data: bytes, path: Path) -> str | None:
    """Why ``data`` is not an SVG image, if so: well-formed XML whose root is <svg>, and
    without a DOCTYPE (its entities can be made to grow without end; a logo needs none)."""
    if re.search(rb"<!(doctype|entity)", data, re.IGNORECASE):
        return translate(
            "Config",
            "L'image SVG « {path} » contient une déclaration DOCTYPE ou ENTITY, refusée par "
            "sécurité : enregistrez le logo en SVG simple, ou au format PNG (par exemple "
            "« logo.png »).",
        ).format(path=path)
    from xml.etree import ElementTree  # only when a session file has an SVG logo

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError):
        return _not_an_image("SVG", path)
    if root.tag not in ("svg", "{http://www.w3.org/2000/svg}svg"):
        return _not_an_image("SVG", path)
    return None
