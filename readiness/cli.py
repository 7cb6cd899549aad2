"""Command line: ``readiness`` opens the app; ``check`` and ``join`` work without a window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.core import exit_codes
from readiness.core.i18n import translate

if TYPE_CHECKING:
    import argparse

    from readiness.checks.kit import DeviceKit
    from readiness.core.device_choice import DeviceChoice


def main(
    argv: list[str] | None = None,
    *,
    on_shown: Callable[[], None] | None = None,
    kit: DeviceKit | None = None,
) -> int:
    """``on_shown`` is passed to the window (the start-up benchmark uses it); ``kit``
    stands in for the devices ``check`` drives (tests; by default, the real ones)."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        # A double-click: straight to the window, without building the parser.
        from readiness.app import run_app

        return run_app(on_shown=on_shown)

    from readiness.cli_args import build_parser, requested_language

    language = requested_language(argv)
    if not _wants_window(argv):
        # The parser's own help is translated too: the language comes first.
        from readiness.translations import install_without_app, pick_language

        install_without_app(pick_language(language))
    args = build_parser().parse_args(argv)
    if args.command is None:
        from readiness.app import run_app

        return run_app(config_path=args.config, on_shown=on_shown, language=args.lang)

    from readiness.logging_setup import setup_logging

    setup_logging()
    try:
        config = _load_config(args.config)
    except _ConfigFailure as failure:
        print(failure.message, file=sys.stderr)
        return exit_codes.BAD_INPUT
    if args.command == "check":
        return _check(args, config, kit)
    return _join(args, config)


def _wants_window(argv: list[str]) -> bool:
    """No command and no --help / --version: the app, which installs its own translator."""
    return not {"check", "join", "-h", "--help", "--version"} & set(argv)


class _ConfigFailure(Exception):
    def __init__(self, message: str):
        self.message = message


def _load_config(explicit: Path | None):
    from readiness.core.config import ConfigError, default_locations, load_session

    beside, user = default_locations()
    try:
        loaded = load_session(explicit, beside_program=beside, user_file=user)
    except ConfigError as error:
        raise _ConfigFailure(error.message()) from None
    # Unknown keys (a typo?): said, not refused; standard output stays the result.
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    return loaded.config


def _check(args: argparse.Namespace, config, kit: DeviceKit | None) -> int:
    from readiness.checks import CHECK_IDS, build_checks
    from readiness.core.report import report_json
    from readiness.core.result import verdict
    from readiness.core.runner import run_checks

    ids = None
    if args.only:
        ids = [part.strip() for part in args.only.split(",") if part.strip()]
        unknown = [i for i in ids if i not in CHECK_IDS]
        if unknown or not ids:
            message = translate(
                "Cli", "Vérification inconnue : {unknown}. Possibles : {known}."
            ).format(unknown=", ".join(unknown) or args.only, known=", ".join(CHECK_IDS))
            print(message, file=sys.stderr)
            return exit_codes.BAD_INPUT
    name = ""
    if args.name is not None:
        # Checked first, as `join --name` and the window do: a bad name costs no minutes
        # of checks, and a disguised one (right-to-left override) never reaches the report.
        from readiness.core.display_name import NameRefused, checked_name

        try:
            name = checked_name(args.name)
        except NameRefused as refused:
            print(refused.advice, file=sys.stderr)
            return exit_codes.BAD_INPUT
    from readiness.core.device_choice import MAX_STUN_SERVERS

    if args.stun_server and len(args.stun_server) > MAX_STUN_SERVERS:
        message = translate("Cli", "Donnez au plus {max} serveurs STUN (--stun-server).").format(
            max=MAX_STUN_SERVERS
        )
        print(message, file=sys.stderr)
        return exit_codes.BAD_INPUT
    from readiness.cli_instructions import TerminalInstructions

    # The flows' steps, said on standard error: standard output stays the result.
    checks = build_checks(ids, _devices(args, config), kit, observe=TerminalInstructions())
    started = datetime.now().astimezone()
    results = run_checks(checks)
    finished = datetime.now().astimezone()
    if args.pdf is not None:
        failure = _write_pdf(args, config, results, started, finished, name)
        if failure:
            print(failure, file=sys.stderr)
            return exit_codes.BAD_INPUT
    if args.json:
        _print_json(report_json(results, started, finished))
    else:
        _print_summary(results)
    return verdict(results).exit_code


def _write_pdf(
    args: argparse.Namespace, config, results, started, finished, name: str
) -> str | None:
    """The quality report as a PDF, without a window; a French message if it fails.
    ``name``: the participant's checked name ("" when none was given)."""
    import os

    from readiness.core.report import describe_os, quality_report

    report = quality_report(
        results,
        started,
        finished,
        organisation=config.organisation,
        display_name=name,
        operating_system=describe_os(),
    )
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window: works without a display
    from PySide6.QtGui import QGuiApplication

    from readiness.logging_setup import route_qt_messages

    route_qt_messages()  # Qt's chatter (fonts, platform) to the log, not to the person

    from readiness.ui.report_pdf import write_report_pdf

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    from readiness.ui.branding import LogoUnreadable, report_logo

    try:
        logo = report_logo(config.logo)
    except LogoUnreadable as error:  # the results matter more than the logo: saved without
        without = translate("Cli", "Le rapport est enregistré sans logo.")
        print(f"{error} {without}", file=sys.stderr)
        logo = None
    try:
        write_report_pdf(report, args.pdf, logo)
    except OSError:
        return translate(
            "Cli",
            "Le rapport n'a pas pu être enregistré dans « {path} » : choisissez un autre dossier.",
        ).format(path=args.pdf)
    return None


def _devices(args: argparse.Namespace, config) -> DeviceChoice:
    """The configuration's device choice, with what the command line says on top."""
    from dataclasses import replace

    overrides = {
        "camera": args.camera,
        "input_device": args.input_device,
        "output_device": args.output_device,
        "listen_s": args.duration,
        "speedtest_server": args.speedtest_server,
        "stun_servers": tuple(args.stun_server) if args.stun_server else None,
        "stability_s": args.stability,
    }
    return replace(config.devices, **{k: v for k, v in overrides.items() if v is not None})


def _print_json(data: dict) -> None:
    import json  # not at module level: a double-click start does not need it

    # JSON is UTF-8 by definition, whatever the console's code page.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _print_summary(results, platform: str = sys.platform) -> None:
    from readiness.core.privacy_settings import MEASURE_KEY, settings_uri
    from readiness.core.result import Status, verdict, verdict_title

    marks = {
        Status.OK: translate("Cli", "[OK]"),
        Status.WARNING: translate("Cli", "[À VOIR]"),
        Status.FAILED: translate("Cli", "[PROBLÈME]"),
        Status.SKIPPED: translate("Cli", "[NON FAIT]"),
    }
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    for result in results:
        line = translate("Cli", "{mark} {title} : {summary}")
        print(line.format(mark=marks[result.status], title=result.title, summary=result.summary))
        for advice in result.advice:
            print(f"    → {advice}")
        # For IT support: the settings page the button opens in the window.
        uri = settings_uri(result.measures.get(MEASURE_KEY, ""), platform)
        if uri:
            print("    " + translate("Cli", "Réglages à ouvrir : {uri}").format(uri=uri))
    print(translate("Cli", "Bilan : {verdict}").format(verdict=verdict_title(verdict(results))))


def _join(args: argparse.Namespace, config) -> int:
    from readiness.core.display_name import name_advice, name_problem, normalize_name
    from readiness.core.zoom_links import app_join_url, web_join_url

    name = normalize_name(args.name or "")
    if args.name is not None:
        problem = name_problem(name)
        if problem is not None:
            print(name_advice(problem), file=sys.stderr)
            return exit_codes.BAD_INPUT
    use_app = args.app or (not args.web and _zoom_handler_present())
    if use_app:
        url = app_join_url(config.meeting_id, config.passcode, name)
    else:
        url = web_join_url(config.meeting_id)
    if args.print_url:
        print(url)
        return 0

    from readiness.devices.url_opener import SystemUrlOpener

    outcome = SystemUrlOpener().open(url)
    if not outcome.ok:
        print(
            translate(
                "Cli", "Impossible d'ouvrir le lien ({detail}). Ouvrez-le vous-même : {url}"
            ).format(detail=outcome.detail, url=url),
            file=sys.stderr,
        )
        return exit_codes.OPEN_FAILED
    if not use_app:
        print(
            translate(
                "Cli", "La réunion s'ouvre dans votre navigateur. Code d'accès à saisir : {code}"
            ).format(code=config.passcode)
        )
    return 0


def _zoom_handler_present() -> bool:
    from readiness.devices.zoom import zoom_finder_for

    return zoom_finder_for().find().handler_registered


if __name__ == "__main__":
    sys.exit(main())
