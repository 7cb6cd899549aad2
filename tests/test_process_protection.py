"""« Fermer » never reaches this app, anything above it, the system, or another user's
program, whoever hands ``close_processes`` its list; over real processes.

The app's place is played by the innermost process of a chain the test starts
(python -> sh -> python): seen from there, the shell above it and the python above
that are its session, as a terminal and its shell are the app's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import IN_CI
from processes_helpers import Spawner, is_root
from readiness.devices.processes import CloseOutcome, close_processes

#: Run by the innermost process: what it may close, and what closing does, one JSON line
#: each (flushed: if it closes itself, what came before is still read).
INNER = textwrap.dedent(
    """
    import json, subprocess, sys
    import psutil
    from readiness.core.heavy_apps import may_close
    from readiness.core.known_apps import load_known_apps
    from readiness.core.process_snapshot import ProcessInfo
    from readiness.devices.processes import ProcessScanner, close_processes

    def say(**line):
        print(json.dumps(line), flush=True)

    me = psutil.Process()
    sibling = psutil.Process(int(sys.argv[1]))
    child = subprocess.Popen(["sleep", "60"], stdout=subprocess.DEVNULL)
    own_child = psutil.Process(child.pid)
    chain = me.parents()
    say(chain=[p.pid for p in chain])

    snapshot = ProcessScanner(sample_s=0.1).scan()
    known = load_known_apps()
    listed = {p.pid: p for p in snapshot.processes}

    def info(p):
        return listed.get(p.pid) or ProcessInfo(p.pid, p.name(), p.username(),
                                                p.create_time(), 0.0, 0.0)

    for p in [*chain, sibling, own_child]:
        say(offered=p.pid, closable=may_close(info(p), snapshot, known))

    # Asked directly, as a list from anywhere would: the two just above, then the others.
    for p in [*chain[:2], sibling, own_child, me]:
        say(closing=p.pid, outcome=str(close_processes([(p.pid, p.create_time())], wait_s=2)))
    child.wait(timeout=5)
    say(done=True)
    """
)

#: The top of the chain: starts a sibling (unrelated to the innermost), then the shell.
OUTER = textwrap.dedent(
    """
    import subprocess, sys, time
    sibling = subprocess.Popen(["sleep", "60"], stdout=subprocess.DEVNULL)
    print(sibling.pid, flush=True)
    shell = subprocess.Popen(["sh", "-c", '"$0" "$1" "$2"; exit $?', sys.executable,
                              sys.argv[1], str(sibling.pid)])
    while shell.poll() is None:
        sibling.poll()  # reaped as soon as it ends, as a live parent does
        time.sleep(0.02)
    sibling.wait(timeout=10)
    sys.exit(shell.returncode)
    """
)


def _lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()[1:] if line.startswith("{")]


def test_every_process_above_the_app_is_protected_even_when_asked_directly(
    tmp_path: Path,
) -> None:
    inner = tmp_path / "inner.py"
    inner.write_text(INNER)
    outer = subprocess.Popen(
        [sys.executable, "-c", OUTER, str(inner)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stdout, stderr = outer.communicate(timeout=60)
    finally:
        if outer.poll() is None:
            outer.kill()
            outer.wait(timeout=10)
    lines = _lines(stdout)
    assert lines and lines[-1] == {"done": True}, stdout + stderr
    # The innermost was still there at the end: nothing above it, nor itself, was closed.
    assert outer.returncode == 0, stderr

    chain = lines[0]["chain"]
    assert chain[1] == outer.pid  # python -> sh -> python
    assert os.getpid() in chain  # and on up: pytest, its shell, ... init
    sibling = int(stdout.splitlines()[0])
    offered = {line["offered"]: line["closable"] for line in lines if "offered" in line}
    assert [pid for pid in chain if offered[pid]] == []
    others = [pid for pid in offered if pid not in chain]
    assert sibling in others and len(others) == 2  # the sibling and its own child
    assert all(offered[pid] for pid in others)

    outcomes = {line["closing"]: line["outcome"] for line in lines if "closing" in line}
    denied = CloseOutcome.DENIED.value
    closed = CloseOutcome.CLOSED.value
    assert [outcomes[pid] for pid in chain[:2]] == [denied, denied]
    assert [outcomes[pid] for pid in others] == [closed, closed]
    assert list(outcomes.values())[-1] == denied  # itself


def _far(create_time: float, real: float) -> bool:
    try:
        return not abs(float(create_time) - real) <= 0.01  # NaN is far
    except OverflowError:
        return True


@pytest.fixture
def spawn(tmp_path: Path):
    spawner = Spawner(tmp_path / "bin")
    yield spawner
    spawner.stop_all()


def _target(process: subprocess.Popen) -> tuple[int, float]:
    return process.pid, psutil.Process(process.pid).create_time()


def test_the_systems_programs_are_refused_by_name(spawn) -> None:
    shell = spawn.named("gnome-shell", "/bin/sleep", "60")
    time.sleep(0.1)
    assert close_processes([_target(shell)], wait_s=1) is CloseOutcome.DENIED
    assert shell.poll() is None


def test_the_app_itself_is_refused() -> None:
    # In a process of its own: were it closed, the test would end with it.
    code = (
        "import psutil; from readiness.devices.processes import close_processes; "
        "me = psutil.Process(); print(close_processes([(me.pid, me.create_time())]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, CloseOutcome.DENIED.value), done.stderr


@pytest.mark.parametrize("pid", [-1, 0, 1, True, "1", 1.0, None])
def test_impossible_pids_are_refused(pid) -> None:
    # -1 would signal every process this user may signal; 0, this process group.
    assert close_processes([(pid, 0.0)], wait_s=1) is CloseOutcome.DENIED


@pytest.mark.parametrize("target", [None, 7, (7,), (7, 1.0, 2.0), "ab"])
def test_a_target_that_is_not_a_pid_and_a_time_is_refused(target) -> None:
    assert close_processes([target], wait_s=1) is CloseOutcome.DENIED


def test_another_users_program_is_refused(spawn) -> None:
    if not is_root():
        if IN_CI:
            pytest.fail("CI runs as root, which this test needs to start another user's process")
        pytest.skip("needs root to start a process as another user")
    theirs = spawn.named("dropbox", "/bin/sleep", "60", user=65534)
    time.sleep(0.1)
    # root could: the app still does not close what is not the user's own.
    assert close_processes([_target(theirs)], wait_s=1) is CloseOutcome.DENIED
    assert theirs.poll() is None


def test_a_create_time_that_does_not_match_is_never_closed(spawn) -> None:
    app = spawn.named("dropbox", "/bin/sleep", "60")
    pid, real = _target(app)

    huge = 10**400  # no float holds it
    times = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-huge, huge)

    @given(times | st.sampled_from([huge, -huge, None, "0", real + 0.02, real - 0.02]))
    def check(create_time) -> None:
        if isinstance(create_time, int | float) and not _far(create_time, real):
            return  # the real one
        assert close_processes([(pid, create_time)], wait_s=1) is CloseOutcome.ALREADY_GONE
        assert app.poll() is None

    check()
    # The real one is closed.
    assert close_processes([(pid, real)]) is CloseOutcome.CLOSED
