"""Comparing what a sighted person reads (``seen_text``, from Qt's widgets) with what a
screen reader can reach on the accessibility bus (``atspi_walker``'s tree).

A screen reader reads an object's name, its description and, when the object has a
text interface, its text. Qt's labels have no text interface on AT-SPI: their name is
all that is heard. So a text on screen is heard when some object of the same window
carries it, whole, in one of those three.
"""

from __future__ import annotations

from collections.abc import Iterator

#: Roles a person acts on: each needs a name a screen reader can say.
INTERACTIVE_ROLES = frozenset(
    {
        "check box",
        "combo box",
        "entry",
        "link",
        "list item",
        "menu item",
        "page tab",
        "password text",
        "push button",
        "radio button",
        "slider",
        "spin button",
        "toggle button",
    }
)
#: Roles that say nothing of what an object is.
NO_ROLE = frozenset({"", "invalid", "unknown"})


def flat(node: dict) -> Iterator[dict]:
    yield node
    for child in node["children"]:
        yield from flat(child)


def squeezed(text: str | None) -> str:
    """Whitespace of every kind (no-break spaces, line breaks) as one space."""
    return " ".join((text or "").split())


def heard_strings(window: dict) -> list[str]:
    found = []
    for node in flat(window):
        found += [squeezed(node[k]) for k in ("name", "description", "text") if node[k]]
    return found


def bus_window(seen_window: dict, bus_windows: list[dict]) -> dict | None:
    """The bus's window for one of Qt's: the one whose name holds its title."""
    title = squeezed(seen_window["title"])
    matches = [w for w in bus_windows if title and title in squeezed(w["name"])]
    return matches[0] if matches else None


def unheard_texts(seen_window: dict, bus: dict) -> list[str]:
    """The window's visible texts that no name, description or text on the bus holds."""
    heard = heard_strings(bus)
    problems = []
    for entry in seen_window["texts"]:
        text = squeezed(entry["text"])
        if not any(text in string for string in heard):
            problems.append(f"not heard: {text!r} ({entry['where']})")
    return problems


def unnamed_objects(bus: dict) -> list[str]:
    """Interactive or focusable objects without a name or without a role."""
    problems = []
    for node in flat(bus):
        acts = node["role"] in INTERACTIVE_ROLES or "focusable" in node["states"]
        if not acts:
            continue
        if not squeezed(node["name"]):
            problems.append(f"no name: {node['role']} {node['description']!r}")
        if node["role"] in NO_ROLE:
            problems.append(f"no role: {node['name']!r}")
    return problems


def state_mismatches(seen_window: dict, bus: dict) -> list[str]:
    """Controls whose enabled or checked state on screen is not the one on the bus."""
    by_name: dict[str, list[dict]] = {}
    for node in flat(bus):
        by_name.setdefault(squeezed(node["name"]), []).append(node)
    problems = []
    for control in seen_window["controls"]:
        name = squeezed(control["name"])
        if not name:
            continue  # told by unnamed_objects
        nodes = by_name.get(name)
        if not nodes:
            problems.append(f"not on the bus: {name!r} ({control['where']})")
            continue
        wanted = {"enabled": control["enabled"]}
        if control["checked"] is not None:
            wanted["checked"] = control["checked"]
        if not any(_states_say(node, wanted) for node in nodes):
            states = [node["states"] for node in nodes]
            problems.append(f"states of {name!r}: shown {wanted}, bus {states}")
    return problems


def _states_say(node: dict, wanted: dict[str, bool]) -> bool:
    states = set(node["states"])
    if wanted["enabled"] != ({"enabled", "sensitive"} <= states):
        return False
    return "checked" not in wanted or wanted["checked"] == ("checked" in states)


def reading_problems(seen_windows: list[dict], bus_windows: list[dict]) -> list[str]:
    """Everything a screen reader misses of what is on screen, window by window."""
    problems = []
    for seen in seen_windows:
        bus = bus_window(seen, bus_windows)
        if bus is None:
            names = [w["name"] for w in bus_windows]
            problems.append(f"window {seen['title']!r} not on the bus (there: {names})")
            continue
        found = unheard_texts(seen, bus) + unnamed_objects(bus) + state_mismatches(seen, bus)
        problems += [f"[{seen['title']}] {problem}" for problem in found]
    return problems
