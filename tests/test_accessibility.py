"""Every page, as a keyboard user, a screen reader user and a reader of English meet it:
each control named and reachable with Tab, every text readable in the light and dark
themes, and nothing left in French when the interface is in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from readiness.core.config import read_session_file
from readiness.translations import install_in_app
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.level_meter import LevelMeter
from readiness.ui.status_badge import StatusBadge
from readiness.ui.theme import accessible_palette
from system_palettes import DARK_PALETTES
from ui_walk import (
    accessible_name,
    clipped,
    contrast_failures,
    describe,
    french_traces,
    mnemonic_clashes,
    shown,
    tab_cycle,
    tab_stops,
    texts,
)
from walked import dialogs, visit_each_page

pytest_plugins = ["pulse_server", "walked"]

#: What tells a state: each needs a name and a description for screen readers.
STATUS_WIDGETS = (StatusBadge, CheckResultView, LevelMeter)

ENGLISH_SESSION = """
[organisation]
name = "Example Learning"
[meeting]
id = "659 515 5541"
passcode = "Tr41n1ng"
[support]
name = "Alex Martin"
role = "votre consultant"
role_en = "your consultant"
phone = "06 20 15 15 32"
email = "alex@example.com"
[accessibility]
name = "Sam Lee"
email = "access@example.com"
"""


def keyboard_and_names(window: QWidget, qtbot) -> list[str]:
    problems = []
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    stops = tab_stops(window)
    for widget in stops:
        if not accessible_name(widget):
            problems.append(f"no accessible name: {describe(widget)}")
    window.sidebar.setFocus()
    QApplication.processEvents()
    cycle = tab_cycle(window)
    for widget in stops:
        if widget not in cycle:
            problems.append(f"Tab never reaches {describe(widget)}")
    # Reading order: the steps, the page, then the buttons below it.
    page = window.stack.currentWidget()
    on_page = [cycle.index(w) for w in cycle if w is page or page.isAncestorOf(w)]
    below = [cycle.index(w) for w in (window.help_button, window.next_button) if w in cycle]
    if cycle[0] is not window.sidebar or (on_page and below and max(on_page) > min(below)):
        problems.append(f"Tab order: {[describe(w) for w in cycle]}")
    problems += [f"shortcut shared: {clash}" for clash in mnemonic_clashes(window)]
    for widget in shown(window):
        named = widget.accessibleName() and widget.accessibleDescription()
        if isinstance(widget, STATUS_WIDGETS) and not named:
            problems.append(f"status without a name and a description: {describe(widget)}")
    return problems


def test_every_page_is_named_reachable_and_readable_light_and_dark(
    walked_window, qtbot, qapp
) -> None:
    window = walked_window()
    system_light = qapp.palette()
    light = accessible_palette(system_light)  # what the app does with the system's
    problems: list[str] = []
    try:
        for step_id in visit_each_page(window, qtbot):
            found = keyboard_and_names(window, qtbot)
            qapp.setPalette(light)
            QApplication.processEvents()
            found += [f"light: {p}" for p in contrast_failures(window)]
            for name, dark in DARK_PALETTES.items():
                qapp.setPalette(accessible_palette(dark()))
                QApplication.processEvents()
                found += [f"{name}: {p}" for p in contrast_failures(window)]
            qapp.setPalette(system_light)
            problems += [f"[{step_id}] {p}" for p in found]
    finally:
        qapp.setPalette(system_light)
    assert not problems, "\n".join(problems)


@pytest.fixture
def english(qapp, back_to_french) -> None:
    """The interface in English, as ``--lang en`` gives it; French again afterwards."""
    install_in_app(qapp, "en")


def test_in_english_no_page_says_anything_in_french(
    english, walked_window, qtbot, tmp_path: Path
) -> None:
    session = tmp_path / "session.toml"
    session.write_text(ENGLISH_SESSION, encoding="utf-8")
    window = walked_window(read_session_file(session))
    found: list[str] = []
    for step_id in visit_each_page(window, qtbot):
        for widget, text in texts(window):
            traces = french_traces(text)
            if traces:
                found.append(f"[{step_id}] {describe(widget)}: {text!r} {traces}")
        found += [f"[{step_id}] shortcut shared: {c}" for c in mnemonic_clashes(window)]
    for name, dialog in dialogs(window).items():
        dialog.show()
        for widget, text in texts(dialog):
            if french_traces(text):
                found.append(f"[{name}] {describe(widget)}: {text!r}")
        found += [f"[{name}] shortcut shared: {c}" for c in mnemonic_clashes(dialog)]
        dialog.close()
    assert window.windowTitle().endswith(" — Get ready for my session")
    assert not found, "\n".join(dict.fromkeys(found))


#: A 1366x768 laptop screen, less a taskbar.
SMALL_SCREEN = (1366, 728)


@pytest.fixture
def double_text(qapp) -> Iterator[None]:
    """Text at 200 %, as Windows' "Make text bigger" or a desktop's font scaling gives,
    of the size the app starts at (never below 12 pt: readiness.app)."""
    from readiness.app import MIN_POINT_SIZE

    font = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(max(font.pointSizeF(), MIN_POINT_SIZE) * 2)
    qapp.setFont(bigger)
    try:
        yield
    finally:
        qapp.setFont(font)


def test_at_double_text_size_every_page_fits_a_small_laptop_screen(
    double_text, walked_window, qtbot
) -> None:
    window = walked_window()
    width, height = SMALL_SCREEN
    window.resize(width, height)
    problems: list[str] = []
    for step_id in visit_each_page(window, qtbot):
        hint = window.minimumSizeHint()
        if hint.width() > width or hint.height() > height:
            problems.append(f"[{step_id}] the window needs {hint.width()}x{hint.height()}")
        area = window.stack.currentWidget()
        if area.horizontalScrollBar().isVisible():
            problems.append(f"[{step_id}] the page is wider than the window")
        problems += [f"[{step_id}] cut off: {c}" for c in clipped(window)]
        if window.sidebar.width() < window.sidebar.sizeHint().width():
            problems.append(f"[{step_id}] the steps' titles are cut or wrapped")
        for button in (window.help_button, window.next_button):
            inside = window.rect().contains(button.mapTo(window, button.rect().bottomRight()))
            if button.isVisible() and not inside:
                problems.append(f"[{step_id}] {describe(button)} is off the window")
    assert window.width() <= width and window.height() <= height
    assert not problems, "\n".join(problems)


def test_every_dialog_is_named_reachable_and_closes_with_escape(make_window, qtbot) -> None:
    window = make_window()
    problems: list[str] = []
    for name, dialog in dialogs(window).items():
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d, timeout=5_000)
        stops = tab_stops(dialog)
        problems += [f"[{name}] no name: {describe(w)}" for w in stops if not accessible_name(w)]
        stops[0].setFocus()
        cycle = tab_cycle(dialog)
        problems += [f"[{name}] Tab never reaches {describe(w)}" for w in stops if w not in cycle]
        problems += [f"[{name}] shortcut shared: {c}" for c in mnemonic_clashes(dialog)]
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=2_000)
    assert not problems, "\n".join(problems)
