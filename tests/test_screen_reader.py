"""What a screen reader really hears, read on the real accessibility bus (AT-SPI, what
Orca reads), not through Qt's own objects: the app runs in a process of its own on a
desktop of the test's own (``atspi_bus``), every check done on stand-in devices, and an
AT-SPI client walks each page and dialog as a screen reader does."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from atspi_bus import ScreenReaderDesk, missing_parts
from bus_reading import heard_strings, reading_problems, squeezed
from camera_media import write_variant
from conftest import IN_CI
from readiness.core.config import read_session_file
from readiness.resources import resource
from stun_server import StunServer

pytest_plugins = ["pulse_server"]

STEPS = (
    "welcome",
    "camera",
    "microphone",
    "speakers",
    "network",
    "processes",
    "zoom",
    "summary",
    "join",
)
#: X's keysym for Tab.
TAB = 0xFF09
#: AT-SPI's politeness of an announcement (its event's detail1).
POLITE, ASSERTIVE = 1, 2
#: How long a page may take to settle (devices listed, first measures): a timeout.
SETTLE_TIMEOUT_S = 20.0
DIALOGS = ("help", "accessibility", "escalation", "crash")
SUPPORT = read_session_file(resource("session.toml")).support


@pytest.fixture(scope="module")
def open_desk(tmp_path_factory: pytest.TempPathFactory, pulse_session):
    """Starts desks (each an app on its own bus) for the module; all stopped at its end."""
    missing = missing_parts()
    if missing:
        message = f"missing for the screen reader tests: {', '.join(missing)} (see README)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    sound = {
        "PULSE_SERVER": pulse_session.address,
        "PULSE_CLIENTCONFIG": str(pulse_session.client_config),
    }
    opened: list = []

    def start(camera: str = "good") -> ScreenReaderDesk:
        folder = tmp_path_factory.mktemp("desk")
        video = write_variant(folder, "good") if camera == "good" else folder / "no-camera.avi"
        stun = StunServer().start()
        opened.append(stun)
        desk = ScreenReaderDesk(folder, Path(video), stun.port, sound).__enter__()
        opened.append(desk)
        return desk

    yield start
    for item in reversed(opened):
        item.stop() if isinstance(item, StunServer) else item.__exit__(None, None, None)


@pytest.fixture(scope="module")
def desk(open_desk) -> ScreenReaderDesk:
    """The app with every check done on stand-in devices."""
    started = open_desk()
    started.app.ask("finish", timeout_s=180)
    return started


def read_both(desk: ScreenReaderDesk) -> tuple[list[dict], list[dict]]:
    """What Qt shows and what the bus says, read when the screen is still: texts that
    changed while the bus was read (a live measure) are left out of the comparison."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while True:
        before = desk.app.ask("seen")["windows"]
        bus = desk.reader.ask("tree")["windows"]
        after = desk.app.ask("seen")["windows"]
        if before == after or time.monotonic() > deadline:
            return steady(before, after), bus
        time.sleep(0.5)


def steady(before: list[dict], after: list[dict]) -> list[dict]:
    windows = []
    for window in after:
        earlier = next((w for w in before if w["title"] == window["title"]), None)
        if earlier is None:
            continue
        kept = [t for t in window["texts"] if t in earlier["texts"]]
        controls = [c for c in window["controls"] if c in earlier["controls"]]
        windows.append({**window, "texts": kept, "controls": controls})
    return windows


def heard_in(bus_windows: list[dict]) -> str:
    return "\n".join(s for window in bus_windows for s in heard_strings(window))


# --- everything seen is heard --------------------------------------------------------


def test_every_page_is_heard_as_it_is_seen(desk: ScreenReaderDesk) -> None:
    problems = []
    for step in STEPS:
        desk.app.ask("page", id=step)
        seen, bus = read_both(desk)
        problems += [f"[{step}] {p}" for p in reading_problems(seen, bus)]
    assert not problems, "\n".join(problems)


def open_dialog(desk: ScreenReaderDesk, name: str) -> None:
    """As a screen reader's user opens it: the button activated through the bus; the
    dialogs that open by themselves, as the app opens them."""
    if name == "help":
        desk.reader.ask("press", role="push button", name="Besoin d'aide ?")
    elif name == "accessibility":
        desk.app.ask("page", id="welcome")
        desk.reader.ask("press", role="push button", name="Accessibilité et adaptations")
    else:
        desk.app.ask("open", dialog=name)
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while len(desk.app.ask("seen")["windows"]) < 2:
        assert time.monotonic() < deadline, f"the {name} dialog did not open"
        time.sleep(0.2)


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_is_heard_as_it_is_seen(desk: ScreenReaderDesk, name: str) -> None:
    open_dialog(desk, name)
    try:
        seen, bus = read_both(desk)
        dialogs = [w for w in seen if not w["title"].endswith("Préparer ma séance")]
        assert dialogs, f"no dialog among {[w['title'] for w in seen]}"
        problems = reading_problems(dialogs, bus)
    finally:
        desk.app.ask("close")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("where", ["join", "help", "escalation"])
def test_the_support_phone_and_email_are_heard(desk: ScreenReaderDesk, where: str) -> None:
    if where == "join":
        desk.app.ask("page", id="join")
        _, bus = read_both(desk)
        heard = heard_in(bus)
    else:
        open_dialog(desk, where)
        try:
            _, bus = read_both(desk)
            heard = heard_in([w for w in bus if w["role"] == "dialog"])
        finally:
            desk.app.ask("close")
    assert SUPPORT.phone in heard.replace("\xa0", " ")
    assert SUPPORT.email in heard


def test_the_window_is_named_once(desk: ScreenReaderDesk) -> None:
    (frame,) = [w for w in desk.reader.ask("tree")["windows"] if w["role"] == "frame"]
    parts = [p.strip() for p in squeezed(frame["name"]).split("—")]
    assert len(parts) == len(set(parts)), frame["name"]
    assert "OF Optimo Coaching" in parts and "Préparer ma séance" in parts


# --- the focus, as the bus reports it -------------------------------------------------

#: Tab presses per page: more than any page has stops, so the cycle comes back round.
TAB_PRESSES = 24


def wait_for(ask, until, what: str):
    """Asks again until ``until(answer)``: a timeout, not a target."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while True:
        answer = ask()
        if until(answer):
            return answer
        assert time.monotonic() < deadline, f"{what}: still {answer}"
        time.sleep(0.05)


def focused_events(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "object:state-changed:focused" and e["detail1"]]


def tab_round(desk: ScreenReaderDesk, where: str) -> tuple[int, list[str]]:
    """Tab, as a keyboard does, round what is on screen: each time the focus moves, the
    bus must say where to. A Tab that the app takes without moving the focus (from link
    to link inside a label) is a move the bus cannot tell. The moves, and the problems."""
    desk.reader.ask("events")  # what came before is not this round's
    problems = []
    moves = 0
    start = desk.app.ask("focus")
    for _ in range(TAB_PRESSES):
        before = desk.app.ask("focus")
        desk.reader.ask("key", keysym=TAB)
        now = wait_for(
            lambda: desk.app.ask("focus"),
            lambda f, tabs=before["tabs"]: f["tabs"] > tabs,
            f"[{where}] Tab received",
        )["focus"]
        if now is None:
            problems.append(f"[{where}] Tab left the focus nowhere")
            continue
        if now == before["focus"]:
            problems.append(f"[{where}] Tab stayed in {now['where']}: the bus hears nothing")
            continue
        moves += 1
        heard = wait_for(
            lambda: focused_events(desk.reader.ask("events")["events"]),
            bool,
            f"[{where}] focus event for {now['where']}",
        )
        said = squeezed(heard[-1]["source"]["name"])
        if said not in {squeezed(now["name"]), squeezed(now.get("item"))}:
            problems.append(f"[{where}] focus on {now['where']}, the bus says {said!r}")
        if now == start["focus"]:
            break  # round and back
    return moves, problems


def test_the_bus_follows_the_keyboard_focus_on_every_page(desk: ScreenReaderDesk) -> None:
    problems = []
    for step in STEPS:
        desk.app.ask("page", id=step)
        moves, found = tab_round(desk, step)
        assert moves >= 3, f"[{step}] Tab moved {moves} times"  # stops of its own
        problems += found
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", DIALOGS)
def test_the_bus_follows_the_keyboard_focus_in_every_dialog(
    desk: ScreenReaderDesk, name: str
) -> None:
    open_dialog(desk, name)
    try:
        moves, problems = tab_round(desk, name)
    finally:
        desk.app.ask("close")
    assert moves >= 1
    assert not problems, "\n".join(problems)


# --- results announced -----------------------------------------------------------------


def announcements(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "object:announcement"]


def announced(desk: ScreenReaderDesk, summary: str, kept: list[dict]) -> list[dict]:
    """The announcements heard so far (kept across calls) that tell ``summary``."""
    kept += announcements(desk.reader.ask("events")["events"])
    return [e for e in kept if squeezed(summary) in squeezed(e.get("data"))]


def test_results_are_announced_once_politely_and_a_problem_at_once(open_desk) -> None:
    """On a desk of its own, checks not yet done: the camera (its video missing) fails
    on its page, the open applications are found on theirs."""
    desk = open_desk(camera="missing")
    heard = []
    for step in ("camera", "processes"):
        desk.reader.ask("events")
        desk.app.ask("page", id=step)
        result = wait_for(
            lambda step=step: desk.app.ask("results")["results"].get(step),
            bool,
            f"{step}'s result",
        )
        kept: list[dict] = []
        summary = result["summary"]
        wait_for(lambda s=summary, k=kept: announced(desk, s, k), bool, f"[{step}] announced")
        time.sleep(1.0)  # a second announcement, which must not come, would be here by now
        politeness = [e["detail1"] for e in announced(desk, summary, kept)]
        heard.append((step, result["status"], politeness))
    assert heard == [
        ("camera", "failed", [ASSERTIVE]),
        ("processes", heard[1][1], [POLITE]),
    ], heard
    assert heard[1][1] != "failed"
