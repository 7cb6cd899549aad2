"""What a sighted person reads in a window, and what Qt tells assistive technology of it.

``seen_texts`` is the eye's side: the words drawn on screen (a label's text, a button's,
a field's, a list's rows, a table's cells, a window's title), not the names given for
screen readers. ``controls`` and ``spoken`` are Qt's side: the accessible name and
states Qt hands to the platform's bridge (AT-SPI here, UI Automation on Windows).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from ui_walk import describe, is_control, plain, shown


def seen_texts(root: QWidget) -> list[dict]:
    """Every text drawn in ``root``'s shown widgets, with where it is."""
    found: list[dict] = []
    for widget in shown_in(root):
        for drawn in _drawn(widget):
            # Each line on its own: a list's row "Caméra / Bon" is read "Caméra : Bon".
            for line in plain(drawn).splitlines():
                text = " ".join(line.split())
                if text:
                    found.append({"text": text, "where": describe(widget)})
    return found


def shown_in(window: QWidget) -> list[QWidget]:
    """The window's shown widgets, without those of the dialogs it holds."""
    return [w for w in shown(window) if w.window() is window]


def _drawn(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()] if widget.isWindow() else []
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QLineEdit):
        texts.append(widget.text() or widget.placeholderText())
    elif isinstance(widget, QComboBox):
        texts.append(widget.currentText())
    elif isinstance(widget, QProgressBar) and widget.isTextVisible():
        texts.append(widget.text())
    elif isinstance(widget, QTextEdit):
        texts.append(widget.toPlainText())
    elif isinstance(widget, QListWidget):
        texts += [widget.item(row).text() for row in range(widget.count())]
    elif isinstance(widget, QTableWidget):
        texts += _table_texts(widget)
    return texts


def _table_texts(table: QTableWidget) -> list[str]:
    texts = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            texts.append(item.text() if item is not None else "")
    if table.horizontalHeader().isVisible():
        for column in range(table.columnCount()):
            header = table.horizontalHeaderItem(column)
            texts.append(header.text() if header is not None else "")
    return texts


def spoken(widget: QWidget) -> dict:
    """What Qt tells the bridge of the focused ``widget``, and of the item in it that has
    the focus (a list's current row), if any: a screen reader hears one or the other."""
    interface = QAccessible.queryAccessibleInterface(widget)
    said = named(interface, widget)
    item = interface.focusChild() if interface is not None else None
    # An item may say that it is its own focus child: stop there.
    while item is not None and item.isValid():
        said["item"] = item.text(QAccessible.Text.Name)
        deeper = item.focusChild()
        if deeper is None or QAccessible.uniqueId(deeper) == QAccessible.uniqueId(item):
            break
        item = deeper
    return said


def named(interface, widget: QWidget) -> dict:
    """An accessible object's name, description and role, as the bridge reads them."""
    if interface is None:
        return {"where": describe(widget), "name": "", "description": "", "role": ""}
    return {
        "where": describe(widget),
        "name": interface.text(QAccessible.Text.Name),
        "description": interface.text(QAccessible.Text.Description),
        "role": interface.role().name,
    }


def controls(root: QWidget) -> list[dict]:
    """The shown controls, with the states a sighted person sees."""
    found = []
    for widget in shown_in(root):
        if widget.isWindow() or not (is_control(widget) or isinstance(widget, QAbstractItemView)):
            continue
        entry = named(QAccessible.queryAccessibleInterface(widget), widget)
        entry["enabled"] = widget.isEnabled()
        checkable = isinstance(widget, QAbstractButton) and widget.isCheckable()
        entry["checked"] = widget.isChecked() if checkable else None
        found.append(entry)
    return found
