"""Asking for an adaptation before the session: whom to write to, and a ready e-mail."""

from __future__ import annotations

from readiness.core.config import Contact, SessionConfig
from readiness.core.contact import mailto_url
from readiness.core.i18n import translate


def has_means(contact: Contact) -> bool:
    """A contact one can actually reach: a name alone is not enough."""
    return bool(contact.email or contact.phone)


def adaptation_contact(config: SessionConfig) -> Contact | None:
    """The « référent handicap » when the organisation named one it can be reached at,
    else the support contact; None only if neither has a phone or an e-mail."""
    for contact in (config.accessibility, config.support):
        if has_means(contact):
            return contact
    return None


def is_dedicated(config: SessionConfig) -> bool:
    """Whether requests go to a dedicated accessibility contact, not to the support one."""
    return has_means(config.accessibility)


def request_subject(config: SessionConfig) -> str:
    return translate(
        "AdaptationRequest", "Demande d'adaptation pour ma séance avec {organisation}"
    ).format(organisation=config.organisation)


def request_body(config: SessionConfig, display_name: str = "") -> str:
    """A short, kind letter with a gap where the person writes what they need."""
    lines = [
        translate("AdaptationRequest", "Bonjour,"),
        "",
        translate(
            "AdaptationRequest",
            "Je participe prochainement à une séance avec {organisation}. Pour y participer "
            "dans de bonnes conditions, j'aurais besoin de l'adaptation suivante :",
        ).format(organisation=config.organisation),
        "",
        "",
        "",
    ]
    if config.session_start is not None:
        lines += [
            translate("AdaptationRequest", "Ma séance est prévue le {date} à {time}.").format(
                date=config.session_start.strftime("%d/%m/%Y"),
                time=config.session_start.strftime("%H:%M"),
            ),
            "",
        ]
    lines.append(translate("AdaptationRequest", "Merci,"))
    if display_name:
        lines.append(display_name)
    return "\n".join(lines) + "\n"


def request_mailto(config: SessionConfig, display_name: str = "") -> str | None:
    """The mailto: link of the request, or None when the contact has no e-mail."""
    contact = adaptation_contact(config)
    if contact is None or not contact.email:
        return None
    return mailto_url(
        contact.email,
        subject=request_subject(config),
        body=request_body(config, display_name),
    )
