"""The support contact's lines and the guide's interruption rule, in the reader's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from readiness.core.config import SessionConfig


def phone_line() -> str:
    """The words around a phone number, at ``{link}``."""
    return QCoreApplication.translate("HelpText", "Téléphone : {link}")


def email_line() -> str:
    """The words around an e-mail address, at ``{link}``."""
    return QCoreApplication.translate("HelpText", "E-mail : {link}")


def interruption_rule(config: SessionConfig) -> str:
    return QCoreApplication.translate(
        "HelpText",
        "Reconnectez-vous tout de suite avec le même identifiant et le "
        "même code d'accès. Si le problème dure plus de {minutes} minutes, appelez {name}.",
    ).format(minutes=config.escalate_after_minutes, name=config.support.name)
