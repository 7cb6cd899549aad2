"""The row that becomes a column when its parts do not fit (large text, small screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from readiness.ui.wrapping_row import WrappingRow


def two_parts(qtbot) -> tuple[QWidget, WrappingRow, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    row = WrappingRow(holder)
    row.setSpacing(10)
    parts = [QPushButton("Identifiant de réunion"), QPushButton("Code d'accès")]
    for part in parts:
        part.setMinimumWidth(300)
        row.addWidget(part)
    holder.show()
    return holder, row, parts


def test_side_by_side_while_the_parts_fit(qtbot) -> None:
    holder, row, parts = two_parts(qtbot)
    holder.resize(800, 200)
    qtbot.waitUntil(lambda: parts[1].x() > parts[0].x(), timeout=2_000)
    assert row.is_row()
    assert parts[0].y() == parts[1].y()


def test_one_under_the_other_when_the_window_narrows_and_back(qtbot) -> None:
    holder, row, parts = two_parts(qtbot)
    # Never wider than its widest part: the page needs no sideways scrolling.
    assert holder.minimumSizeHint().width() < 2 * 300
    holder.resize(450, 200)
    qtbot.waitUntil(lambda: not row.is_row(), timeout=2_000)
    qtbot.waitUntil(lambda: parts[1].y() > parts[0].y(), timeout=2_000)
    assert parts[0].x() == parts[1].x()
    assert max(part.geometry().right() for part in parts) < holder.width()
    holder.resize(900, 200)
    qtbot.waitUntil(row.is_row, timeout=2_000)


def test_in_a_scrolled_page_the_column_gets_the_height_it_needs(qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout

    area = QScrollArea()
    area.setWidgetResizable(True)
    qtbot.addWidget(area)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("Rejoindre la séance"))
    card = QWidget()
    row = WrappingRow(card)
    parts = [QPushButton("Identifiant de réunion"), QPushButton("Code d'accès")]
    for part in parts:
        part.setMinimumSize(300, 80)
        row.addWidget(part)
    layout.addWidget(card)
    layout.addWidget(QLabel("Votre nom dans Zoom"))
    area.setWidget(page)
    area.resize(900, 400)
    area.show()
    qtbot.waitUntil(lambda: card.height() >= 80, timeout=2_000)
    area.resize(450, 400)
    qtbot.waitUntil(lambda: not row.is_row(), timeout=2_000)
    # The parts one under the other, whole: the page grew to hold them.
    qtbot.waitUntil(lambda: card.height() >= 2 * 80, timeout=2_000)
    assert parts[1].geometry().top() >= parts[0].geometry().bottom()
    assert parts[1].height() >= 80


def test_with_wrapped_text_inside_the_column_gets_its_height_too(qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout

    area = QScrollArea()
    area.setWidgetResizable(True)
    qtbot.addWidget(area)
    page = QWidget()
    layout = QVBoxLayout(page)
    words = QLabel("Écrivez votre prénom puis votre nom, par exemple : Mélissa Brunet. " * 3)
    words.setWordWrap(True)  # the page's height now depends on its width
    layout.addWidget(words)
    row = WrappingRow()
    parts = [QPushButton("Identifiant de réunion"), QPushButton("Code d'accès")]
    for part in parts:
        part.setMinimumSize(300, 80)
        row.addWidget(part)
    layout.addLayout(row)
    area.setWidget(page)
    area.resize(900, 400)
    area.show()
    area.resize(450, 600)
    qtbot.waitUntil(lambda: not row.is_row(), timeout=2_000)
    qtbot.waitUntil(
        lambda: parts[1].geometry().top() >= parts[0].geometry().bottom(), timeout=2_000
    )
    assert all(part.height() >= 80 for part in parts)
