"""Looking at a window the way a screen reader, a keyboard user and a reader of another
language would: its controls, their names, the Tab order, the texts and their contrast."""

from __future__ import annotations

import re
from html import unescape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSlider,
    QWidget,
)

from readiness.core.contrast import ratio
from readiness.ui.theme import rgb, seen_on

Role = QPalette.ColorRole


def shown(root: QWidget) -> list[QWidget]:
    """``root`` and its descendants that are on screen."""
    widgets = [root, *root.findChildren(QWidget)]
    return [w for w in widgets if (w.isVisible() and not w.isWindow()) or w is root]


_CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QSlider)


def is_control(widget: QWidget) -> bool:
    """Something to act on: a button, a field, a list, a link."""
    if isinstance(widget, QLabel):
        return "<a " in widget.text()
    return isinstance(widget, _CONTROLS)


def tab_stops(root: QWidget) -> list[QWidget]:
    """What Tab must reach: every shown, enabled control, and whatever else takes the
    keyboard's focus (a scroll area, a custom widget)."""
    return [
        w
        for w in shown(root)
        if w.isEnabled()
        and not w.isWindow()
        and w.focusProxy() is None
        and (is_control(w) or w.focusPolicy() & Qt.FocusPolicy.TabFocus)
    ]


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says: set on purpose, a button's own text, or a label's
    (a label whose buddy the widget is). A combo box's current item is not a name."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "").strip()
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text().replace("&", "").strip()
    return ""


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or accessible_name(widget)!r})"


def tab_cycle(window: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits, from the one with focus until it comes back round."""
    start = QApplication.focusWidget()
    assert start is not None, (
        f"nothing has the keyboard focus; active window: {QApplication.activeWindow()}"
    )
    visited = [start]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        QApplication.processEvents()
        current = QApplication.focusWidget()
        if current is None:
            break
        # A label with several links keeps the focus while Tab goes from link to link.
        if current is start and visited[-1] is not start:
            break
        if current is not visited[-1]:
            visited.append(current)
    return visited


_MNEMONIC = re.compile(r"&(\w)")


def mnemonic_clashes(root: QWidget) -> list[str]:
    """Alt+letter shortcuts that two shown buttons or labels of ``root`` share."""
    owners: dict[str, list[str]] = {}
    for widget in shown(root):
        if isinstance(widget, (QAbstractButton, QLabel)) and widget.isEnabled():
            for letter in _MNEMONIC.findall(widget.text().replace("&&", "")):
                owners.setdefault(letter.lower(), []).append(describe(widget))
    return [f"Alt+{k.upper()}: {', '.join(v)}" for k, v in owners.items() if len(v) > 1]


def clipped(root: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text: the end would be cut off."""
    found = []
    for widget in shown(root):
        one_line_label = isinstance(widget, QLabel) and not widget.wordWrap()
        text_widget = one_line_label or isinstance(widget, QAbstractButton)
        if text_widget and widget.text() and widget.width() < widget.minimumSizeHint().width():
            found.append(f"{describe(widget)} {widget.width()} < {widget.sizeHint().width()}")
    return found


# --- texts -----------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    return unescape(_TAG.sub(" ", text)).replace("&", "")


def texts(root: QWidget) -> list[tuple[QWidget, str]]:
    """Every text a user can read or hear in ``root``'s shown widgets."""
    found: list[tuple[QWidget, str]] = []
    for widget in shown(root):
        items = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if widget.isWindow():
            items.append(widget.windowTitle())
        # A language's name in itself ("Français" on the button to switch to French)
        # is meant to stay as it is.
        if isinstance(widget, (QLabel, QAbstractButton)) and not widget.property("language_name"):
            items.append(widget.text())
        elif isinstance(widget, QLineEdit):
            items.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            items += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                items += [item.text(), item.data(Qt.ItemDataRole.AccessibleTextRole) or ""]
        found += [(widget, plain(text)) for text in items if text and plain(text).strip()]
    return found


_FRENCH_LETTERS = re.compile(r"[éèêëàâîïôûùçœ«»]", re.IGNORECASE)
_COMMON_FRENCH = """le la les un une des du au aux et ou est sont vous votre vos nous pour
    avec dans sur
    pas ne que qui ce cette ces puis si mais aussi encore très plus moins micro caméra
    connexion séance réunion suivant précédent aide fermer enregistrer vérifier bilan
    rejoindre appelez cliquez ici"""
_FRENCH_WORDS = frozenset(_COMMON_FRENCH.split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def french_traces(text: str) -> list[str]:
    """French letters or words in ``text`` (empty for an English text)."""
    traces = _FRENCH_LETTERS.findall(text)
    traces += [word for word in _WORD.findall(text) if word.lower() in _FRENCH_WORDS]
    return traces


# --- contrast ---------------------------------------------------------------------------


def text_pairs(widget: QWidget) -> list[tuple[str, Role, Role]]:
    """(what, foreground role, background role) that this widget draws its text with."""
    if isinstance(widget, QLabel):
        pairs = [("text", widget.foregroundRole(), Role.Window)]
        if "<a " in widget.text():
            pairs.append(("link", Role.Link, Role.Window))
        return pairs
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return [("text", Role.Text, Role.Base), ("placeholder", Role.PlaceholderText, Role.Base)]
    if isinstance(widget, QAbstractItemView):
        return [("text", Role.Text, Role.Base), ("selection", Role.HighlightedText, Role.Highlight)]
    if isinstance(widget, (QAbstractButton, QComboBox)):
        return [("text", Role.ButtonText, Role.Button), ("text", Role.WindowText, Role.Window)]
    return []


def contrast_failures(root: QWidget, minimum: float = 4.5) -> list[str]:
    failures = []
    for widget in shown(root):
        if not widget.isEnabled():
            continue  # WCAG 1.4.3 exempts inactive controls
        palette = widget.palette()
        for what, foreground, background in text_pairs(widget):
            back = palette.color(background)
            value = ratio(seen_on(palette.color(foreground), back), rgb(back))
            if value < minimum:
                failures.append(f"{describe(widget)} {what}: {value:.2f}:1")
    return failures
