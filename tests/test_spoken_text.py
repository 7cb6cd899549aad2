"""What a screen reader hears, through Qt's own accessibility objects (what the bus carries).

On the accessibility bus (AT-SPI, what Orca reads) a label has no text of its own: its
name, and its description, are all a screen reader gets. So every text a sighted person
reads must be in the name or description of the widget that shows it, and stay so when
it changes; a control's name holds the text it shows; a value is heard with its title;
and the window's title says each of its parts once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from readiness.checks import build_checks
from readiness.checks.kit import DeviceKit
from readiness.ui.crash_notice import CrashNotice
from readiness.ui.language_switch import WindowKeeper
from readiness.ui.main_window import MainWindow
from ui_walk import describe, french_traces, heard, plain, shown, squeezed, texts
from walked import dialogs, visit_each_page

pytest_plugins = ["pulse_server", "walked"]


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def unheard(root: QWidget) -> list[str]:
    """Each line shown in ``root`` that its widget's name, description or value lacks."""
    found = []
    for widget, text in texts(root):
        said = squeezed(" ".join(heard(widget)))
        found += [
            f"{describe(widget)} shows {line.strip()!r}; a screen reader hears {heard(widget)}"
            for line in text.splitlines()
            if squeezed(line) not in said
        ]
    return found


def named_apart_from_their_text(root: QWidget) -> list[str]:
    """Buttons whose name does not start with the text they show (WCAG "label in name":
    speech input users say what they see; a link button's visible label starts with the
    words just before it, « Téléphone : »), and fields not heard with their label's text."""
    found = []
    for widget in shown(root):
        if isinstance(widget, QAbstractButton) and plain(widget.text()).strip():
            text, name = plain(widget.text()), name_of(widget)
            lead_in = getattr(widget, "lead_in", None)
            if lead_in is not None:
                text = f"{plain(lead_in.text())} {text}"
            if not squeezed(name).startswith(squeezed(text)):
                found.append(f"{describe(widget)} shows {text.strip()!r}, named {name!r}")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            buddy = widget.buddy()
            title = plain(widget.text()).strip().rstrip(":\u00a0 ")
            if buddy.isVisible() and squeezed(title) not in squeezed(" ".join(heard(buddy))):
                found.append(f"{describe(buddy)} labelled {title!r}, heard as {heard(buddy)}")
    return found


def crash_notice(window, tmp_path: Path) -> CrashNotice:
    return CrashNotice(window.services, window.tasks, tmp_path / "readiness.log", window)


def fail_to_open(button: QAbstractButton, status: QLabel, qtbot) -> None:
    """Clicks ``button``, whose link cannot open here: ``status`` says what to do instead
    (the button, disabled while the link is being opened, is then enabled again)."""
    button.click()
    qtbot.waitUntil(lambda: status.isVisible() and button.isEnabled(), timeout=10_000)


def test_every_text_shown_is_heard_on_every_page_and_dialog(
    walked_window, qtbot, tmp_path: Path, failing_opener
) -> None:
    window = walked_window()
    problems: list[str] = []
    for step_id in visit_each_page(window, qtbot):
        if step_id == "join":  # what it says when the meeting's link does not open
            page = window.join_page
            page.name_edit.setText("Mélissa Brunet")
            fail_to_open(page.join_button, page.join_status, qtbot)
        found = unheard(window) + named_apart_from_their_text(window)
        problems += [f"[{step_id}] {problem}" for problem in found]
    for name, dialog in {**dialogs(window), "crash": crash_notice(window, tmp_path)}.items():
        dialog.show()
        if name == "accessibility":
            fail_to_open(dialog.mail_button, dialog.status, qtbot)
        elif name == "crash":
            fail_to_open(dialog.folder_button, dialog.status, qtbot)
        found = unheard(dialog) + named_apart_from_their_text(dialog)
        problems += [f"[{name}] {problem}" for problem in found]
        dialog.close()
    assert not problems, "\n".join(dict.fromkeys(problems))


PROBE = "Texte d'essai\u00a0: 42"


def test_every_label_is_named_by_its_text_whatever_it_becomes(make_window, tmp_path) -> None:
    """A label with a name of its own keeps it whatever it shows next (Qt refreshes only
    a name it makes): each label of each page and dialog is given a new text."""
    checks = [c for c in build_checks(kit=DeviceKit()) if c.id != "zoom"]
    window = make_window(start_checks=False, checks=checks)
    for step in window.steps:
        window.page(step.step_id)  # built, not visited: no device is opened
    dialogs(window)
    crash_notice(window, tmp_path)
    pinned = []
    for label in window.findChildren(QLabel):
        if not label.pixmap().isNull():
            continue  # an icon, without text
        before = label.text()
        label.setText(PROBE)
        if squeezed(PROBE) not in squeezed(name_of(label)):
            pinned.append(f"{describe(label)} shows {PROBE!r}, named {name_of(label)!r}")
        label.setText(before)
    assert not pinned, "\n".join(pinned)


def test_a_value_is_heard_with_its_title_and_follows_each_new_value(make_window) -> None:
    kit = DeviceKit()
    window = make_window(start_checks=False, checks=build_checks(["network"], kit=kit), kit=kit)
    figures = window.page("network").figures
    download = "Réception (téléchargement)"
    title = next(label for label in figures.findChildren(QLabel) if label.text() == download)
    value = title.buddy()  # the row's value
    for mbps in (20.0, 42.5):
        figures.show_measures({"download_mbps": mbps})
        assert value.text().endswith("Mbit/s")
        assert name_of(value) == f"{download}\u00a0: {value.text()}"
    join = window.join_page
    assert name_of(join.meeting_id_label) == "Identifiant de réunion\u00a0: 659 515 5541"
    assert name_of(join.passcode_label) == "Code d'accès\u00a0: Bienvenue!"


def test_the_support_contact_is_heard_on_the_join_page_in_help_and_after_5_minutes(
    make_window,
) -> None:
    window = make_window(start_checks=False)
    support = window.services.config.support
    window.sidebar.setCurrentRow(len(window.steps) - 1)
    places = {"join": window.join_page}
    places |= {name: d for name, d in dialogs(window).items() if name != "accessibility"}
    missing = []
    for place, root in places.items():
        root.show()
        said = squeezed(" ".join(text for widget in shown(root) for text in heard(widget)))
        missing += [
            f"{place}: {v}" for v in (support.phone, support.email) if squeezed(v) not in said
        ]
    assert not missing, missing


# --- the window's title -------------------------------------------------------------------

#: What Qt puts between a title and the display name it appends (QPlatformWindow::
#: formatWindowTitle): on Linux (xcb), and on Windows; macOS appends nothing.
SEPARATORS = (" — ", " - ")


def as_shown(title: str, separator: str) -> str:
    """The title as the system shows it, and a screen reader reads it: Qt appends the
    application's display name unless the title already ends with it."""
    display = QApplication.applicationDisplayName()
    return title if title.endswith(display) else f"{title}{separator}{display}"


def repeated_parts(title: str) -> list[str]:
    parts = [p.strip() for p in re.split("|".join(map(re.escape, SEPARATORS)), title)]
    return [p for p in dict.fromkeys(parts) if parts.count(p) > 1]


@pytest.fixture
def display_name(qapp, back_to_french) -> Iterator[None]:
    """The display name the app gives Qt at start (readiness.app), none afterwards."""
    qapp.setApplicationDisplayName(QCoreApplication.translate("App", "Préparer ma séance"))
    yield
    qapp.setApplicationDisplayName("")  # Qt then appends nothing


def test_the_window_title_says_each_part_once_in_one_language(
    display_name, make_window, qtbot
) -> None:
    services = make_window(start_checks=False).services
    keeper = WindowKeeper(lambda: MainWindow(services), services.preferences)
    french = keeper.show_first()
    titles = {"fr": [as_shown(name_of(french), s) for s in SEPARATORS]}
    french.page("welcome").language_button.click()  # the window is built again in English
    english = keeper.window
    titles["en"] = [as_shown(name_of(english), s) for s in SEPARATORS]
    problems = [
        f"{language}: {title!r} repeats {repeated_parts(title)}"
        for language, shown_titles in titles.items()
        for title in shown_titles
        if repeated_parts(title)
    ]
    problems += [f"en: {t!r} is partly French" for t in titles["en"] if french_traces(t)]
    assert not problems, "\n".join(problems)
    assert titles["fr"][0].startswith(services.config.organisation)  # what it is about first
    qtbot.waitUntil(lambda: english.controller.result("zoom") is not None, timeout=10_000)
    english.close()
