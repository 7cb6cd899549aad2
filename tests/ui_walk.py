"""Looking at a window the way a screen reader, a keyboard user and a reader of another
language would: its controls, their names, the Tab order, the texts and their contrast."""

from __future__ import annotations

import re
from html import unescape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
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
    QMessageBox,
    QSlider,
    QWidget,
)

from readiness.core.contrast import ratio
from readiness.ui.contact_card import LinkButton
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
    """The name a screen reader says: set on purpose, a button's or a label's own text
    (a label with links is a control), or a label's (a label whose buddy the widget is).
    A combo box's current item is not a name."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QLabel) and plain(widget.text()).strip():
        return " ".join(plain(widget.text()).split())
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


# --- what a screen reader gets ------------------------------------------------------------

_Text = QAccessible.Text
_Role = QAccessible.Role
#: Whose items are objects of their own for a screen reader (a list's rows, a combo's list).
_HOLDS_ITEMS = {_Role.ComboBox, _Role.List, _Role.Table, _Role.Tree, _Role.Row}


def heard(widget: QWidget) -> list[str]:
    """What Qt's accessibility gives a screen reader for ``widget``: its name, description
    and value (a field's text, a bar's percentage), its items' for a list or a combo box,
    and the name of the label that labels it (on Linux a combo box's name is its current
    item: its label is told by that relation). A label has no text of its own on the bus:
    its name is all that is read."""
    interface = QAccessible.queryAccessibleInterface(widget)
    labels = interface.relations(QAccessible.Relation.Label) if interface is not None else []
    found = [label.text(_Text.Name) for label, _relation in labels]
    pending = [interface]
    while pending:
        interface = pending.pop()
        if interface is None or not interface.isValid():
            continue
        found += [interface.text(t) for t in (_Text.Name, _Text.Description, _Text.Value)]
        if interface.role() in _HOLDS_ITEMS:
            pending += [interface.child(i) for i in range(interface.childCount())]
    return [text for text in found if text]


def squeezed(text: str) -> str:
    """``text`` to compare what is shown with what is heard: no mnemonic "&", no spaces
    at all (markup turned to spaces puts some where the plain text has none)."""
    return "".join(text.replace("&", "").split())


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
    if isinstance(widget, LinkButton):  # flat: its text in the link colour, on the window
        return [("link", Role.Link, Role.Window)]
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


def shown_message_box(qtbot) -> QMessageBox:
    """The message box the app opened (non-modal, so waited for)."""

    def box() -> QMessageBox | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(lambda: box() is not None, timeout=10_000)
    told = box()
    assert told is not None
    return told
