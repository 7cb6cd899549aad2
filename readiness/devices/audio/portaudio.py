"""Loading PortAudio (through sounddevice), serialising calls into it, and its errors.

PortAudio lists devices once, when it initialises; a device plugged in later (or
a sound server started later) is only seen after a rescan, which means
terminating and initialising PortAudio again. That is only safe with no stream
open, so streams are counted from their opening to the end of their closing, and
every call that enumerates or opens holds one lock (the audio callbacks never take
it; closing does not either, since a stuck close must not block everything else).
"""

from __future__ import annotations

import atexit
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

from readiness.devices.audio.model import AudioError, AudioProblem

log = logging.getLogger(__name__)

#: A PortAudio call that holds the lock longer than this is stuck in a driver.
LOCK_TIMEOUT_S = 5.0

_lock = threading.RLock()
_open_streams = 0
#: Streams whose closing never returned. A sound server that dies under a microphone and
#: a sound open together deadlocked ALSA's PulseAudio plugin 5 times in 85 here: libpulse's
#: thread, holding its lock, waits for a block PortAudio's thread holds while it waits for
#: that lock, and closing waits for PortAudio's thread (idle, no processor used; only the
#: process's end frees them). They stay counted as open: no rescan can then terminate
#: PortAudio, which would hang on them too.
_wedged_streams = 0
_exit_guard_installed = False

# PortAudio's error codes (portaudio.h) that say something the user can act on.
_PA_UNANTICIPATED_HOST_ERROR = -9999
_PA_INVALID_DEVICE = -9996
_PA_DEVICE_UNAVAILABLE = -9985
# errno values ALSA passes up as host errors.
_EBUSY = -16
_ENODEV = -19


def sounddevice() -> ModuleType:
    """The sounddevice module, or AudioError(NO_PORTAUDIO) when PortAudio is missing."""
    global _exit_guard_installed
    from readiness.devices.audio import chatter  # ctypes: only once sound is wanted

    chatter.install()  # before PortAudio starts
    try:
        if "sounddevice" in sys.modules:
            import sounddevice as sd
        else:
            with chatter.silenced():  # importing it starts PortAudio: it probes every device
                import sounddevice as sd
    except OSError as exc:  # sounddevice raises OSError when it cannot load the library
        log.warning("PortAudio cannot be loaded: %s", exc)
        raise AudioError(AudioProblem.NO_PORTAUDIO, str(exc)) from None
    if not _exit_guard_installed:
        # Registered after sounddevice's own exit handler, so it runs before it.
        atexit.register(_skip_terminate_if_wedged, sd)
        _exit_guard_installed = True
    return sd


def _skip_terminate_if_wedged(sd: ModuleType) -> None:
    """A stream stuck in its driver would make PortAudio's final clean-up hang the exit."""
    if _wedged_streams:
        log.warning("leaving PortAudio without terminating it: %d stuck stream(s)", _wedged_streams)
        sd._initialized = 0


@contextmanager
def portaudio() -> Iterator[ModuleType]:
    """Holds the PortAudio lock (with a timeout) and gives the sounddevice module."""
    sd = sounddevice()
    if not _lock.acquire(timeout=LOCK_TIMEOUT_S):
        raise AudioError(AudioProblem.FAILED, "PortAudio is stuck in another call")
    try:
        yield sd
    finally:
        _lock.release()


def stream_opened() -> None:
    global _open_streams
    with _lock:
        _open_streams += 1


def stream_closed() -> None:
    global _open_streams
    with _lock:
        _open_streams = max(0, _open_streams - 1)


def stream_wedged(still: bool = True) -> None:
    global _wedged_streams
    with _lock:
        _wedged_streams = max(0, _wedged_streams + (1 if still else -1))


def rescan() -> bool:
    """Make PortAudio list the devices again; False (and nothing done) while a stream is open."""
    with portaudio() as sd:
        if _open_streams:
            return False
        initialize = getattr(sd, "_initialize", None)
        terminate = getattr(sd, "_terminate", None)
        if initialize is None or terminate is None:  # a sounddevice without them
            return False
        from readiness.devices.audio import chatter

        try:
            with chatter.silenced():  # PortAudio probing every device ALSA and JACK know
                if getattr(sd, "_initialized", 1):
                    terminate()
                initialize()
        except sd.PortAudioError as exc:
            raise classify(exc) from None
        return True


def classify(exc: BaseException) -> AudioError:
    """What a sounddevice/PortAudio exception means for the user."""
    if isinstance(exc, AudioError):
        return exc
    args = getattr(exc, "args", ())
    text = str(exc)
    code = args[1] if len(args) > 1 and isinstance(args[1], int) else None
    host_code, host_text = None, ""
    if len(args) > 2 and isinstance(args[2], tuple) and len(args[2]) == 3:
        _host_api, host_code, host_text = args[2]
    lowered = f"{text} {host_text}".lower()
    busy_words = ("busy", "in use", "exclusive")
    if (
        code == _PA_DEVICE_UNAVAILABLE
        or host_code == _EBUSY
        or any(w in lowered for w in busy_words)
    ):
        problem = AudioProblem.BUSY
    elif host_code == _ENODEV or "no such device" in lowered:
        problem = AudioProblem.GONE
    elif code == _PA_INVALID_DEVICE or "querying device -1" in lowered:
        problem = AudioProblem.NO_DEVICE
    elif isinstance(exc, ValueError) and "no " in lowered and "device" in lowered:
        problem = AudioProblem.NOT_FOUND
    else:
        problem = AudioProblem.FAILED
    log.info("audio error classified as %s: %s", problem, text)
    return AudioError(problem, text)
