"""Issue 16, sound: the test sound plays whole, on a busy computer too; the sound
libraries' own messages go to the log, never to the terminal; a sound server dying
under a stream leaves no thread of ours spinning.

All on the tests' real PulseAudio server (``pulse_server``); what the sink plays is
recorded by ``parec``, another program, so the recording does not depend on this
process being on time.
"""

from __future__ import annotations

import ctypes
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pulse_server import RATE, PulseServer, monitor_recorder, sine
from readiness.core.chime import chime
from readiness.devices.audio import Playback, resolve_device

pytest_plugins = ["pulse_server"]

ROOT = Path(__file__).resolve().parent.parent
#: Only against a hung test: a busy computer may take long, never this long.
HUNG_S = 20.0


class SinkRecorder:
    """Records what the test sink plays (its monitor), through ``parec``, into a file."""

    def __init__(self, pulse: PulseServer, path: Path, rate: int = RATE):
        self.path = path
        self.rate = rate
        self._file = path.open("wb")
        self._process = subprocess.Popen(
            monitor_recorder(rate),
            env={**os.environ, **pulse.client_env()},
            stdout=self._file,
            stderr=subprocess.DEVNULL,
        )
        self.wait_for_frames(self.rate // 10)  # recording: what is played now is in it

    def frames(self) -> int:
        return self.path.stat().st_size // 4

    def wait_for_frames(self, count: int) -> None:
        deadline = time.monotonic() + HUNG_S
        while self.frames() < count:
            assert time.monotonic() < deadline, "parec records nothing"
            time.sleep(0.01)

    def stop(self, after_s: float = 0.5) -> np.ndarray:
        """Records ``after_s`` more of the sink (the end of a sound), then gives it all."""
        self.wait_for_frames(self.frames() + round(after_s * self.rate))
        self.close()
        data = self.path.read_bytes()
        return np.frombuffer(data[: len(data) // 4 * 4], dtype="<f4")

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=5)
        self._file.close()


def segment_errors(recording: np.ndarray, sound: np.ndarray, segment: int) -> np.ndarray:
    """Where ``sound`` is in ``recording`` (cross-correlation), then, for each ``segment``
    frames of it, how far the recording is from it: the RMS of the difference over the
    RMS of the sound there. A gap, a cut end or a missing piece gives about 1 or more."""
    size = 1 << int(np.ceil(np.log2(recording.size + sound.size)))
    correlation = np.fft.irfft(
        np.fft.rfft(recording, size) * np.conj(np.fft.rfft(sound, size)), size
    )
    offset = int(np.argmax(correlation[: recording.size - sound.size + 1]))
    heard = recording[offset : offset + sound.size].astype(np.float64)
    errors = []
    for start in range(0, sound.size - segment + 1, segment):
        expected = sound[start : start + segment].astype(np.float64)
        difference = heard[start : start + segment] - expected
        errors.append(np.sqrt(np.mean(difference**2)) / np.sqrt(np.mean(expected**2)))
    return np.array(errors)


def hold_python_up(until: threading.Event, hold_s: float, every_s: float) -> threading.Thread:
    """Holds Python's lock ``hold_s`` at a time (a C call through ``PyDLL`` keeps it),
    as a busy app does: PortAudio's thread cannot call back into Python meanwhile."""
    libc = ctypes.PyDLL(None)

    def run() -> None:
        while not until.is_set():
            libc.usleep(round(hold_s * 1e6))
            until.wait(every_s)

    thread = threading.Thread(target=run, name="hold-python-up", daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("held_up", [False, True], ids=["idle", "held-up"])
def test_the_chime_reaches_the_sink_whole_to_its_last_sample(
    pulse: PulseServer, tmp_path: Path, held_up: bool
) -> None:
    output = resolve_device(None, "output")
    rate = RATE  # the sink's own rate: nothing resampled, the sink gets the very samples
    sound = chime(rate)
    recorder = SinkRecorder(pulse, tmp_path / "sink.raw", rate)
    over = threading.Event()
    try:
        with Playback(output, sound, rate) as playback:
            if held_up:
                # 200 ms at a time, four or five times while it plays.
                holder = hold_python_up(over, hold_s=0.2, every_s=0.25)
            assert playback.wait(timeout_s=playback.duration_s + HUNG_S)
            over.set()
            if held_up:
                holder.join(timeout=HUNG_S)
        recording = recorder.stop()
    finally:
        over.set()
        recorder.close()
    errors = segment_errors(recording, sound, segment=rate // 10)
    # Every tenth of a second, the last one too, is the chime, but for the sink's 16-bit
    # rounding; a gap or a cut end costs about 100 %.
    assert errors.max() < 0.05, np.round(errors, 3)


def test_a_sound_plays_to_its_end_however_long_the_queue(pulse: PulseServer, tmp_path) -> None:
    output = resolve_device(None, "output")
    rate = RATE
    tone = sine(-10.0, 1.0, rate=rate)
    recorder = SinkRecorder(pulse, tmp_path / "sink.raw", rate)
    try:
        with Playback(output, tone, rate) as playback:
            assert playback.wait(timeout_s=playback.duration_s + HUNG_S)
        recording = recorder.stop()
    finally:
        recorder.close()
    block = rate // 100
    levels = np.sqrt(
        np.mean(recording[: recording.size // block * block].reshape(-1, block) ** 2, 1)
    )
    loud = int(np.count_nonzero(levels > 0.5 * np.sqrt(np.mean(tone**2))))
    assert loud == pytest.approx(100, abs=2)  # 10 ms blocks: the whole second


# --- the sound libraries' chatter --------------------------------------------------------

#: A child process: installs the diversion, says a line of its own on stderr, makes ALSA
#: complain (an unknown PCM) and, like PortAudio, writes to the C library's stderr.
CHATTER_CHILD = r"""
import ctypes, logging, sys, time
logging.basicConfig(filename=sys.argv[1], level=logging.INFO, format="%(message)s")
from readiness.devices.audio import chatter
if sys.argv[2] == "alsa":
    chatter._divert_c_stderr = lambda: False  # a C library whose stderr cannot move
print(chatter.install(), flush=True)
print("Le message de l'app", file=sys.stderr, flush=True)
asound = ctypes.CDLL("libasound.so.2")
pcm = ctypes.c_void_p()
for _ in range(12):
    asound.snd_pcm_open(ctypes.byref(pcm), b"readiness_no_such_pcm", 0, 0)
if sys.argv[2] == "alsa":
    sys.exit(0)  # only ALSA's own lines are diverted then
libc = ctypes.CDLL(None)
libc.fputs.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
libc.fflush.argtypes = [ctypes.c_void_p]
stream = ctypes.c_void_p.in_dll(libc, "stderr").value
libc.fputs(b"Expression 'ret' failed in 'src/hostapi/alsa/pa_linux_alsa.c', line: 1\n", stream)
libc.fflush(stream)
deadline = time.monotonic() + 10
while "Expression" not in open(sys.argv[1], encoding="utf-8").read():
    if time.monotonic() > deadline:  # the thread that logs has not read it
        break
    time.sleep(0.02)
"""


def alsa_available() -> bool:
    try:
        ctypes.CDLL("libasound.so.2")
    except OSError:
        return False
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ALSA is Linux's")
@pytest.mark.parametrize("way", ["stream", "alsa"])
def test_alsa_and_portaudio_lines_go_to_the_log_and_the_apps_own_to_stderr(
    tmp_path: Path, way: str
) -> None:
    if not alsa_available():
        pytest.fail("libasound2 is missing: apt install libasound2")
    log_file = tmp_path / "readiness.log"
    done = subprocess.run(
        [sys.executable, "-c", CHATTER_CHILD, str(log_file), way],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=HUNG_S,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == way
    assert done.stderr == "Le message de l'app\n"
    logged = log_file.read_text(encoding="utf-8")
    assert "readiness_no_such_pcm" in logged or "Unknown PCM" in logged
    if way == "stream":
        assert "Expression 'ret' failed" in logged
    # Twelve times the same complaint: five lines, then only counted.
    assert logged.count("Unknown PCM") <= 7


@given(st.lists(st.sampled_from(["underrun 1", "underrun 22", "other 3", "x"]), max_size=400))
def test_a_line_said_over_and_over_is_logged_a_bounded_number_of_times(lines) -> None:
    # A driver repeating an error at each turn must not fill the disk: a few lines of
    # each kind (numbers aside), then one at each tenfold count.
    from readiness.devices.audio import chatter

    tally = chatter._Tally()
    logged: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: logged.append(record.getMessage())
    level = chatter.log.level
    chatter.log.addHandler(handler)
    chatter.log.setLevel(logging.INFO)
    try:
        for line in lines:
            tally.line(line)
    finally:
        chatter.log.removeHandler(handler)
        chatter.log.setLevel(level)
    kinds = {line.rstrip("0123456789") for line in lines}
    for kind in kinds:
        said = sum(1 for line in lines if line.rstrip("0123456789") == kind)
        mine = [text for text in logged if text.startswith(kind.rstrip())]
        bound = min(said, chatter.MAX_SAME) + (said > chatter.MAX_SAME) + len(str(said)) - 1
        assert len(mine) <= bound
        assert len(mine) >= min(said, chatter.MAX_SAME)


def test_installing_twice_or_anywhere_is_harmless() -> None:
    from readiness.devices.audio import chatter

    first = chatter.install()
    assert chatter.install() == first
    if not sys.platform.startswith("linux"):
        assert first is None


def test_the_command_line_shows_only_its_own_lines_when_the_sound_breaks_up(
    pulse: PulseServer, capfd: pytest.CaptureFixture[str]
) -> None:
    # Python held up 800 ms at a time, longer than any queue: the sound breaks up and
    # ALSA says so, from PortAudio's thread. Only the app's own line may reach the
    # terminal (descriptor 2, which capfd reads); ALSA's go to the log.
    from readiness import cli
    from readiness.logging_setup import log_file

    over = threading.Event()
    holder = hold_python_up(over, hold_s=0.8, every_s=0.2)
    try:
        cli.main(["check", "--only", "speakers", "--json"])
    finally:
        over.set()
        holder.join(timeout=HUNG_S)
    captured = capfd.readouterr()
    said = [line.replace("\u00a0", " ").strip() for line in captured.err.splitlines()]
    assert [line for line in said if line] == ["Haut-parleurs : un son de test est joué…"]
    path = log_file()
    assert path is not None
    deadline = time.monotonic() + HUNG_S  # the thread that logs ALSA's lines may lag
    while "underrun occurred" not in path.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the sound never broke up: no underrun logged"
        time.sleep(0.05)
    # The app says so too, in its own words, in the log.
    assert "the sound played with gaps: output underflows:" in path.read_text(encoding="utf-8")


# --- a sound server dying under open streams -----------------------------------------

#: A child process: a microphone and a sound open on the server its environment names;
#: says "open", waits for a line (the server is dead by then), notices the microphone is
#: gone, closes both, then measures its own processor time over a window.
DYING_SERVER_CHILD = r"""
import json, logging, sys, time
import numpy as np, psutil
logging.basicConfig(filename=sys.argv[1], level=logging.INFO, format="%(threadName)s %(message)s")
from readiness.devices.audio import AudioError, Capture, Playback, portaudio, resolve_device
capture = Capture(resolve_device(None, "input"))
capture.wait_for_sound()
output = resolve_device(None, "output")
playback = Playback(output, np.zeros(round(60 * output.default_samplerate), np.float32),
                    output.default_samplerate)
print("open", flush=True)
sys.stdin.readline()
deadline = time.monotonic() + 20
gone = None
while gone is None and time.monotonic() < deadline:
    try:
        capture.read()
    except AudioError as error:
        gone = str(error.problem)
    time.sleep(0.02)
capture.close(timeout_s=1.0)
playback.close(timeout_s=1.0)
me = psutil.Process()
before, started = sum(me.cpu_times()[:2]), time.monotonic()
time.sleep(2.0)
used, window = sum(me.cpu_times()[:2]) - before, time.monotonic() - started
print(json.dumps({"gone": gone, "cpu_share": used / window,
                  "wedged": portaudio._wedged_streams, "threads": me.num_threads()}), flush=True)
"""


def test_a_sound_server_dying_under_open_streams_leaves_no_spinning_core_and_no_chatter(
    own_pulse: PulseServer, tmp_path: Path
) -> None:
    import json

    log_path = tmp_path / "child.log"
    child = subprocess.Popen(
        [sys.executable, "-c", DYING_SERVER_CHILD, str(log_path)],
        cwd=ROOT,
        env={**os.environ, **own_pulse.client_env()},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "open"
        assert own_pulse.process is not None
        own_pulse.process.kill()  # the sound server crashes
        own_pulse.process.wait(timeout=HUNG_S)
        own_pulse.process = None
        out, err = child.communicate("\n", timeout=60)
    finally:
        child.kill()
        child.wait()
    report = json.loads(out)
    assert report["gone"] == "gone"
    # Once closed (or left behind, stuck in libpulse, which happens: see the report),
    # nothing of ours keeps a core busy: a spinning thread would use about all of one.
    assert report["cpu_share"] < 0.5, report
    # PortAudio's "Expression '…' failed" lines, written from its own thread as the
    # server died, went to the log, not to the terminal.
    assert err == "", err
    assert "failed in 'src/hostapi/alsa/" in log_path.read_text(encoding="utf-8")
