"""The camera adapter: opening, pacing, looping, the newest-frame grabber, and listing cameras.

Video files go through OpenCV's real VideoCapture. What cannot exist here is a
webcam: the camera list is read from a sysfs folder the tests write, and opening
its cameras is done by an honestly named stand-in prober.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import warnings
from pathlib import Path

import pytest

from camera_media import write_variant
from readiness.devices.camera import (
    CameraError,
    CameraProblem,
    Capture,
    FrameGrabber,
    GrabberState,
    classify_open_failure,
    list_cameras,
    parse_source,
)
from readiness.devices.camera.probe import linux_video_nodes, probe, resolve_source
from tests.fakes import FakeTime


def test_a_source_is_an_index_or_a_path() -> None:
    assert parse_source(None) == 0
    assert parse_source("") == 0
    assert parse_source(" 2 ") == 2
    assert parse_source("/tmp/me.avi") == "/tmp/me.avi"


def test_a_video_file_is_read_at_its_own_frame_rate(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good", seconds=1.0)
    clock = FakeTime()
    with Capture(str(video), clock=clock.monotonic, sleep=clock.sleep) as capture:
        assert capture.is_file and capture.nominal_fps == pytest.approx(30.0)
        capture.read()  # the first frame at once
        started = clock.monotonic()
        for _ in range(15):
            assert capture.read() is not None
    # Each frame waited for its turn: 15 frames at 30 per second, not as fast as it decodes.
    assert clock.sleeps == pytest.approx([1 / 30] * 15)
    assert clock.monotonic() - started == pytest.approx(15 / 30)


def test_a_late_reader_loses_frames_instead_of_catching_up(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good", seconds=1.0)
    clock = FakeTime()
    with Capture(str(video), clock=clock.monotonic, sleep=clock.sleep) as capture:
        capture.read()
        clock.advance(2 / 30)  # held up two frames: the frames a driver keeps are there
        capture.read()
        capture.read()
        assert clock.sleeps == []
        capture.read()
        assert clock.sleeps == pytest.approx([1 / 30])  # and then the camera's pace again
        clock.advance(1.0)  # held up a whole second: beyond what a driver keeps
        capture.read()
        capture.read()
    # One frame at once, then the pace: not a second's worth of frames in a burst.
    assert clock.sleeps == pytest.approx([1 / 30, 1 / 30])


def test_a_video_file_loops_like_a_camera_that_never_ends(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good", seconds=0.2)  # 6 frames
    with Capture(str(video)) as capture:
        frames = [capture.read() for _ in range(14)]
    assert all(frame is not None for frame in frames)
    assert frames[0].shape == (360, 640, 3)


def descriptors_to(path: Path) -> int:
    count = 0
    for entry in Path("/proc/self/fd").iterdir():
        try:
            count += os.readlink(entry) == str(path)
        except OSError:
            continue
    return count


def test_a_looping_video_is_never_let_go_between_two_loops(tmp_path: Path, monkeypatch) -> None:
    # Let go for an instant, the file looked closed to whoever checked then (a camera
    # page's test once did, under load): the next loop opens while this one is held.
    video = write_variant(tmp_path, "good", seconds=0.2)  # 6 frames
    held_while_opening: list[int] = []
    real_open = Capture._open

    def noting_open(self):
        held_while_opening.append(descriptors_to(video))
        return real_open(self)

    monkeypatch.setattr(Capture, "_open", noting_open)
    with Capture(str(video)) as capture:
        for _ in range(14):
            assert capture.read() is not None
    assert held_while_opening[0] == 0
    assert len(held_while_opening) >= 3 and all(n >= 1 for n in held_while_opening[1:])
    assert descriptors_to(video) == 0


def test_a_deleted_video_ends_like_an_unplugged_camera(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good", seconds=0.2)
    with Capture(str(video)) as capture:
        assert capture.read() is not None
        video.unlink()
        with pytest.raises(CameraError) as caught:
            for _ in range(20):
                capture.read()
    assert caught.value.problem is CameraProblem.DISCONNECTED


def test_opening_a_missing_file_says_it_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(CameraError) as caught:
        Capture(str(tmp_path / "nothing.avi"))
    assert caught.value.problem is CameraProblem.NOT_FOUND


# --- why a camera could not be opened ------------------------------------------------


def test_a_missing_video_node_means_no_camera(tmp_path: Path) -> None:
    assert classify_open_failure(0, dev_dir=tmp_path, platform="linux") is CameraProblem.NOT_FOUND


def test_a_node_that_opens_but_will_not_stream_is_busy(tmp_path: Path) -> None:
    (tmp_path / "video0").write_bytes(b"")
    assert classify_open_failure(0, dev_dir=tmp_path, platform="linux") is CameraProblem.BUSY


def test_a_node_we_may_not_open_is_a_permission_problem() -> None:
    """Run as an unprivileged user (root opens anything), in a forked child."""
    dev = Path(tempfile.mkdtemp(prefix="readiness-dev-"))
    try:
        dev.chmod(0o755)  # the unprivileged child must reach the node, not open it
        node = dev / "video0"
        node.write_bytes(b"")
        node.chmod(0o600)
        answer = _in_unprivileged_child(
            lambda: classify_open_failure(0, dev_dir=dev, platform="linux"), node
        )
    finally:
        shutil.rmtree(dev)
    assert answer == CameraProblem.PERMISSION_DENIED


def _in_unprivileged_child(work, node: Path) -> str:
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking with threads; the child only calls setuid,
        # open and write (no lock another thread could hold), then leaves.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: drop to "nobody" if we are root, work, report, leave
        code = 1
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            else:
                node.chmod(0)
            os.write(write_end, str(work()).encode())
            code = 0
        except BaseException as error:
            os.write(write_end, repr(error).encode())
        finally:
            os._exit(code)
    os.close(write_end)
    _, status = os.waitpid(pid, 0)
    answer = os.read(read_end, 1000).decode()
    os.close(read_end)
    assert os.waitstatus_to_exitcode(status) == 0, answer
    return answer


def test_other_systems_do_not_say_why_so_all_causes_are_advised() -> None:
    for platform in ("darwin", "win32"):
        assert classify_open_failure(0, platform=platform) is CameraProblem.UNAVAILABLE


def test_a_file_that_is_not_a_video_is_unreadable(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.avi"
    bogus.write_text("hello")
    assert classify_open_failure(str(bogus)) is CameraProblem.UNREADABLE
    assert classify_open_failure(str(tmp_path / "none.avi")) is CameraProblem.NOT_FOUND


# --- the capture thread -----------------------------------------------------------------


def wait_until(condition, timeout_s: float = 10.0) -> None:
    """Polls ``condition``; the timeout only stops a test that would hang."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class FrameGate:
    """Lets a capture's frames through as the test says: ``allow(n)``, or all once open."""

    def __init__(self) -> None:
        self._allowed = threading.Semaphore(0)
        self._open = threading.Event()

    def allow(self, count: int) -> None:
        for _ in range(count):
            self._allowed.release()

    def open(self) -> None:
        self._open.set()

    def wait(self) -> None:
        while not self._open.is_set() and not self._allowed.acquire(timeout=0.05):
            pass

    def opener(self, clock: FakeTime):
        """``open_capture`` for a grabber: a real Capture on ``clock``, read through the gate."""

        def open_capture(source) -> Capture:
            capture = Capture(source, clock=clock.monotonic, sleep=clock.sleep)
            read = capture.read

            def gated_read():
                self.wait()
                return read()

            capture.read = gated_read
            return capture

        return open_capture


def test_a_slow_reader_gets_the_newest_frame_and_the_rest_is_dropped(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good", seconds=1.0)
    clock, gate = FakeTime(), FrameGate()
    grabber = FrameGrabber(str(video), open_capture=gate.opener(clock), clock=clock.monotonic)
    grabber.start()
    try:
        seen = []
        for taken in (6, 12, 18, 24):
            gate.allow(6)  # six frames come while the reader is busy elsewhere
            wait_until(lambda n=taken: grabber.frames_captured == n)
            wait_until(lambda n=taken: grabber.latest().number == n)
            seen.append(grabber.latest().number)
        assert seen == [6, 12, 18, 24]  # the newest each time: the five before it are gone
        assert grabber.fps() == pytest.approx(30.0)  # the file's rate, on its own clock
    finally:
        gate.open()
        assert grabber.stop(timeout_s=10)


def test_the_grabber_reports_a_lost_camera_and_its_return(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good", seconds=0.3)
    states: list[GrabberState] = []
    lock = threading.Lock()

    def on_status(status) -> None:
        with lock:
            states.append(status.state)

    grabber = FrameGrabber(str(video), on_status=on_status, retry_s=0.2)
    grabber.start()
    try:
        wait_until(lambda: GrabberState.LIVE in states)
        video.unlink()
        wait_until(lambda: GrabberState.LOST in states)
        assert grabber.status.problem is CameraProblem.DISCONNECTED
        count = grabber.frames_captured
        write_variant(tmp_path, "good", seconds=0.3)
        wait_until(lambda: states[-1] is GrabberState.LIVE and grabber.frames_captured > count)
    finally:
        grabber.stop()
    assert states[:3] == [GrabberState.OPENING, GrabberState.LIVE, GrabberState.LOST]


def test_a_camera_that_cannot_be_opened_yet_is_tried_again(tmp_path: Path) -> None:
    video = tmp_path / "later.avi"
    grabber = FrameGrabber(str(video), retry_s=0.1)
    grabber.start()
    try:
        wait_until(lambda: grabber.status.state is GrabberState.FAILED)
        assert grabber.status.problem is CameraProblem.NOT_FOUND
        write_variant(tmp_path, "good", seconds=0.3).rename(video)  # plugged in
        wait_until(lambda: grabber.status.state is GrabberState.LIVE)
    finally:
        grabber.stop()


def test_stopping_releases_the_camera(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good", seconds=0.5)
    grabber = FrameGrabber(str(video))
    grabber.start()
    wait_until(lambda: grabber.latest() is not None)
    assert grabber.stop(timeout_s=10)  # True: its thread ended (the timeout stops a hang)
    assert not grabber.running
    assert grabber.status.state is GrabberState.STOPPED
    held = [fd for fd in Path("/proc/self/fd").iterdir() if _points_to(fd, video)]
    assert held == []


def test_stopping_does_not_wait_for_the_next_attempt(tmp_path: Path) -> None:
    grabber = FrameGrabber(str(tmp_path / "absent.avi"), retry_s=3600)
    grabber.start()
    wait_until(lambda: grabber.status.state is GrabberState.FAILED)
    # An hour between attempts: the thread ends only if stopping cuts that wait short.
    assert grabber.stop(timeout_s=10)
    assert grabber.status.state is GrabberState.STOPPED


def _points_to(fd: Path, target: Path) -> bool:
    try:
        return os.readlink(fd) == str(target)
    except OSError:
        return False


def test_a_frame_prepared_for_the_screen_comes_with_the_frame(tmp_path: Path) -> None:
    from readiness.ui.video_preview import PreviewScaler

    video = write_variant(tmp_path, "good", seconds=0.3)
    scaler = PreviewScaler()
    scaler.box = (320, 320)
    grabber = FrameGrabber(str(video))
    grabber.prepare = scaler
    grabber.start()
    try:
        wait_until(lambda: grabber.latest() is not None)
        frame = grabber.latest()
    finally:
        grabber.stop()
    assert frame.image.shape == (360, 640, 3)
    assert frame.display.shape == (180, 320, 4)  # fitted, proportions kept, 32-bit


# --- listing the cameras ------------------------------------------------------------------


def write_sysfs(root: Path, nodes: dict[str, tuple[str, str | None]]) -> Path:
    """A /sys/class/video4linux as the kernel lays it out: videoN/name and videoN/index."""
    for node, (name, index) in nodes.items():
        (root / node).mkdir(parents=True)
        (root / node / "name").write_text(name + "\n")
        if index is not None:
            (root / node / "index").write_text(index + "\n")
    return root


def cameras_that_open(*indices: int, busy: tuple[int, ...] = ()):
    """Stand-in for opening real webcams (there are none on the test machines)."""

    def prober(index: int) -> CameraProblem | None:
        if index in busy:
            return CameraProblem.BUSY
        return None if index in indices else CameraProblem.NOT_FOUND

    return prober


def test_linux_cameras_get_the_names_the_kernel_gives(tmp_path: Path) -> None:
    sysfs = write_sysfs(
        tmp_path / "video4linux",
        {
            "video0": ("Integrated Camera: Integrated C", "0"),
            "video1": ("Integrated Camera: Integrated C", "1"),  # its metadata node
            "video2": ("HD Pro Webcam C920", "0"),
            "video4": ("Dummy video device", None),
        },
    )
    assert [index for index, _ in linux_video_nodes(sysfs)] == [0, 2, 4]
    cameras = list_cameras(sysfs=sysfs, platform="linux", prober=cameras_that_open(0, busy=(2,)))
    assert [(c.source, c.name, c.problem) for c in cameras] == [
        ("0", "Integrated Camera: Integrated C", None),
        ("2", "HD Pro Webcam C920", CameraProblem.BUSY),  # listed: the user can free it
    ]


def test_a_camera_can_be_named_instead_of_numbered(tmp_path: Path) -> None:
    sysfs = write_sysfs(
        tmp_path / "video4linux",
        {"video0": ("Integrated Camera", "0"), "video2": ("HD Pro Webcam C920", "0")},
    )
    assert resolve_source("hd pro webcam", sysfs=sysfs) == 2
    assert resolve_source("1", sysfs=sysfs) == 1
    assert resolve_source("/videos/me.avi", sysfs=sysfs) == "/videos/me.avi"
    assert resolve_source("Logitech", sysfs=sysfs) == "Logitech"  # no such camera


def test_elsewhere_cameras_are_numbered_until_the_first_gap() -> None:
    cameras = list_cameras(platform="win32", prober=cameras_that_open(0, 1, 3), names=lambda: [])
    assert [(c.source, c.name) for c in cameras] == [("0", "Caméra 1"), ("1", "Caméra 2")]


class HangingDriver:
    """A prober whose camera ``slow`` does not answer until the test lets it."""

    def __init__(self, slow: int):
        self.slow = slow
        self.asked: list[int] = []
        self.release = threading.Event()
        self.answered = threading.Event()

    def __call__(self, index: int) -> CameraProblem | None:
        self.asked.append(index)
        if index == self.slow:
            self.release.wait(60)
            self.answered.set()
        return None


def test_a_camera_slow_to_open_elsewhere_is_listed_and_ends_the_search() -> None:
    driver = HangingDriver(slow=1)
    try:
        cameras = list_cameras(platform="darwin", prober=driver, timeout_s=1.0, names=lambda: [])
        assert not driver.answered.is_set()  # listed while its driver call still hangs
    finally:
        driver.release.set()
    assert [(c.source, c.problem) for c in cameras] == [
        ("0", None),
        ("1", CameraProblem.NO_FRAMES),
    ]
    assert driver.asked == [0, 1]  # and the search ended with it


def test_a_camera_that_hangs_while_probed_does_not_hold_the_list() -> None:
    driver = HangingDriver(slow=0)
    try:
        assert probe(0, timeout_s=0.3, prober=driver) is CameraProblem.NO_FRAMES
        assert not driver.answered.is_set()  # answered without waiting for the driver
    finally:
        driver.release.set()


def test_this_machine_is_listed() -> None:
    listed: list[list] = []
    worker = threading.Thread(target=lambda: listed.append(list_cameras()), daemon=True)
    worker.start()
    worker.join(60)  # each camera's probe has its own timeout: this only stops a hang
    assert listed, "listing this machine's cameras hung"
    if not Path("/sys/class/video4linux").is_dir():
        assert listed[0] == []
