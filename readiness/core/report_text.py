"""The quality report as a printable HTML page, and as a short e-mail body."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from readiness.core.i18n import translate
from readiness.core.measure_text import labelled_measures, measure_line
from readiness.core.result import Status, Verdict, status_word, verdict_title
from readiness.core.room_checklist import room_lines
from readiness.core.stability_text import line_sentences


def _when(iso: str | None) -> str:
    if not iso:
        return "—"
    moment = datetime.fromisoformat(iso)
    return translate("Report", "le {date} à {time}").format(
        date=moment.strftime("%d/%m/%Y"), time=moment.strftime("%H:%M")
    )


def report_html(report: dict[str, Any]) -> str:
    t = escape
    rows = []
    for check in report["checks"]:
        pairs = labelled_measures(check["measures"]) + line_sentences(check["measures"])
        measures = "<br>".join(t(measure_line(label, value)) for label, value in pairs)
        advice = "<br>".join(f"→ {t(line)}" for line in check["advice"])
        rows.append(
            "<tr>"
            f"<td><b>{t(check['title'])}</b><br>{t(check['summary'])}</td>"
            f"<td>{t(status_word(Status(check['status'])))}</td>"
            f"<td>{measures}</td><td>{advice}</td>"
            "</tr>"
        )
    header = "".join(
        f"<th>{t(text)}</th>"
        for text in (
            translate("Report", "Vérification"),
            translate("Report", "Résultat"),
            translate("Report", "Mesures"),
            translate("Report", "À faire"),
        )
    )
    facts = [
        (translate("Report", "Organisme"), report.get("organisation", "")),
        (translate("Report", "Participant"), report.get("display_name") or "—"),
        (translate("Report", "Vérifications faites"), _when(report.get("finished_at"))),
        (translate("Report", "Réunion rejointe"), _when(report.get("joined_at"))),
        (translate("Report", "Ordinateur"), report.get("operating_system", "")),
        (translate("Report", "Version de l'application"), report.get("app_version", "")),
    ]
    fact_rows = "".join(f"<tr><td>{t(k)}</td><td><b>{t(v)}</b></td></tr>" for k, v in facts)
    title = translate("Report", "Vérification technique avant la séance")
    overall = verdict_title(Verdict(report["verdict"]))
    note = translate(
        "Report",
        "Ce rapport ne contient aucune image de la caméra ni aucun son : seulement les "
        "résultats des vérifications.",
    )
    room = _room_html(report.get("room"))
    sharing = f"<p>{t(report['screen_sharing'])}</p>" if report.get("screen_sharing") else ""
    return (
        "<html><body style='font-family: sans-serif'>"
        f"<h1>{t(title)}</h1>"
        f"<table cellpadding='4'>{fact_rows}</table>"
        f"<h2>{t(translate('Report', 'Bilan : {verdict}').format(verdict=overall))}</h2>"
        f"<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
        f"<tr>{header}</tr>{''.join(rows)}</table>"
        f"{sharing}"
        f"{room}"
        f"<p><i>{t(note)}</i></p>"
        "</body></html>"
    )


def _room_html(answers: dict[str, Any] | None) -> str:
    """The room checklist's answers, each item confirmed or not; nothing where the
    checklist was not offered."""
    if answers is None:
        return ""
    items = "".join(
        f"<tr><td>{escape(label)}</td><td><b>{escape(answer)}</b></td></tr>"
        for label, answer in room_lines(answers)
    )
    title = translate("Report", "Pièce de la séance (déclaration du participant)")
    return f"<h2>{escape(title)}</h2><table cellpadding='4'>{items}</table>"


def mail_body(report: dict[str, Any], saved_at: str | None) -> str:
    """Plain text for a mailto: link, which cannot carry an attachment."""
    lines = [
        translate("Report", "Bonjour,"),
        "",
        translate("Report", "Voici le résultat de ma vérification technique avant la séance :"),
        verdict_title(Verdict(report["verdict"])),
        "",
    ]
    lines += [
        translate("Report", "- {title} : {status} — {summary}").format(
            title=check["title"],
            status=status_word(Status(check["status"])),
            summary=check["summary"],
        )
        for check in report["checks"]
    ]
    if report.get("screen_sharing"):
        lines += ["", str(report["screen_sharing"])]
    if report.get("room") is not None:
        lines += ["", translate("Report", "Ma pièce pour la séance :")]
        lines += [
            translate("Report", "- {label} : {answer}").format(label=label, answer=answer)
            for label, answer in room_lines(report["room"])
        ]
    lines.append("")
    if saved_at:
        lines.append(
            translate(
                "Report",
                "Le rapport complet est enregistré ici : {path} . Je le joins à ce message.",
            ).format(path=saved_at)
        )
    if report.get("display_name"):
        lines += ["", report["display_name"]]
    return "\n".join(lines)
