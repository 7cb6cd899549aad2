"""Reading a file named by a configuration, safely: only a regular file, only up to a
size. /dev/zero would be read forever, a FIFO would block, a huge file fill the memory.

The callers say what each refusal means for their file (session.toml, a logo).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class IsAFolder(Exception):
    """The path is a folder."""


class NotRegular(Exception):
    """The path is a device, a pipe or a socket."""


class TooLarge(Exception):
    """The file holds more than allowed."""


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_bytes``.

    Raises IsAFolder, NotRegular or TooLarge; FileNotFoundError or NotADirectoryError
    when it is missing; another OSError when it cannot be read (access rights)."""
    try:
        _check_kind(os.stat(path), max_bytes)
        # O_NONBLOCK: a FIFO put there since the stat opens at once, and fstat sees it.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
        try:
            _check_kind(os.fstat(descriptor), max_bytes)
            chunks, size = [], 0
            while size <= max_bytes:
                chunk = os.read(descriptor, max_bytes + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(descriptor)
    except (FileNotFoundError, NotADirectoryError):
        raise
    except OSError:
        if path.is_dir():  # Windows refuses to open a folder: say what it is
            raise IsAFolder(path) from None
        raise
    if size > max_bytes:  # it grew since the stat
        raise TooLarge(path)
    return b"".join(chunks)


def _check_kind(status: os.stat_result, max_bytes: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise IsAFolder
    if not stat.S_ISREG(status.st_mode):
        raise NotRegular
    if status.st_size > max_bytes:
        raise TooLarge
