"""The support contact and the guide's interruption rule, as rich text for labels.

Every value from session.toml is escaped, in the shown text and in the link's address:
rich text must show it as written, never as markup."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from readiness.core.config import SessionConfig
from readiness.core.contact import mailto_url, tel_url


def link_html(url: str, text: str) -> str:
    """A link showing ``text`` as written; the address quoted as an attribute value."""
    return f'<a href="{escape(url, quote=True)}">{escape(text)}</a>'


def contact_html(config: SessionConfig) -> str:
    support = config.support
    who = escape(support.name)
    if support.role_text():
        who += f", {escape(support.role_text())}"
    lines = [f"<b>{who}</b>"]
    if support.phone:
        lines.append(
            QCoreApplication.translate("HelpText", "Téléphone : {link}").format(
                link=link_html(tel_url(support.phone), support.phone)
            )
        )
    if support.email:
        lines.append(
            QCoreApplication.translate("HelpText", "E-mail : {link}").format(
                link=link_html(mailto_url(support.email), support.email)
            )
        )
    return "<br>".join(lines)


def interruption_rule(config: SessionConfig) -> str:
    return QCoreApplication.translate(
        "HelpText",
        "Reconnectez-vous tout de suite avec le même identifiant et le "
        "même code d'accès. Si le problème dure plus de {minutes} minutes, appelez {name}.",
    ).format(minutes=config.escalate_after_minutes, name=config.support.name)
