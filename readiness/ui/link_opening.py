"""Opening a link for a button, and saying so kindly when the computer could not.

A ``tel:`` link on a computer without a calling app, a ``mailto:`` link without a
mail app, a browser that does not start: the person then reads what to do instead
(call the number from a phone, write from their usual mailbox, open the address
themselves), with the number, address or link selectable to copy.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from readiness.ui.services import OpenOutcome, UrlOpener
from readiness.ui.tasks import Task, TaskRunner


def unopened_link_text(url: str) -> str:
    """What to do instead, in French, for a link the computer could not open."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "tel":
        return QCoreApplication.translate(
            "LinkOpening",
            "Cet ordinateur ne sait pas appeler. Appelez le {number} depuis votre téléphone.",
        ).format(number=unquote(parts.path))
    if scheme == "mailto":
        return QCoreApplication.translate(
            "LinkOpening",
            "Aucune messagerie ne s'est ouverte. Écrivez à {address} depuis votre "
            "messagerie habituelle.",
        ).format(address=unquote(parts.path))
    if scheme in ("http", "https"):
        return QCoreApplication.translate(
            "LinkOpening",
            "Le navigateur ne s'est pas ouvert. Ouvrez vous-même cette adresse : {url}",
        ).format(url=url)
    return QCoreApplication.translate(
        "LinkOpening", "Ce lien ne s'est pas ouvert sur cet ordinateur : {url}"
    ).format(url=url)


def tell_unopened(parent: QWidget | None, url: str) -> QMessageBox:
    """A box that does not block the window, with the text selectable."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("LinkOpening", "Le lien ne s'est pas ouvert"),
        unopened_link_text(url),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_link(tasks: TaskRunner, opener: UrlOpener, url: str, parent: QWidget | None) -> Task:
    """Opens ``url`` off the GUI thread; if it fails, ``parent`` tells what to do instead."""

    def opened(outcome: OpenOutcome) -> None:
        if not outcome.ok:
            tell_unopened(parent, url)

    return tasks.run(lambda: opener.open(url), opened, lambda _error: tell_unopened(parent, url))
