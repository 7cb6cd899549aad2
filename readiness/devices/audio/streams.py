"""Capture from a microphone and play on speakers, through PortAudio.

The capture callback runs on PortAudio's thread and only copies the samples into
a deque; whoever reads (a GUI timer, a check) drains it and does the maths. A
stream that stops on its own, stalls, or never delivers is reported as
``AudioProblem.GONE`` by the next ``read()``.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from readiness.devices.audio.model import AudioDevice, AudioError, AudioProblem
from readiness.devices.audio.portaudio import (
    classify,
    portaudio,
    stream_closed,
    stream_opened,
    stream_wedged,
)

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

#: Blocks of 40 ms: the meter's 25 Hz ticks find about one block each, and PortAudio
#: calls Python 25 times a second instead of hundreds. With 80 ms of buffering the
#: sound server's client wakes up less often too: together they halve the audio
#: stack's CPU (benchmarks/audio_meter.py), for a meter still well under 150 ms late.
BLOCK_S = 0.04
LATENCY_S = 0.08
#: A test sound is no meter: it may start late, it must never break up. This much of it
#: queued covers the app or the computer being held up about as long
#: (benchmarks/chime_reliability.py, tests/test_sound_hardening.py).
PLAY_LATENCY_S = 0.4
#: Silence before the sound: PortAudio starts a stream with one block queued and fills
#: the rest from the callback once started (its "prime" flag does nothing on ALSA), so
#: the queue protects nothing until then; a hold-up then only stretches the silence.
#: A little more than the queue (and an output waking up).
LEAD_LATENCIES = 1.0
LEAD_S = 0.15
#: Silence after it: PortAudio drops what is still queued when a sound ends (measured:
#: about 1.15 times the latency plus 20 ms, from 0.08 to 1 s), so the sound ends first.
TAIL_LATENCIES = 1.5
TAIL_S = 0.1
#: Latencies a host reports beyond these (none, or absurd) are not believed.
MAX_QUEUE_S = 2.0
#: What is kept when nobody reads (a frozen reader must not eat memory).
MAX_BUFFER_S = 10.0
#: A first block may take a while (a sound server waking up); after that, silence from
#: the driver itself (not a quiet room: that still sends samples) means it went away.
FIRST_DATA_TIMEOUT_S = 5.0
STALL_TIMEOUT_S = 2.0
CLOSE_TIMEOUT_S = 2.0
_FALLBACK_RATES = (48000.0, 44100.0, 16000.0)


def _rates(device: AudioDevice, wanted: float | None) -> list[float]:
    rates = [wanted] if wanted else []
    if device.default_samplerate:
        rates.append(device.default_samplerate)
    return list(dict.fromkeys([*rates, *_FALLBACK_RATES]))


def host_settings(sd: ModuleType, device: AudioDevice) -> dict[str, Any]:
    """What a stream on ``device`` needs from its host API. WASAPI in shared mode takes
    only the device's own mix format: a microphone array's 4 channels, or a rate the
    mixer does not run at, would be refused; ``auto_convert`` lets Windows convert."""
    if device.host_api == "Windows WASAPI":
        return {"extra_settings": sd.WasapiSettings(auto_convert=True)}
    return {}


def _started(sd: ModuleType, stream: Any) -> Any:
    """Count a just-opened stream as open (no rescan meanwhile) and start it.

    A stream that will not start is closed and uncounted again. Called under the
    PortAudio lock (``portaudio()``), which gives ``sd``.
    """
    stream_opened()
    try:
        stream.start()
    except sd.PortAudioError as exc:
        stream.close(ignore_errors=True)
        stream_closed()
        raise classify(exc) from None
    return stream


def _close_in_background(stream: Any, timeout_s: float) -> None:
    """Close a PortAudio stream without letting a stuck driver hang the caller.

    Not under the PortAudio lock: the stream stays counted as open until its close
    returns, so no rescan can run meanwhile, and a close that never returns must not
    block the other devices.
    """
    state_lock = threading.Lock()
    state = {"closed": False, "left_behind": False}

    def close() -> None:
        try:
            stream.abort(ignore_errors=True)
            stream.close(ignore_errors=True)
        except Exception:  # a device that is gone may refuse even to close
            log.debug("closing an audio stream failed", exc_info=True)
        finally:
            with state_lock:
                state["closed"] = True
                left_behind = state["left_behind"]
            stream_closed()
            if left_behind:
                stream_wedged(still=False)
                log.info("a stuck audio stream finally closed")

    worker = threading.Thread(target=close, name="audio-close", daemon=True)
    worker.start()
    worker.join(timeout_s)
    with state_lock:
        if state["closed"]:
            return
        state["left_behind"] = True
    stream_wedged()
    log.warning("an audio stream did not close within %.1f s: left behind", timeout_s)


class Capture:
    """A microphone being listened to. ``read()`` returns what came since the last read."""

    def __init__(
        self,
        device: AudioDevice,
        *,
        samplerate: float | None = None,
        block_s: float = BLOCK_S,
        first_data_timeout_s: float = FIRST_DATA_TIMEOUT_S,
        stall_timeout_s: float = STALL_TIMEOUT_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.device = device
        self._blocks: deque[bytes] = deque(maxlen=math.ceil(MAX_BUFFER_S / block_s) + 1)
        self._finished = threading.Event()
        self._closed = False
        self._clock = clock
        self._first_data_timeout_s = first_data_timeout_s
        self._stall_timeout_s = stall_timeout_s
        #: Blocks the app took too late, lost (each is a gap in what was heard).
        self.overflows = 0
        self.samplerate, self.channels, self._stream = self._open(device, samplerate, block_s)
        self.opened_at = clock()
        self.last_data_at: float | None = None
        self.frames_read = 0

    def _open(self, device: AudioDevice, samplerate: float | None, block_s: float):
        last_error: BaseException | None = None
        channel_options = dict.fromkeys([1, min(2, max(1, device.input_channels))])
        with portaudio() as sd:
            for rate in _rates(device, samplerate):
                for channels in channel_options:
                    try:
                        stream = sd.RawInputStream(
                            device=device.index,
                            channels=channels,
                            samplerate=rate,
                            dtype="float32",
                            blocksize=max(1, round(rate * block_s)),
                            latency=LATENCY_S,
                            callback=self._callback,
                            finished_callback=self._finished.set,
                            **host_settings(sd, device),
                        )
                    except (sd.PortAudioError, ValueError) as exc:
                        last_error = exc
                        problem = classify(exc).problem
                        if problem in (AudioProblem.BUSY, AudioProblem.GONE):
                            raise classify(exc) from None
                        continue
                    return rate, channels, _started(sd, stream)
        assert last_error is not None
        raise classify(last_error)

    def _callback(self, indata, _frames, _time, status) -> None:
        # PortAudio's thread: copy and nothing else (no maths, no locks, no logging).
        # A raw stream and bytes: no numpy array is built per block (CPU).
        if status.input_overflow:
            self.overflows += 1
        self._blocks.append(bytes(indata))

    def read(self) -> np.ndarray:
        """The mono samples received since the last call (maybe none).

        Raises AudioError(GONE) when the device stopped, stalled or never started.
        """
        import numpy as np

        blocks = []
        while self._blocks:
            try:
                blocks.append(self._blocks.popleft())
            except IndexError:
                break
        now = self._clock()
        if blocks:
            self.last_data_at = now
            data = np.frombuffer(b"".join(blocks), dtype=np.float32)
            if self.channels == 1:
                samples = data
            else:
                samples = data.reshape(-1, self.channels).mean(axis=1, dtype=np.float32)
            self.frames_read += samples.size
            return samples
        if self._closed:
            return np.zeros(0, dtype=np.float32)
        if self._finished.is_set():
            raise AudioError(AudioProblem.GONE, "the input stream stopped by itself")
        if self.last_data_at is None:
            if now - self.opened_at > self._first_data_timeout_s:
                raise AudioError(AudioProblem.GONE, "no sound came from the device")
        elif now - self.last_data_at > self._stall_timeout_s:
            raise AudioError(AudioProblem.GONE, "the device stopped sending sound")
        return np.zeros(0, dtype=np.float32)

    def record(self, seconds: float, *, poll_s: float = 0.02) -> np.ndarray:
        """Blocks until ``seconds`` of sound came (for the checks, never on the GUI thread)."""
        import numpy as np

        wanted = round(seconds * self.samplerate)
        parts: list[np.ndarray] = []
        got = 0
        while got < wanted:
            samples = self.read()
            if samples.size:
                parts.append(samples)
                got += samples.size
            else:
                time.sleep(poll_s)
        return np.concatenate(parts)[:wanted] if parts else np.zeros(0, dtype=np.float32)

    def wait_for_sound(self, *, poll_s: float = 0.01) -> None:
        """Blocks until the first samples came (a sound server may take a moment)."""
        while self.last_data_at is None:
            if self.read().size:
                return
            time.sleep(poll_s)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self, timeout_s: float = CLOSE_TIMEOUT_S) -> None:
        if self._closed:
            return
        self._closed = True
        self._blocks.clear()
        if self.overflows:
            log.warning(
                "the microphone's sound came with gaps: input overflows: %d", self.overflows
            )
        _close_in_background(self._stream, timeout_s)

    def __enter__(self) -> Capture:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class Playback:
    """A short sound playing on an output device; ``wait()`` until it has been played.

    A test sound must play whole on a busy computer too. The whole sound is computed
    before the stream starts, so the callback only copies; the stream keeps
    ``PLAY_LATENCY_S`` of sound queued, so the app may be held up about that long
    (another thread holding Python's lock, a busy processor) without a gap. Silence
    comes first, while PortAudio fills that queue, and after, since PortAudio drops
    what is still queued when a sound ends (ALSA through PulseAudio: the last 90 ms at
    80 ms of latency): a hold-up then, or the drop, only costs silence.
    """

    def __init__(self, device: AudioDevice, samples: np.ndarray, samplerate: float):
        import numpy as np

        self.device = device
        self.samplerate = samplerate
        self._done = threading.Event()
        self._closed = False
        self._position = 0
        #: Gaps in the sound: PortAudio ran out of it while some was played and some left
        #: (one in the silence around it costs nothing and is not counted).
        self.underflows = 0
        self.channels = min(2, max(1, device.output_channels))
        mono = np.asarray(samples, dtype=np.float32)
        with portaudio() as sd:
            self._stop = sd.CallbackStop
            stream = self._open(sd, device, samplerate)
            # Mono copied to each channel once, here, so the callback only slices.
            self._data, self._sound_from = _padded(mono, samplerate, stream.latency, self.channels)
            self._sound_to = self._sound_from + mono.size
            self._stream = _started(sd, stream)
        self.started_at = time.monotonic()

    def _open(self, sd: ModuleType, device: AudioDevice, samplerate: float) -> Any:
        try:
            return sd.OutputStream(
                device=device.index,
                channels=self.channels,
                samplerate=samplerate,
                dtype="float32",
                latency=PLAY_LATENCY_S,
                callback=self._callback,
                finished_callback=self._done.set,
                **host_settings(sd, device),
            )
        except (sd.PortAudioError, ValueError) as exc:
            raise classify(exc) from None

    def _callback(self, outdata, frames, _time, status) -> None:
        # PortAudio's thread: count a gap, copy, and nothing else.
        if status.output_underflow and self._sound_from < self._position < self._sound_to:
            self.underflows += 1
        chunk = self._data[self._position : self._position + frames]
        outdata[: len(chunk)] = chunk
        outdata[len(chunk) :] = 0
        self._position += frames
        if self._position >= len(self._data):
            raise self._stop

    @property
    def duration_s(self) -> float:
        """How long it plays, with the silence before and after the sound."""
        return len(self._data) / self.samplerate

    def wait(self, timeout_s: float) -> bool:
        """True once the whole sound went to the device; False on timeout or when it stopped."""
        self._done.wait(timeout_s)
        return self.played

    @property
    def played(self) -> bool:
        # The silence after the sound handed over too: the sound itself went out.
        return self._done.is_set() and self._position >= len(self._data)

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def close(self, timeout_s: float = CLOSE_TIMEOUT_S) -> None:
        if self._closed:
            return
        self._closed = True
        if self.underflows:
            log.warning("the sound played with gaps: output underflows: %d", self.underflows)
        _close_in_background(self._stream, timeout_s)

    def __enter__(self) -> Playback:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _padded(
    mono: np.ndarray, samplerate: float, latency_s: float, channels: int
) -> tuple[np.ndarray, int]:
    """The sound between its silences, one column per channel; and where it starts."""
    import numpy as np

    queue_s = min(max(latency_s, PLAY_LATENCY_S), MAX_QUEUE_S)
    lead = round((LEAD_LATENCIES * queue_s + LEAD_S) * samplerate)
    tail = round((TAIL_LATENCIES * queue_s + TAIL_S) * samplerate)
    padded = np.concatenate([np.zeros(lead, np.float32), mono, np.zeros(tail, np.float32)])
    return np.repeat(padded[:, None], channels, axis=1), lead
