"""Finding and reading session.toml: the places looked in and their order, and a reading
that takes only a regular file of reasonable size, in UTF-8."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from readiness.core.bounded_file import IsAFolder, NotRegular, TooLarge, read_bounded
from readiness.core.config_error import ConfigError
from readiness.core.i18n import translate
from readiness.user_dirs import user_config_dir

log = logging.getLogger(__name__)

FILE_NAME = "session.toml"
#: The largest file read. The shipped one is about 3 kB, comments included; 64 kB leaves
#: room for any organisation's notes, and reading it costs nothing. Anything larger is
#: not a session.toml (a video, a disk image, /dev/zero) and is refused before reading.
MAX_FILE_BYTES = 64 * 1024


def read_text(path: Path) -> str:
    """The text of ``path``: a regular file of at most MAX_FILE_BYTES, in UTF-8."""
    raw = _read_small_file(path)
    try:
        # A BOM, as Notepad writes, is dropped (by hand: the utf-8-sig codec is one
        # more module to import at start-up).
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(
            path, translate("Config", "Ce fichier doit être enregistré en UTF-8 (texte brut).")
        ) from None
    return text


def _read_small_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most MAX_FILE_BYTES."""
    try:
        return read_bounded(path, MAX_FILE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        raise ConfigError(path, translate("Config", "Ce fichier est introuvable.")) from None
    except IsAFolder:
        raise _folder_error(path) from None
    except NotRegular:
        raise ConfigError(
            path,
            translate(
                "Config",
                "Ce n'est pas un fichier ordinaire (c'est un périphérique, un tube ou une "
                "prise) : indiquez un fichier texte session.toml.",
            ),
        ) from None
    except TooLarge:
        raise _too_large_error(path) from None
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        raise ConfigError(
            path, translate("Config", "Ce fichier ne peut pas être lu (droits d'accès ?).")
        ) from None


def _folder_error(path: Path) -> ConfigError:
    return ConfigError(
        path,
        translate(
            "Config",
            "C'est un dossier, pas un fichier : indiquez le fichier session.toml qu'il "
            "contient, par exemple « {example} ».",
        ).format(example=path / FILE_NAME),
    )


def _too_large_error(path: Path) -> ConfigError:
    return ConfigError(
        path,
        translate(
            "Config",
            "Ce fichier est trop grand pour être un fichier de configuration ({max} Ko au "
            "plus) : vérifiez que c'est bien le fichier session.toml.",
        ).format(max=MAX_FILE_BYTES // 1024),
    )


def default_locations(
    *, frozen: bool | None = None, executable: str | None = None
) -> tuple[Path | None, Path]:
    """Where to look besides ``--config``: beside the installed program, and the user's folder."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    beside = Path(executable or sys.executable).parent / FILE_NAME if frozen else None
    user = user_config_dir() / FILE_NAME
    return beside, user


def locate(
    explicit: Path | None,
    *,
    beside_program: Path | None,
    user_file: Path | None,
    default_file: Path | None,
) -> tuple[Path, str]:
    """The file to read and its origin: ``--config``, beside the program, the user's, the
    default (the one embedded in the app)."""
    if explicit is not None:
        return explicit, "option"
    for path, origin in ((beside_program, "beside-program"), (user_file, "user")):
        if path is not None and path.is_file():
            return path, origin
    if default_file is None:
        from readiness.resources import resource

        default_file = resource(FILE_NAME)
    return default_file, "default"
