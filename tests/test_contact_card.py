"""The support contact as a keyboard and a screen reader meet it: each way to reach the
person is a control of its own, which Tab reaches, the accessibility bus names with what it
shows (Qt tells the bus of each focus change between widgets, never between the links of a
label), and the keyboard opens through the system's opener (a stand-in xdg-open here)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from readiness.core.config import Contact, read_session_file
from readiness.core.contact import mailto_url, tel_url
from readiness.devices.url_opener import SystemUrlOpener
from readiness.resources import resource
from readiness.ui.accessibility_dialog import AccessibilityDialog
from readiness.ui.escalation_dialog import EscalationDialog
from readiness.ui.help_dialog import HelpDialog
from readiness.ui.page import RING_WIDTH
from readiness.ui.tasks import TaskRunner
from readiness.ui.theme import accessible_palette
from system_palettes import DARK_PALETTES

PHONE_NAME = "Téléphone\u00a0: 06 20 15 15 32"
EMAIL_NAME = "E-mail\u00a0: contact@optimocoaching.fr"
TEL = "tel:0620151532"
MAILTO = "mailto:contact@optimocoaching.fr"
WAIT_MS = 10_000


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def description_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


def as_shown(button_text: str) -> str:
    """A button's text as drawn: "&&" is one "&", a lone "&" marks a shortcut."""
    return re.sub(r"&(.)", r"\1", button_text)


def focus_walk(root: QWidget, qtbot, presses: int = 30) -> list[QWidget]:
    """The keyboard focus after each Tab press from the first stop of ``root``'s window
    (the same widget twice in a row when Tab moved within a widget)."""
    window = root.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    walked = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        QApplication.processEvents()
        walked.append(QApplication.focusWidget())
    return walked


def reached(root: QWidget, qtbot, name: str) -> QWidget:
    """Tabs until the focused widget is named ``name``, and returns it (focused)."""
    walk = focus_walk(root, qtbot)
    found = [w for w in walk if w is not None and name_of(w) == name]
    assert found, f"Tab never reaches {name!r}: {[name_of(w) for w in walk if w]}"
    found[0].setFocus()
    qtbot.waitUntil(found[0].hasFocus, timeout=2_000)
    return found[0]


# --- where the contact is shown ---------------------------------------------------------


def help_dialog(window) -> QDialog:
    return HelpDialog(window.services, window.tasks, window)


def escalation_dialog(window) -> QDialog:
    return EscalationDialog(window.services, window.tasks, window)


def join_page(window) -> QWidget:
    window.sidebar.setCurrentRow(len(window.steps) - 1)
    return window.join_page


PLACES = {"help": help_dialog, "escalation": escalation_dialog, "join": join_page}


def shown_in(place: str, window, qtbot) -> QWidget:
    root = PLACES[place](window)
    if isinstance(root, QDialog):
        qtbot.addWidget(root)
        root.show()
        qtbot.waitExposed(root)
    return root


@pytest.mark.parametrize("place", PLACES)
def test_each_way_is_a_tab_stop_of_its_own_named_with_what_it_shows(
    make_window, qtbot, place: str
) -> None:
    window = make_window(start_checks=False)
    root = shown_in(place, window, qtbot)
    walk = focus_walk(root, qtbot, presses=40)
    # The bus hears of a focus change only between widgets: Tab never stays on one.
    stays = list(dict.fromkeys(name_of(a) for a, b in pairwise(walk) if a is b))
    assert not stays, f"Tab moved inside {stays}, which the bus does not report"
    names = [name_of(w) for w in walk if root.isAncestorOf(w)]
    ways = [n for n in names if n in (PHONE_NAME, EMAIL_NAME)]
    assert PHONE_NAME in ways, names
    first = ways.index(PHONE_NAME)
    assert ways[first : first + 2] == [PHONE_NAME, EMAIL_NAME], names  # in reading order
    for widget in walk:
        if name_of(widget) in (PHONE_NAME, EMAIL_NAME):
            shown = as_shown(widget.text())  # a button: what it shows is in its name
            assert shown in ("06 20 15 15 32", "contact@optimocoaching.fr")
            assert shown in name_of(widget)
    assert not [w for w in walk if isinstance(w, QLabel)]  # the name is text, not a stop


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter])
@pytest.mark.parametrize("place", PLACES)
def test_the_keyboard_opens_the_number_and_the_address(
    make_window, qtbot, url_recorder, place: str, key: Qt.Key
) -> None:
    window = make_window(start_checks=False)
    root = shown_in(place, window, qtbot)
    for count, (name, url) in enumerate([(PHONE_NAME, TEL), (EMAIL_NAME, MAILTO)], start=1):
        way = reached(root, qtbot, name)
        QTest.keyClick(way, key)
        assert url_recorder.wait_for(count) == [TEL, MAILTO][:count], url
        assert root.isVisible()  # Enter opened the link, not the dialog's own button


def test_each_way_says_what_it_does(make_window, qtbot) -> None:
    window = make_window(start_checks=False)
    root = shown_in("help", window, qtbot)
    phone = reached(root, qtbot, PHONE_NAME)
    email = reached(root, qtbot, EMAIL_NAME)
    assert description_of(phone) == "Appeler ce numéro"
    assert description_of(email) == "Écrire un e-mail à cette adresse"


# --- the card itself ----------------------------------------------------------------------


@pytest.fixture
def make_card(qtbot):
    from readiness.ui.contact_card import ContactCard

    def make(contact: Contact, **options) -> ContactCard:
        tasks = TaskRunner()
        card = ContactCard(contact, SystemUrlOpener(), tasks, **options)
        tasks.setParent(card)
        qtbot.addWidget(card)
        card.show()
        qtbot.waitExposed(card)
        return card

    return make


def label_texts(card: QWidget) -> list[str]:
    return [label.text() for label in card.findChildren(QLabel) if label.isVisible()]


def test_without_a_phone_there_is_no_phone_button(make_card) -> None:
    card = make_card(Contact("Sabrina PIDOLOT", email="contact@optimocoaching.fr"))
    assert card.phone_button is None
    assert [b.url for b in card.buttons()] == [MAILTO]
    assert not any("Téléphone" in text for text in label_texts(card))


def test_without_an_email_there_is_no_email_button(make_card) -> None:
    card = make_card(Contact("Sabrina PIDOLOT", phone="06 20 15 15 32"))
    assert card.email_button is None
    assert [b.url for b in card.buttons()] == [TEL]
    assert name_of(card.phone_button) == PHONE_NAME  # no « Appelez le » unless asked


def test_the_name_falls_back_on_the_one_given(make_card) -> None:
    card = make_card(Contact("", email="a@b.fr", role="référent"), fallback_name="OF Optimo")
    assert card.who.text() == "OF Optimo, référent" and card.who.font().bold()
    nameless = make_card(Contact("", email="a@b.fr"))
    assert nameless.who.isHidden()


@pytest.fixture
def accessibility_dialog(qtbot):
    def make(phone: str, email: str) -> AccessibilityDialog:
        config = read_session_file(resource("session.toml"))
        contact = Contact("Claire Martin", phone, email, "référente handicap")
        config = replace(config, accessibility=contact)
        tasks = TaskRunner()
        dialog = AccessibilityDialog(config, SystemUrlOpener(), tasks)
        tasks.setParent(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def test_a_phone_alone_is_large_and_said_as_what_to_do(accessibility_dialog) -> None:
    dialog = accessibility_dialog("01 23 45 67 89", "")
    body = dialog.font().pointSizeF()
    button = dialog.contact.phone_button
    assert name_of(button) == "Appelez le 01 23 45 67 89"
    assert description_of(button) == "Appeler ce numéro"
    assert button.url == "tel:0123456789"
    for widget in (button, button.lead_in):
        assert widget.font().bold() and widget.font().pointSizeF() >= 1.4 * body
    assert button.lead_in.text() == "Appelez le"
    assert button.font().underline()


def test_a_phone_beside_an_email_is_a_plain_line(accessibility_dialog) -> None:
    dialog = accessibility_dialog("01 23 45 67 89", "handicap@exemple.fr")
    button = dialog.contact.phone_button
    assert name_of(button) == "Téléphone\u00a0: 01 23 45 67 89"
    assert button.font().pointSizeF() == pytest.approx(dialog.font().pointSizeF())


def test_in_the_five_minute_window_the_ways_are_large_and_still_links(make_window) -> None:
    window = make_window(start_checks=False)
    dialog = escalation_dialog(window)
    body = dialog.font().pointSizeF()
    for button in dialog.contact.buttons():
        assert button.font().pointSizeF() == pytest.approx(1.5 * body)
        assert button.font().underline()
    dialog.deleteLater()


# Words without spaces: the label trims the template's words, not the values.
words = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Z"), blacklist_characters="\ufffc"),
    min_size=1,
)


@given(name=words, role=words, phone=words, email=words)
@example(name="<b>Alex</b> Dupont", role="<i>r</i>", phone="06 <x>", email='a"b@c.fr')
@example(name="A&amp;B", role="&lt;", phone="&#48;6", email="a&b@c.fr")
@example(name="R&amp;D", role="&&", phone="&6", email="a&amp;b@c.fr")
def test_any_value_is_shown_as_written_and_opens_its_own_link(
    qapp, name: str, role: str, phone: str, email: str
) -> None:
    from readiness.ui.contact_card import ContactCard

    tasks = TaskRunner()
    card = ContactCard(Contact(name, phone, email, role, role), SystemUrlOpener(), tasks)
    tasks.setParent(card)
    try:
        assert card.who.textFormat() == Qt.TextFormat.PlainText
        assert card.who.text() == f"{name}, {role}"
        assert [as_shown(b.text()) for b in card.buttons()] == [phone, email]
        assert [b.url for b in card.buttons()] == [tel_url(phone), mailto_url(email)]
        assert name_of(card.phone_button) == f"Téléphone\u00a0: {phone}"
        assert name_of(card.email_button) == f"E-mail\u00a0: {email}"
        for label in card.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText
    finally:
        card.deleteLater()


def test_a_hostile_address_is_opened_exactly(make_card, qtbot, url_recorder) -> None:
    email = 'a"b<u>x</u>@exemple.fr'
    card = make_card(Contact("<b>Alex</b>", "06 20 15 15 32", email))
    assert card.who.text() == "<b>Alex</b>"
    qtbot.mouseClick(card.email_button, Qt.MouseButton.LeftButton)
    assert url_recorder.wait_for(1) == [mailto_url(email)]


# --- how it looks ---------------------------------------------------------------------------


def ring_pixels(widget: QWidget) -> int:
    """Pixels of the Highlight colour on the widget's outer two-pixel border."""
    image = widget.grab().toImage()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    width, height = image.width(), image.height()
    return sum(
        image.pixelColor(x, y) == highlight
        for x in range(width)
        for y in range(height)
        if min(x, y, width - 1 - x, height - 1 - y) < RING_WIDTH
    )


def colour_pixels(widget: QWidget, role: QPalette.ColorRole) -> int:
    image = widget.grab().toImage()
    colour = widget.palette().color(role)
    return sum(
        image.pixelColor(x, y) == colour
        for x in range(image.width())
        for y in range(image.height())
    )


def test_a_way_looks_like_a_link_with_a_focus_ring(make_card, qtbot, qapp) -> None:
    card = make_card(Contact("Sabrina", "06 20 15 15 32", "contact@optimocoaching.fr"))
    phone, email = card.buttons()
    assert phone.isFlat() and phone.font().underline()
    assert phone.cursor().shape() == Qt.CursorShape.PointingHandCursor
    system = qapp.palette()
    try:
        for palette in [system, *(make() for make in DARK_PALETTES.values())]:
            qapp.setPalette(accessible_palette(palette))
            QApplication.processEvents()
            # Drawn in the palette's Link colour (its underline, at least), light or dark.
            assert colour_pixels(phone, QPalette.ColorRole.Link) > phone.width() // 2
            assert colour_pixels(phone, QPalette.ColorRole.ButtonText) == 0
    finally:
        qapp.setPalette(system)
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=5_000)
    email.setFocus()
    qtbot.waitUntil(email.hasFocus, timeout=2_000)
    without = ring_pixels(phone)
    phone.setFocus()
    qtbot.waitUntil(phone.hasFocus, timeout=2_000)
    perimeter = 2 * (phone.width() + phone.height())
    assert ring_pixels(phone) >= 0.9 * RING_WIDTH * perimeter - 16
    assert without < 0.2 * perimeter
