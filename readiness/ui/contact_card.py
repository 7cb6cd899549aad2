"""A person to reach, as text and real controls: their name, then one link-looking button
per way to reach them (the phone, the e-mail).

A link inside a label is no object of its own on the accessibility bus: Tab went from
link to link while a screen reader still heard the whole label. Each way is a button
instead, named with the words before it (« Téléphone : 06 20 15 15 32 ») and described
by what it does; everything else shown is some label's text, which is its name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from readiness.core.config import Contact
from readiness.core.contact import mailto_url, tel_url
from readiness.ui.help_text import email_line, phone_line
from readiness.ui.link_opening import open_link
from readiness.ui.page import draw_ring
from readiness.ui.services import UrlOpener
from readiness.ui.tasks import TaskRunner

# Where the number or the address goes in a line's template (« Téléphone : {link} »).
LINK = "{link}"
# How much larger the phone is when it is the only way to reach the person.
LONE_PHONE_SCALE = 1.5

_Role = QPalette.ColorRole
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class LinkButton(QPushButton):
    """A push button drawn as a link: flat, underlined, in the palette's Link colour (kept
    readable on the window by theme.py), with the app's focus ring. Enter opens it as
    Space does, in a dialog too; the link opens off the GUI thread."""

    def __init__(
        self,
        text: str,
        url: str,
        opener: UrlOpener,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(text.replace("&", "&&"), parent)  # as written: no "&" shortcut
        self.url = url
        self._opener = opener
        self._tasks = tasks
        # The label just before it, whose words start its name (speech input says them).
        self.lead_in: QLabel | None = None
        self.setFlat(True)
        self.setAutoDefault(False)  # Enter on it opens the link, not the dialog's button
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = QFont()  # only the underline is its own: size and weight follow its parent
        font.setUnderline(True)
        self.setFont(font)
        self.clicked.connect(self.open)

    def open(self) -> None:
        open_link(self._tasks, self._opener, self.url, self.window())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            if not event.isAutoRepeat():  # a held key opens it once
                self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        # Painted from the current palette each time: a switch to dark is followed.
        palette = QPalette(option.palette)
        for group in _GROUPS:
            palette.setColor(group, _Role.ButtonText, palette.color(group, _Role.Link))
        option.palette = palette
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # Styles draw a flat button's focus faintly or not at all (Fusion: not).
            draw_ring(painter, self.rect(), palette, False)
        painter.end()


class ContactCard(QWidget):
    """``contact``'s name and role in bold, then a row per way to reach them.

    ``fallback_name`` is shown when the contact has no name (the organisation).
    ``lone_phone``, a template with ``{link}`` (« Appelez le {link} »): when the phone is
    the only way, it is shown large and said as what to do."""

    def __init__(
        self,
        contact: Contact,
        opener: UrlOpener,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        fallback_name: str = "",
        lone_phone: str = "",
    ):
        super().__init__(parent)
        self._opener = opener
        self._tasks = tasks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)

        parts = (contact.name or fallback_name, contact.role_text())
        who = ", ".join(part for part in parts if part)
        self.who = _plain_label(who)
        bold = QFont()
        bold.setBold(True)
        self.who.setFont(bold)
        self.who.setWordWrap(True)
        self.who.setVisible(bool(who))
        layout.addWidget(self.who)

        self.phone_button: LinkButton | None = None
        self.email_button: LinkButton | None = None
        if contact.phone:
            alone = bool(lone_phone) and not contact.email
            self.phone_button = self._way(
                layout,
                lone_phone if alone else phone_line(),
                contact.phone,
                tel_url(contact.phone),
                self.tr("Appeler ce numéro"),
            )
            if alone:
                self._emphasise(self.phone_button)
        if contact.email:
            self.email_button = self._way(
                layout,
                email_line(),
                contact.email,
                mailto_url(contact.email),
                self.tr("Écrire un e-mail à cette adresse"),
            )

    def buttons(self) -> list[LinkButton]:
        """The ways to reach the person, in the order shown (and Tab's)."""
        return [b for b in (self.phone_button, self.email_button) if b is not None]

    def _way(
        self, layout: QVBoxLayout, template: str, value: str, url: str, action: str
    ) -> LinkButton:
        """A row « Téléphone : [06 20 15 15 32] »: the template's words as labels around
        the button, and the whole line as the button's name."""
        before, _, after = template.partition(LINK)
        row = QHBoxLayout()
        row.setSpacing(0)
        button = LinkButton(value, url, self._opener, self._tasks)
        button.setAccessibleName(template.replace(LINK, value).strip())
        button.setAccessibleDescription(action)
        if before.strip():
            button.lead_in = _plain_label(before.strip())
            row.addWidget(button.lead_in)
        row.addWidget(button)
        if after.strip():
            row.addWidget(_plain_label(after.strip()))
        row.addStretch(1)
        layout.addLayout(row)
        return button

    def _emphasise(self, button: LinkButton) -> None:
        size = self.font().pointSizeF() * LONE_PHONE_SCALE
        for widget in (button.lead_in, button):
            if widget is None:
                continue
            font = QFont(widget.font())
            font.setPointSizeF(size)
            font.setBold(True)
            widget.setFont(font)


def _plain_label(text: str) -> QLabel:
    # Values from session.toml: shown as written, never as markup. Its name is its text.
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
