"""A screen reader's view of the app: an AT-SPI client, as Orca is one.

Run by ``tests/atspi_bus.py`` with the system's Python (``/usr/bin/python3``), which
has Debian's ``python3-pyatspi``; the project's interpreter has no GObject bindings.
It never imports the project: all it knows comes from the accessibility bus.

It reads one JSON command per line on stdin and answers one JSON line on stdout,
from GLib's main loop, so that the bus's events (focus, announcements) are heard
between commands as Orca hears them:

- ``{"cmd": "tree"}``: the app's visible objects, nested (role, name, description,
  states, text when the object has a text interface);
- ``{"cmd": "events"}``: the events heard since the last call, then forgotten;
- ``{"cmd": "key", "keysym": 65289}``: a key pressed and released, as a keyboard does
  (through the registry's device controller: X's XTest);
- ``{"cmd": "press", "role": "push button", "name": "Suivant"}``: the object's first
  action (a screen reader's "activate");
- ``{"cmd": "select", "role": "list", "name": "Étapes", "index": 2}``: a list's child
  selected through the selection interface;
- ``{"cmd": "quit"}``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback

import pyatspi
from gi.repository import GLib

#: What the app calls itself on the bus (its application object's name).
APP_NAME = os.environ.get("ATSPI_APP_NAME", "readiness")
#: The events a screen reader follows here.
EVENTS = (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
)

heard: list[dict] = []


def short(acc) -> dict:
    """An object as an event names it."""
    try:
        return {"role": acc.getRoleName(), "name": acc.name or ""}
    except Exception:  # the object went away meanwhile
        return {"role": "", "name": ""}


def on_event(event) -> None:
    with contextlib.suppress(Exception):  # the object went away meanwhile
        event.source.clearCache()  # read as it is now, as Orca does on an event
    entry = {"type": event.type, "detail1": event.detail1, "source": short(event.source)}
    data = event.any_data
    if isinstance(data, str):
        entry["data"] = data
    heard.append(entry)


def states_of(acc) -> list[str]:
    return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())


def text_of(acc) -> str | None:
    try:
        text = acc.queryText()
    except NotImplementedError:
        return None
    return text.getText(0, -1)


def node(acc) -> dict | None:
    """The object and its visible children; None when it is not visible. Each is asked
    of the app afresh, as Orca does when it presents an object: libatspi's cache keeps
    what Qt does not announce as changed (a combo box's name)."""
    acc.clearCache()
    states = states_of(acc)
    if "visible" not in states:
        return None
    children = []
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        if child is not None:
            shown = node(child)
            if shown is not None:
                children.append(shown)
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": states,
        "text": text_of(acc),
        "actions": actions_of(acc),
        "children": children,
    }


def actions_of(acc) -> list[str]:
    try:
        action = acc.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def squeezed(text: str | None) -> str:
    """Whitespace of every kind (the no-break space before « ? ») as one space."""
    return " ".join((text or "").split())


def the_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == APP_NAME:
            return app
    raise LookupError(f"no application {APP_NAME!r} on the bus")


def find(acc, role: str, name: str):
    """The first visible object of that role and name, depth first."""
    acc.clearCache()  # as in node(): what it is now
    if "visible" not in states_of(acc):
        return None
    if acc.getRoleName() == role and squeezed(acc.name) == squeezed(name):
        return acc
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        found = child is not None and find(child, role, name)
        if found:
            return found
    return None


def flat_nodes(nodes: list[dict]):
    for node in nodes:
        yield node
        yield from flat_nodes(node["children"])


def found(command: dict):
    acc = find(the_app(), command["role"], command["name"])
    if acc is None:
        there = [
            w["name"]
            for w in flat_nodes(answer({"cmd": "tree"})["windows"])
            if w["role"] == command["role"]
        ]
        raise LookupError(f"no visible {command['role']} named {command['name']!r}: {there}")
    return acc


def answer(command: dict) -> dict:
    cmd = command["cmd"]
    if cmd == "tree":
        app = the_app()
        windows = [node(app.getChildAtIndex(i)) for i in range(app.childCount)]
        return {"windows": [w for w in windows if w is not None]}
    if cmd == "events":
        events = list(heard)
        heard.clear()
        return {"events": events}
    if cmd == "key":
        pyatspi.Registry.generateKeyboardEvent(command["keysym"], None, pyatspi.KEY_SYM)
        return {}
    if cmd == "press":
        acc = found(command)
        acc.queryAction().doAction(0)
        return {}
    if cmd == "select":
        acc = found(command)
        return {"selected": bool(acc.querySelection().selectChild(command["index"]))}
    raise ValueError(f"unknown command {cmd!r}")


def reply(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


class Commands:
    """Lines from stdin, read as they come without blocking the main loop."""

    def __init__(self) -> None:
        self.pending = b""

    def readable(self, fd, condition) -> bool:
        chunk = os.read(fd, 65536)
        if not chunk:
            pyatspi.Registry.stop()
            return False
        self.pending += chunk
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            command = json.loads(line)
            if command["cmd"] == "quit":
                reply({"ok": True})
                pyatspi.Registry.stop()
                return False
            try:
                reply({"ok": True, **answer(command)})
            except Exception as error:  # told to the test, which fails with it
                reply({"ok": False, "error": repr(error), "trace": traceback.format_exc()})
        return True


def main() -> None:
    pyatspi.Registry.registerEventListener(on_event, *EVENTS)
    commands = Commands()
    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, commands.readable)
    reply({"ok": True, "ready": True})
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
