"""ALSA's and PortAudio's own messages go to the log, never to the terminal.

Both libraries write to the C library's ``stderr`` stream ("ALSA lib pcm.c:… underrun
occurred", PortAudio's "Expression '…' failed in 'src/hostapi/alsa/…'"), and PortAudio
does so from its own thread at any moment (a sound server dying under a stream), so
moving file descriptor 2 only around the calls into PortAudio would miss them; moving
it for good would take Python's ``sys.stderr`` along, with the app's own messages.
Python never writes through the C ``stderr`` stream, so on Linux with glibc that
stream is pointed at a pipe whose lines a thread of ours logs, each kind a few times
then only counted (a driver that repeats an error at each turn must not fill the disk).
Where that stream cannot be moved (another C library), ALSA's error handler is set
instead (its messages then lose their arguments). Elsewhere nothing is done.

While PortAudio starts it probes every device ALSA and JACK know of, and both complain
about each missing one (dozens of lines): ``silenced()`` drops those, as sounddevice
itself does by pointing descriptor 2 at /dev/null meanwhile (which no longer reaches
a moved stream).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import re
import sys
import threading
from collections.abc import Iterator

log = logging.getLogger(__name__)

#: Identical lines (but for their numbers) logged before they are only counted.
MAX_SAME = 5
#: Kinds of lines remembered; any more are logged as "other" and counted there.
MAX_KINDS = 200
_IOLBF = 1
_NUMBERS = re.compile(r"\d+")

_install_lock = threading.Lock()
_installed: str | None = None
#: glibc's ``stderr`` variable, our pipe's stream, and a stream to /dev/null.
_stderr_pointer: ctypes.c_void_p | None = None
_pipe_stream: int | None = None
_null_stream: int | None = None
_quiet = False
#: Kept for the life of the process: C code keeps calling it (a collected one crashes).
_alsa_handler = None


class _Tally:
    """Counts the lines by kind; logs the first few of each, then every tenfold."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.counts: dict[str, int] = {}

    def line(self, text: str) -> None:
        key = _NUMBERS.sub("#", text)
        with self._lock:
            if key not in self.counts and len(self.counts) >= MAX_KINDS:
                key = "(other)"
            count = self.counts[key] = self.counts.get(key, 0) + 1
        if count <= MAX_SAME:
            log.info("%s", text)
        elif count == MAX_SAME + 1 or _is_power_of_ten(count):
            log.info("%s (%d times so far; counted only)", text, count)


def _is_power_of_ten(count: int) -> bool:
    while count >= 10 and count % 10 == 0:
        count //= 10
    return count == 1


tally = _Tally()


def install() -> str | None:
    """Sends the C libraries' stderr chatter to the log, once; before PortAudio loads.

    Returns how: "stream" (glibc's ``stderr`` moved), "alsa" (ALSA's handler only),
    or None (not Linux, or neither possible). Never raises.
    """
    global _installed
    with _install_lock:
        if _installed is None and sys.platform.startswith("linux"):
            try:
                _installed = "stream" if _divert_c_stderr() else None
                if _installed is None and _set_alsa_handler():
                    _installed = "alsa"
            except Exception:  # never let the log's plumbing stop the sound checks
                log.warning(
                    "the sound libraries' messages cannot be sent to the log", exc_info=True
                )
        return _installed


@contextlib.contextmanager
def silenced() -> Iterator[None]:
    """What the C libraries say meanwhile is dropped (PortAudio starting: no stream is
    open then, so nothing that matters is lost). Call it under the PortAudio lock."""
    global _quiet
    pointer, pipe, null = _stderr_pointer, _pipe_stream, _null_stream
    if pointer is not None and null is not None:
        pointer.value = null
    _quiet = True
    try:
        yield
    finally:
        _quiet = False
        if pointer is not None and pipe is not None:
            pointer.value = pipe


def _divert_c_stderr() -> bool:
    """Points glibc's ``stderr`` stream at a pipe read by a logging thread."""
    global _stderr_pointer, _pipe_stream, _null_stream
    try:
        if not (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc"):
            return False  # musl's stderr is a constant
    except (ValueError, OSError):
        return False
    libc = ctypes.CDLL(None)
    try:
        current = ctypes.c_void_p.in_dll(libc, "stderr")
    except ValueError:
        return False
    libc.fdopen.restype = ctypes.c_void_p
    libc.fdopen.argtypes = [ctypes.c_int, ctypes.c_char_p]
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.setvbuf.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_size_t]
    libc.fflush.argtypes = [ctypes.c_void_p]
    read_fd, write_fd = os.pipe()
    # A flood (a driver repeating itself) is dropped, never blocks PortAudio's thread.
    os.set_blocking(write_fd, False)
    stream = libc.fdopen(write_fd, b"w")
    null = libc.fopen(os.devnull.encode(), b"w")
    if not stream or not null:
        os.close(read_fd)
        if not stream:
            os.close(write_fd)
        return False
    libc.setvbuf(stream, None, _IOLBF, 0)
    threading.Thread(target=_read_lines, args=(read_fd,), name="c-stderr", daemon=True).start()
    libc.fflush(current.value)
    current.value = stream
    _stderr_pointer, _pipe_stream, _null_stream = current, stream, null
    log.debug("C stderr now goes to the log")
    return True


def _read_lines(fd: int) -> None:
    pending = b""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        *lines, pending = (pending + data).split(b"\n")
        if len(pending) > 65536:  # a "line" that never ends
            lines.append(pending)
            pending = b""
        for raw in lines:
            text = raw.decode("utf-8", "replace").strip()
            if text:
                tally.line(text)


_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _on_alsa_error(file: bytes, line: int, function: bytes, err: int, fmt: bytes) -> None:
    # ALSA's handler is variadic: ctypes reads its fixed arguments only, so the
    # format is logged as it is, with the error code's meaning.
    if _quiet:
        return
    try:
        text = (fmt or b"").decode("utf-8", "replace")
        where = f"{(file or b'').decode(errors='replace')}:{line}"
        name = (function or b"").decode(errors="replace")
        reason = f" ({os.strerror(abs(err))})" if err else ""
        tally.line(f"ALSA lib {where}:({name}) {text}{reason}")
    except Exception:  # an exception must never cross into C
        pass


def _set_alsa_handler() -> bool:
    global _alsa_handler
    try:
        asound = ctypes.CDLL("libasound.so.2")
    except OSError:
        return False
    handler = _HANDLER_TYPE(_on_alsa_error)
    asound.snd_lib_error_set_handler.argtypes = [_HANDLER_TYPE]
    asound.snd_lib_error_set_handler.restype = ctypes.c_int
    if asound.snd_lib_error_set_handler(handler) != 0:
        return False
    _alsa_handler = handler
    return True
